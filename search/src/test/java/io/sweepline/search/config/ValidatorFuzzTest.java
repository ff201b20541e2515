package io.sweepline.search.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.conformance.ConformanceCase;
import io.sweepline.search.realconfigs.RealConfigs;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The validator judges anything: thousands of random mutations of the conformance and real configs
 * (as trees and as text) never make it throw, and every rejection says why.
 */
class ValidatorFuzzTest {

    private static final List<String> KEYS = List.of("method", "parameters", "metric", "name", "goal", "target",
            "early_terminate", "type", "min_iter", "max_iter", "s", "eta", "strict", "run_cap", "command", "sweepline",
            "seed", "max_concurrent", "trial_timeout", "max_retries", "retry_failed", "kill_grace", "distribution",
            "value", "values", "probabilities", "min", "max", "q", "mu", "sigma", "a", "b", "metrics", "kind", "x");
    private static final List<String> WORDS = List.of("grid", "random", "bayes", "custom", "hyperband", "minimize",
            "maximize", "uniform", "q_uniform", "log_uniform", "log_uniform_values", "int_uniform", "categorical",
            "normal", "beta", "constant", "1e-5", "", " ", "${args}", "sweep", "None", "é");

    private static final List<String> TEXTS = corpus();

    private static List<String> corpus() {
        List<String> texts = new ArrayList<>(ConformanceCase.ofKinds("validate", "grid", "random", "bayes_random_start",
                "hyperband", "bayes_gp_data", "bayes", "command", "bayes_acquisition").stream()
                .map(ConformanceCase::configText).filter(Objects::nonNull).toList());
        RealConfigs.runnable().forEach(entry -> texts.add(entry.text()));
        return List.copyOf(texts);
    }

    private static void assertJudged(ValidationResult result, Object input) {
        if (!result.accepted()) {
            assertFalse(result.errors().isEmpty(), () -> "rejected without errors: " + input);
            assertTrue(result.errors().stream().allMatch(v -> !v.message().isBlank()), () -> "blank message: " + result);
        }
        assertTrue(result.warnings().stream().allMatch(v -> !v.message().isBlank()), () -> "blank warning: " + result);
    }

    @Test
    void corpusIsNotEmpty() {
        assertTrue(TEXTS.size() >= 50, "conformance configs found: " + TEXTS.size());
    }

    @Test
    void neverThrowsOnMutatedTrees() {
        SplittableRandom random = new SplittableRandom(20261122L);
        ConfigParser parser = new ConfigParser();
        for (int i = 0; i < 5_000; i++) {
            Object tree = mutableCopy(parser.parse(TEXTS.get(random.nextInt(TEXTS.size()))));
            int mutations = 1 + random.nextInt(5);
            for (int m = 0; m < mutations; m++) {
                tree = mutate(tree, random);
            }
            Object input = tree;
            ValidationResult result = assertDoesNotThrow(() -> ConfigValidator.validate(input), () -> "tree " + input);
            assertJudged(result, input);
        }
    }

    @Test
    void neverThrowsOnBrokenTexts() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < 3_000; i++) {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            String broken = switch (random.nextInt(4)) {
                case 0 -> text.substring(0, random.nextInt(text.length() + 1));
                case 1 -> randomBytes(random);
                case 2 -> flipCharacters(text, random);
                default -> text.substring(random.nextInt(text.length() + 1));
            };
            ValidationResult result = assertDoesNotThrow(() -> ConfigValidator.validate(broken), () -> "text " + broken);
            assertJudged(result, broken);
        }
    }

    private static String randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private static String flipCharacters(String text, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(text);
        String alphabet = ":-[]{}&*!|>'\"#%@`,? \n\t0123456789.eE";
        for (int k = 0, n = 1 + random.nextInt(5); k < n && sb.length() > 0; k++) {
            sb.setCharAt(random.nextInt(sb.length()), alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** One random edit somewhere in the tree; returns the (possibly replaced) root. */
    @SuppressWarnings("unchecked")
    private static Object mutate(Object root, SplittableRandom random) {
        List<Object> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || random.nextInt(50) == 0) {
            return randomValue(random, 2);
        }
        Object target = containers.get(random.nextInt(containers.size()));
        if (target instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            List<String> keys = new ArrayList<>(map.keySet());
            String key = keys.isEmpty() ? null : keys.get(random.nextInt(keys.size()));
            switch (key == null ? 3 : random.nextInt(4)) {
                case 0 -> map.remove(key);
                case 1 -> map.put(key, randomValue(random, 2));
                case 2 -> map.put(random.nextBoolean() ? KEYS.get(random.nextInt(KEYS.size())) : "k" + random.nextInt(9),
                        map.remove(key));
                default -> map.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, 2));
            }
        } else {
            List<Object> list = (List<Object>) target;
            if (!list.isEmpty() && random.nextBoolean()) {
                int index = random.nextInt(list.size());
                if (random.nextBoolean()) {
                    list.remove(index);
                } else {
                    list.set(index, randomValue(random, 2));
                }
            } else {
                list.add(randomValue(random, 2));
            }
        }
        return root;
    }

    private static void collect(Object node, List<Object> out) {
        if (node instanceof Map<?, ?> map) {
            out.add(node);
            map.values().forEach(v -> collect(v, out));
        } else if (node instanceof List<?> list) {
            out.add(node);
            list.forEach(v -> collect(v, out));
        }
    }

    /** Any value the parser can produce, weighted towards the awkward ones. */
    private static Object randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 0 ? 16 : 13);
        return switch (kind) {
            case 0 -> WORDS.get(random.nextInt(WORDS.size()));
            case 1 -> -random.nextLong(1, 1_000);
            case 2 -> -random.nextDouble(1e-9, 1e9);
            case 3 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
            case 4 -> random.nextBoolean() ? Double.MAX_VALUE : 1e308;
            case 5 -> random.nextBoolean() ? BigInteger.TEN.pow(20 + random.nextInt(400))
                    : BigInteger.TEN.pow(20 + random.nextInt(400)).negate();
            case 6 -> Double.NaN;
            case 7 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 8 -> null;
            case 9 -> random.nextBoolean();
            case 10 -> random.nextLong(-3, 20);
            case 11 -> random.nextDouble(-1, 2);
            case 12 -> random.nextBoolean() ? -0.0 : 0L;
            case 13, 14 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(random, depth - 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static Object mutableCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutableCopy(v)));
            return copy;
        }
        return node;
    }
}
