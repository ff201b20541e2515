package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server JVM is killed with SIGKILL mid-sweep and restarted on the same data directory: every
 * finished trial, with its parameters and value, and the sweep's state are still there.
 */
class ServerRestartIT {

    @TempDir
    Path dir;

    @Test
    void everyFinishedTrialSurvivesASigkillOfTheServer() throws Exception {
        ClusterFixture cluster = new ClusterFixture(dir);
        Map<String, JsonNode> finishedBefore = new LinkedHashMap<>();
        String id;
        try (SweeplineProcess server = cluster.startServer("server-1", Map.of())) {
            id = cluster.createSweep("""
                    method: grid
                    metric: {name: loss}
                    parameters: {x: {values: [1, 2, 3, 4, 5]}, slow_from: {value: 4}}
                    command: [python3, TRAINER, "${args}"]
                    """);
            try (SweeplineProcess agent = cluster.startAgent("agent", id)) {
                SweeplineProcess.await(() -> cluster.count(id, "FINISHED") == 3 && cluster.count(id, "RUNNING") == 1,
                        Duration.ofSeconds(120), () -> cluster.sweep(id) + "\nagent: " + agent.output());
                for (JsonNode t : cluster.trials(id)) {
                    if (t.path("state").asText().equals("FINISHED")) {
                        finishedBefore.put(t.path("id").asText(), t);
                    }
                }
                server.kill9();
                agent.kill9();
            }
        }
        try (SweeplineProcess restarted = cluster.startServer("server-2", Map.of())) {
            JsonNode sweep = cluster.sweep(id);
            assertEquals("RUNNING", sweep.path("state").asText(), sweep.toString());
            assertEquals(3, finishedBefore.size());
            Map<String, JsonNode> after = new LinkedHashMap<>();
            cluster.trials(id).forEach(t -> after.put(t.path("id").asText(), t));
            for (var before : finishedBefore.entrySet()) {
                JsonNode t = after.get(before.getKey());
                assertEquals("FINISHED", t.path("state").asText());
                assertEquals(before.getValue().path("params"), t.path("params"));
                assertEquals(before.getValue().path("value").asDouble(), t.path("value").asDouble());
            }
            assertEquals(2.0, sweep.path("best").path("params").path("x").asDouble(), "x=2 is still the best: " + sweep);
            assertTrue(after.values().stream().anyMatch(t -> t.path("params").path("x").asLong() == 4
                    && !t.path("state").asText().equals("FINISHED")), "the interrupted trial is not reported finished");
        }
    }
}
