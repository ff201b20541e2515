package io.sweepline.search.config;

import java.util.Map;
import java.util.OptionalLong;

/** Reads {@code early_terminate:}; hyperband is the one type (W&B's only one). */
final class EarlyTerminateReader {

    static final double DEFAULT_ETA = 3.0;

    private final Problems problems;

    EarlyTerminateReader(Problems problems) {
        this.problems = problems;
    }

    /** The settings, or null when there are errors (already reported). */
    HyperbandSpec read(String path, Object raw) {
        if (!(raw instanceof Map<?, ?> spec)) {
            problems.error(path, "must be a mapping such as {type: hyperband, min_iter: 3}, got " + Problems.describe(raw));
            return null;
        }
        int before = problems.errorCount();
        Object type = spec.get("type");
        if (!"hyperband".equals(type)) {
            problems.error(Problems.child(path, "type"), spec.containsKey("type")
                    ? "unknown early termination type " + Problems.describe(type) + " (known: hyperband)"
                    : "is required (type: hyperband)");
            return null;
        }
        for (Object key : spec.keySet()) {
            if (!java.util.Set.of("type", "min_iter", "max_iter", "s", "eta", "strict").contains(key)) {
                problems.error(Problems.child(path, (String) key),
                        "is not a hyperband setting (it takes min_iter, max_iter, s, eta, strict)");
            }
        }
        OptionalLong minIter = integer(path, spec, "min_iter", 1);
        OptionalLong maxIter = integer(path, spec, "max_iter", 1);
        OptionalLong s = integer(path, spec, "s", 0);
        if (minIter.isEmpty() && (maxIter.isEmpty() || s.isEmpty()) && problems.errorCount() == before) {
            problems.error(path, "hyperband needs min_iter, or max_iter together with s");
        }
        double eta = DEFAULT_ETA;
        if (spec.containsKey("eta")) {
            Object value = spec.get("eta");
            if (!(value instanceof Long || value instanceof Double)) {
                problems.error(Problems.child(path, "eta"), "must be a number, got " + Problems.describe(value));
            } else if (!(((Number) value).doubleValue() > 1) || Double.isInfinite(((Number) value).doubleValue())) {
                problems.error(Problems.child(path, "eta"), "must be greater than 1 (got " + Problems.num(value) + ")");
            } else {
                eta = ((Number) value).doubleValue();
            }
        }
        boolean strict = true;
        if (spec.containsKey("strict")) {
            if (spec.get("strict") instanceof Boolean b) {
                strict = b;
            } else {
                problems.error(Problems.child(path, "strict"), "must be true or false, got " + Problems.describe(spec.get("strict")));
            }
        }
        if (problems.errorCount() != before) {
            return null;
        }
        HyperbandSpec hyperband = new HyperbandSpec(minIter, maxIter, s, eta, strict);
        if (io.sweepline.search.stop.HyperbandBands.of(hyperband).isEmpty()) {
            problems.error(path, "hyperband has no band of at least one iteration (max_iter " + maxIter.orElse(0)
                    + " divided by eta " + Problems.num(eta) + " is below 1): increase max_iter or s, or decrease eta");
            return null;
        }
        return hyperband;
    }

    private OptionalLong integer(String path, Map<?, ?> spec, String key, long least) {
        if (!spec.containsKey(key)) {
            return OptionalLong.empty();
        }
        Object value = spec.get(key);
        if (!(value instanceof Long l)) {
            problems.error(Problems.child(path, key), "must be an integer, got " + Problems.describe(value));
            return OptionalLong.empty();
        }
        if (l < least) {
            problems.error(Problems.child(path, key), "must be at least " + least + " (got " + l + ")");
            return OptionalLong.empty();
        }
        return OptionalLong.of(l);
    }
}
