package io.sweepline.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the API and CLI show it.
 *
 * @param id           sweep id
 * @param name         config name, or the id
 * @param status       lifecycle state
 * @param method       grid, random or bayes
 * @param metric       the metric name, or null
 * @param goal         minimize or maximize
 * @param configText   the config as the user submitted it
 * @param trialCounts  number of trials by state
 * @param best         the best finished trial, or null
 * @param trials       every trial, in creation order (empty when only a summary was asked for)
 * @param createdAt    creation time
 * @param stopRequested whether {@code stop} was asked and running trials are finishing
 * @param finishReason why the sweep finished (grid exhausted, run_cap, target, stop), or null
 */
public record SweepView(String id, String name, SweepStatus status, String method, String metric, String goal,
                        String configText, Map<String, Long> trialCounts, TrialView best, List<TrialView> trials,
                        Instant createdAt, boolean stopRequested, String finishReason) implements CborSerializable {
}
