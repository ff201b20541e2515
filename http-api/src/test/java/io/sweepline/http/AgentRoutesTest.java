package io.sweepline.http;

import static io.sweepline.http.ApiTestNode.json;
import static io.sweepline.http.ApiTestNode.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent API over HTTP: claim, metrics, heartbeat, finish, logs — against a real server and entity. */
class AgentRoutesTest {

    private static ApiTestNode node;

    private static final String HYPERBAND = """
            method: grid
            metric: {name: loss}
            parameters: {x: {values: [1, 2, 3]}}
            early_terminate: {type: hyperband, min_iter: 1, eta: 2}
            """;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start("AgentRoutesTest");
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> response = node.send("POST", path, "application/json", body);
        assertEquals(status, response.statusCode(), response.body());
        return json(response);
    }

    private String claim(String sweep) throws Exception {
        JsonNode claimed = post("/api/v1/sweeps/" + sweep + "/claim", "{\"agent\": \"py\", \"wait_seconds\": 0}", 200);
        assertEquals("RUNNING", claimed.get("sweep_state").asText());
        return claimed.get("trial").get("id").asText();
    }

    @Test
    void aClaimedTrialReportsMetricsAndFinishes() throws Exception {
        String sweep = node.createSweep(HYPERBAND);
        JsonNode claimed = post("/api/v1/sweeps/" + sweep + "/claim", "{\"agent\": \"py\"}", 200);
        JsonNode trial = claimed.get("trial");
        assertEquals(1, trial.get("params").get("x").asInt());
        assertTrue(trial.get("heartbeat_seconds").asDouble() > 0
                && trial.get("lost_after_seconds").asDouble() > trial.get("heartbeat_seconds").asDouble(), trial.toString());
        String t = trial.get("id").asText();
        String metrics = "/api/v1/sweeps/" + sweep + "/trials/" + t + "/metrics";
        assertFalse(post(metrics, "{\"loss\": 0.5, \"_step\": 0}", 200).get("stop").asBoolean());
        assertFalse(post(metrics, "{\"metrics\": [{\"loss\": NaN, \"_step\": 1}, {\"loss\": 0.25, \"_step\": 2}]}", 200)
                .get("stop").asBoolean(), "Python's json writes NaN; it is accepted");
        post(metrics, "{\"loss\": 0.5, \"_step\": 0}", 200);
        assertFalse(post("/api/v1/sweeps/" + sweep + "/trials/" + t + "/heartbeat", "", 200).get("stop").asBoolean());
        assertTrue(post("/api/v1/sweeps/" + sweep + "/trials/" + t + "/finish", "{\"exit_code\": 0}", 200).get("stop").asBoolean());
        post("/api/v1/sweeps/" + sweep + "/trials/" + t + "/finish", "{\"exit_code\": 0}", 200);
        JsonNode history = json(node.get(metrics)).get("metrics");
        assertEquals(3, history.size(), "the repeated _step 0 was not recorded twice: " + history);
        assertEquals("FINISHED", json(node.get("/api/v1/sweeps/" + sweep + "/trials/" + t)).get("state").asText());
    }

    @Test
    void theMetricsReplySaysStopWhenHyperbandDecidesSo() throws Exception {
        String sweep = node.createSweep(HYPERBAND);
        String t1 = claim(sweep);
        String t2 = claim(sweep);
        String t3 = claim(sweep);
        post("/api/v1/sweeps/" + sweep + "/trials/" + t1 + "/metrics", "{\"loss\": 1.0}", 200);
        post("/api/v1/sweeps/" + sweep + "/trials/" + t2 + "/metrics", "{\"loss\": 2.0}", 200);
        JsonNode reply = post("/api/v1/sweeps/" + sweep + "/trials/" + t3 + "/metrics", "{\"loss\": 5.0}", 200);
        assertTrue(reply.get("stop").asBoolean(), reply.toString());
        assertTrue(reply.get("reason").asText().startsWith("hyperband"), reply.toString());
        assertTrue(post("/api/v1/sweeps/" + sweep + "/trials/" + t3 + "/heartbeat", "{}", 200).get("stop").asBoolean());
        post("/api/v1/sweeps/" + sweep + "/trials/" + t3 + "/finish", "{\"state\": \"stopped\"}", 200);
        assertEquals("STOPPED", json(node.get("/api/v1/sweeps/" + sweep + "/trials/" + t3)).get("state").asText());
    }

    @Test
    void aClaimOnAPausedSweepWaitsThenAnswersWithNoTrial() throws Exception {
        String sweep = node.createSweep(HYPERBAND);
        node.send("POST", "/api/v1/sweeps/" + sweep + "/pause", "application/json", "");
        JsonNode reply = post("/api/v1/sweeps/" + sweep + "/claim", "{\"agent\": \"py\", \"wait_seconds\": 0.2}", 200);
        assertTrue(reply.get("trial").isNull(), reply.toString());
        assertEquals("PAUSED", reply.get("sweep_state").asText());
    }

    @Test
    void prometheusMetricsCountSweepsTrialsClaimsAndRows() throws Exception {
        String sweep = node.createSweep(HYPERBAND);
        String t = claim(sweep);
        post("/api/v1/sweeps/" + sweep + "/trials/" + t + "/metrics", "{\"metrics\": [{\"loss\": 1}, {\"loss\": 2}]}", 200);
        HttpResponse<String> response = node.get("/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String text = response.body();
        assertTrue(text.contains("# TYPE sweepline_claim_latency_seconds histogram"), text);
        assertTrue(value(text, "sweepline_sweeps{state=\"running\"}") >= 1, text);
        assertTrue(value(text, "sweepline_trials{state=\"running\"}") >= 1, "the trial reported metrics: " + text);
        assertTrue(value(text, "sweepline_claim_latency_seconds_count") >= 1, text);
        assertTrue(value(text, "sweepline_metric_rows_ingested_total") >= 2, text);
        assertEquals(value(text, "sweepline_claim_latency_seconds_count"),
                value(text, "sweepline_claim_latency_seconds_bucket{le=\"+Inf\"}"), "the +Inf bucket counts every claim");
    }

    private static double value(String exposition, String series) {
        return exposition.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + series + " in\n" + exposition));
    }

    @Test
    void badAgentRequestsAreClearFourHundreds() throws Exception {
        String sweep = node.createSweep(HYPERBAND);
        String t = claim(sweep);
        assertTrue(problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/claim", "application/json", "{}"), 400)
                .get("detail").asText().contains("agent"));
        problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/claim", "application/json", "{\"agent\": "), 400);
        problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/claim", "application/json", "[1]"), 400);
        problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/trials/" + t + "/metrics", "application/json",
                "{\"metrics\": [1, 2]}"), 400);
        problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/trials/" + t + "/finish", "application/json",
                "{\"state\": \"bogus\"}"), 400);
        problem(node.send("POST", "/api/v1/sweeps/" + sweep + "/trials/nope/heartbeat", "application/json", "{}"), 404);
        problem(node.send("POST", "/api/v1/sweeps/nosuchsweep/claim", "application/json", "{\"agent\": \"a\"}"), 404);
    }
}
