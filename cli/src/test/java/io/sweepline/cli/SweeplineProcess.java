package io.sweepline.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** {@code bin/sweepline} as a real JVM for integration tests: output to files, killed with SIGKILL or stopped with SIGTERM. */
final class SweeplineProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("sweepline.root", "..")).toAbsolutePath().normalize();

    private final Process process;
    private final Path log;

    private SweeplineProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static SweeplineProcess start(Path workDir, String logName, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/sweepline").toString()));
        command.addAll(List.of(args));
        Path log = workDir.resolve(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return new SweeplineProcess(builder.start(), log);
    }

    /**
     * SIGKILL to the JVM and everything it started, as when its machine dies: no shutdown hooks,
     * no goodbye, and no orphaned trainers left running after the test.
     */
    void kill9() throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it does not exit in time; tests never leave servers running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls with a deadline; the message says what never happened. */
    static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + failure.get());
            }
            Thread.sleep(100);
        }
    }
}
