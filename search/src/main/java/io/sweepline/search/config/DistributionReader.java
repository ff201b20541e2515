package io.sweepline.search.config;

import io.sweepline.search.space.Beta;
import io.sweepline.search.space.Categorical;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.ContinuousDistribution;
import io.sweepline.search.space.Distribution;
import io.sweepline.search.space.IntUniform;
import io.sweepline.search.space.InvLogUniform;
import io.sweepline.search.space.LogNormal;
import io.sweepline.search.space.LogUniform;
import io.sweepline.search.space.Normal;
import io.sweepline.search.space.Quantized;
import io.sweepline.search.space.Uniform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one parameter's mapping into a {@link Distribution}: infers the distribution when it is
 * omitted (W&B's rules: {@code value} → constant, {@code values} → categorical, integer
 * {@code min}/{@code max} → int_uniform, otherwise uniform), fills W&B's defaults (mu 0, sigma 1,
 * q 1.0, a = b = 1) and reports every broken rule with its path.
 */
final class DistributionReader {

    private static final String DISTRIBUTION = "distribution";

    /** Every distribution name and the keys it takes besides {@code distribution}. */
    static final Map<String, Set<String>> KEYS = Map.ofEntries(
            Map.entry("constant", Set.of("value")),
            Map.entry("categorical", Set.of("values", "probabilities")),
            Map.entry("categorical_w_probabilities", Set.of("values", "probabilities")),
            Map.entry("int_uniform", Set.of("min", "max")),
            Map.entry("uniform", Set.of("min", "max")),
            Map.entry("q_uniform", Set.of("min", "max", "q")),
            Map.entry("log_uniform", Set.of("min", "max")),
            Map.entry("log_uniform_values", Set.of("min", "max")),
            Map.entry("q_log_uniform", Set.of("min", "max", "q")),
            Map.entry("q_log_uniform_values", Set.of("min", "max", "q")),
            Map.entry("inv_log_uniform", Set.of("min", "max")),
            Map.entry("inv_log_uniform_values", Set.of("min", "max")),
            Map.entry("normal", Set.of("mu", "sigma")),
            Map.entry("q_normal", Set.of("mu", "sigma", "q")),
            Map.entry("log_normal", Set.of("mu", "sigma")),
            Map.entry("q_log_normal", Set.of("mu", "sigma", "q")),
            Map.entry("beta", Set.of("a", "b")),
            Map.entry("q_beta", Set.of("a", "b", "q")));

    private final Problems problems;

    DistributionReader(Problems problems) {
        this.problems = problems;
    }

    /** The distribution, or null when the spec has errors (already reported). */
    Distribution read(String path, Map<String, Object> spec) {
        String name = distributionName(path, spec);
        if (name == null) {
            return null;
        }
        int before = problems.errorCount();
        Set<String> allowed = KEYS.get(name);
        for (String key : spec.keySet()) {
            if (!key.equals(DISTRIBUTION) && !allowed.contains(key)) {
                problems.error(Problems.child(path, key), "is not a setting of distribution " + name
                        + " (it takes " + String.join(", ", sorted(allowed)) + ")");
            }
        }
        Distribution result = switch (name) {
            case "constant" -> new Constant(spec.get("value"));
            case "categorical", "categorical_w_probabilities" -> categorical(path, spec);
            case "int_uniform" -> intUniform(path, spec);
            case "uniform" -> bounded(path, spec, false, (min, max) -> new Uniform(min, max));
            case "q_uniform" -> quantized(path, spec, bounded(path, spec, false, (min, max) -> new Uniform(min, max)));
            case "log_uniform" -> deprecatedLog(path, spec, name, (min, max) -> new LogUniform(min, max, true));
            case "log_uniform_values" -> bounded(path, spec, true, (min, max) -> new LogUniform(min, max, false));
            case "q_log_uniform" -> quantized(path, spec,
                    deprecatedLog(path, spec, name, (min, max) -> new LogUniform(min, max, true)));
            case "q_log_uniform_values" -> quantized(path, spec,
                    bounded(path, spec, true, (min, max) -> new LogUniform(min, max, false)));
            case "inv_log_uniform" -> deprecatedLog(path, spec, name, (min, max) -> new InvLogUniform(min, max, true));
            case "inv_log_uniform_values" -> bounded(path, spec, true, (min, max) -> new InvLogUniform(min, max, false));
            case "normal" -> gaussian(path, spec, Normal::new);
            case "q_normal" -> quantized(path, spec, gaussian(path, spec, Normal::new));
            case "log_normal" -> gaussian(path, spec, LogNormal::new);
            case "q_log_normal" -> quantized(path, spec, gaussian(path, spec, LogNormal::new));
            case "beta" -> beta(path, spec);
            case "q_beta" -> quantized(path, spec, beta(path, spec));
            default -> throw new IllegalStateException("unhandled distribution " + name);
        };
        return problems.errorCount() == before ? result : null;
    }

