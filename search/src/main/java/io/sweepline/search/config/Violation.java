package io.sweepline.search.config;

import java.util.Objects;

/**
 * One problem found in a sweep configuration, located by its dotted path
 * ({@code parameters.lr.max}); the empty path means the document itself.
 *
 * @param path    where the problem is, e.g. {@code parameters.lr.max}
 * @param message what is wrong, naming the rule and the offending values
 */
public record Violation(String path, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The form users read: {@code parameters.lr.max: must be greater than min (got 0.1 <= 0.5)}. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
