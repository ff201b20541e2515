package io.sweepline.protocol;

import java.time.Instant;
import java.util.Map;

/**
 * A trial as the API and CLI show it.
 *
 * @param id        trial id
 * @param number    1-based creation order
 * @param state     PENDING, RUNNING, FINISHED, FAILED, STOPPED or LOST
 * @param params    parameter values
 * @param summary   last value of every reported metric
 * @param value     the trial's value of the sweep's metric, if reported
 * @param agent     the agent that ran it
 * @param attempt   1, or the retry number
 * @param retryOf   the lost trial this one retries, or null
 * @param exitCode  process exit code, when known
 * @param reason    why it ended or is being stopped (the agent's message, early termination, lost agent), or null
 * @param startedAt when it was handed out
 * @param endedAt   when it ended, or null
 */
public record TrialView(String id, long number, String state, Map<String, Object> params, Map<String, Object> summary,
                        Double value, String agent, int attempt, String retryOf, Integer exitCode, String reason,
                        Instant startedAt, Instant endedAt) implements CborSerializable {
}
