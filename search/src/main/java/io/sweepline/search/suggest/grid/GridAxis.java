package io.sweepline.search.suggest.grid;

import io.sweepline.search.space.Categorical;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.Distribution;
import io.sweepline.search.space.IntUniform;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.Quantized;
import io.sweepline.search.space.Uniform;
import io.sweepline.search.value.PyValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One varying parameter of a grid: its values in the user's order, each with its identity key.
 * Values with the same key (1 and 1.0) are one grid value shown as the last one written, at the
 * position of the first, exactly as W&B's grid does.
 */
record GridAxis(Parameter parameter, List<Object> keys, Map<Object, Object> valueByKey, Set<Object> dictKeys) {

    /** The axis of a leaf, or null for a constant (copied into every point, not enumerated). */
    static GridAxis of(Parameter parameter) {
        List<Object> values = values(parameter.distribution());
        if (values == null) {
            return null;
        }
        List<Object> keys = new ArrayList<>(values.size());
        Map<Object, Object> valueByKey = new HashMap<>();
        Set<Object> dictKeys = new LinkedHashSet<>();
        for (Object value : values) {
            Object key = PyValues.key(value);
            keys.add(key);
            valueByKey.put(key, value);
            if (value instanceof Map<?, ?> map) {
                dictKeys.addAll(map.keySet());
            }
        }
        return new GridAxis(parameter, List.copyOf(keys), valueByKey, dictKeys);
    }

    int size() {
        return keys.size();
    }

    /**
     * The key of a trial's value on this axis. A dict value is compared on the keys the grid's own
     * dicts have, so keys a training script added to it do not hide the point (as W&B does).
     */
    Object keyOfTrialValue(Object value) {
        if (value instanceof Map<?, ?> map && !dictKeys.isEmpty()) {
            Map<Object, Object> known = new HashMap<>();
            for (var entry : map.entrySet()) {
                if (dictKeys.contains(entry.getKey())) {
                    known.put(entry.getKey(), entry.getValue());
                }
            }
            return PyValues.key(known);
        }
        return PyValues.key(value);
    }

    private static List<Object> values(Distribution d) {
        if (d instanceof Constant) {
            return null;
        }
        if (d instanceof Categorical c && !c.weighted()) {
            return c.values();
        }
        if (d instanceof IntUniform i) {
            List<Object> values = new ArrayList<>();
            for (long v = i.min(); v <= i.max(); v++) {
                values.add(v);
            }
            return values;
        }
        if (d instanceof Quantized q && q.base() instanceof Uniform u) {
            return arange(u.min(), u.max(), q);
        }
        throw new IllegalArgumentException(d.wireName() + " cannot be enumerated by grid search");
    }

    /**
     * numpy.arange(min, max, q): max excluded; integers only when min, max and q are all integers;
     * floats computed as numpy does (min + i * ((min + q) - min)) so values match to the last bit.
     */
    static List<Object> arange(double min, double max, Quantized q) {
        double step = q.q().doubleValue();
        long n = (long) Math.ceil((max - min) / step);
        List<Object> values = new ArrayList<>((int) Math.max(0, Math.min(n, 1 << 20)));
        boolean integral = q.integralBounds() && q.integralValues();
        double delta = (min + step) - min;
        for (long i = 0; i < n; i++) {
            if (integral) {
                values.add((long) min + i * q.q().longValue());
            } else {
                values.add(i == 0 ? min : i == 1 ? min + step : min + i * delta);
            }
        }
        return values;
    }
}
