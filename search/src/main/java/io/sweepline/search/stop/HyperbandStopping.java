package io.sweepline.search.stop;

import io.sweepline.search.config.HyperbandSpec;
import io.sweepline.search.config.MetricSpec;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.Goal;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W&B's hyperband early termination (checked against its engine's decisions, conformance h*):
 * <ol>
 *   <li>each trial's history of the metric, non-finite and non-numeric values dropped, negated
 *       when maximizing;</li>
 *   <li>a trial has reached band b when it reported at least b values; its value there is the
 *       b-th;</li>
 *   <li>the threshold of band b: the values of every trial that reached it (whatever its state),
 *       sorted, at index {@code floor(n / eta)} — only the best 1/eta pass;</li>
 *   <li>a running trial is stopped when its value at the latest band it reached ({@code strict},
 *       the default) — or its best value so far (not strict) — is above that band's threshold.</li>
 * </ol>
 */
public final class HyperbandStopping implements EarlyStopping {

    @Override
    public StopDecision evaluate(SweepConfig config, List<TrialSnapshot> trials) {
        if (config.earlyTerminate().isEmpty() || config.metric().isEmpty()) {
            return StopDecision.none();
        }
        HyperbandSpec spec = config.earlyTerminate().get();
        MetricSpec metric = config.metric().get();
        List<Long> bands = HyperbandBands.of(spec);
        Map<String, double[]> histories = new LinkedHashMap<>();
        for (TrialSnapshot t : trials) {
            double[] h = history(t, metric);
            if (h.length > 0) {
                histories.put(t.id(), h);
            }
        }
        List<Double> thresholds = thresholds(bands, histories.values(), spec.eta());
        Map<String, String> stop = new LinkedHashMap<>();
        for (TrialSnapshot t : trials) {
            double[] h = histories.get(t.id());
            if (t.state() != TrialState.RUNNING || h == null) {
                continue;
            }
            int reached = latestBandReached(bands, h.length);
            if (reached < 0) {
                continue;
            }
            long band = bands.get(reached);
            double value = spec.strict() ? h[(int) band - 1] : min(h);
            double threshold = thresholds.get(reached);
            if (value > threshold) {
                stop.put(t.id(), reason(metric, band, value, threshold, spec.strict()));
            }
        }
        return new StopDecision(stop, bands, thresholds);
    }

    /** The metric's values in report order: finite numbers only, negated when maximizing. */
    static double[] history(TrialSnapshot trial, MetricSpec metric) {
        double sign = metric.goal() == Goal.MAXIMIZE ? -1 : 1;
        double[] values = new double[trial.history().size()];
        int n = 0;
        for (Map<String, Object> row : trial.history()) {
            Object v = row.get(metric.name());
            double d = v instanceof Number num ? num.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
            if (Double.isFinite(d)) {
                values[n++] = sign * d;
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    static List<Double> thresholds(List<Long> bands, Iterable<double[]> histories, double eta) {
        List<Double> thresholds = new ArrayList<>(bands.size());
        for (long band : bands) {
            List<Double> values = new ArrayList<>();
            for (double[] h : histories) {
                if (h.length >= band) {
                    values.add(h[(int) band - 1]);
                }
            }
            values.sort(null);
            // int((1 / eta) * n) as W&B writes it: n / eta can differ in the last bit.
            thresholds.add(values.isEmpty() ? Double.POSITIVE_INFINITY : values.get((int) ((1.0 / eta) * values.size())));
        }
        return thresholds;
    }

    /** Index of the largest band a trial with {@code length} values has reached, or -1. */
    private static int latestBandReached(List<Long> bands, int length) {
        int reached = -1;
        for (int i = 0; i < bands.size() && bands.get(i) <= length; i++) {
            reached = i;
        }
        return reached;
    }

    private static double min(double[] h) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : h) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static String reason(MetricSpec metric, long band, double value, double threshold, boolean strict) {
        double sign = metric.goal() == Goal.MAXIMIZE ? -1 : 1;
        return String.format("hyperband: %s %s %s at band %d is worse than the threshold %s",
                metric.name(), strict ? "value" : "best value", fmt(sign * value), band, fmt(sign * threshold));
    }

    private static String fmt(double v) {
        return io.sweepline.search.value.PythonFloat.repr(v);
    }
}