    private String distributionName(String path, Map<String, Object> spec) {
        if (spec.containsKey(DISTRIBUTION)) {
            Object name = spec.get(DISTRIBUTION);
            if (name instanceof String s && KEYS.containsKey(s)) {
                return s;
            }
            problems.error(Problems.child(path, DISTRIBUTION), "unknown distribution " + Problems.describe(name)
                    + " (known: " + String.join(", ", sorted(KEYS.keySet())) + ")");
            return null;
        }
        if (spec.containsKey("value")) {
            return "constant";
        }
        if (spec.containsKey("values")) {
            return "categorical";
        }
        if (spec.containsKey("min") && spec.containsKey("max")) {
            return spec.get("min") instanceof Long && spec.get("max") instanceof Long ? "int_uniform" : "uniform";
        }
        problems.error(path, "cannot tell the distribution: give value, values, min and max, or a distribution"
                + " (got keys " + String.join(", ", spec.keySet()) + ")");
        return null;
    }

    private Distribution categorical(String path, Map<String, Object> spec) {
        Object values = spec.get("values");
        String valuesPath = Problems.child(path, "values");
        if (!(values instanceof List<?> list)) {
            problems.error(valuesPath, values == null && !spec.containsKey("values")
                    ? "is required for a categorical parameter"
                    : "must be a list of values, got " + Problems.describe(values));
            return null;
        }
        if (list.isEmpty()) {
            problems.error(valuesPath, "must hold at least one value");
            return null;
        }
        if (!spec.containsKey("probabilities")) {
            return new Categorical(new ArrayList<>(list), null);
        }
        List<Double> probabilities = probabilities(path, spec.get("probabilities"), list);
        return probabilities == null ? null : new Categorical(new ArrayList<>(list), probabilities);
    }

