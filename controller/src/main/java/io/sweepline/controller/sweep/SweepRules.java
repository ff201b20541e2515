package io.sweepline.controller.sweep;

import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.SweepStatusChanged;
import io.sweepline.controller.sweep.SweepEntity.TrialAck;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.stop.EarlyStopping;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pure decisions the command handlers share: finishing, early stops, and what a trial report is answered. */
final class SweepRules {

    private SweepRules() {
    }

    /** Live trials that early termination stops once these events are applied (not yet asked to stop). */
    static List<SweepEntity.TrialStopRequested> earlyStops(SweepState s, List<Event> events, Instant now) {
        SweepConfig config = s.config();
        if (config.earlyTerminate().isEmpty()) {
            return List.of();
        }
        SweepState after = s;
        for (Event e : events) {
            after = SweepEvents.apply(after, e);
        }
        SweepState state = after;
        return EarlyStopping.of(config).evaluate(config, state.snapshots()).stop().entrySet().stream()
                .filter(stop -> state.trial(stop.getKey()).map(t -> t.stopRequest() == null).orElse(false))
                .map(stop -> new SweepEntity.TrialStopRequested(stop.getKey(), stop.getValue(), now))
                .toList();
    }

    /** Appends FINISHED when the events so far leave nothing live and nothing more to run. */
    static void addFinishIfDone(SweepState s, List<Event> events) {
        SweepState after = s;
        for (Event e : events) {
            after = SweepEvents.apply(after, e);
        }
        TrialPlanner.finishReason(after).ifPresent(reason -> events.add(
                new SweepStatusChanged(SweepStatus.FINISHED, true, reason, Instant.now())));
    }

    static SweepStatusChanged finished(SweepState s, String reason) {
        return new SweepStatusChanged(SweepStatus.FINISHED, s.stopRequested(), reason, Instant.now());
    }

    static TrialAck ack(SweepState s, String trialId) {
        if (s.status() == SweepStatus.CANCELED) {
            return new TrialAck(true, "sweep canceled");
        }
        Optional<TrialRecord> trial = s.trial(trialId);
        if (trial.isPresent() && !trial.get().state().isLive()) {
            return new TrialAck(true, "trial has ended");
        }
        if (trial.isPresent() && trial.get().stopRequest() != null) {
            return new TrialAck(true, trial.get().stopRequest());
        }
        return new TrialAck(false, null);
    }

}
