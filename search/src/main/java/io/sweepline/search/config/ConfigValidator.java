package io.sweepline.search.config;

import io.sweepline.search.history.Goal;
import io.sweepline.search.space.Categorical;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.IntUniform;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.Quantized;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.space.Uniform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a parsed sweep configuration against W&B's rules and Sweepline's, returning every problem
 * at once with its path, and builds the {@link SweepConfig} when there is none.
 *
 * <p>What W&B's hosted service tolerates is a warning here (deprecated {@code log_uniform} forms,
 * unknown top-level keys, an unknown goal where the goal does not steer the search); everything that
 * would make the sweep misbehave is an error, including what W&B's engine only discovers when it
 * crashes mid-sweep (grid over a continuous parameter, bayes without a metric).
 */
public final class ConfigValidator {

    /** W&B's top-level keys (schema.json) plus Sweepline's own block. */
    static final Set<String> TOP_LEVEL_KEYS = Set.of("apiVersion", "kind", "controller", "description", "program",
            "job", "image_uri", "entity", "project", "method", "command", "name", "run_cap", "metric", "metrics",
            "scheduler", "early_terminate", "parameters", "sweepline");

    /** W&B Launch keys: understood, but Sweepline runs its own agents. */
    private static final Set<String> LAUNCH_ONLY_KEYS = Set.of("job", "image_uri", "scheduler");

    private static final Set<String> METRIC_KEYS = Set.of("name", "goal", "target", "impute", "impute_while_running");

    private ConfigValidator() {
    }

    /** Parses and validates text; malformed text is one error of the whole document. */
    public static ValidationResult validate(String text) {
        try {
            ConfigParser.Parsed parsed = new ConfigParser().parseWithWarnings(text);
            ValidationResult result = validate(parsed.tree());
            if (parsed.warnings().isEmpty()) {
                return result;
            }
            List<Violation> warnings = new java.util.ArrayList<>(parsed.warnings());
            warnings.addAll(result.warnings());
            return new ValidationResult(result.errors(), warnings, result.config());
        } catch (ConfigSyntaxException e) {
            return new ValidationResult(List.of(e.toViolation()), List.of(), Optional.empty());
        }
    }

    @SuppressWarnings("unchecked")
    public static ValidationResult validate(Object document) {
        Problems problems = new Problems();
        if (!(document instanceof Map<?, ?> map)) {
            problems.error("", "a sweep configuration must be a mapping of keys such as method and parameters, got "
                    + Problems.describe(document));
            return new ValidationResult(problems.errors(), problems.warnings(), Optional.empty());
        }
        Map<String, Object> doc = (Map<String, Object>) map;
        unknownKeys(doc, problems);
        Method method = method(doc, problems);
        SearchSpace space = doc.containsKey("parameters")
                ? new ParametersReader(problems).read("parameters", doc.get("parameters")) : null;
        if (!doc.containsKey("parameters")) {
            problems.error("parameters", "is required: the hyperparameters to search");
        }
        Optional<MetricSpec> metric = metric(doc, method, problems);
        HyperbandSpec hyperband = doc.containsKey("early_terminate")
                ? new EarlyTerminateReader(problems).read("early_terminate", doc.get("early_terminate")) : null;
        if (doc.containsKey("early_terminate") && !doc.containsKey("metric")) {
            problems.error("early_terminate", "needs a metric: hyperband compares trials by metric.name");
        }
        SweeplineOptions options = new SweeplineOptionsReader(problems).read("sweepline", doc.get("sweepline"));
        OptionalLong runCap = runCap(doc, problems);
        List<Object> command = command(doc, problems);
        Optional<String> name = text(doc, "name", problems);
        Optional<String> description = text(doc, "description", problems);
        Optional<String> program = text(doc, "program", problems);
        Optional<String> entity = text(doc, "entity", problems);
        Optional<String> project = text(doc, "project", problems);
        if (method == Method.GRID && space != null) {
            gridCompatible(space, problems);
        }
        if (problems.errorCount() > 0) {
            return new ValidationResult(problems.errors(), problems.warnings(), Optional.empty());
        }
        SweepConfig config = new SweepConfig(name, description, program, method, metric, space,
                Optional.ofNullable(hyperband), command, runCap, entity, project, options, doc);
        return new ValidationResult(problems.errors(), problems.warnings(), Optional.of(config));
    }

