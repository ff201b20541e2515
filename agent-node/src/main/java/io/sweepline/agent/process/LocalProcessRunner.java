package io.sweepline.agent.process;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs trials as real child processes of this JVM. Stopping signals the whole tree: descendants
 * are collected before the first signal (a dying parent orphans its children, which would then no
 * longer be its descendants), SIGTERM goes to all, and SIGKILL after the grace to every process of
 * the tree still alive, including children born in between.
 */
public final class LocalProcessRunner implements ProcessRunner, AutoCloseable {

    /** Grace for trials still running when the runner closes (the agent is shutting down). */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Local> live = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweepline-process-killer");
        t.setDaemon(true);
        return t;
    });

    @Override
    public RunningProcess start(ProcessSpec spec) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.argv())
                .directory(spec.workDir().toFile())
                .redirectOutput(Redirect.appendTo(spec.stdout().toFile()))
                .redirectError(Redirect.appendTo(spec.stderr().toFile()));
        builder.environment().putAll(spec.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("could not start " + spec.argv().get(0) + ": " + rootMessage(e), e);
        }
        process.getOutputStream().close();
        Local local = new Local(process);
        live.add(local);
        local.exit().whenComplete((code, error) -> live.remove(local));
        return local;
    }

    private static String rootMessage(IOException e) {
        String m = e.getMessage();
        int i = m == null ? -1 : m.indexOf("error=");
        return i >= 0 ? m.substring(i) : String.valueOf(m);
    }

    /** Stops every trial still running (SIGTERM, SIGKILL after a short grace) and waits for them. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Local> running = List.copyOf(live);
        running.forEach(p -> p.terminate(CLOSE_GRACE));
        for (Local p : running) {
            try {
                p.exit().get(CLOSE_GRACE.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // Shutting down: report nothing more about a process that would not die.
            }
        }
        killer.shutdownNow();
    }

    private final class Local implements RunningProcess {
        private final Process process;
        private final CompletableFuture<Integer> exit;
        private final Set<ProcessHandle> tree = new LinkedHashSet<>();
        private final AtomicBoolean terminating = new AtomicBoolean();

        Local(Process process) {
            this.process = process;
            this.exit = process.onExit().thenApply(Process::exitValue);
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public void terminate(Duration grace) {
            synchronized (tree) {
                tree.addAll(snapshotTree());
                if (!terminating.compareAndSet(false, true)) {
                    return;
                }
                for (ProcessHandle h : List.copyOf(tree)) {
                    h.destroy();
                }
            }
            try {
                killer.schedule(this::kill, Math.max(0, grace.toMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                kill();
            }
        }

        private void kill() {
            synchronized (tree) {
                tree.addAll(snapshotTree());
                for (ProcessHandle h : List.copyOf(tree)) {
                    if (h.isAlive()) {
                        h.destroyForcibly();
                    }
                }
            }
        }

        private List<ProcessHandle> snapshotTree() {
            List<ProcessHandle> handles = new ArrayList<>();
            ProcessHandle root = process.toHandle();
            handles.add(root);
            root.descendants().forEach(handles::add);
            // Orphans of an earlier kill round keep being tracked through their own descendants.
            for (ProcessHandle known : List.copyOf(tree)) {
                known.descendants().forEach(handles::add);
            }
            return handles;
        }
    }
}
