package io.sweepline.search.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads sweep configuration text (YAML or JSON; JSON is read as YAML) into a plain tree of
 * {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean} and {@code null}, ready for {@link ConfigValidator}.
 *
 * <p>Loading is safe for untrusted input: only standard tags are constructed, and aliases, nesting
 * depth and document size are bounded. Numbers follow what users mean rather than PyYAML's YAML 1.1
 * quirk: {@code 1e-5} is the number 0.00001, not a string.
 */
public final class ConfigParser {

    /** Limits on untrusted documents; generous for any real sweep config. */
    public record Limits(int maxCodePoints, int maxAliases, int maxDepth) {
        public static final Limits DEFAULT = new Limits(1_000_000, 50, 40);
    }

    /**
     * SnakeYAML logs each duplicate key through java.util.logging; we report them as warnings with
     * their paths instead. Held strongly: JUL forgets a logger's level when the logger is collected.
     */
    private static final java.util.logging.Logger SNAKEYAML_LOG = java.util.logging.Logger.getLogger("org.yaml.snakeyaml");

    static {
        SNAKEYAML_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final Limits limits;

    public ConfigParser(Limits limits) {
        this.limits = limits;
    }

    public ConfigParser() {
        this(Limits.DEFAULT);
    }

    /**
     * A parsed document and what its text did that PyYAML tolerates but a reader should know about.
     *
     * @param tree     the document
     * @param warnings e.g. duplicate keys (the last value wins, as in PyYAML)
     */
    public record Parsed(Object tree, List<Violation> warnings) {
        public Parsed {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Parses one document.
     *
     * @throws ConfigSyntaxException naming the line and column of malformed input, or the limit exceeded
     */
    public Object parse(String text) {
        return parseWithWarnings(text).tree();
    }

    /** Parses one document, reporting duplicate keys as warnings. */
    public Parsed parseWithWarnings(String text) {
        if (text.codePointCount(0, text.length()) > limits.maxCodePoints()) {
            throw new ConfigSyntaxException("document is too large (more than " + limits.maxCodePoints() + " characters)");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(Math.max(limits.maxCodePoints() * 4, 1024));
        // PyYAML keeps the last of duplicate keys; so do we, and say so.
        options.setAllowDuplicateKeys(true);
        var dumperOptions = new org.yaml.snakeyaml.DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(dumperOptions),
                dumperOptions, options, new NumberFriendlyResolver());
        Object loaded;
        List<Violation> warnings = new ArrayList<>();
        try {
            DuplicateKeys.find(yaml.compose(new java.io.StringReader(text)), "", warnings);
            loaded = yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new ConfigSyntaxException(describe(e));
        } catch (YAMLException e) {
            throw new ConfigSyntaxException("not valid YAML or JSON: " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new ConfigSyntaxException("document is nested too deeply");
        }
        return new Parsed(normalize(loaded, 0, new int[] {limits.maxCodePoints()}), warnings);
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder("not valid YAML or JSON");
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark != null) {
            sb.append(" at line ").append(mark.getLine() + 1).append(", column ").append(mark.getColumn() + 1);
        }
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        if (problem != null) {
            sb.append(": ").append(problem.strip());
        }
        return sb.toString();
    }

    /**
     * Copies the loaded tree into the small set of types the rest of the core understands, read-only.
     * Aliases are expanded by the copy, so the number of values it makes is bounded too ({@code budget},
     * the size limit): a chain of anchors that each repeat the previous one twice stays under the alias
     * limit yet doubles with every anchor.
     */
    private Object normalize(Object node, int depth, int[] budget) {
        if (depth > limits.maxDepth()) {
            throw new ConfigSyntaxException("document is nested deeper than " + limits.maxDepth() + " levels");
        }
        if (--budget[0] < 0) {
            throw new ConfigSyntaxException("document expands to more than " + limits.maxCodePoints()
                    + " values through aliases");
        }
        if (node == null || node instanceof String || node instanceof Boolean || node instanceof Double) {
            return node;
        }
        if (node instanceof Integer || node instanceof Long || node instanceof Short || node instanceof Byte) {
            return ((Number) node).longValue();
        }
        if (node instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node instanceof Float f) {
            return f.doubleValue();
        }
        if (node instanceof Date date) {
            // PyYAML would give a datetime; a sweep has no use for one, so keep the text the user wrote.
            var format = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            return format.format(date);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (var entry : map.entrySet()) {
                copy.put(keyText(entry.getKey()), normalize(entry.getValue(), depth + 1, budget));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(normalize(item, depth + 1, budget));
            }
            return Collections.unmodifiableList(copy);
        }
        if (node instanceof java.util.Set<?> set) {
            return normalize(new ArrayList<>(set), depth, budget);
        }
        throw new ConfigSyntaxException("unsupported YAML value of type " + node.getClass().getSimpleName()
                + " (binary data and custom tags are not allowed)");
    }

    private static String keyText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Map || key instanceof List) {
            throw new ConfigSyntaxException("mapping keys must be plain names, got a " + (key instanceof Map ? "mapping" : "list"));
        }
        return key == null ? "None" : String.valueOf(key);
    }
}
