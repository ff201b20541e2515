package io.sweepline.protocol;

import java.util.List;
import java.util.Map;

/**
 * Everything an agent needs to run one trial, so agents never read the sweep config themselves.
 *
 * @param sweepId          the sweep
 * @param trialId          the trial, unique within the sweep
 * @param params           parameter values by top-level name (nested blocks as maps)
 * @param command          the sweep's command template ({@code ${args}} etc.); empty: W&B's default
 * @param program          the sweep's {@code program}, or null
 * @param attempt          1 for a first run, higher for a retry of a lost trial
 * @param timeoutSeconds   stop the trial after this long; 0 means no limit
 * @param killGraceSeconds seconds between SIGTERM and SIGKILL
 */
public record TrialAssignment(String sweepId, String trialId, Map<String, Object> params, List<Object> command,
                              String program, int attempt, double timeoutSeconds, double killGraceSeconds)
        implements CborSerializable {
}
