package io.sweepline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweepline.protocol.TrialView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesRecordComponentsInSnakeCaseAndTimesAsIsoStrings() throws Exception {
        TrialView trial = new TrialView("t1", 1, "FINISHED", Map.of("learningRate", 0.1), Map.of(), 0.5, "a1", 1,
                null, 0, null, Instant.parse("2025-01-31T12:00:00Z"), null);

        JsonNode json = Json.MAPPER.readTree(Json.write(trial));

        assertEquals("2025-01-31T12:00:00Z", json.get("started_at").asText());
        assertEquals(0, json.get("exit_code").asInt());
        assertEquals(0.1, json.get("params").get("learningRate").asDouble(), "map keys stay as written");
        assertEquals(true, json.get("retry_of").isNull());
    }

    @Test
    void writesNonFiniteNumbersAsNullBecauseTheyAreNotJson() throws Exception {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("loss", Double.NaN);
        summary.put("grad", Double.POSITIVE_INFINITY);
        summary.put("acc", 0.75);
        summary.put("f", Float.NEGATIVE_INFINITY);

        assertEquals("{\"loss\":null,\"grad\":null,\"acc\":0.75,\"f\":null}", new String(Json.write(summary)));
    }

    @Test
    void readsPythonsNanAndIntegersAsLong() throws Exception {
        JsonNode json = Json.MAPPER.readTree("{\"loss\": NaN, \"step\": 3}");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = Json.MAPPER.readValue("{\"step\": 3, \"lr\": 3.0}", Map.class);

        assertEquals(true, Double.isNaN(json.get("loss").asDouble()));
        assertEquals(3L, map.get("step"));
        assertEquals(3.0, map.get("lr"));
    }
}
