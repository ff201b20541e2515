package io.sweepline.search.value;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Renders parameter values the way Python does, because W&B users' command lines and training
 * scripts were written against that rendering: {@link #str} is Python's {@code str()} (True, None,
 * {@code [1, 2]}, {@code {'k': 1}}), {@link #jsonDumps} is {@code json.dumps} with its default
 * separators ({@code {"lr": 1e-05, "on": true}}).
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** Python's {@code str(value)}: strings bare, everything else as {@link #repr}. */
    public static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    /** Python's {@code repr(value)} for the JSON-like types a sweep config can hold. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double d) {
            out.append(PythonFloat.repr(d));
        } else if (value instanceof Long || value instanceof BigInteger || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof String s) {
            appendStringRepr(out, s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendRepr(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, entry.getKey());
                out.append(": ");
                appendRepr(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a sweep value: " + value.getClass().getName());
        }
    }

    /** Python picks single quotes unless the text holds a single quote and no double quote. */
    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append(quote);
    }

    /** Python's {@code json.dumps(value)} with default arguments (ASCII-escaped, ", " and ": "). */
    public static String jsonDumps(Object value) {
        StringBuilder out = new StringBuilder();
        appendJson(out, value);
        return out.toString();
    }

    private static void appendJson(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            if (d.isNaN()) {
                out.append("NaN");
            } else if (d.isInfinite()) {
                out.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(PythonFloat.repr(d));
            }
        } else if (value instanceof Long || value instanceof BigInteger || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof String s) {
            appendJsonString(out, s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                appendJson(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendJsonString(out, String.valueOf(entry.getKey()));
                out.append(": ");
                appendJson(out, entry.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a sweep value: " + value.getClass().getName());
        }
    }

    private static void appendJsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
