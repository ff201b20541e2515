package io.sweepline.search.config;

/**
 * {@code metric.impute} / {@code metric.impute_while_running}: the value the Bayesian model gives a
 * trial whose own value cannot be trusted (W&B's strategies). {@code worst} — the default — is the
 * worst value any ended trial reported; {@code best} the trial's own best; {@code latest} its last.
 */
public enum Impute {
    BEST,
    WORST,
    LATEST;
}
