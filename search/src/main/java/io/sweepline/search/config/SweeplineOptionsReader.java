package io.sweepline.search.config;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Reads Sweepline's own {@code sweepline:} block; being ours, unknown keys there are errors. */
final class SweeplineOptionsReader {

    static final Set<String> KEYS = Set.of("seed", "max_concurrent", "trial_timeout", "max_retries", "retry_failed",
            "kill_grace");

    private final Problems problems;

    SweeplineOptionsReader(Problems problems) {
        this.problems = problems;
    }

    SweeplineOptions read(String path, Object raw) {
        if (raw == null) {
            return SweeplineOptions.defaults();
        }
        if (!(raw instanceof Map<?, ?> spec)) {
            problems.error(path, "must be a mapping such as {seed: 7, max_concurrent: 4}, got " + Problems.describe(raw));
            return null;
        }
        for (Object key : spec.keySet()) {
            if (!KEYS.contains(key)) {
                problems.error(Problems.child(path, (String) key), "is not a Sweepline setting (known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        SweeplineOptions defaults = SweeplineOptions.defaults();
        OptionalLong seed = integer(path, spec, "seed", Long.MIN_VALUE);
        OptionalLong maxConcurrent = integer(path, spec, "max_concurrent", 1);
        OptionalLong maxRetries = integer(path, spec, "max_retries", 0);
        OptionalDouble timeout = seconds(path, spec, "trial_timeout", false);
        OptionalDouble killGrace = seconds(path, spec, "kill_grace", true);
        boolean retryFailed = false;
        if (spec.containsKey("retry_failed")) {
            if (spec.get("retry_failed") instanceof Boolean b) {
                retryFailed = b;
            } else {
                problems.error(Problems.child(path, "retry_failed"), "must be true or false, got "
                        + Problems.describe(spec.get("retry_failed")));
            }
        }
        return new SweeplineOptions(seed,
                maxConcurrent.isPresent() ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, maxConcurrent.getAsLong()))
                        : OptionalInt.empty(),
                timeout,
                maxRetries.isPresent() ? (int) Math.min(1000, maxRetries.getAsLong()) : defaults.maxRetries(),
                retryFailed,
                killGrace.orElse(defaults.killGrace()));
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

    private OptionalDouble seconds(String path, Map<?, ?> spec, String key, boolean zeroAllowed) {
        if (!spec.containsKey(key)) {
            return OptionalDouble.empty();
        }
        Object value = spec.get(key);
        if (!(value instanceof Long || value instanceof Double)) {
            problems.error(Problems.child(path, key), "must be a number of seconds, got " + Problems.describe(value));
            return OptionalDouble.empty();
        }
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d) || d < 0 || (d == 0 && !zeroAllowed)) {
            problems.error(Problems.child(path, key), "must be " + (zeroAllowed ? "at least 0" : "greater than 0")
                    + " seconds (got " + Problems.num(value) + ")");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(d);
    }
}
