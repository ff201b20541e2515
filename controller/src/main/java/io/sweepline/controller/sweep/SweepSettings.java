package io.sweepline.controller.sweep;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The controller's tunables, read once from {@code sweepline.controller} (reference.conf documents
 * each key).
 *
 * @param livenessCheckInterval   how often live trials are checked for heartbeats
 * @param missedChecksBeforeLost  checks without a heartbeat before a trial is LOST
 * @param snapshotEvery           events between snapshots
 * @param maxClaimWait            the longest a claim may wait for a trial
 * @param suggestionWait          how long a claim waits for a suggestion being computed, whatever it asked
 */
public record SweepSettings(Duration livenessCheckInterval, int missedChecksBeforeLost, int snapshotEvery,
                            Duration maxClaimWait, Duration suggestionWait) {

    public static SweepSettings fromConfig(Config root) {
        Config c = root.getConfig("sweepline.controller");
        return new SweepSettings(c.getDuration("liveness-check-interval"), c.getInt("missed-checks-before-lost"),
                c.getInt("snapshot-every"), c.getDuration("max-claim-wait"), c.getDuration("suggestion-wait"));
    }

    /** How long a silent trial lives before it is LOST, at most. */
    public Duration lostAfter() {
        return livenessCheckInterval.multipliedBy(missedChecksBeforeLost + 1L);
    }
}
