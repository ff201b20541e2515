package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent JVM is killed with SIGKILL mid-trial: the trial becomes LOST once its heartbeats stop,
 * and the next agent gets a retry of it with the same parameters.
 */
class AgentLossIT {

    @TempDir
    Path dir;

    /** Fast liveness checks so the test does not wait the production 30 s. */
    private static final Map<String, String> FAST_LIVENESS = Map.of("JAVA_OPTS",
            "-Dsweepline.controller.liveness-check-interval=1s -Dsweepline.controller.missed-checks-before-lost=3");

    @Test
    void aKilledAgentsTrialIsLostThenRetriedByAnotherAgent() throws Exception {
        ClusterFixture cluster = new ClusterFixture(dir);
        try (SweeplineProcess server = cluster.startServer("server", FAST_LIVENESS)) {
            String id = cluster.createSweep("""
                    method: random
                    metric: {name: loss}
                    parameters: {x: {min: 0.0, max: 1.0}, slow_from: {value: 0}}
                    command: [python3, TRAINER, "${args}"]
                    sweepline: {max_retries: 1}
                    """);
            JsonNode first;
            try (SweeplineProcess doomed = cluster.startAgent("doomed", id)) {
                SweeplineProcess.await(() -> cluster.count(id, "RUNNING") == 1, Duration.ofSeconds(90),
                        () -> cluster.sweep(id) + "\nagent: " + doomed.output());
                first = cluster.trials(id).get(0);
                doomed.kill9();
            }
            SweeplineProcess.await(() -> cluster.count(id, "LOST") == 1, Duration.ofSeconds(60), () -> cluster.sweep(id).toString());
            try (SweeplineProcess rescuer = cluster.startAgent("rescuer", id, "--count", "1")) {
                SweeplineProcess.await(() -> retryOf(cluster, id, first.path("id").asText()) != null
                                && retryOf(cluster, id, first.path("id").asText()).path("state").asText().equals("RUNNING"),
                        Duration.ofSeconds(90), () -> cluster.trials(id) + "\nagent: " + rescuer.output());
                JsonNode retry = retryOf(cluster, id, first.path("id").asText());
                assertEquals(first.path("params"), retry.path("params"), "the retry runs the same parameters");
                assertEquals(2, retry.path("attempt").asInt());
                assertEquals("LOST", cluster.api.get("/api/v1/sweeps/" + id + "/trials/" + first.path("id").asText())
                        .path("state").asText());
                rescuer.kill9();
            }
        }
    }

    private static JsonNode retryOf(ClusterFixture cluster, String id, String trialId) {
        return StreamSupport.stream(cluster.trials(id).spliterator(), false)
                .filter(t -> trialId.equals(t.path("retry_of").asText(null))).findFirst().orElse(null);
    }
}
