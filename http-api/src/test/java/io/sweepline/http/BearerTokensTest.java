package io.sweepline.http;

import static io.sweepline.http.ApiTestNode.json;
import static io.sweepline.http.ApiTestNode.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With tokens configured: 401 without a valid one, nothing leaks, /health stays open. */
class BearerTokensTest {

    private static final String GOOD = "s3cret-token-0123456789";
    private static ApiTestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.startWithTokens("BearerTokensTest", BearerTokens.of(List.of(GOOD, "another-token-abcdefgh")));
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    @Test
    void aValidTokenIsServedAndAMissingOrWrongOneIsRefusedAlike() throws Exception {
        node.useToken(GOOD);
        String id = node.createSweep("method: random\nparameters: {x: {min: 0.0, max: 1.0}}\n");
        assertEquals(200, node.get("/api/v1/sweeps/" + id).statusCode());

        node.useToken(null);
        HttpResponse<String> missing = node.get("/api/v1/sweeps/" + id);
        node.useToken("s3cret-token-012345678X");
        HttpResponse<String> wrong = node.get("/api/v1/sweeps/" + id);
        node.useToken("Bearer");
        HttpResponse<String> garbage = node.get("/api/v1/sweeps/" + id);
        for (HttpResponse<String> r : List.of(missing, wrong, garbage)) {
            assertEquals("unauthorized", problem(r, 401).get("type").asText().replace("urn:sweepline:problem:", ""));
            assertEquals(missing.body(), r.body(), "a wrong token reveals no more than none");
            assertFalse(r.body().contains(id), "nothing about the sweep leaks");
            assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        node.useToken(null);
        assertEquals(401, node.send("POST", "/api/v1/sweeps", "application/yaml", "method: grid").statusCode(),
                "refused before the body is even read");
        assertEquals(401, node.get("/api/v1/nosuchpath").statusCode(), "unknown paths do not reveal what exists");
    }

    @Test
    void healthAndReadinessStayOpen() throws Exception {
        node.useToken(null);
        assertEquals("ok", json(node.get("/health")).get("status").asText());
        assertEquals(200, node.get("/ready").statusCode());
    }

    @Test
    void aTokensFileNeedsLongTokensOneALine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# team tokens\n\n" + GOOD + "\n");
        assertTrue(BearerTokens.read(file).accepts(java.util.Optional.of("Bearer " + GOOD)));
        assertFalse(BearerTokens.read(file).accepts(java.util.Optional.of("Basic " + GOOD)));
        Files.writeString(file, "short\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BearerTokens.read(file)).getMessage()
                .contains("at least 16"));
        Files.writeString(file, "# nothing\n");
        assertThrows(IllegalArgumentException.class, () -> BearerTokens.read(file), "an empty file is not an open API");
    }
}
