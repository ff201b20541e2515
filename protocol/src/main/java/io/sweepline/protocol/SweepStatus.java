package io.sweepline.protocol;

/**
 * A sweep's lifecycle state (SPEC §2). RUNNING hands out trials; PAUSED hands out none while
 * running trials continue; FINISHED and CANCELED are final.
 */
public enum SweepStatus {
    RUNNING,
    PAUSED,
    FINISHED,
    CANCELED;

    public boolean isFinal() {
        return this == FINISHED || this == CANCELED;
    }
}
