package io.sweepline.search.config;

/** The text is not a YAML/JSON document Sweepline will read (malformed, too large, too deep, alias bomb). */
public final class ConfigSyntaxException extends RuntimeException {

    public ConfigSyntaxException(String message) {
        super(message);
    }

    /** The same problem as a violation of the whole document, so callers report it like any other. */
    public Violation toViolation() {
        return new Violation("", getMessage());
    }
}