    private static void unknownKeys(Map<String, Object> doc, Problems problems) {
        for (String key : doc.keySet()) {
            if (!TOP_LEVEL_KEYS.contains(key)) {
                problems.warn(key, "is not a sweep configuration key and is ignored (known: "
                        + String.join(", ", new TreeSet<>(TOP_LEVEL_KEYS)) + ")");
            } else if (LAUNCH_ONLY_KEYS.contains(key)) {
                problems.warn(key, "is a W&B Launch setting; Sweepline ignores it and runs trials on its own agents");
            }
        }
        if (doc.containsKey("metrics")) {
            problems.error("metrics", "multi-objective optimization is not supported; give one objective as metric");
        }
        if (doc.containsKey("kind") && !"sweep".equals(doc.get("kind"))) {
            problems.error("kind", "must be 'sweep', got " + Problems.describe(doc.get("kind")));
        }
    }

    private static Method method(Map<String, Object> doc, Problems problems) {
        if (!doc.containsKey("method")) {
            problems.error("method", "is required: grid, random or bayes");
            return null;
        }
        Object raw = doc.get("method");
        Optional<Method> method = raw instanceof String s ? Method.parse(s) : Optional.empty();
        if (method.isEmpty()) {
            problems.error("method", "custom".equals(raw)
                    ? "custom needs a W&B Launch scheduler, which Sweepline does not run; use grid, random or bayes"
                    : "must be grid, random or bayes, got " + Problems.describe(raw));
            return null;
        }
        return method.get();
    }

    private static Optional<MetricSpec> metric(Map<String, Object> doc, Method method, Problems problems) {
        if (!doc.containsKey("metric")) {
            if (method == Method.BAYES) {
                problems.error("metric", "is required by bayes search: which logged value to optimize");
            }
            return Optional.empty();
        }
        if (!(doc.get("metric") instanceof Map<?, ?> spec)) {
            problems.error("metric", "must be a mapping such as {name: val_loss, goal: minimize}, got "
                    + Problems.describe(doc.get("metric")));
            return Optional.empty();
        }
        for (Object key : spec.keySet()) {
            if (!METRIC_KEYS.contains(key)) {
                problems.warn("metric." + key, "is not a metric setting and is ignored (known: name, goal, target, impute,"
                        + " impute_while_running)");
            }
        }
        int before = problems.errorCount();
        Object name = spec.get("name");
        if (!(name instanceof String s) || s.isEmpty()) {
            problems.error("metric.name", spec.containsKey("name")
                    ? "must be the logged key to optimize, got " + Problems.describe(name) : "is required");
        }
        OptionalDouble target = OptionalDouble.empty();
        if (spec.containsKey("target")) {
            Object t = spec.get("target");
            if (t instanceof Long || t instanceof Double) {
                target = OptionalDouble.of(((Number) t).doubleValue());
            } else {
                problems.error("metric.target", "must be a number, got " + Problems.describe(t));
            }
        }
        Goal goal = goal(spec, method, target.isPresent(), problems);
        enumSetting(spec, "impute", Set.of("latest", "best", "worst"), problems);
        enumSetting(spec, "impute_while_running", Set.of("latest", "best", "worst", "false"), problems);
        if (problems.errorCount() != before) {
            return Optional.empty();
        }
        Impute impute = spec.containsKey("impute") ? Impute.valueOf(((String) spec.get("impute")).toUpperCase(Locale.ROOT))
                : Impute.WORST;
        Object whileRunning = spec.get("impute_while_running");
        Optional<Impute> imputeWhileRunning = whileRunning == null || "false".equals(String.valueOf(whileRunning))
                ? Optional.empty() : Optional.of(Impute.valueOf(((String) whileRunning).toUpperCase(Locale.ROOT)));
        return Optional.of(new MetricSpec((String) name, goal, target, impute, imputeWhileRunning));
    }

