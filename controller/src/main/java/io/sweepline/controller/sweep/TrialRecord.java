package io.sweepline.controller.sweep;

import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One trial in a sweep's state: immutable; every change returns a new record.
 *
 * @param id        trial id ({@code t1}, {@code t2}, ...)
 * @param number    1-based creation order
 * @param params    parameter values
 * @param state     lifecycle state
 * @param agent     the agent it was handed to
 * @param attempt   1 for a first run, n+1 for the n-th retry
 * @param retryOf   the trial this one retries, or null
 * @param gridIndex the grid point's index, or null
 * @param history   reported metric rows, oldest first
 * @param summary   last reported value per metric
 * @param exitCode  process exit code when ended, or null
 * @param reason    why it ended (stop reason, lost reason), or null
 * @param stopRequest why the controller asked this live trial to stop (early termination), or null
 * @param stdoutTail the end of its stdout, kept when it ended
 * @param stderrTail the end of its stderr, kept when it ended
 * @param assignedAt when it was handed out
 * @param endedAt   when it ended, or null
 */
public record TrialRecord(String id, long number, Map<String, Object> params, TrialState state, String agent,
                          int attempt, String retryOf, Long gridIndex, List<Map<String, Object>> history,
                          Map<String, Object> summary, Integer exitCode, String reason, String stopRequest, String stdoutTail,
                          String stderrTail, Instant assignedAt, Instant endedAt) {

    public TrialRecord {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        history = List.copyOf(history);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    TrialRecord withState(TrialState newState) {
        return new TrialRecord(id, number, params, newState, agent, attempt, retryOf, gridIndex, history, summary,
                exitCode, reason, stopRequest, stdoutTail, stderrTail, assignedAt, endedAt);
    }

    TrialRecord ended(TrialState finalState, Integer code, String why, String stdout, String stderr, Instant at) {
        return new TrialRecord(id, number, params, finalState, agent, attempt, retryOf, gridIndex, history, summary,
                code, why, stopRequest, stdout, stderr, assignedAt, at);
    }

    TrialRecord withStopRequest(String why) {
        return new TrialRecord(id, number, params, state, agent, attempt, retryOf, gridIndex, history, summary,
                exitCode, reason, why, stdoutTail, stderrTail, assignedAt, endedAt);
    }

    /** Appends rows; a row whose {@code _step} was already recorded is ignored (repeated posts are harmless). */
    TrialRecord withMetrics(List<Map<String, Object>> rows) {
        List<Map<String, Object>> newHistory = new ArrayList<>(history);
        Map<String, Object> newSummary = new LinkedHashMap<>(summary);
        for (Map<String, Object> row : rows) {
            if (row.containsKey("_step") && hasStep(newHistory, row.get("_step"))) {
                continue;
            }
            newHistory.add(row);
            newSummary.putAll(row);
        }
        return new TrialRecord(id, number, params, state, agent, attempt, retryOf, gridIndex, newHistory, newSummary,
                exitCode, reason, stopRequest, stdoutTail, stderrTail, assignedAt, endedAt);
    }

    private static boolean hasStep(List<Map<String, Object>> rows, Object step) {
        // Steps normally grow: a step past the last row's is new without looking further back.
        if (!rows.isEmpty() && step instanceof Number n && rows.get(rows.size() - 1).get("_step") instanceof Number last
                && n.doubleValue() > last.doubleValue()) {
            return false;
        }
        for (Map<String, Object> row : rows) {
            if (io.sweepline.search.value.PyValues.equal(row.get("_step"), step) && row.containsKey("_step")) {
                return true;
            }
        }
        return false;
    }

    TrialSnapshot snapshot() {
        return new TrialSnapshot(id, state, params, history, summary,
                gridIndex == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(gridIndex));
    }

    OptionalDouble value(String metric) {
        return snapshot().metric(metric);
    }
}
