package io.sweepline.search.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Value identity for sweep parameters, as W&B's grid search decides it ({@code _freeze_value}):
 * an integral float equals the integer ({@code 1.0 == 1}), a boolean never equals a number
 * ({@code True != 1}), a string never equals a number, lists compare element-wise, and maps ignore
 * key order. Grid points and existing trials are matched with {@link #key}, never by hashing text.
 */
public final class PyValues {

    private PyValues() {
    }

    /** A hashable, order-insensitive-for-maps identity of {@code value}. */
    public static Object key(Object value) {
        if (value == null) {
            return NoneKey.INSTANCE;
        }
        if (value instanceof Boolean b) {
            return new Scalar("bool", b);
        }
        if (value instanceof Long || value instanceof Integer) {
            return new Scalar("int", BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return new Scalar("int", big);
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return new Scalar("float", "nan");
            }
            if (!d.isInfinite() && d == Math.rint(d)) {
                return new Scalar("int", new BigDecimal(d).toBigIntegerExact());
            }
            return new Scalar("float", d);
        }
        if (value instanceof String s) {
            return new Scalar("str", s);
        }
        if (value instanceof List<?> list) {
            List<Object> keys = new ArrayList<>(list.size());
            for (Object item : list) {
                keys.add(key(item));
            }
            return new ListKey(Collections.unmodifiableList(keys));
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> keys = new HashMap<>();
            for (var entry : map.entrySet()) {
                keys.put(key(entry.getKey()), key(entry.getValue()));
            }
            return new MapKey(Collections.unmodifiableMap(keys));
        }
        return new Scalar(value.getClass().getSimpleName(), value);
    }

    /** Whether two values are the same parameter value under {@link #key}. */
    public static boolean equal(Object a, Object b) {
        return key(a).equals(key(b));
    }

    private enum NoneKey { INSTANCE }

    private record Scalar(String type, Object value) {
    }

    private record ListKey(List<Object> items) {
    }

    private record MapKey(Map<Object, Object> entries) {
    }
}
