package io.sweepline.search.conformance;

import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts runs in W&B's {@code SweepRun} shape ({@code config: {p: {value: v}}}) to trial snapshots. */
public final class WandbRuns {

    private WandbRuns() {
    }

    @SuppressWarnings("unchecked")
    public static List<TrialSnapshot> toTrials(List<Object> runs) {
        List<TrialSnapshot> trials = new ArrayList<>();
        int n = 0;
        for (Object r : runs) {
            Map<String, Object> run = (Map<String, Object>) r;
            n++;
            String name = run.get("name") instanceof String s ? s : "run-" + n;
            TrialState state = TrialState.parse((String) run.get("state")).orElse(TrialState.PENDING);
            trials.add(new TrialSnapshot(name, state, params((Map<String, Object>) run.get("config")),
                    (List<Map<String, Object>>) (Object) run.getOrDefault("history", List.of()),
                    (Map<String, Object>) run.getOrDefault("summary_metrics", Map.of())));
        }
        return trials;
    }

    /** {@code {p: {value: v}}} → {@code {p: v}}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> params(Map<String, Object> config) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (config != null) {
            config.forEach((k, v) -> {
                if (v instanceof Map<?, ?> m && m.containsKey("value")) {
                    params.put(k, ((Map<String, Object>) m).get("value"));
                }
            });
        }
        return params;
    }
}
