package io.sweepline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/sweepline as users run it: a real process, started from another directory. */
class BinScriptIT {

    private static final Path ROOT = Path.of(System.getProperty("sweepline.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path elsewhere;

    private record Result(int code, String out, String err) {
    }

    private Result run(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(elsewhere.resolve("out").toFile()).redirectError(elsewhere.resolve("err").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "bin/sweepline finished");
        return new Result(p.exitValue(), Files.readString(elsewhere.resolve("out")), Files.readString(elsewhere.resolve("err")));
    }

    @Test
    void previewsTheQuickstartFromAnyDirectory() throws Exception {
        Result r = run(ROOT.resolve("bin/sweepline"), "preview", ROOT.resolve("examples/quickstart/sweep.yaml").toString(),
                "--count", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().lines().count(), r.out());
        // W&B's order: parameters sorted by name.
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("{\"batch_size\": ") && l.contains("\"learning_rate\": ")),
                r.out());
    }

    /** The README's main command: the quickstart sweep runs for real, to a leaderboard. */
    @Test
    void runsTheQuickstartSweepLocallyToALeaderboard() throws Exception {
        Result r = run(ROOT.resolve("bin/sweepline"), "local", ROOT.resolve("examples/quickstart/sweep.yaml").toString(),
                "--parallel", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("rank  trial  state     val_loss"), r.out());
        assertEquals(11, lines.size(), "header and the 10 best of run_cap 12 trials: " + r.out());
        assertTrue(r.err().contains("is FINISHED"), r.err());
        double best = Double.parseDouble(lines.get(1).split("\\s+")[3]);
        double second = Double.parseDouble(lines.get(2).split("\\s+")[3]);
        assertTrue(best <= second && best < 0.69, "ranked by val_loss and better than chance (ln 2): " + r.out());
    }

    /** A bayes sweep end to end: suggestions made off the sweep's thread, two real training processes at a time. */
    @Test
    void runsABayesSweepWithTwoAgentsToTheMinimum() throws Exception {
        Files.writeString(elsewhere.resolve("bowl.py"), """
                import json, os, sys
                args = dict(a[2:].split("=", 1) for a in sys.argv[1:])
                x, y = float(args["x"]), float(args["y"])
                with open(os.environ["SWEEPLINE_METRICS"], "a") as f:
                    f.write(json.dumps({"loss": (x - 0.3) ** 2 + (y - 0.7) ** 2}) + "\\n")
                """);
        Path config = elsewhere.resolve("bowl.yaml");
        Files.writeString(config, """
                program: bowl.py
                method: bayes
                metric: {name: loss, goal: minimize}
                parameters:
                  x: {min: 0.0, max: 1.0}
                  y: {min: 0.0, max: 1.0}
                command:
                  - python3
                  - ${program}
                  - ${args}
                run_cap: 14
                sweepline: {seed: 3}
                """);
        Result r = run(ROOT.resolve("bin/sweepline"), "local", config.toString(), "--parallel", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("is FINISHED"), r.err());
        List<String[]> rows = r.out().lines().skip(1).map(l -> l.trim().split("\\s+")).toList();
        assertEquals(10, rows.size(), r.out());
        assertTrue(rows.stream().allMatch(row -> row[2].equals("FINISHED")), r.out());
        assertTrue(Double.parseDouble(rows.get(0)[3]) < 0.01, "bayes gets close to (0.3, 0.7) in 14 trials: " + r.out());
        assertEquals(rows.size(), rows.stream().map(row -> row[4] + "," + row[5]).distinct().count(), "no point twice: " + r.out());
    }

    @Test
    void validateExitsOneForAnInvalidConfig() throws Exception {
        Path bad = elsewhere.resolve("bad.yaml");
        Files.writeString(bad, "method: bogus\nparameters: {}\n");
        Result r = run(ROOT.resolve("bin/sweepline"), "validate", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("method:") && r.out().contains("parameters:"), r.out());
    }

    @Test
    void saysHowToBuildWhenNothingIsBuilt() throws Exception {
        Path fakeRoot = elsewhere.resolve("checkout");
        Files.createDirectories(fakeRoot.resolve("bin"));
        Path script = Files.copy(ROOT.resolve("bin/sweepline"), fakeRoot.resolve("bin/sweepline"));
        script.toFile().setExecutable(true);
        Result r = run(script, "validate", "x.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not built yet") && r.err().contains("mvn"), r.err());
    }
}
