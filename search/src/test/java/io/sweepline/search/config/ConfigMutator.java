package io.sweepline.search.config;

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

/**
 * Random damage to sweep configs for fuzz tests (here and, through the test-jar, in the HTTP API's):
 * tree edits that replace, drop and rename keys or insert values of every kind, and text edits that
 * truncate, flip YAML-significant characters or substitute random bytes.
 */
public final class ConfigMutator {

    static final List<String> KEYS = List.of("method", "parameters", "metric", "name", "goal", "target",
            "early_terminate", "type", "min_iter", "max_iter", "s", "eta", "strict", "run_cap", "command", "sweepline",
            "seed", "max_concurrent", "trial_timeout", "max_retries", "retry_failed", "kill_grace", "distribution",
            "value", "values", "probabilities", "min", "max", "q", "mu", "sigma", "a", "b", "metrics", "kind", "x");
    static final List<String> WORDS = List.of("grid", "random", "bayes", "custom", "hyperband", "minimize",
            "maximize", "uniform", "q_uniform", "log_uniform", "log_uniform_values", "int_uniform", "categorical",
            "normal", "beta", "constant", "1e-5", "", " ", "${args}", "sweep", "None", "é");

    

    /** Every conformance config and every runnable real config, as text. */
    public static List<String> corpus() {
        List<String> texts = new ArrayList<>(ConformanceCase.ofKinds("validate", "grid", "random", "bayes_random_start",
                "hyperband", "bayes_gp_data", "bayes", "command", "bayes_acquisition").stream()
                .map(ConformanceCase::configText).filter(Objects::nonNull).toList());
        RealConfigs.runnable().forEach(entry -> texts.add(entry.text()));
        return List.copyOf(texts);
    }

    /** Random bytes decoded as UTF-8 or Latin-1: anything a careless client could send. */
    public static String randomBytes(SplittableRandom random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** A few characters replaced by YAML-significant ones. */
    public static String flipCharacters(String text, SplittableRandom random) {
        StringBuilder sb = new StringBuilder(text);
        String alphabet = ":-[]{}&*!|>'\"#%@`,? \n\t0123456789.eE";
        for (int k = 0, n = 1 + random.nextInt(5); k < n && sb.length() > 0; k++) {
            sb.setCharAt(random.nextInt(sb.length()), alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** One random edit somewhere in the tree; returns the (possibly replaced) root. */
    @SuppressWarnings("unchecked")
    public static Object mutate(Object root, SplittableRandom random) {
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
    public static Object randomValue(SplittableRandom random, int depth) {
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

    public static Object mutableCopy(Object node) {
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

    /** A broken variant of {@code text}: truncated at either end, characters flipped, or random bytes. */
    public static String breakText(String text, SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> randomBytes(random);
            case 2 -> flipCharacters(text, random);
            default -> text.substring(random.nextInt(text.length() + 1));
        };
    }

    private ConfigMutator() {
    }
}
