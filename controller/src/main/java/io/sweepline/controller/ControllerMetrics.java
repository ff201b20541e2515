package io.sweepline.controller;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This node's controller counters for Prometheus: how fast claims are answered with a trial
 * (hand-out latency, a histogram) and how many metric rows were recorded. Process-wide on purpose:
 * every sweep entity of the node adds to the same counters, which {@code /metrics} exposes.
 */
public final class ControllerMetrics {

    /** Histogram buckets of the hand-out latency, in seconds. */
    public static final double[] CLAIM_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private static final AtomicLongArray CLAIM_BUCKET_COUNTS = new AtomicLongArray(CLAIM_BUCKETS.length);
    private static final AtomicLong CLAIMS = new AtomicLong();
    private static final AtomicLong CLAIM_NANOS = new AtomicLong();
    private static final AtomicLong ROWS = new AtomicLong();

    private ControllerMetrics() {
    }

    /** A claim was answered with a trial {@code nanos} after it reached its sweep. */
    public static void trialHandedOut(long nanos) {
        double seconds = nanos / 1e9;
        for (int i = 0; i < CLAIM_BUCKETS.length; i++) {
            if (seconds <= CLAIM_BUCKETS[i]) {
                CLAIM_BUCKET_COUNTS.incrementAndGet(i);
            }
        }
        CLAIMS.incrementAndGet();
        CLAIM_NANOS.addAndGet(nanos);
    }

    public static void rowsIngested(int rows) {
        ROWS.addAndGet(rows);
    }

    /** A consistent-enough copy for one scrape. */
    public static Snapshot snapshot() {
        long[] buckets = new long[CLAIM_BUCKETS.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = CLAIM_BUCKET_COUNTS.get(i);
        }
        return new Snapshot(buckets, CLAIMS.get(), CLAIM_NANOS.get() / 1e9, ROWS.get());
    }

    /**
     * @param claimBuckets cumulative counts per bucket of {@link #CLAIM_BUCKETS}
     * @param claims       trials handed out
     * @param claimSeconds total hand-out latency
     * @param rows         metric rows recorded
     */
    public record Snapshot(long[] claimBuckets, long claims, double claimSeconds, long rows) {
    }
}
