package io.sweepline.protocol;

/**
 * How a trial process ended, as its agent saw it.
 *
 * @param exitCode   the process's exit code (128 + N: killed by signal N), or null if it never started
 * @param stopped    true when the agent stopped it on the controller's request or its timeout
 * @param message    a short reason for people (e.g. "could not start: no such program")
 * @param stdoutTail the end of its standard output (bounded), kept with the trial
 * @param stderrTail the end of its standard error (bounded), kept with the trial
 */
public record TrialOutcome(Integer exitCode, boolean stopped, String message, String stdoutTail, String stderrTail)
        implements CborSerializable {

    public TrialOutcome(Integer exitCode, boolean stopped, String message) {
        this(exitCode, stopped, message, null, null);
    }

    public static TrialOutcome exited(int exitCode) {
        return new TrialOutcome(exitCode, false, null);
    }

    public TrialOutcome withLogTails(String stdout, String stderr) {
        return new TrialOutcome(exitCode, stopped, message, stdout, stderr);
    }
}
