package io.sweepline.search.suggest.bayes;

import java.util.Arrays;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Makes observed values look Gaussian before the model sees them: standardize, apply the
 * Yeo-Johnson power transform whose exponent maximizes the Gaussian likelihood, standardize again.
 * Losses spanning orders of magnitude (a diverged run next to good ones) otherwise dominate the
 * fit and flatten everything else — HEBO's output warping, which carried it to first place in the
 * NeurIPS 2020 black-box optimization challenge. The transform is increasing, so "lower is better"
 * survives it.
 */
final class OutputTransform {

    private static final double MIN_LAMBDA = -2;
    private static final double MAX_LAMBDA = 2;

    private OutputTransform() {
    }

    /** The transformed, standardized values (a new array). */
    static double[] apply(double[] y) {
        double[] z = standardize(y);
        if (z.length < 3 || Arrays.stream(z).allMatch(v -> v == 0)) {
            return z;
        }
        UnivariatePointValuePair best = new BrentOptimizer(1e-6, 1e-8).optimize(new MaxEval(200), GoalType.MAXIMIZE,
                new SearchInterval(MIN_LAMBDA, MAX_LAMBDA, 1),
                new UnivariateObjectiveFunction(lambda -> logLikelihood(z, lambda)));
        double lambda = best.getPoint();
        return standardize(Arrays.stream(z).map(v -> yeoJohnson(v, lambda)).toArray());
    }

    /** (y - mean) / std, population std; a constant y becomes zeros. */
    static double[] standardize(double[] y) {
        double mean = Arrays.stream(y).average().orElse(0);
        double variance = Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, y.length);
        double std = variance > 0 ? Math.sqrt(variance) : 1;
        return Arrays.stream(y).map(v -> (v - mean) / std).toArray();
    }

    /** The profile log-likelihood of λ: Gaussian fit of the transformed values plus the log-Jacobian. */
    static double logLikelihood(double[] z, double lambda) {
        int n = z.length;
        double[] t = new double[n];
        double jacobian = 0;
        for (int i = 0; i < n; i++) {
            t[i] = yeoJohnson(z[i], lambda);
            jacobian += Math.copySign(Math.log1p(Math.abs(z[i])), z[i]);
        }
        double mean = Arrays.stream(t).average().orElse(0);
        double variance = Arrays.stream(t).map(v -> (v - mean) * (v - mean)).sum() / n;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(variance) + (lambda - 1) * jacobian;
    }

    static double yeoJohnson(double v, double lambda) {
        if (v >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(v) : (Math.pow(v + 1, lambda) - 1) / lambda;
        }
        double mirrored = 2 - lambda;
        return Math.abs(mirrored) < 1e-12 ? -Math.log1p(-v) : -(Math.pow(1 - v, mirrored) - 1) / mirrored;
    }
}
