package io.sweepline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** /api/v1/openapi.yaml documents exactly the operations the routes serve, and each of them exists. */
class OpenApiTest {

    private static final String NO_ROUTE = "The requested resource could not be found.";
    private static ApiTestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start("OpenApiTest");
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    @SuppressWarnings("unchecked")
    private static List<String> documented() throws Exception {
        HttpResponse<String> response = node.get("/api/v1/openapi.yaml");
        assertEquals(200, response.statusCode());
        Map<String, Object> doc = new Yaml().load(response.body());
        assertTrue(String.valueOf(doc.get("openapi")).startsWith("3."), "an OpenAPI 3 document");
        List<String> operations = new ArrayList<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.keySet().stream()
                .filter(method -> List.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    @Test
    void everyRouteIsDocumentedAndNothingElse() throws Exception {
        List<String> served = new ArrayList<>(SweepRoutes.OPERATIONS);
        served.addAll(AgentRoutes.OPERATIONS);
        assertEquals(new TreeSet<>(served), new TreeSet<>(documented()));
    }

    @Test
    void everyDocumentedOperationExists() throws Exception {
        String sweep = node.createSweep("method: grid\nparameters: {x: {values: [1, 2]}}\n");
        String trial = node.claimTrial(sweep);
        for (String operation : documented()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", sweep).replace("{tid}", trial);
            if (path.endsWith("/events")) {
                continue; // an endless stream; EventsRouteTest covers it
            }
            HttpResponse<String> r = node.send(method, path, "application/json", method.equals("POST") ? "{}" : null);
            assertNotEquals(405, r.statusCode(), operation + ": " + r.body());
            assertTrue(r.statusCode() != 404 || !r.body().contains(NO_ROUTE), operation + " has no route: " + r.body());
        }
    }
}
