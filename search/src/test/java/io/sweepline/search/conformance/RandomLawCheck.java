package io.sweepline.search.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sweepline.search.value.PythonRepr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus README's checks of one sampled parameter against W&B's law: every sample in the
 * support, the same Python value types, and either the exact pmf (|freq − p| within 4σ + 1e-3) or
 * the exact quantiles (fraction below q_p within 4σ of p).
 */
final class RandomLawCheck {

    private final String name;
    private final Map<String, Object> spec;
    private final List<Object> samples;

    RandomLawCheck(String name, Map<String, Object> spec, List<Object> samples) {
        this.name = name;
        this.spec = spec;
        this.samples = samples;
    }

    void run() {
        checkSupport();
        assertEquals(new java.util.TreeSet<>(castList(spec.get("value_types"))), ConformanceTest.sortedTypes(samples),
                name + ": value types");
        if (spec.containsKey("engine_pmf")) {
            checkPmf();
        } else if (spec.containsKey("engine_ppf_at_percentiles")) {
            checkQuantiles();
        }
    }

    @SuppressWarnings("unchecked")
    private void checkSupport() {
        Map<String, Object> support = (Map<String, Object>) spec.get("support");
        String kind = (String) support.get("kind");
        for (Object v : samples) {
            switch (kind) {
                case "constant" -> ValueAssertions.assertSameValue(support.get("value"), v, name);
                case "set" -> assertTrue(((List<Object>) support.get("values")).stream()
                        .anyMatch(s -> jsonKey(s).equals(jsonKey(v))), name + ": " + v + " in set");
                case "int_range" -> {
                    long x = (Long) v;
                    assertTrue(x >= ((Number) support.get("min")).longValue() && x <= ((Number) support.get("max")).longValue(),
                            name + ": " + x + " in range");
                }
                case "interval" -> assertInInterval(((Number) v).doubleValue(), support);
                case "lattice" -> {
                    double x = ((Number) v).doubleValue();
                    double q = ((Number) support.get("q")).doubleValue();
                    double k = x / q;
                    assertTrue(Math.abs(k - Math.rint(k)) < 1e-9, name + ": " + x + " is a multiple of " + q);
                    assertInInterval(x, support);
                }
                default -> fail("unknown support kind " + kind);
            }
        }
    }

    private void assertInInterval(double x, Map<String, Object> support) {
        double tol = 1e-12;
        if (support.get("min") instanceof Number min) {
            assertTrue(x >= min.doubleValue() * (1 - Math.signum(min.doubleValue()) * tol) - tol, name + ": " + x + " >= " + min);
        }
        if (support.get("max") instanceof Number max) {
            assertTrue(x <= max.doubleValue() * (1 + Math.signum(max.doubleValue()) * tol) + tol, name + ": " + x + " <= " + max);
        }
    }

    @SuppressWarnings("unchecked")
    private void checkPmf() {
        Map<String, Object> pmf = (Map<String, Object>) spec.get("engine_pmf");
        Map<String, Integer> counts = new HashMap<>();
        for (Object v : samples) {
            counts.merge(jsonKey(v), 1, Integer::sum);
        }
        int n = samples.size();
        for (String key : counts.keySet()) {
            assertTrue(pmf.containsKey(key), name + ": sampled " + key + " which W&B never samples; pmf keys " + pmf.keySet());
        }
        for (var entry : pmf.entrySet()) {
            double p = ((Number) entry.getValue()).doubleValue();
            double freq = counts.getOrDefault(entry.getKey(), 0) / (double) n;
            double tol = 4 * Math.sqrt(p * (1 - p) / n) + 1e-3;
            assertTrue(Math.abs(freq - p) <= tol,
                    name + ": frequency of " + entry.getKey() + " is " + freq + ", W&B's probability " + p + " (tol " + tol + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private void checkQuantiles() {
        Map<String, Object> ppf = (Map<String, Object>) spec.get("engine_ppf_at_percentiles");
        List<Object> ps = castList(ppf.get("p"));
        List<Object> qs = castList(ppf.get("value"));
        double[] xs = samples.stream().mapToDouble(v -> ((Number) v).doubleValue()).sorted().toArray();
        int n = xs.length;
        for (int i = 0; i < ps.size(); i++) {
            double p = ((Number) ps.get(i)).doubleValue();
            double q = ((Number) qs.get(i)).doubleValue();
            double tol = 4 * Math.sqrt(p * (1 - p) / n);
            long below = java.util.Arrays.stream(xs).filter(x -> x < q).count();
            long atOrBelow = java.util.Arrays.stream(xs).filter(x -> x <= q).count();
            assertTrue(below / (double) n <= p + tol, name + ": P(X < " + q + ") = " + below / (double) n + " > " + p);
            assertTrue(atOrBelow / (double) n >= p - tol, name + ": P(X <= " + q + ") = " + atOrBelow / (double) n + " < " + p);
        }
    }

    /** Python's json.dumps(v, sort_keys=True), with -0.0 counted as 0.0. */
    static String jsonKey(Object v) {
        Object normalized = v instanceof Double d && d == 0.0 ? 0.0 : v;
        if (normalized instanceof Map<?, ?> m) {
            normalized = new TreeMap<>(m);
        }
        return PythonRepr.jsonDumps(normalized);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
