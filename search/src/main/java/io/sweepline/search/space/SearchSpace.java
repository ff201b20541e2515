package io.sweepline.search.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a sweep, nested {@code parameters:} blocks included, as leaves in W&B's order:
 * depth first, names sorted (by code point) within each level. Grid enumeration, random sampling
 * and the Bayesian encoding all walk the leaves in this order, and {@link #assemble} turns leaf
 * values back into the nested parameter map a trial receives.
 */
public final class SearchSpace {

    /** A node of the declared tree: a leaf law or a nested block. */
    public sealed interface Node permits Leaf, Block {
    }

    /** A parameter with a law. */
    public record Leaf(Distribution distribution) implements Node {
    }

    /** A nested {@code parameters:} block. */
    public record Block(Map<String, Node> children) implements Node {
        public Block {
            children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
        }
    }

    private final Map<String, Node> roots;
    private final List<Parameter> leaves;

    public SearchSpace(Map<String, Node> roots) {
        this.roots = Collections.unmodifiableMap(new LinkedHashMap<>(roots));
        List<Parameter> collected = new ArrayList<>();
        collect(this.roots, List.of(), collected);
        this.leaves = List.copyOf(collected);
    }

    /** The declared tree, in the user's order. */
    public Map<String, Node> roots() {
        return roots;
    }

    /** Every leaf, depth first, names sorted within each level. */
    public List<Parameter> leaves() {
        return leaves;
    }

    private static void collect(Map<String, Node> level, List<String> prefix, List<Parameter> out) {
        for (var entry : new TreeMap<>(level).entrySet()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(entry.getKey());
            if (entry.getValue() instanceof Leaf leaf) {
                out.add(new Parameter(path, leaf.distribution()));
            } else {
                collect(((Block) entry.getValue()).children(), path, out);
            }
        }
    }

    /**
     * The parameter map a trial receives, from one value per leaf (in {@link #leaves} order):
     * top-level parameters first in leaf order, then nested blocks as maps (inner keys sorted),
     * in the order W&B's run configs have them.
     */
    public Map<String, Object> assemble(List<Object> leafValues) {
        if (leafValues.size() != leaves.size()) {
            throw new IllegalArgumentException("expected " + leaves.size() + " values, got " + leafValues.size());
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        Map<String, Object> nested = new LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            Parameter p = leaves.get(i);
            if (p.path().size() == 1) {
                flat.put(p.topLevelName(), leafValues.get(i));
            } else {
                put(nested, p.path(), leafValues.get(i));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(flat);
        result.putAll(nested);
        return Collections.unmodifiableMap(result);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, List<String> path, Object value) {
        Map<String, Object> level = target;
        for (int i = 0; i < path.size() - 1; i++) {
            level = (Map<String, Object>) level.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
        }
        level.put(path.get(path.size() - 1), value);
    }

    /** Whether a trial's parameter map has a value (possibly null) at a leaf's path. */
    public static boolean hasValueAt(Map<String, Object> params, List<String> path) {
        Object node = params;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(name)) {
                return false;
            }
            node = map.get(name);
        }
        return true;
    }

    /** The value at a leaf's path; null when absent (check {@link #hasValueAt} to tell the two apart). */
    public static Object valueAt(Map<String, Object> params, List<String> path) {
        Object node = params;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(name);
        }
        return node;
    }

    @Override
    public String toString() {
        return "SearchSpace" + leaves;
    }
}
