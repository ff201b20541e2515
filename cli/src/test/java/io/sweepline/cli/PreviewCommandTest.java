package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(CliRun run) {
        ConfigParser json = new ConfigParser();
        return run.outLines().stream().map(l -> (Map<String, Object>) json.parse(l)).toList();
    }

    @Test
    void printsOneJsonObjectPerSuggestionWithNestedParametersNested() throws Exception {
        Path file = write("g.yaml", """
                method: grid
                parameters:
                  model: {parameters: {width: {values: [8, 16]}}}
                  seed: {values: [1, 2]}
                """);
        CliRun run = CliRun.of("preview", file.toString(), "--count", "10");
        assertEquals(0, run.exitCode(), run.err());
        List<Map<String, Object>> rows = parse(run);
        assertEquals(4, rows.size(), "the grid has four points");
        assertEquals(Map.of("seed", 1L, "model", Map.of("width", 8L)), rows.get(0));
        assertTrue(run.err().contains("exhausted"), run.err());
    }

    @Test
    void priorRunsInWandbFormatAreSkippedByTheGrid() throws Exception {
        Path file = write("g.yaml", "method: grid\nparameters:\n  x: {values: [1, 2, 3]}\n");
        Path runs = write("runs.json", """
                {"runs": [{"name": "a", "state": "finished", "config": {"x": {"value": 1.0}}},
                          {"name": "b", "state": "crashed", "config": {"x": {"value": 3}}}]}
                """);
        CliRun run = CliRun.of("preview", file.toString(), "--runs", runs.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of(Map.of("x", 2L)), parse(run));
    }

    @Test
    void theSameSeedGivesTheSameSuggestionsAndAnotherSeedOthers() throws Exception {
        Path file = write("r.yaml", "method: random\nparameters:\n  lr: {min: 0.0, max: 1.0}\n");
        CliRun a = CliRun.of("preview", file.toString(), "--seed", "5", "--count", "20");
        CliRun b = CliRun.of("preview", file.toString(), "--seed", "5", "--count", "20");
        CliRun c = CliRun.of("preview", file.toString(), "--seed", "6", "--count", "20");
        assertEquals(20, parse(a).size());
        assertEquals(a.out(), b.out());
        assertNotEquals(a.out(), c.out());
    }

    @Test
    void theConfigsSeedIsTheDefault() throws Exception {
        Path file = write("r.yaml", "method: random\nparameters:\n  lr: {min: 0.0, max: 1.0}\nsweepline: {seed: 11}\n");
        assertEquals(CliRun.of("preview", file.toString(), "--seed", "11").out(), CliRun.of("preview", file.toString()).out());
    }

    @Test
    void anInvalidConfigPrintsItsErrorsAndNoSuggestions() throws Exception {
        Path file = write("bad.yaml", "method: grid\nparameters:\n  lr: {min: 0.0, max: 1.0}\n");
        CliRun run = CliRun.of("preview", file.toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("parameters.lr: grid search needs"), run.err());
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        Path file = write("r.yaml", "method: random\nparameters:\n  lr: {min: 0.0, max: 1.0}\n");
        CliRun run = CliRun.of("preview", file.toString(), "--count", "0");
        assertEquals(64, run.exitCode());
        assertTrue(run.err().contains("--count must be at least 1"), run.err());
        Path runs = write("runs.json", "{\"runs\": [1, 2]}");
        CliRun badRuns = CliRun.of("preview", file.toString(), "--runs", runs.toString());
        assertEquals(2, badRuns.exitCode());
        assertTrue(badRuns.err().contains("runs[0]"), badRuns.err());
    }
}
