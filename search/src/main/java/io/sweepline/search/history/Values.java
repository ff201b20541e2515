package io.sweepline.search.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small conversions for metric values, which arrive as any JSON-ish number or as text. */
final class Values {

    private Values() {
    }

    static Map<String, Object> immutableMap(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Numbers and booleans count (Python's bool is an int); anything else is not a metric value. */
    static Optional<Double> asDouble(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b ? 1.0 : 0.0);
        }
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        return Optional.empty();
    }
}
