package io.sweepline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A server JVM on free ports, a trainer script, and HTTP helpers for the process-level tests. */
final class ClusterFixture {

    /** Logs loss = (x - 2)^2 per epoch; sleeps 120 s when x >= --slow_from (a trial that is still running). */
    static final String TRAINER = String.join("\n",
            "import argparse, json, os, time",
            "p = argparse.ArgumentParser()",
            "p.add_argument('--x', type=float, default=0)",
            "p.add_argument('--slow_from', type=float, default=1e9)",
            "a, _ = p.parse_known_args()",
            "with open(os.environ['SWEEPLINE_METRICS'], 'a') as f:",
            "    f.write(json.dumps({'epoch': 1, 'loss': (a.x - 2) ** 2}) + '\\n')",
            "if a.x >= a.slow_from:",
            "    time.sleep(120)");

    /** Reports loss = x + 1/epoch for 40 epochs, 0.1 s apart: x=3 of a grid [1, 2, 3] is hopeless at once. */
    static final String CURVE = String.join("\n",
            "import argparse, json, os, time",
            "p = argparse.ArgumentParser(); p.add_argument('--x', type=float); a, _ = p.parse_known_args()",
            "with open(os.environ['SWEEPLINE_METRICS'], 'a') as f:",
            "    for epoch in range(1, 41):",
            "        f.write(json.dumps({'epoch': epoch, 'loss': a.x + 1.0 / epoch}) + '\\n'); f.flush()",
            "        time.sleep(0.1 if a.x >= 3 else 0)");

    final Path dir;
    final int httpPort;
    final int clusterPort;
    final ApiClient api;

    ClusterFixture(Path dir) throws Exception {
        this.dir = dir;
        this.httpPort = SweeplineProcess.freePort();
        this.clusterPort = SweeplineProcess.freePort();
        this.api = new ApiClient("http://127.0.0.1:" + httpPort, null);
        Files.writeString(dir.resolve("train.py"), TRAINER);
        Files.writeString(dir.resolve("curve.py"), CURVE);
    }

    SweeplineProcess startServer(String name, Map<String, String> env) throws Exception {
        SweeplineProcess server = SweeplineProcess.start(dir, name, env, "server", "--port", String.valueOf(httpPort),
                "--cluster-port", String.valueOf(clusterPort), "--data-dir", dir.resolve("data").toString());
        SweeplineProcess.await(() -> healthy() || !server.isAlive(), Duration.ofSeconds(90), server::output);
        if (!server.isAlive()) {
            throw new AssertionError("server exited: " + server.output());
        }
        return server;
    }

    SweeplineProcess startAgent(String name, String sweepId, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        args[0] = "agent";
        args[1] = sweepId;
        args[2] = "--server";
        args[3] = api.base();
        System.arraycopy(extra, 0, args, 4, extra.length);
        return SweeplineProcess.start(dir, name, Map.of("SWEEPLINE_WORK_DIR", dir.resolve("trials-" + name).toString()), args);
    }

    String createSweep(String yaml) {
        return api.post("/api/v1/sweeps", yaml.replace("TRAINER", dir.resolve("train.py").toString())
                        .replace("CURVE", dir.resolve("curve.py").toString()), "application/yaml")
                .path("id").asText();
    }

    JsonNode sweep(String id) {
        return api.get("/api/v1/sweeps/" + id);
    }

    JsonNode trials(String id) {
        return api.get("/api/v1/sweeps/" + id + "/trials").path("trials");
    }

    long count(String id, String state) {
        return sweep(id).path("trial_counts").path(state).asLong();
    }

    boolean healthy() {
        try {
            api.get("/health");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
