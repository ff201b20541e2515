package io.sweepline.search.suggest.bayes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The model one suggestion is made from: a Gaussian process on warped, standardized observations, with
 * the pending points as fantasies, the best standardized value, and the box the acquisition may
 * search.
 *
 * <p>Cost is bounded as trials accumulate: the model conditions on at most
 * {@link BayesSettings#maxModelSize} observations — beyond that, the ones nearest the incumbent,
 * and the box shrinks to the region they span (a trust region, as in TuRBO) — and hyperparameters
 * are fitted on at most {@link BayesSettings#maxFitSize}; beyond that, on the observations nearest
 * the incumbent among the first c, where c only grows by {@link BayesSettings#refitGrowth} at a
 * time, so a fit is reused for many suggestions (see {@link HyperparameterFit}'s memory).
 *
 * @param gp        the posterior, fantasies included
 * @param best      the value to improve on: the lowest standardized observation or pending prediction
 * @param lower     the acquisition box's lower corner
 * @param upper     the acquisition box's upper corner
 * @param modelX    the observations' inputs, best first
 * @param tried     every trial's inputs, observed or pending
 */
record Surrogate(GaussianProcess gp, double best, double[] lower, double[] upper, double[][] modelX, double[][] tried) {

    static Surrogate fit(GpData data, BayesSettings settings) {
        int n = data.observations();
        int d = data.dimensions();
        int incumbent = argmin(data.y(), n);
        int[] model = n <= settings.maxModelSize() ? IntStream.range(0, n).toArray()
                : nearest(data.sampleX(), n, data.sampleX()[incumbent], settings.maxModelSize());
        double[][] x = select(data.sampleX(), model);
        double[] y = OutputTransform.apply(select(data.y(), model));

        GaussianProcess observed = GaussianProcess.condition(x, y, hyperparameters(data, settings, x, y),
                settings.model().kernel(), settings.model().constantMean());
        // Kriging believer: a pending point will return what the model predicts there, and that
        // value counts toward the incumbent — otherwise its neighbourhood keeps the improvement the
        // pending point already claims, and parallel agents crowd together.
        double best = Arrays.stream(y).min().orElseThrow();
        double[] out = new double[2];
        for (double[] pending : data.currentX()) {
            observed.predict(pending, out);
            best = Math.min(best, out[0]);
        }
        double[][] box = model.length < n ? boundingBox(x, d) : new double[][] {new double[d], filled(d, 1)};
        Integer[] order = IntStream.range(0, y.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> y[i]));
        double[][] byValue = Arrays.stream(order).map(i -> x[i]).toArray(double[][]::new);
        double[][] tried = Arrays.copyOf(data.sampleX(), n + data.currentX().length);
        System.arraycopy(data.currentX(), 0, tried, n, data.currentX().length);
        return new Surrogate(observed.withFantasies(data.currentX()), best, box[0], box[1], byValue, tried);
    }

    /** Fitted on the model's rows while they are few; beyond, on a prefix of the trials that grows geometrically. */
    private static GpHyperparameters hyperparameters(GpData data, BayesSettings settings, double[][] x, double[] y) {
        int n = data.observations();
        if (n <= settings.maxFitSize()) {
            return HyperparameterFit.fit(x, y, settings.model());
        }
        int prefix = refitPrefix(n, settings);
        int[] rows = nearest(data.sampleX(), prefix, data.sampleX()[argmin(data.y(), prefix)], settings.maxFitSize());
        return HyperparameterFit.fit(select(data.sampleX(), rows), OutputTransform.apply(select(data.y(), rows)),
                settings.model());
    }

    /** The smallest box holding the rows: lower corner, upper corner. */
    private static double[][] boundingBox(double[][] rows, int d) {
        double[] lower = filled(d, 1);
        double[] upper = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                lower[j] = Math.min(lower[j], row[j]);
                upper[j] = Math.max(upper[j], row[j]);
            }
        }
        return new double[][] {lower, upper};
    }

    private static double[] filled(int d, double value) {
        double[] a = new double[d];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * How many of the first observations the hyperparameters are fitted from, beyond
     * {@code maxFitSize}: the largest of maxFitSize, maxFitSize·g, maxFitSize·g², ... not above n.
     */
    static int refitPrefix(int n, BayesSettings settings) {
        int prefix = settings.maxFitSize();
        int next = (int) Math.max(prefix + 1, prefix * settings.refitGrowth());
        while (next <= n) {
            prefix = next;
            next = (int) Math.max(prefix + 1, prefix * settings.refitGrowth());
        }
        return prefix;
    }

    private static int argmin(double[] y, int limit) {
        int best = 0;
        for (int i = 1; i < limit; i++) {
            if (y[i] < y[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The {@code count} rows among the first {@code limit} closest to {@code center}, in row order. */
    private static int[] nearest(double[][] x, int limit, double[] center, int count) {
        double[] distance = new double[limit];
        for (int i = 0; i < limit; i++) {
            double s = 0;
            for (int j = 0; j < center.length; j++) {
                double t = x[i][j] - center[j];
                s += t * t;
            }
            distance[i] = s;
        }
        return IntStream.range(0, limit).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> distance[i]).thenComparingInt(i -> i))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
    }

    private static double[][] select(double[][] rows, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> rows[i]).toArray(double[][]::new);
    }

    private static double[] select(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }
}