    /**
     * An unknown goal is an error where the direction steers the search (bayes) or ends it (target);
     * elsewhere W&B's service runs the sweep as minimize, and so do we, with a warning.
     */
    private static Goal goal(Map<?, ?> spec, Method method, boolean hasTarget, Problems problems) {
        if (!spec.containsKey("goal")) {
            return Goal.MINIMIZE;
        }
        Object raw = spec.get("goal");
        if ("minimize".equals(raw)) {
            return Goal.MINIMIZE;
        }
        if ("maximize".equals(raw)) {
            return Goal.MAXIMIZE;
        }
        String message = "must be minimize or maximize, got " + Problems.describe(raw);
        if (method == Method.BAYES || hasTarget) {
            problems.error("metric.goal", message);
        } else {
            problems.warn("metric.goal", message + "; treated as minimize");
        }
        return Goal.MINIMIZE;
    }

    /** A string among {@code allowed}; an unquoted YAML {@code false} counts as "false" where that is allowed. */
    private static void enumSetting(Map<?, ?> spec, String key, Set<String> allowed, Problems problems) {
        Object value = spec.get(key) instanceof Boolean b && !b ? "false" : spec.get(key);
        if (spec.containsKey(key) && !allowed.contains(value)) {
            problems.error("metric." + key, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + ", got "
                    + Problems.describe(spec.get(key)));
        }
    }

    private static OptionalLong runCap(Map<String, Object> doc, Problems problems) {
        if (!doc.containsKey("run_cap")) {
            return OptionalLong.empty();
        }
        Object raw = doc.get("run_cap");
        boolean integral = raw instanceof Long || (raw instanceof Double d && d == Math.rint(d) && Double.isFinite(d));
        if (!integral || ((Number) raw).longValue() < 1) {
            problems.error("run_cap", "must be a whole number of trials, at least 1 (got " + Problems.describe(raw) + ")");
            return OptionalLong.empty();
        }
        return OptionalLong.of(((Number) raw).longValue());
    }

    private static List<Object> command(Map<String, Object> doc, Problems problems) {
        Object raw = doc.get("command");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            problems.error("command", "must be a list of arguments such as [${env}, python3, ${program}, ${args}], got "
                    + Problems.describe(raw));
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof Map || item instanceof List) {
                problems.error("command[" + i + "]", "must be a single argument, got " + Problems.describe(item));
            }
        }
        return List.copyOf(list.stream().map(o -> o == null ? "None" : o).toList());
    }

    private static Optional<String> text(Map<String, Object> doc, String key, Problems problems) {
        if (!doc.containsKey(key) || doc.get(key) == null) {
            return Optional.empty();
        }
        if (doc.get(key) instanceof String s) {
            return Optional.of(s);
        }
        problems.error(key, "must be text, got " + Problems.describe(doc.get(key)));
        return Optional.empty();
    }

    /** W&B's grid takes only values it can enumerate; it finds out mid-sweep, we at creation. */
    private static void gridCompatible(SearchSpace space, Problems problems) {
        for (Parameter p : space.leaves()) {
            var d = p.distribution();
            boolean ok = d instanceof Constant || d instanceof IntUniform
                    || (d instanceof Categorical c && !c.weighted())
                    || (d instanceof Quantized q && q.base() instanceof Uniform);
            if (!ok) {
                problems.error(parameterPath(p), "grid search needs values it can enumerate: categorical (without"
                        + " probabilities), constant, int_uniform or q_uniform, got " + d.wireName());
            } else if (gridValueCount(d) > MAX_GRID_VALUES_PER_PARAMETER) {
                problems.error(parameterPath(p), String.format("grid search would enumerate %.3g values of this"
                        + " parameter (at most %d): narrow min/max, raise q, or use random search",
                        gridValueCount(d), MAX_GRID_VALUES_PER_PARAMETER));
            }
        }
    }

    /** One grid axis is materialized; beyond this it is a mistake, not a sweep. */
    static final int MAX_GRID_VALUES_PER_PARAMETER = 1_000_000;

    private static double gridValueCount(io.sweepline.search.space.Distribution d) {
        if (d instanceof IntUniform i) {
            return (double) i.max() - (double) i.min() + 1.0;
        }
        if (d instanceof Quantized q && q.base() instanceof Uniform u) {
            return Math.ceil((u.max() - u.min()) / q.q().doubleValue());
        }
        return 1;
    }

    static String parameterPath(Parameter p) {
        return "parameters." + String.join(".parameters.", p.path());
    }
}
