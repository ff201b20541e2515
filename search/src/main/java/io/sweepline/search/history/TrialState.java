package io.sweepline.search.history;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a trial is in its life (SPEC §2). PENDING and RUNNING are live; the rest are final.
 * FAILED is a user error (non-zero exit); LOST is an infrastructure error (agent died or went silent).
 */
public enum TrialState {
    PENDING,
    RUNNING,
    FINISHED,
    FAILED,
    STOPPED,
    LOST;

    public boolean isLive() {
        return this == PENDING || this == RUNNING;
    }

    /**
     * Reads a state from Sweepline's names or W&B's run states, so prior runs exported from W&B can be
     * given to {@code preview --runs}: W&B's {@code crashed} (the program died) is FAILED, {@code killed}
     * STOPPED, and {@code preempted} — the infrastructure took the machine away — LOST.
     */
    public static Optional<TrialState> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "pending" -> Optional.of(PENDING);
            case "running", "preempting" -> Optional.of(RUNNING);
            case "finished" -> Optional.of(FINISHED);
            case "failed", "crashed" -> Optional.of(FAILED);
            case "stopped", "killed" -> Optional.of(STOPPED);
            case "lost", "preempted" -> Optional.of(LOST);
            default -> Optional.empty();
        };
    }
}
