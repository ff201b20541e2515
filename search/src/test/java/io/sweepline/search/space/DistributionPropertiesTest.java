package io.sweepline.search.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.ValidationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of every W&B distribution over randomly generated valid specs: the validator accepts
 * them, samples stay in the law's support with the right type, the CDF of a sample is in [0, 1],
 * and for continuous laws the CDF inverts the quantile function.
 */
class DistributionPropertiesTest {

    private static final List<String> NAMES = List.of("constant", "categorical", "categorical_w_probabilities",
            "int_uniform", "uniform", "q_uniform", "log_uniform", "log_uniform_values", "q_log_uniform",
            "q_log_uniform_values", "inv_log_uniform", "inv_log_uniform_values", "normal", "q_normal", "log_normal",
            "q_log_normal", "beta", "q_beta");
    private static final int SPECS = 2_000;
    private static final int SAMPLES = 200;

    /** One random valid spec of {@code name}, sometimes leaving out what W&B infers or defaults. */
    static Map<String, Object> validSpec(String name, SplittableRandom random) {
        Map<String, Object> spec = new LinkedHashMap<>();
        boolean explicit = random.nextInt(4) > 0;
        String base = name.startsWith("q_") ? name.substring(2) : name;
        switch (base) {
            case "constant" -> spec.put("value", randomValue(random));
            case "categorical", "categorical_w_probabilities" -> {
                List<Object> values = new ArrayList<>();
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    values.add(randomValue(random));
                }
                spec.put("values", values);
                if (base.equals("categorical_w_probabilities")) {
                    spec.put("probabilities", probabilities(n, random));
                }
            }
            case "int_uniform" -> {
                long min = random.nextLong(-1_000_000, 1_000_000);
                spec.put("min", min);
                spec.put("max", min + 1 + random.nextLong(10_000));
            }
            case "uniform" -> bounds(spec, random.nextDouble(-1e3, 1e3), random, name.startsWith("q_") ? 1e3 : 1e4);
            case "log_uniform_values", "inv_log_uniform_values" ->
                    bounds(spec, Math.exp(random.nextDouble(-12, 3)), random, 0);
            case "log_uniform", "inv_log_uniform" -> {
                double min = random.nextDouble(-15, 3);
                spec.put("min", min);
                spec.put("max", min + random.nextDouble(0.01, 10));
            }
            case "normal", "log_normal" -> {
                if (explicit || random.nextBoolean()) {
                    spec.put("mu", base.equals("normal") ? random.nextDouble(-100, 100) : random.nextDouble(-3, 3));
                }
                if (explicit || random.nextBoolean()) {
                    spec.put("sigma", random.nextInt(10) == 0 ? 0L : random.nextDouble(0.001, base.equals("normal") ? 10 : 2));
                }
            }
            case "beta" -> {
                if (explicit || random.nextBoolean()) {
                    spec.put("a", random.nextDouble(0.2, 10));
                }
                if (explicit || random.nextBoolean()) {
                    spec.put("b", random.nextBoolean() ? (Object) (long) (1 + random.nextInt(5)) : random.nextDouble(0.2, 10));
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        if (name.startsWith("q_") && (explicit || random.nextBoolean())) {
            spec.put("q", random.nextBoolean() ? (Object) (long) (1 + random.nextInt(10)) : random.nextDouble(0.01, 5));
        }
        boolean inferable = base.equals("constant") || base.startsWith("categorical") || base.equals("int_uniform")
                || (base.equals("uniform") && !name.startsWith("q_") && spec.get("min") instanceof Double);
        if (explicit || !inferable) {
            spec.put("distribution", base.equals("categorical_w_probabilities") && random.nextBoolean() ? "categorical" : name);
        }
        return spec;
    }

    /** min, then max above it; integer bounds sometimes (written as the user would). */
    private static void bounds(Map<String, Object> spec, double min, SplittableRandom random, double maxWidth) {
        double max = maxWidth == 0 ? min * Math.exp(random.nextDouble(0.01, 10)) : min + random.nextDouble(1e-3, maxWidth);
        if (maxWidth > 0 && random.nextInt(4) == 0 && Math.floor(max) > Math.ceil(min)) {
            spec.put("min", (long) Math.ceil(min));
            spec.put("max", (long) Math.floor(max));
        } else {
            spec.put("min", min);
            spec.put("max", max);
        }
    }

    /** Whole parts out of a total, so they sum to 1 up to rounding; some may be 0. */
    private static List<Object> probabilities(int n, SplittableRandom random) {
        long[] parts = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(100);
            total += parts[i];
        }
        if (total == 0) {
            parts[n - 1] = total = 1;
        }
        List<Object> result = new ArrayList<>();
        for (long part : parts) {
            result.add(part == total ? (Object) 1L : part / (double) total);
        }
        return result;
    }

    private static Object randomValue(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> random.nextLong(-100, 100);
            case 1 -> random.nextDouble(-10, 10);
            case 2 -> "s" + random.nextInt(5);
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> List.of(random.nextLong(3), "x");
            default -> Map.of("k", random.nextLong(3));
        };
    }

