package io.sweepline.search.config;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a configuration: every error and every warning, each with its path,
 * and the config when there are no errors. Warnings mark what W&B's service tolerates (deprecated
 * log-uniform forms, unknown top-level keys); {@link #acceptedStrictly} treats them as errors.
 *
 * @param errors   problems that prevent the sweep from running
 * @param warnings problems that are tolerated
 * @param config   present exactly when {@code errors} is empty
 */
public record ValidationResult(List<Violation> errors, List<Violation> warnings, Optional<SweepConfig> config) {

    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() != config.isPresent()) {
            throw new IllegalArgumentException("a config is present exactly when there are no errors");
        }
    }

    public boolean accepted() {
        return errors.isEmpty();
    }

    /** Accepted with no warnings either: what {@code validate --strict} demands. */
    public boolean acceptedStrictly() {
        return errors.isEmpty() && warnings.isEmpty();
    }

    /** The config, or an exception listing every error (for callers that already validated). */
    public SweepConfig orThrow() {
        return config.orElseThrow(() -> new InvalidConfigException(errors));
    }
}
