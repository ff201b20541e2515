package io.sweepline.agent;

import io.sweepline.protocol.TrialAssignment;
import io.sweepline.search.value.PythonRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trial's folder on the agent: {@code config.json} (its parameters, SWEEPLINE_CONFIG),
 * {@code metrics.jsonl} (SWEEPLINE_METRICS), {@code args.json} (${args_json_file}),
 * {@code stdout.log} and {@code stderr.log}. Retries get their own folder.
 */
record TrialFiles(Path dir) {

    static TrialFiles create(Path workDir, TrialAssignment trial) throws IOException {
        String name = trial.attempt() > 1 ? trial.trialId() + "-attempt" + trial.attempt() : trial.trialId();
        Path dir = workDir.resolve(trial.sweepId()).resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), PythonRepr.jsonDumps(trial.params()) + "\n", StandardCharsets.UTF_8);
        Files.deleteIfExists(dir.resolve("metrics.jsonl"));
        return new TrialFiles(dir);
    }

    Path config() {
        return dir.resolve("config.json");
    }

    Path metrics() {
        return dir.resolve("metrics.jsonl");
    }

    Path argsJson() {
        return dir.resolve("args.json");
    }

    Path stdout() {
        return dir.resolve("stdout.log");
    }

    Path stderr() {
        return dir.resolve("stderr.log");
    }

    /** A line from the agent itself (why a trial was stopped), kept with the trial's stderr. */
    void note(String line) {
        try {
            Files.writeString(stderr(), "[sweepline] " + line + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // The note is a courtesy; the trial's outcome is reported to the controller regardless.
        }
    }
}
