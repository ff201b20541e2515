package io.sweepline.search.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Deep comparison of parameter values that keeps JSON types apart (3 is not 3.0) but equates -0.0 and 0.0. */
final class ValueAssertions {

    private ValueAssertions() {
    }

    static void assertSameValue(Object expected, Object actual, String where) {
        if (expected instanceof Double e && actual instanceof Double a) {
            if (!(e.equals(a) || (e == 0.0 && a == 0.0))) {
                fail(where + ": expected " + e + " but got " + a);
            }
            return;
        }
        if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
            assertEquals(new TreeMap<>(e).keySet(), new TreeMap<>(a).keySet(), where + ": keys");
            for (Object k : e.keySet()) {
                assertSameValue(e.get(k), a.get(k), where + "." + k);
            }
            return;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            assertEquals(e.size(), a.size(), where + ": length");
            for (int i = 0; i < e.size(); i++) {
                assertSameValue(e.get(i), a.get(i), where + "[" + i + "]");
            }
            return;
        }
        if (expected == null || actual == null) {
            assertEquals(expected, actual, where);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), where + ": type of " + actual);
        assertEquals(expected, actual, where);
    }

    /** Python's type names, as the corpus reports them in {@code value_types}. */
    static String pythonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        return value.getClass().getSimpleName();
    }
}
