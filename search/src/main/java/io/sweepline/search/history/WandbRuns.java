package io.sweepline.search.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads runs in W&B's {@code SweepRun} shape — {@code name}, {@code state}, {@code config: {p: {value: v}}},
 * {@code history}, {@code summary_metrics} — so runs exported from W&B (or the conformance corpus)
 * can seed a preview. Missing fields default as in W&B: no name, state pending, empty history.
 */
public final class WandbRuns {

    private WandbRuns() {
    }

    /**
     * @throws IllegalArgumentException naming the run and field when the shape is wrong
     */
    @SuppressWarnings("unchecked")
    public static List<TrialSnapshot> toTrials(List<Object> runs) {
        List<TrialSnapshot> trials = new ArrayList<>();
        int n = 0;
        for (Object r : runs) {
            if (!(r instanceof Map)) {
                throw new IllegalArgumentException("runs[" + n + "] must be an object with name, state and config");
            }
            Map<String, Object> run = (Map<String, Object>) r;
            for (String field : List.of("config", "summary_metrics")) {
                if (run.get(field) != null && !(run.get(field) instanceof Map)) {
                    throw new IllegalArgumentException("runs[" + n + "]." + field + " must be an object");
                }
            }
            if (run.get("history") != null && !(run.get("history") instanceof List<?> h && h.stream().allMatch(Map.class::isInstance))) {
                throw new IllegalArgumentException("runs[" + n + "].history must be a list of objects");
            }
            n++;
            String name = run.get("name") instanceof String s ? s : "run-" + n;
            TrialState state = TrialState.parse(run.get("state") instanceof String st ? st : null).orElse(TrialState.PENDING);
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