    private List<Double> probabilities(String path, Object raw, List<?> values) {
        String p = Problems.child(path, "probabilities");
        if (!(raw instanceof List<?> list)) {
            problems.error(p, "must be a list of numbers, got " + Problems.describe(raw));
            return null;
        }
        List<Double> result = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof Long || item instanceof Double) || ((Number) item).doubleValue() < 0
                    || ((Number) item).doubleValue() > 1) {
                problems.error(p + "[" + i + "]", "must be a number between 0 and 1, got " + Problems.describe(item));
                ok = false;
            } else {
                result.add(((Number) item).doubleValue());
            }
        }
        if (list.size() != values.size()) {
            problems.error(p, "must have one entry per value: " + values.size() + " values but "
                    + list.size() + " probabilities");
            ok = false;
        }
        if (ok) {
            double sum = result.stream().mapToDouble(Double::doubleValue).sum();
            // numpy.isclose(sum, 1): |sum - 1| <= 1e-8 + 1e-5
            if (Math.abs(sum - 1.0) > 1e-8 + 1e-5) {
                problems.error(p, "must sum to 1, got " + io.sweepline.search.value.PythonFloat.repr(sum));
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private Distribution intUniform(String path, Map<String, Object> spec) {
        Long min = integer(path, spec, "min");
        Long max = integer(path, spec, "max");
        if (min == null || max == null) {
            return null;
        }
        if (min >= max) {
            problems.error(Problems.child(path, "max"), "must be greater than min (got " + max + " <= " + min + ")");
            return null;
        }
        return new IntUniform(min, max);
    }

    private interface BoundedFactory {
        ContinuousDistribution create(double min, double max);
    }

    private interface GaussianFactory {
        ContinuousDistribution create(double mu, double sigma);
    }

    private ContinuousDistribution bounded(String path, Map<String, Object> spec, boolean positive,
                                           BoundedFactory factory) {
        Double min = number(path, spec, "min", null);
        Double max = number(path, spec, "max", null);
        if (min == null || max == null) {
            return null;
        }
        if (!(min < max)) {
            problems.error(Problems.child(path, "max"), "must be greater than min (got "
                    + Problems.num(spec.get("max")) + " <= " + Problems.num(spec.get("min")) + ")");
            return null;
        }
        if (positive && min <= 0) {
            problems.error(Problems.child(path, "min"), "must be greater than 0 for a log scale (got "
                    + Problems.num(spec.get("min")) + ")");
            return null;
        }
        return factory.create(min, max);
    }

    private ContinuousDistribution deprecatedLog(String path, Map<String, Object> spec, String name,
                                                 BoundedFactory factory) {
        ContinuousDistribution d = bounded(path, spec, false, factory);
        if (d != null) {
            problems.warn(Problems.child(path, DISTRIBUTION), name + " takes base-e exponents as min/max (values e^"
                    + Problems.num(spec.get("min")) + " .. e^" + Problems.num(spec.get("max")) + "); use " + name
                    + "_values to give the values themselves");
        }
        return d;
    }

    private ContinuousDistribution gaussian(String path, Map<String, Object> spec, GaussianFactory factory) {
        Double mu = number(path, spec, "mu", 0.0);
        Double sigma = number(path, spec, "sigma", 1.0);
        if (mu == null || sigma == null) {
            return null;
        }
        if (sigma < 0) {
            problems.error(Problems.child(path, "sigma"), "must be at least 0 (got " + Problems.num(spec.get("sigma")) + ")");
            return null;
        }
        return factory.create(mu, sigma);
    }

    private ContinuousDistribution beta(String path, Map<String, Object> spec) {
        Double a = number(path, spec, "a", 1.0);
        Double b = number(path, spec, "b", 1.0);
        boolean ok = a != null && b != null;
        if (a != null && a <= 0) {
            problems.error(Problems.child(path, "a"), "must be greater than 0 (got " + Problems.num(spec.get("a")) + ")");
            ok = false;
        }
        if (b != null && b <= 0) {
            problems.error(Problems.child(path, "b"), "must be greater than 0 (got " + Problems.num(spec.get("b")) + ")");
            ok = false;
        }
        return ok ? new Beta(a, b) : null;
    }

    private Distribution quantized(String path, Map<String, Object> spec, ContinuousDistribution base) {
        Object q = spec.getOrDefault("q", 1.0);
        String qPath = Problems.child(path, "q");
        if (!(q instanceof Long) && !(q instanceof Double)) {
            problems.error(qPath, "must be a number, got " + Problems.describe(q));
            return null;
        }
        double step = ((Number) q).doubleValue();
        if (!(step > 0) || Double.isInfinite(step)) {
            problems.error(qPath, "must be greater than 0 (got " + Problems.num(q) + ")");
            return null;
        }
        if (base == null) {
            return null;
        }
        boolean integralBounds = spec.get("min") instanceof Long && spec.get("max") instanceof Long;
        return new Quantized(base, (Number) q, integralBounds);
    }

    private Double number(String path, Map<String, Object> spec, String key, Double fallback) {
        if (!spec.containsKey(key)) {
            if (fallback == null) {
                problems.error(Problems.child(path, key), "is required");
            }
            return fallback;
        }
        Object value = spec.get(key);
        if (!(value instanceof Long) && !(value instanceof Double) && !(value instanceof java.math.BigInteger)) {
            problems.error(Problems.child(path, key), "must be a number, got " + Problems.describe(value));
            return null;
        }
        double d = ((Number) value).doubleValue();
        if (!Double.isFinite(d)) {
            problems.error(Problems.child(path, key), "must be a finite number, got " + Problems.num(value));
            return null;
        }
        return d;
    }

    private Long integer(String path, Map<String, Object> spec, String key) {
        Double d = number(path, spec, key, null);
        if (d == null) {
            return null;
        }
        Object value = spec.get(key);
        if (value instanceof Long l) {
            return l;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d.doubleValue();
        }
        problems.error(Problems.child(path, key), "must be an integer for int_uniform, got " + Problems.num(value));
        return null;
    }

    private static List<String> sorted(Set<String> names) {
        return new ArrayList<>(new java.util.TreeSet<>(names));
    }

    static Set<String> names() {
        return new LinkedHashSet<>(KEYS.keySet());
    }
}
