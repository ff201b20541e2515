package io.sweepline.agent.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A started trial process. */
public interface RunningProcess {

    long pid();

    /** Completes with the exit code; a process killed by signal N exits with 128 + N. */
    CompletableFuture<Integer> exit();

    /**
     * Stops the whole process tree: SIGTERM to the process and every descendant now, SIGKILL to
     * whatever is still alive after {@code grace}. Safe to call more than once.
     */
    void terminate(Duration grace);
}
