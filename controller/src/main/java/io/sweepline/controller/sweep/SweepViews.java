package io.sweepline.controller.sweep;

import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns state into the views the API and CLI show. */
final class SweepViews {

    private SweepViews() {
    }

    static SweepView of(SweepState state, boolean withTrials) {
        SweepConfig config = state.config();
        String metric = config.metric().map(m -> m.name()).orElse(null);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TrialState s : TrialState.values()) {
            counts.put(s.name(), 0L);
        }
        state.trials().values().forEach(t -> counts.merge(t.state().name(), 1L, Long::sum));
        List<TrialView> trials = withTrials
                ? state.trials().values().stream().map(t -> trial(t, metric)).toList() : List.of();
        return new SweepView(state.sweepId(), config.name().orElse(state.sweepId()), state.status(),
                config.method().wireName(), metric, config.metric().map(m -> m.goal().wireName()).orElse(null),
                state.configText(), counts, state.best().map(t -> trial(t, metric)).orElse(null), trials,
                state.createdAt(), state.stopRequested(), state.finishReason());
    }

    /** One trial with its history, if the sweep has it. */
    static java.util.Optional<SweepEntity.TrialFound> trial(SweepState state, String trialId) {
        String metric = state.config().metric().map(m -> m.name()).orElse(null);
        return state.trial(trialId).map(t -> new SweepEntity.TrialFound(trial(t, metric), t.history()));
    }

    static TrialView trial(TrialRecord t, String metric) {
        Double value = null;
        if (metric != null) {
            var v = t.value(metric);
            value = v.isPresent() ? v.getAsDouble() : null;
        }
        return new TrialView(t.id(), t.number(), t.state().name(), t.params(), t.summary(), value, t.agent(),
                t.attempt(), t.retryOf(), t.exitCode(), t.reason() != null ? t.reason() : t.stopRequest(),
                t.assignedAt(), t.endedAt());
    }
}
