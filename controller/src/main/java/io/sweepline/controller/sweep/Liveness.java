package io.sweepline.controller.sweep;

import io.sweepline.protocol.TrialControl;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * In-memory heartbeat bookkeeping of one sweep's live trials: missed liveness checks per trial and
 * the agent-side actor that can stop it. Not persisted on purpose (heartbeats would flood the
 * journal); after a restart every live trial starts with a clean slate and a fresh grace period.
 */
final class Liveness {

    private final int missedChecksBeforeLost;
    private final Map<String, Integer> missed = new HashMap<>();
    private final Map<String, ActorRef<TrialControl>> controls = new HashMap<>();

    Liveness(int missedChecksBeforeLost) {
        this.missedChecksBeforeLost = missedChecksBeforeLost;
    }

    void seen(String trialId) {
        missed.put(trialId, 0);
    }

    void control(String trialId, ActorRef<TrialControl> control) {
        controls.put(trialId, control);
    }

    Optional<ActorRef<TrialControl>> controlOf(String trialId) {
        return Optional.ofNullable(controls.get(trialId));
    }

    /** Counts one missed check; true when the trial has now been silent too long. */
    boolean missedCheck(String trialId) {
        int count = missed.merge(trialId, 1, Integer::sum);
        return count > missedChecksBeforeLost;
    }

    void forget(String trialId) {
        missed.remove(trialId);
        controls.remove(trialId);
    }
}