    private static Distribution accepted(String name, Map<String, Object> spec) {
        Map<String, Object> doc = Map.of("method", "random", "parameters", Map.of("p", spec));
        ValidationResult result = ConfigValidator.validate((Object) doc);
        assertTrue(result.accepted(), () -> name + " " + spec + " rejected: " + result.errors());
        Distribution d = result.orThrow().parameters().leaves().get(0).distribution();
        assertEquals(name, d.wireName(), () -> "distribution of " + spec);
        return d;
    }

    @Test
    void validatorAcceptsRandomValidSpecsAndSamplesStayInTheSupport() {
        SplittableRandom random = new SplittableRandom(20261122L);
        for (int i = 0; i < SPECS; i++) {
            String name = NAMES.get(i % NAMES.size());
            Map<String, Object> spec = validSpec(name, random);
            Distribution d = accepted(name, spec);
            for (int s = 0; s < SAMPLES; s++) {
                SupportAssertions.assertProducible(d, d.sample(random), "spec " + i + " " + spec);
            }
        }
    }

    @Test
    void cdfInvertsTheQuantileFunctionOfContinuousLaws() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < SPECS; i++) {
            String name = NAMES.get(i % NAMES.size());
            if (!(accepted(name, validSpec(name, random)) instanceof ContinuousDistribution d) || degenerate(d)) {
                continue;
            }
            for (int k = 0; k < 20; k++) {
                double u = random.nextDouble(0.001, 0.999);
                double x = d.ppf(u);
                // Beta's quantile comes from a solver accurate to 1e-14 relative in x; where the density
                // is huge (near 0 or 1 with a or b below 1) that is about 1e-7 in u
                double tolerance = d instanceof Beta ? 1e-6 : 1e-9;
                assertEquals(u, d.cdfAt(x), tolerance, () -> d + " at u=" + u + " x=" + x);
            }
        }
    }

    @Test
    void quantileFunctionIsNonDecreasing() {
        SplittableRandom random = new SplittableRandom(11L);
        for (int i = 0; i < SPECS; i++) {
            String name = NAMES.get(i % NAMES.size());
            Distribution d = accepted(name, validSpec(name, random));
            if (d instanceof Categorical || d instanceof Constant) {
                continue;
            }
            double previous = Double.NEGATIVE_INFINITY;
            for (int k = 1; k < 100; k++) {
                double x = ((Number) d.ppf(k / 100.0)).doubleValue();
                assertTrue(x >= previous, () -> d + " decreases at " + x);
                previous = x;
            }
        }
    }

    private static boolean degenerate(ContinuousDistribution d) {
        return (d instanceof Normal n && n.sigma() == 0) || (d instanceof LogNormal l && l.sigma() == 0);
    }
}
