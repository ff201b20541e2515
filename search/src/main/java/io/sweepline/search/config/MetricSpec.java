package io.sweepline.search.config;

import io.sweepline.search.history.Goal;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * {@code metric:} — what a trial's value is and which direction is better.
 *
 * @param name   the logged key, e.g. {@code val/loss}
 * @param goal   minimize (default) or maximize
 * @param target once a finished trial reaches it, the sweep hands out no more trials
 */
public record MetricSpec(String name, Goal goal, OptionalDouble target) {

    public MetricSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(target, "target");
    }

    /** Whether {@code value} meets the target (reaches it in the goal's direction). */
    public boolean meetsTarget(double value) {
        if (target.isEmpty() || Double.isNaN(value)) {
            return false;
        }
        return goal == Goal.MINIMIZE ? value <= target.getAsDouble() : value >= target.getAsDouble();
    }
}
