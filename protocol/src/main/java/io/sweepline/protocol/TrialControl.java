package io.sweepline.protocol;

/** Messages the controller sends to the agent-side actor that runs one trial. */
public sealed interface TrialControl extends CborSerializable permits TrialControl.StopTrial {

    /** Stop the trial's process tree now: SIGTERM, then SIGKILL after the kill grace. */
    record StopTrial(String trialId, String reason) implements TrialControl {
    }
}
