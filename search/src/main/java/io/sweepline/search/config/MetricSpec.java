package io.sweepline.search.config;

import io.sweepline.search.history.Goal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code metric:} — what a trial's value is and which direction is better.
 *
 * @param name   the logged key, e.g. {@code val/loss}
 * @param goal   minimize (default) or maximize
 * @param target once a finished trial reaches it, the sweep hands out no more trials
 * @param impute how the Bayesian model values failed, stopped and metric-less trials (default worst)
 * @param imputeWhileRunning when present, running trials enter the Bayesian model as observations
 *                           valued this way instead of as pending points (W&B's {@code impute_while_running})
 */
public record MetricSpec(String name, Goal goal, OptionalDouble target, Impute impute,
                         Optional<Impute> imputeWhileRunning) {

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(impute, "impute");
        Objects.requireNonNull(imputeWhileRunning, "imputeWhileRunning");
    }

    /** A metric with W&B's default imputation. */
    public MetricSpec(String name, Goal goal, OptionalDouble target) {
        this(name, goal, target, Impute.WORST, Optional.empty());
    }

    /** Whether {@code value} meets the target (reaches it in the goal's direction). */
    public boolean meetsTarget(double value) {
        if (target.isEmpty() || Double.isNaN(value)) {
            return false;
        }
        return goal == Goal.MINIMIZE ? value <= target.getAsDouble() : value >= target.getAsDouble();
    }
}
