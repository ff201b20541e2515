package io.sweepline.search.config;

import io.sweepline.search.space.Distribution;
import io.sweepline.search.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code parameters:} into a {@link SearchSpace}, nested {@code parameters:} blocks included
 * (W&B's engine keeps them; only its validator drops them, a quirk Sweepline does not copy).
 */
final class ParametersReader {

    /** W&B's parameter-name rule. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]*$");

    private final Problems problems;
    private final DistributionReader distributions;

    ParametersReader(Problems problems) {
        this.problems = problems;
        this.distributions = new DistributionReader(problems);
    }

    /**
     * The space of every parameter that could be read, or null when there is none; errors are
     * reported to the problems, so callers build a config only when there are none. Keeping the
     * readable parameters lets later checks (grid compatibility) report their problems too.
     */
    SearchSpace read(String path, Object raw) {
        Map<String, SearchSpace.Node> roots = block(path, raw);
        return roots == null || roots.isEmpty() ? null : new SearchSpace(roots);
    }

    private Map<String, SearchSpace.Node> block(String path, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            problems.error(path, "must be a mapping of parameter names to their settings, got " + Problems.describe(raw));
            return null;
        }
        if (map.isEmpty()) {
            problems.error(path, "must define at least one parameter");
            return null;
        }
        Map<String, SearchSpace.Node> nodes = new LinkedHashMap<>();
        for (var entry : map.entrySet()) {
            String name = (String) entry.getKey();
            String p = Problems.child(path, name);
            if (!NAME.matcher(name).matches()) {
                problems.error(p, "'" + name + "' is not a valid parameter name (it must start with a letter or"
                        + " underscore and contain only letters, digits, '_', '.' and '-')");
            }
            SearchSpace.Node node = node(p, entry.getValue());
            if (node != null) {
                nodes.put(name, node);
            }
        }
        return nodes;
    }

    @SuppressWarnings("unchecked")
    private SearchSpace.Node node(String path, Object raw) {
        if (!(raw instanceof Map<?, ?> spec)) {
            problems.error(path, "must be a mapping such as {values: [...]}, {value: x} or {min: a, max: b}, got "
                    + Problems.describe(raw));
            return null;
        }
        if (spec.containsKey("parameters")) {
            for (Object key : spec.keySet()) {
                if (!"parameters".equals(key)) {
                    problems.error(Problems.child(path, (String) key),
                            "a nested parameter block takes only 'parameters', not '" + key + "'");
                }
            }
            Map<String, SearchSpace.Node> children = block(Problems.child(path, "parameters"), spec.get("parameters"));
            return children == null || children.isEmpty() ? null : new SearchSpace.Block(children);
        }
        Distribution d = distributions.read(path, (Map<String, Object>) spec);
        return d == null ? null : new SearchSpace.Leaf(d);
    }
}
