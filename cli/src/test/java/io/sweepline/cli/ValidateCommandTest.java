package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aValidConfigExitsZeroAndSaysWhatItIs() throws Exception {
        Path file = write("ok.yaml", "method: random\nparameters:\n  lr: {distribution: log_uniform_values, min: 1e-5, max: 0.1}\n");
        CliRun run = CliRun.of("validate", file.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("valid random sweep with 1 parameters"), run.out());
    }

    @Test
    void anInvalidConfigListsEveryProblemWithItsPathAndExitsOne() throws Exception {
        Path file = write("bad.yaml", """
                method: random
                parameters:
                  lr: {min: 0.5, max: 0.1}
                  wd: {distribution: normal, sigma: -1}
                run_cap: 0
                """);
        CliRun run = CliRun.of("validate", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("parameters.lr.max: must be greater than min (got 0.1 <= 0.5)"), run.out());
        assertTrue(run.out().contains("parameters.wd.sigma:"), run.out());
        assertTrue(run.out().contains("run_cap:"), run.out());
        assertTrue(run.out().contains("invalid (3 problems)"), run.out());
    }

    @Test
    void warningsPassUnlessStrict() throws Exception {
        Path file = write("old.yaml", "method: random\nparameters:\n  lr: {distribution: log_uniform, min: -9.2, max: -2.3}\n");
        CliRun lenient = CliRun.of("validate", file.toString());
        assertEquals(0, lenient.exitCode());
        assertTrue(lenient.out().contains("warning: parameters.lr.distribution"), lenient.out());
        CliRun strict = CliRun.of("validate", "--strict", file.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.out().contains("error: parameters.lr.distribution"), strict.out());
    }

    @Test
    void malformedYamlIsOneProblemWithItsLine() throws Exception {
        Path file = write("broken.yaml", "method: grid\nparameters:\n  x: {values: [1, 2\n");
        CliRun run = CliRun.of("validate", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("line"), run.out());
    }

    @Test
    void aMissingFileIsOneClearLineWithoutAStackTrace() {
        CliRun run = CliRun.of("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("sweepline: no such file:"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
