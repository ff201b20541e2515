package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.DifferentiableFunction;
import io.sweepline.search.math.Gaussians;

/**
 * The logarithm of expected improvement over the best observed value, for minimization:
 * {@code log E[max(best - f(x), 0)] = log σ + log h((best - μ) / σ)}. In log space it stays finite
 * and informative where EI itself underflows (far from the incumbent, late in a sweep), which is
 * what lets a gradient method climb it (Ament et al., NeurIPS 2023).
 */
final class LogExpectedImprovement {

    private final GaussianProcess gp;
    private final double best;

    LogExpectedImprovement(GaussianProcess gp, double best) {
        this.gp = gp;
        this.best = best;
    }

    double value(double[] point) {
        return values(new double[][] {point})[0];
    }

    /** The acquisition at many points at once (much faster than one by one). */
    double[] values(double[][] points) {
        double[] means = new double[points.length];
        double[] variances = new double[points.length];
        gp.predictAll(points, means, variances);
        double[] values = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double sigma = Math.sqrt(variances[i]);
            values[i] = Math.log(sigma) + Gaussians.logH((best - means[i]) / sigma);
        }
        return values;
    }

    /** The negated acquisition with its gradient, for a minimizer. */
    DifferentiableFunction negated() {
        return new DifferentiableFunction() {
            private final double[] out = new double[2];

            @Override
            public double value(double[] point, double[] gradient) {
                int d = point.length;
                double[] meanGradient = new double[d];
                double[] varianceGradient = new double[d];
                gp.predictWithGradient(point, out, meanGradient, varianceGradient);
                double sigma = Math.sqrt(out[1]);
                double z = (best - out[0]) / sigma;
                double slope = Gaussians.dLogH(z);
                double byMean = -slope / sigma;
                double bySigma = (1 - slope * z) / sigma;
                for (int j = 0; j < d; j++) {
                    double sigmaGradient = varianceGradient[j] / (2 * sigma);
                    gradient[j] = -(byMean * meanGradient[j] + bySigma * sigmaGradient);
                }
                return -(Math.log(sigma) + Gaussians.logH(z));
            }
        };
    }
}
