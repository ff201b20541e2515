package io.sweepline.search.config;

import io.sweepline.search.value.PythonRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every error and warning of one validation, so users see all of them at once. */
final class Problems {

    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    void error(String path, String message) {
        errors.add(new Violation(path, message));
    }

    void warn(String path, String message) {
        warnings.add(new Violation(path, message));
    }

    List<Violation> errors() {
        return List.copyOf(errors);
    }

    List<Violation> warnings() {
        return List.copyOf(warnings);
    }

    int errorCount() {
        return errors.size();
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A value as users wrote it, with its kind when that is the point: {@code the string '1e-5'}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List<?> list) {
            return list.size() > 8 ? "a list of " + list.size() + " items" : "the list " + PythonRepr.repr(list);
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return PythonRepr.repr(value);
    }

    /** A number for messages: {@code 0.5}, {@code 3}. */
    static String num(Object value) {
        return PythonRepr.repr(value);
    }
}
