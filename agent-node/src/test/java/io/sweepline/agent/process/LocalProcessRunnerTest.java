package io.sweepline.agent.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: argv without a shell, output files, exit codes, and stopping whole process trees. */
class LocalProcessRunnerTest {

    private static final LocalProcessRunner RUNNER = new LocalProcessRunner();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        RUNNER.close();
    }

    private RunningProcess start(List<String> argv, Map<String, String> env) throws IOException {
        return RUNNER.start(new ProcessSpec(argv, env, dir, dir.resolve("stdout.log"), dir.resolve("stderr.log")));
    }

    @Test
    void passesArgumentsVerbatimWithoutAShellAndKeepsStdoutAndStderr() throws Exception {
        RunningProcess p = start(List.of("python3", "-c",
                "import sys, os; print(sys.argv[1:]); print(os.environ['SWEEPLINE_TRIAL_ID'], file=sys.stderr)",
                "--name=run a", "$HOME", "*"), Map.of("SWEEPLINE_TRIAL_ID", "t7"));
        assertEquals(0, p.exit().get(30, TimeUnit.SECONDS));
        assertEquals("['--name=run a', '$HOME', '*']", Files.readString(dir.resolve("stdout.log")).strip());
        assertEquals("t7", Files.readString(dir.resolve("stderr.log")).strip());
    }

    @Test
    void reportsTheExitCode() throws Exception {
        RunningProcess p = start(List.of("python3", "-c", "raise SystemExit(3)"), Map.of());
        assertEquals(3, p.exit().get(30, TimeUnit.SECONDS));
    }

    @Test
    void aMissingProgramIsAClearErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> start(List.of("./no-such-trainer.py"), Map.of()));
        assertTrue(e.getMessage().contains("no-such-trainer.py"), e.getMessage());
    }

    @Test
    void terminateSendsSigtermFirstSoTheTrainerCanCleanUp() throws Exception {
        Path marker = dir.resolve("got-sigterm");
        Path ready = dir.resolve("ready");
        RunningProcess p = start(List.of("python3", "-c", String.join("\n",
                "import signal, sys, time, pathlib",
                "def bye(*_):",
                "    pathlib.Path(sys.argv[1]).write_text('yes')",
                "    sys.exit(0)",
                "signal.signal(signal.SIGTERM, bye)",
                "pathlib.Path(sys.argv[2]).write_text('ok')",
                "time.sleep(120)"), marker.toString(), ready.toString()), Map.of());
        awaitFile(ready);
        p.terminate(Duration.ofSeconds(20));
        assertEquals(0, p.exit().get(30, TimeUnit.SECONDS));
        assertEquals("yes", Files.readString(marker));
    }

    @Test
    void terminateKillsATrainerThatIgnoresSigtermAfterTheGrace() throws Exception {
        Path ready = dir.resolve("ready");
        RunningProcess p = start(List.of("python3", "-c", String.join("\n",
                "import signal, sys, time, pathlib",
                "signal.signal(signal.SIGTERM, signal.SIG_IGN)",
                "pathlib.Path(sys.argv[1]).write_text('ok')",
                "time.sleep(120)"), ready.toString()), Map.of());
        awaitFile(ready);
        p.terminate(Duration.ofMillis(300));
        assertEquals(128 + 9, p.exit().get(30, TimeUnit.SECONDS), "SIGKILL");
    }

    @Test
    void terminateReachesEveryProcessOfTheTree() throws Exception {
        Path pids = dir.resolve("pids");
        RunningProcess p = start(List.of("python3", "-c", String.join("\n",
                "import subprocess, sys, time, pathlib",
                "kids = [subprocess.Popen(['python3', '-c', 'import signal,time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(120)']) for _ in range(2)]",
                "pathlib.Path(sys.argv[1]).write_text(' '.join(str(k.pid) for k in kids))",
                "time.sleep(120)"), pids.toString()), Map.of());
        awaitFile(pids);
        List<ProcessHandle> children = java.util.Arrays.stream(Files.readString(pids).strip().split(" "))
                .map(s -> ProcessHandle.of(Long.parseLong(s)).orElseThrow()).toList();
        p.terminate(Duration.ofMillis(500));
        p.exit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().get(30, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "child " + child.pid() + " survived");
        }
    }

    /** Polls with a deadline (no fixed sleeps): the child writes the file once it is ready. */
    private static void awaitFile(Path file) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) || Files.size(file) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + file);
            }
            Thread.onSpinWait();
            Thread.sleep(10);
        }
    }
}
