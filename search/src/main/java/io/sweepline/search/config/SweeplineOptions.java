package io.sweepline.search.config;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sweepline's own keys, under {@code sweepline:} so that W&B configs stay untouched.
 *
 * @param seed               same seed and history give the same suggestions; absent: chosen at creation
 * @param maxConcurrent      most trials running at once across all agents; absent: no limit
 * @param trialTimeout       seconds a trial may run before it is stopped; absent: no limit
 * @param maxRetries         how often a LOST trial (or a FAILED one with {@code retryFailed}) is retried
 * @param retryFailed        whether FAILED trials (non-zero exit) are retried too
 * @param killGrace          seconds between SIGTERM and SIGKILL when a trial is stopped
 */
public record SweeplineOptions(OptionalLong seed, OptionalInt maxConcurrent, OptionalDouble trialTimeout,
                               int maxRetries, boolean retryFailed, double killGrace) {

    public static final int DEFAULT_MAX_RETRIES = 1;
    public static final double DEFAULT_KILL_GRACE_SECONDS = 10.0;

    public static SweeplineOptions defaults() {
        return new SweeplineOptions(OptionalLong.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                DEFAULT_MAX_RETRIES, false, DEFAULT_KILL_GRACE_SECONDS);
    }
}
