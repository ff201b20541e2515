package io.sweepline.http;

import static io.sweepline.http.ApiTestNode.contentType;
import static io.sweepline.http.ApiTestNode.json;
import static io.sweepline.http.ApiTestNode.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API against a real server in front of a one-node cluster with the in-memory journal
 * ({@link ApiTestNode}). One ActorSystem for the class, stopped in {@code @AfterAll} (PEKKO-NOTES P5).
 */
class SweepRoutesTest {

    private static final String VALID_YAML = """
            name: routes-test
            method: random
            metric: {name: loss, goal: minimize}
            parameters:
              lr: {min: 0.001, max: 0.1}
              layers: {values: [1, 2, 3]}
            """;

    private static ApiTestNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = ApiTestNode.start("SweepRoutesTest");
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    // ---- sweeps -----------------------------------------------------------------------------

    @Test
    void createsASweepFromYamlAndAnswers201WithSnakeCaseFields() throws Exception {
        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "application/yaml", VALID_YAML);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("application/json", contentType(response));
        JsonNode sweep = json(response);
        String id = sweep.get("id").asText();
        assertFalse(id.isEmpty());
        assertEquals("/api/v1/sweeps/" + id, response.headers().firstValue("Location").orElseThrow());
        assertEquals("RUNNING", sweep.get("state").asText());
        assertEquals("random", sweep.get("method").asText());
        assertEquals("routes-test", sweep.get("name").asText());
        assertEquals(0, sweep.get("trial_counts").get("RUNNING").asLong());
        assertTrue(sweep.get("best").isNull());
        assertFalse(sweep.get("stop_requested").asBoolean());
        Instant.parse(sweep.get("created_at").asText());
        assertTrue(sweep.get("warnings").isArray());
        assertFalse(sweep.has("trialCounts") || sweep.has("trials"), sweep.toString());
    }

    @Test
    void createsASweepFromJsonBecauseJsonIsYaml() throws Exception {
        String config = "{\"method\": \"grid\", \"parameters\": {\"x\": {\"values\": [1, 2, 3]}}}";

        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "application/json", config);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("grid", json(response).get("method").asText());
        assertEquals(config, json(response).get("config").asText());
    }

    @Test
    void rejectsAnInvalidConfigWith422ListingEveryViolationWithItsPath() throws Exception {
        String invalid = "method: random\nparameters:\n  lr: {min: 0.5, max: 0.1}\n";

        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "text/yaml", invalid);

        JsonNode problem = problem(response, 422);
        assertEquals("urn:sweepline:problem:invalid_config", problem.get("type").asText());
        assertFalse(problem.get("errors").isEmpty(), problem.toString());
        problem.get("errors").forEach(e -> assertFalse(e.get("message").asText().isEmpty(), e.toString()));
        assertTrue(problem.get("errors").findValuesAsText("path").contains("parameters.lr.max"), problem.toString());
    }

    @Test
    void answersMalformedYamlWithAProblemAndNever5xx() throws Exception {
        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "application/x-yaml", "method: [random\n  : {");

        assertTrue(response.statusCode() == 400 || response.statusCode() == 422, response.body());
        assertFalse(problem(response, response.statusCode()).get("errors").isEmpty(), response.body());
    }

    @Test
    void refusesAnImageBodyWith415() throws Exception {
        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "image/png", "not a config");

        assertTrue(problem(response, 415).get("detail").asText().contains("application/yaml"), response.body());
    }

    @Test
    void refusesABodyLargerThanOneMebibyteWith413() throws Exception {
        String oversize = "#".repeat(1024 * 1024 + 1);

        HttpResponse<String> response = node.send("POST", "/api/v1/sweeps", "text/plain", oversize);

        assertEquals("urn:sweepline:problem:body_too_large", problem(response, 413).get("type").asText());
    }

    @Test
    void listsACreatedSweepWithoutItsTrials() throws Exception {
        String id = node.createSweep(VALID_YAML);

        HttpResponse<String> response = node.get("/api/v1/sweeps");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode match = null;
        for (JsonNode sweep : json(response).get("sweeps")) {
            match = sweep.get("id").asText().equals(id) ? sweep : match;
        }
        assertTrue(match != null && !match.has("trials") && !match.has("warnings"), response.body());
    }

    @Test
    void showsOneSweepWithItsConfigMetricAndBest() throws Exception {
        String id = node.createSweep(VALID_YAML);

        HttpResponse<String> response = node.get("/api/v1/sweeps/" + id);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode sweep = json(response);
        assertEquals(VALID_YAML, sweep.get("config").asText());
        assertEquals("loss", sweep.get("metric").asText());
        assertEquals("minimize", sweep.get("goal").asText());
        assertTrue(sweep.has("best") && sweep.get("trial_counts").isObject(), sweep.toString());
        assertFalse(sweep.has("warnings"), sweep.toString());
    }

    @Test
    void pausingThenResumingChangesTheState() throws Exception {
        String id = node.createSweep(VALID_YAML);

        HttpResponse<String> paused = node.post("/api/v1/sweeps/" + id + "/pause");
        HttpResponse<String> resumed = node.post("/api/v1/sweeps/" + id + "/resume");

        assertEquals(200, paused.statusCode(), paused.body());
        assertEquals("PAUSED", json(paused).get("state").asText());
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals("RUNNING", json(resumed).get("state").asText());
    }

    @Test
    void cancelingEndsTheSweepAtOnce() throws Exception {
        String id = node.createSweep(VALID_YAML);

        HttpResponse<String> response = node.post("/api/v1/sweeps/" + id + "/cancel");

        assertEquals("CANCELED", json(response).get("state").asText(), response.body());
    }

    @Test
    void answersAnUnknownSweepWith404Problem() throws Exception {
        assertEquals("urn:sweepline:problem:not_found",
                problem(node.get("/api/v1/sweeps/nosuchsweep"), 404).get("type").asText());
        problem(node.post("/api/v1/sweeps/nosuchsweep/pause"), 404);
        problem(node.get("/api/v1/sweeps/nosuchsweep/trials"), 404);
    }

    // ---- trials -----------------------------------------------------------------------------

    @Test
    void listsAndShowsAHandedOutTrial() throws Exception {
        String id = node.createSweep(VALID_YAML);
        String trialId = node.claimTrial(id);

        HttpResponse<String> trials = node.get("/api/v1/sweeps/" + id + "/trials");
        HttpResponse<String> trial = node.get("/api/v1/sweeps/" + id + "/trials/" + trialId);

        assertEquals(200, trials.statusCode(), trials.body());
        assertEquals(trialId, json(trials).get("trials").get(0).get("id").asText());
        assertEquals(200, trial.statusCode(), trial.body());
        JsonNode view = json(trial);
        assertEquals("PENDING", view.get("state").asText());
        assertTrue(view.get("params").has("lr") && view.has("started_at") && view.has("ended_at"), view.toString());
    }

    @Test
    void answersAnUnknownTrialWith404Problem() throws Exception {
        String id = node.createSweep(VALID_YAML);

        problem(node.get("/api/v1/sweeps/" + id + "/trials/nosuchtrial"), 404);
        problem(node.get("/api/v1/sweeps/" + id + "/trials/nosuchtrial/metrics"), 404);
    }

    @Test
    void answersTheMetricHistoryOfATrialInOrder() throws Exception {
        String id = node.createSweep(VALID_YAML);
        String trialId = node.claimTrial(id);
        node.reportMetrics(id, trialId, List.of(Map.of("epoch", 1L, "loss", 0.5), Map.of("epoch", 2L, "loss", Double.NaN)));

        HttpResponse<String> response = node.get("/api/v1/sweeps/" + id + "/trials/" + trialId + "/metrics");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode metrics = json(response).get("metrics");
        assertEquals(2, metrics.size(), response.body());
        assertEquals(0.5, metrics.get(0).get("loss").asDouble());
        assertTrue(metrics.get(1).get("loss").isNull(), "NaN is written as null: " + response.body());
    }

    @Test
    void answersTheOutputOfALiveTrial() throws Exception {
        String id = node.createSweep(VALID_YAML);
        String trialId = node.claimTrial(id);
        node.appendLogs(id, trialId, "epoch 1\n", "warning: slow\n");

        HttpResponse<String> response = node.get("/api/v1/sweeps/" + id + "/trials/" + trialId + "/logs");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode logs = json(response);
        assertEquals("epoch 1\n", logs.get("stdout").asText());
        assertEquals("warning: slow\n", logs.get("stderr").asText());
        assertTrue(logs.get("live").asBoolean());
        problem(node.get("/api/v1/sweeps/" + id + "/trials/nosuchtrial/logs"), 404);
    }

    // ---- routing errors ---------------------------------------------------------------------

    @Test
    void answersAnUnknownRouteWith404Problem() throws Exception {
        assertEquals("urn:sweepline:problem:not_found",
                problem(node.get("/api/v1/nothing/here"), 404).get("type").asText());
    }

    @Test
    void answersAWrongMethodWith405Problem() throws Exception {
        problem(node.send("DELETE", "/api/v1/sweeps", null, null), 405);
        problem(node.get("/api/v1/sweeps/anyid/pause"), 405);
    }

    // ---- node -------------------------------------------------------------------------------

    @Test
    void answersHealthWith200() throws Exception {
        HttpResponse<String> response = node.get("/health");

        assertEquals(200, response.statusCode());
        assertEquals("ok", json(response).get("status").asText());
    }

    @Test
    void answersReadyWith200OnceTheMemberIsUp() throws Exception {
        assertEquals(200, node.get("/ready").statusCode());
    }

    @Test
    void listsThisNodeAsAControllerSeed() throws Exception {
        int port = Cluster.get(node.testKit.system()).selfMember().address().getPort().orElseThrow();

        HttpResponse<String> response = node.get("/api/v1/cluster");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("[\"127.0.0.1:" + port + "\"]", json(response).get("seed_nodes").toString());
    }
}
