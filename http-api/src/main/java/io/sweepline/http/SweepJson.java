package io.sweepline.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.protocol.SweepView;
import io.sweepline.protocol.TrialView;
import io.sweepline.search.config.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sweep as the HTTP API shows it (SPEC §6). It differs from {@link SweepView} where the wire
 * format is fixed by the spec: {@code state} (not status), {@code config} (the submitted text) and
 * {@code best} as {@code {trial_id, value, params}}. Trials have their own endpoint, so they are
 * not repeated here.
 *
 * @param warnings only in the answer to a create: what the validator tolerated ({@code path},
 *                 {@code message}); absent from every other answer
 */
public record SweepJson(String id, String name, SweepStatus state, String method, String metric, String goal,
                        String config, Map<String, Long> trialCounts, Best best, Instant createdAt,
                        boolean stopRequested, String finishReason,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Violation> warnings) {

    /** The best finished trial so far. */
    public record Best(String trialId, Double value, Map<String, Object> params) {

        static Best of(TrialView trial) {
            return trial == null ? null : new Best(trial.id(), trial.value(), trial.params());
        }
    }

    public static SweepJson of(SweepView view) {
        return of(view, null);
    }

    public static SweepJson created(SweepView view, List<Violation> warnings) {
        return of(view, List.copyOf(warnings));
    }

    private static SweepJson of(SweepView v, List<Violation> warnings) {
        return new SweepJson(v.id(), v.name(), v.status(), v.method(), v.metric(), v.goal(), v.configText(),
                v.trialCounts(), Best.of(v.best()), v.createdAt(), v.stopRequested(), v.finishReason(), warnings);
    }
}
