package io.sweepline.search.conformance;

import io.sweepline.search.config.ConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the conformance corpus (test resources {@code conformance/}, copied from
 * shared/conformance): its kind, its config text and its decoded JSON files. JSON is read with the
 * same YAML loader as configs, which keeps 3 and 3.0 apart; {@code {"$float": "nan"}} objects are
 * decoded to doubles.
 */
public record ConformanceCase(String id, String kind, String title, String configText,
                              Map<String, Object> input, Map<String, Object> expected) {

    private static final ConfigParser JSON = new ConfigParser(new ConfigParser.Limits(50_000_000, 0, 200));

    @Override
    public String toString() {
        return id;
    }

    /** Every case of the given kinds, in index order. */
    @SuppressWarnings("unchecked")
    public static List<ConformanceCase> ofKinds(String... kinds) {
        Map<String, Object> index = (Map<String, Object>) readJson("conformance/index.json");
        List<ConformanceCase> cases = new ArrayList<>();
        for (Object c : (List<Object>) index.get("cases")) {
            Map<String, Object> entry = (Map<String, Object>) c;
            String kind = (String) entry.get("kind");
            if (!List.of(kinds).contains(kind)) {
                continue;
            }
            String id = (String) entry.get("id");
            List<Object> files = (List<Object>) entry.get("files");
            String base = "conformance/cases/" + id + "/";
            cases.add(new ConformanceCase(id, kind, (String) entry.get("title"),
                    files.contains("config.yaml") ? read(base + "config.yaml") : null,
                    files.contains("input.json") ? (Map<String, Object>) readJson(base + "input.json") : Map.of(),
                    (Map<String, Object>) readJson(base + "expected.json")));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no conformance cases of kinds " + List.of(kinds));
        }
        return cases;
    }

    static Object readJson(String resource) {
        return decodeFloats(JSON.parse(read(resource)));
    }

    static String read(String resource) {
        try (InputStream in = ConformanceCase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object decodeFloats(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("$float") instanceof String s) {
                return switch (s) {
                    case "nan" -> Double.NaN;
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException("bad $float " + s);
                };
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, decodeFloats(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(decodeFloats(v)));
            return copy;
        }
        return node;
    }
}
