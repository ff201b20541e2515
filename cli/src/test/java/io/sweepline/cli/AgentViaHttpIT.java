package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweepline agent --via http}: no cluster membership; hyperband's stop arrives in the metrics replies. */
class AgentViaHttpIT {

    @TempDir
    Path dir;

    @Test
    void anHttpAgentRunsTheSweepAndObeysEarlyTermination() throws Exception {
        ClusterFixture cluster = new ClusterFixture(dir);
        try (SweeplineProcess server = cluster.startServer("server", Map.of())) {
            String id = cluster.createSweep("""
                    method: grid
                    metric: {name: loss}
                    parameters: {x: {values: [1, 2, 3]}}
                    command: [python3, CURVE, "${args}"]
                    early_terminate: {type: hyperband, min_iter: 1, eta: 2}
                    """);
            try (SweeplineProcess agent = cluster.startAgent("http-agent", id, "--via", "http")) {
                SweeplineProcess.await(() -> !agent.isAlive(), Duration.ofSeconds(120), agent::output);
            }
            List<String> states = new ArrayList<>();
            for (JsonNode t : cluster.trials(id)) {
                states.add(t.path("state").asText());
            }
            assertEquals(List.of("FINISHED", "FINISHED", "STOPPED"), states, cluster.trials(id).toString());
            assertEquals("FINISHED", cluster.sweep(id).path("state").asText());
        }
    }
}
