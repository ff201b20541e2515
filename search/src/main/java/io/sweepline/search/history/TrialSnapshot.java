package io.sweepline.search.history;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An immutable view of one trial as the search algorithms see it: its parameters (nested
 * parameters as nested maps, exactly as handed to the training process), its state, the metric
 * rows it reported in order, and its summary (the last value of each metric unless set explicitly).
 *
 * @param id      trial id (W&B: run name)
 * @param state   lifecycle state
 * @param params  parameter values by top-level name
 * @param history reported metric rows, oldest first
 * @param summary last reported value per metric name
 * @param gridIndex the grid point this trial was handed out for, when a grid search suggested it;
 *                  a hint that spares the grid from re-deriving the point from the parameters
 */
public record TrialSnapshot(String id, TrialState state, Map<String, Object> params,
                            List<Map<String, Object>> history, Map<String, Object> summary,
                            java.util.OptionalLong gridIndex) {

    public TrialSnapshot(String id, TrialState state, Map<String, Object> params,
                         List<Map<String, Object>> history, Map<String, Object> summary) {
        this(id, state, params, history, summary, java.util.OptionalLong.empty());
    }

    public TrialSnapshot {
        gridIndex = gridIndex == null ? java.util.OptionalLong.empty() : gridIndex;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        params = Values.immutableMap(params);
        history = history == null ? List.of() : history.stream().map(Values::immutableMap).toList();
        summary = Values.immutableMap(summary);
    }

    /** A trial that has only been handed out. */
    public static TrialSnapshot pending(String id, Map<String, Object> params) {
        return new TrialSnapshot(id, TrialState.PENDING, params, List.of(), Map.of());
    }

    /** A trial that has only been handed out, for the given grid point. */
    public static TrialSnapshot pending(String id, Map<String, Object> params, java.util.OptionalLong gridIndex) {
        return new TrialSnapshot(id, TrialState.PENDING, params, List.of(), Map.of(), gridIndex);
    }

    /**
     * The trial's value for {@code metric}: the summary's value, else the last numeric value in the
     * history (W&B's summary semantics). Empty when the metric was never reported as a number.
     */
    public OptionalDouble metric(String metric) {
        Optional<Double> fromSummary = Values.asDouble(summary.get(metric));
        if (summary.containsKey(metric)) {
            return fromSummary.map(OptionalDouble::of).orElse(OptionalDouble.empty());
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Map<String, Object> row = history.get(i);
            if (row.containsKey(metric)) {
                return Values.asDouble(row.get(metric)).map(OptionalDouble::of).orElse(OptionalDouble.empty());
            }
        }
        return OptionalDouble.empty();
    }
}
