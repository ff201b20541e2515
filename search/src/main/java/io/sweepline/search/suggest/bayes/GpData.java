package io.sweepline.search.suggest.bayes;

import io.sweepline.search.config.Impute;
import io.sweepline.search.config.MetricSpec;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.Goal;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import io.sweepline.search.space.Constant;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the Bayesian model learns from, built from a sweep's trials with W&B's rules (its
 * {@code _construct_gp_data}; conformance cases {@code bayes_gp_data}):
 * <ul>
 *   <li>inputs: each searchable (non-constant) leaf in leaf order, encoded as its distribution's CDF
 *       at the trial's value — categoricals as their cumulative probability;</li>
 *   <li>a FINISHED trial is an observation valued at its best reported metric (the minimum when
 *       minimizing), over its history and summary, finite numbers only;</li>
 *   <li>FAILED and STOPPED trials (W&B's failed, crashed, killed) are observations valued by
 *       {@code metric.impute} — by default the worst value any ended trial reported, which steers
 *       the search away from them; so is a finished trial that reported no usable value;</li>
 *   <li>PENDING, RUNNING and LOST trials (W&B's pending, running, preempted) are pending points the
 *       model must not suggest again; with {@code impute_while_running} RUNNING ones are observations;</li>
 *   <li>{@code y} is oriented for minimization (negated when maximizing).</li>
 * </ul>
 * Where Sweepline deliberately differs: values are read as they are (W&B reads falsy values such
 * as {@code 0} or {@code false} as index 0), a trial lacking a value for some searchable leaf is left
 * out instead of being read as 0, and weighted categoricals are encoded instead of crashing.
 *
 * @param parameters the searchable leaves, the columns of the inputs
 * @param sampleX    observed inputs, one row per observation, in trial order
 * @param y          observed values, minimization-oriented
 * @param currentX   inputs of pending points
 */
public record GpData(List<Parameter> parameters, double[][] sampleX, double[] y, double[][] currentX) {

    public GpData {
        parameters = List.copyOf(parameters);
    }

    public int dimensions() {
        return parameters.size();
    }

    public int observations() {
        return y.length;
    }

    /**
     * @throws IllegalArgumentException naming the trial, the parameter and the value when a trial's
     *                                  value cannot come from its parameter's law (e.g. an unknown category)
     * @throws IllegalStateException    when the config has no metric (validation requires one for bayes)
     */
    public static GpData of(SweepConfig config, List<TrialSnapshot> trials) {
        MetricSpec metric = config.metric().orElseThrow(() -> new IllegalStateException("bayes needs a metric"));
        List<Parameter> parameters = searchable(config.parameters());
        Valuation valuation = new Valuation(metric, trials);
        List<double[]> sample = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        for (TrialSnapshot trial : trials) {
            double[] x = encode(parameters, trial);
            if (x == null) {
                continue;
            }
            OptionalDouble value = valuation.observedValue(trial);
            if (value.isPresent()) {
                sample.add(x);
                y.add(metric.goal() == Goal.MAXIMIZE ? -value.getAsDouble() : value.getAsDouble());
            } else if (valuation.isPending(trial)) {
                current.add(x);
            }
        }
        return new GpData(parameters, sample.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(),
                current.toArray(double[][]::new));
    }

    /** The leaves the model searches over: every one but constants. */
    public static List<Parameter> searchable(SearchSpace space) {
        return space.leaves().stream().filter(p -> !(p.distribution() instanceof Constant)).toList();
    }

    /** The trial's inputs, or null when it lacks a value for some leaf. */
    private static double[] encode(List<Parameter> parameters, TrialSnapshot trial) {
        double[] x = new double[parameters.size()];
        for (int j = 0; j < x.length; j++) {
            Parameter p = parameters.get(j);
            Map<String, Object> params = trial.params();
            if (!SearchSpace.hasValueAt(params, p.path())) {
                return null;
            }
            Object value = SearchSpace.valueAt(params, p.path());
            try {
                x[j] = p.distribution().cdf(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trial " + trial.id() + ": parameter " + p.displayName() + ": "
                        + e.getMessage(), e);
            }
        }
        return x;
    }

    /** W&B's valuation of trials: extremes, the worst value, imputation. */
    private static final class Valuation {
        private final MetricSpec metric;
        private final double worst;

        Valuation(MetricSpec metric, List<TrialSnapshot> trials) {
            this.metric = metric;
            double w = Double.NaN;
            for (TrialSnapshot t : trials) {
                if (isEnded(t.state())) {
                    OptionalDouble bad = extremum(t, metric.goal() == Goal.MINIMIZE);
                    if (bad.isPresent() && (Double.isNaN(w) || metric.goal().isBetter(w, bad.getAsDouble()))) {
                        w = bad.getAsDouble();
                    }
                }
            }
            this.worst = Double.isNaN(w) ? 0.0 : w;
        }

        /** The value the trial enters the model with, or empty when it is not an observation. */
        OptionalDouble observedValue(TrialSnapshot trial) {
            return switch (trial.state()) {
                case FINISHED -> OptionalDouble.of(ownOrImputed(trial, metric.impute()));
                case FAILED, STOPPED -> OptionalDouble.of(imputed(trial, metric.impute()));
                case RUNNING -> metric.imputeWhileRunning().isPresent()
                        ? OptionalDouble.of(ownOrImputed(trial, metric.imputeWhileRunning().get())) : OptionalDouble.empty();
                case PENDING, LOST -> OptionalDouble.empty();
            };
        }

        boolean isPending(TrialSnapshot trial) {
            return trial.state() == TrialState.PENDING || trial.state() == TrialState.RUNNING
                    || trial.state() == TrialState.LOST;
        }

        private double ownOrImputed(TrialSnapshot trial, Impute strategy) {
            OptionalDouble best = extremum(trial, metric.goal() == Goal.MAXIMIZE);
            return best.isPresent() ? best.getAsDouble() : imputed(trial, strategy);
        }

        private double imputed(TrialSnapshot trial, Impute strategy) {
            return switch (strategy) {
                case WORST -> worst;
                case BEST -> extremum(trial, metric.goal() == Goal.MAXIMIZE).orElse(0.0);
                case LATEST -> latest(trial).orElse(0.0);
            };
        }

        /** The largest (or smallest) finite value of the metric over the history and the summary. */
        private OptionalDouble extremum(TrialSnapshot trial, boolean largest) {
            double result = Double.NaN;
            for (Map<String, Object> row : trial.history()) {
                result = extreme(result, row.get(metric.name()), largest);
            }
            result = extreme(result, trial.summary().get(metric.name()), largest);
            return Double.isNaN(result) ? OptionalDouble.empty() : OptionalDouble.of(result);
        }

        /** The more extreme of {@code so far} (NaN: none yet) and {@code v} when v is a finite number. */
        private static double extreme(double soFar, Object v, boolean largest) {
            if (!isFiniteNumber(v)) {
                return soFar;
            }
            double d = ((Number) v).doubleValue();
            return Double.isNaN(soFar) || (largest ? d > soFar : d < soFar) ? d : soFar;
        }

        private OptionalDouble latest(TrialSnapshot trial) {
            for (int i = trial.history().size() - 1; i >= 0; i--) {
                Object v = trial.history().get(i).get(metric.name());
                if (isFiniteNumber(v)) {
                    return OptionalDouble.of(((Number) v).doubleValue());
                }
            }
            return OptionalDouble.empty();
        }

        private static boolean isEnded(TrialState state) {
            return state == TrialState.FINISHED || state == TrialState.FAILED || state == TrialState.STOPPED;
        }

        /** W&B's is_number: a finite int or float, booleans excluded. */
        private static boolean isFiniteNumber(Object v) {
            return v instanceof Number n && Double.isFinite(n.doubleValue());
        }
    }
}
