package io.sweepline.search.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration was used as if valid but has errors; the message lists every one. */
public final class InvalidConfigException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidConfigException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
