package io.sweepline.protocol;

/**
 * How a trial process ended, as its agent saw it.
 *
 * @param exitCode the process's exit code (negative: killed by that signal), or null if it never started
 * @param stopped  true when the agent stopped it on the controller's request or its timeout
 * @param message  a short reason for people (e.g. "could not start: no such program")
 */
public record TrialOutcome(Integer exitCode, boolean stopped, String message) implements CborSerializable {

    public static TrialOutcome exited(int exitCode) {
        return new TrialOutcome(exitCode, false, null);
    }
}
