package io.sweepline.controller.sweep;

import io.sweepline.controller.sweep.SweepEntity.Event;
import io.sweepline.controller.sweep.SweepEntity.MetricsRecorded;
import io.sweepline.controller.sweep.SweepEntity.SweepCreated;
import io.sweepline.controller.sweep.SweepEntity.SweepStatusChanged;
import io.sweepline.controller.sweep.SweepEntity.TrialAssigned;
import io.sweepline.controller.sweep.SweepEntity.TrialEnded;
import io.sweepline.controller.sweep.SweepEntity.TrialStarted;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.search.history.TrialState;
import java.util.List;
import java.util.Map;

/**
 * The one place events change state: pure, no clocks, no randomness, no suggestion recomputed. The
 * entity's event handler and the command handlers (to look one event ahead) both use it.
 */
final class SweepEvents {

    private SweepEvents() {
    }

    static SweepState apply(SweepState s, Event event) {
        if (event instanceof SweepCreated e) {
            return new SweepState(e.sweepId(), e.configText(), e.seed(), SweepStatus.RUNNING, false, null, 0, Map.of(),
                    e.at());
        }
        if (event instanceof TrialAssigned e) {
            return s.withTrial(new TrialRecord(e.trialId(), e.number(), e.params(), TrialState.PENDING, e.agent(),
                    e.attempt(), e.retryOf(), e.gridIndex(), List.of(), Map.of(), null, null, null, null, null, e.at(), null),
                    e.newSuggestion());
        }
        if (event instanceof TrialStarted e) {
            return s.trial(e.trialId()).filter(t -> t.state() == TrialState.PENDING)
                    .map(t -> s.withTrial(t.withState(TrialState.RUNNING), false)).orElse(s);
        }
        if (event instanceof MetricsRecorded e) {
            return s.trial(e.trialId()).map(t -> s.withTrial(t.withMetrics(e.rows()), false)).orElse(s);
        }
        if (event instanceof TrialEnded e) {
            return s.trial(e.trialId()).filter(t -> t.state().isLive())
                    .map(t -> s.withTrial(t.ended(e.state(), e.exitCode(), e.reason(), e.stdoutTail(), e.stderrTail(), e.at()),
                            false)).orElse(s);
        }
        if (event instanceof SweepEntity.TrialStopRequested e) {
            return s.trial(e.trialId()).filter(t -> t.state().isLive())
                    .map(t -> s.withTrial(t.withStopRequest(e.reason()), false)).orElse(s);
        }
        if (event instanceof SweepStatusChanged e) {
            return s.withStatus(e.status(), e.stopRequested(), e.reason());
        }
        throw new IllegalArgumentException("unknown event " + event.getClass().getName());
    }
}
