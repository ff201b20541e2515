package io.sweepline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sweepline.search.config.ConfigMutator;
import io.sweepline.search.config.ConfigParser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind is a 4xx with a problem+json body, never a 5xx and never a hang (each
 * request has a 20 s client timeout): thousands of mutated real and conformance configs, broken
 * texts and random bytes under every content type, random bodies to the agent endpoints, alias
 * bombs, deep nesting and oversized bodies.
 */
class HttpFuzzTest {

    private static final List<String> CONTENT_TYPES = List.of("application/yaml", "application/json", "text/plain",
            "text/yaml", "application/x-yaml", "application/octet-stream", "image/png", "text/html");
    private static ApiTestNode node;
    private static List<String> corpus;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start("HttpFuzzTest");
        corpus = ConfigMutator.corpus();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    private static void assertFourHundredOrSuccess(HttpResponse<String> r, String input) {
        assertTrue(r.statusCode() < 500, () -> "HTTP " + r.statusCode() + " for: " + abbreviate(input) + "\n" + r.body());
        if (r.statusCode() >= 400) {
            assertEquals("application/problem+json", ApiTestNode.contentType(r), r.body());
            assertTrue(r.body().contains("\"detail\""), r.body());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Test
    void mutatedConfigsAndBrokenTextsNeverCauseAServerError() throws Exception {
        SplittableRandom random = new SplittableRandom(7L);
        ConfigParser parser = new ConfigParser();
        for (int i = 0; i < 2_000; i++) {
            String text = corpus.get(random.nextInt(corpus.size()));
            String body;
            String contentType;
            if (i % 2 == 0) {
                Object tree = ConfigMutator.mutableCopy(parser.parse(text));
                for (int m = 0, n = 1 + random.nextInt(4); m < n; m++) {
                    tree = ConfigMutator.mutate(tree, random);
                }
                body = Json.MAPPER.writeValueAsString(tree);
                contentType = "application/json";
            } else {
                body = ConfigMutator.breakText(text, random);
                contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            }
            assertFourHundredOrSuccess(node.send("POST", "/api/v1/sweeps", contentType, body), body);
        }
    }

    @Test
    void randomBodiesToTheAgentEndpointsNeverCauseAServerError() throws Exception {
        SplittableRandom random = new SplittableRandom(11L);
        String sweep = node.createSweep("method: random\nmetric: {name: loss}\nparameters: {x: {min: 0.0, max: 1.0}}\n");
        String trial = node.claimTrial(sweep);
        List<String> paths = List.of("/api/v1/sweeps/" + sweep + "/claim", "/api/v1/sweeps/" + sweep + "/trials/" + trial
                + "/metrics", "/api/v1/sweeps/" + sweep + "/trials/" + trial + "/heartbeat", "/api/v1/sweeps/" + sweep
                + "/trials/" + trial + "/logs", "/api/v1/sweeps/" + sweep + "/trials/nope/finish");
        for (int i = 0; i < 1_000; i++) {
            String body = random.nextInt(3) == 0 ? ConfigMutator.randomBytes(random)
                    : Json.MAPPER.writeValueAsString(ConfigMutator.randomValue(random, 3));
            if (body.contains("\"wait_seconds\"")) {
                continue; // a random long poll would only slow the test down
            }
            String path = paths.get(random.nextInt(paths.size()));
            assertFourHundredOrSuccess(node.send("POST", path, random.nextBoolean() ? "application/json" : "text/plain", body),
                    path + " " + body);
        }
    }

    @Test
    void aliasBombsDeepNestingAndHugeBodiesAreClearFourHundreds() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            bomb.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int k = 0; k < 10; k++) {
                bomb.append(k == 0 ? "" : ", ").append('*').append((char) ('a' + i - 1));
            }
            bomb.append("]\n");
        }
        JsonNode problem = ApiTestNode.problem(node.send("POST", "/api/v1/sweeps", "application/yaml", bomb.toString()), 422);
        assertTrue(problem.toString().contains("alias") || problem.toString().contains("expands"), problem.toString());
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        assertFourHundredOrSuccess(node.send("POST", "/api/v1/sweeps", "application/json", deep), "deep nesting");
        assertTrue(node.send("POST", "/api/v1/sweeps", "application/json", deep).statusCode() >= 400);
        String huge = "method: grid\nparameters:\n" + "  p: {values: [1]}\n".repeat(120_000);
        ApiTestNode.problem(node.send("POST", "/api/v1/sweeps", "application/yaml", huge), 413);
        ApiTestNode.problem(node.send("POST", "/api/v1/sweeps/x/trials/t/metrics", "application/json",
                "{\"metrics\": [" + "{\"l\": 1},".repeat(200_000) + "{}]}"), 413);
    }
}
