package io.sweepline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sweepline.controller.sweep.SweepEntity;
import io.sweepline.search.config.Violation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.pattern.AskTimeoutException;
import org.junit.jupiter.api.Test;
import scala.Option;

class ErrorMappingTest {

    private final ErrorMapping errors = new ErrorMapping(Duration.ofSeconds(10));

    @Test
    void mapsAnInvalidConfigTo422WithEveryViolation() throws Exception {
        var rejected = new SweepEntity.Rejected("invalid_config", "the sweep config is invalid",
                List.of(new Violation("parameters.lr.max", "must be greater than min"), new Violation("method", "is required")));

        JsonNode body = body(errors.rejected(rejected), 422);

        assertEquals("parameters.lr.max", body.get("errors").get(0).get("path").asText());
        assertEquals("is required", body.get("errors").get(1).get("message").asText());
    }

    @Test
    void mapsATakenIdTo409() throws Exception {
        body(errors.rejected(new SweepEntity.Rejected("conflict", "sweep x already exists", List.of())), 409);
    }

    @Test
    void mapsAnAskTimeoutInsideACompletionExceptionTo503() throws Exception {
        JsonNode body = body(errors.failure(new CompletionException(new AskTimeoutException("Ask timed out"))), 503);

        assertTrue(body.get("detail").asText().contains("10 s"), body.toString());
        body(errors.failure(new TimeoutException("plain")), 503);
    }

    @Test
    void mapsAnOversizeBodyTo413() throws Exception {
        body(errors.failure(new EntityStreamSizeException(1024L, Option.empty())), 413);
    }

    @Test
    void mapsMalformedJsonTo400() throws Exception {
        body(errors.failure(new JsonParseException(null, "Unexpected character")), 400);
    }

    @Test
    void mapsAnUnexpectedFailureTo500WithoutLeakingItsMessage() throws Exception {
        JsonNode body = body(errors.failure(new IllegalStateException("secret internals")), 500);

        assertTrue(!body.get("detail").asText().contains("secret"), body.toString());
    }

    @Test
    void mapsARejectedClaimTo404() throws Exception {
        body(errors.claimRejected(new SweepEntity.ClaimRejected("no sweep x")), 404);
    }

    private static JsonNode body(HttpResponse response, int status) throws Exception {
        assertEquals(status, response.status().intValue());
        assertEquals(ErrorMapping.PROBLEM_JSON, response.entity().getContentType());
        JsonNode json = Json.MAPPER.readTree(((HttpEntity.Strict) response.entity()).getData().utf8String());
        assertEquals(status, json.get("status").asInt());
        return json;
    }
}
