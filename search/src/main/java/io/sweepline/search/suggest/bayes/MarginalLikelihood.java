package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.Cholesky;
import io.sweepline.search.math.DifferentiableFunction;
import io.sweepline.search.math.NotPositiveDefiniteException;
import java.util.Arrays;

/**
 * The negative log marginal likelihood of standardized observations (plus the negative log prior
 * when the spec asks for priors) as a function of the log hyperparameters, with its analytic
 * gradient {@code -½ tr((ααᵀ - K⁻¹) ∂K/∂θ)}. Parameters, in order: the log length-scales (one per
 * dimension, or one shared), then the log signal variance, the log noise variance and the two log
 * trend variances, each when the spec fits it. A constant mean, when asked for, is profiled out in
 * closed form (so the gradient needs no term for it).
 */
final class MarginalLikelihood implements DifferentiableFunction {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double LENGTHSCALE_PRIOR_SCALE = Math.sqrt(3);
    private static final double NOISE_PRIOR_LOC = -4;
    private static final double NOISE_PRIOR_SCALE = 1;
    private static final double SIGNAL_PRIOR_SCALE = 1;
    private static final double TREND_MIN = 1e-4;
    private static final double TREND_MAX = 10;
    private static final double TREND_PRIOR_LOC = Math.log(0.1);
    private static final double TREND_PRIOR_SCALE = 2;

    private final double[] y;
    private final GpSpec spec;
    private final int n;
    private final int d;
    private final int pairs;
    /** (x_aj - x_bj)² for every pair a > b, pair-major. */
    private final double[] squaredDifferences;
    /** The trend's feature products (1/d) Σ_j f(x_aj) f(x_bj) for every pair a >= b, row by row. */
    private final double[] linearProducts;
    private final double[] quadraticProducts;
    private final double lengthscalePriorLoc;

    MarginalLikelihood(double[][] x, double[] y, GpSpec spec) {
        this.y = y;
        this.spec = spec;
        this.n = y.length;
        this.d = x.length == 0 ? 0 : x[0].length;
        this.pairs = n * (n - 1) / 2;
        this.squaredDifferences = new double[pairs * d];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++, p++) {
                for (int j = 0; j < d; j++) {
                    double t = x[a][j] - x[b][j];
                    squaredDifferences[p * d + j] = t * t;
                }
            }
        }
        this.linearProducts = spec.trend() ? products(x, true) : null;
        this.quadraticProducts = spec.trend() ? products(x, false) : null;
        // Hvarfner et al.: the length-scale prior's location grows with √d.
        this.lengthscalePriorLoc = Math.sqrt(2) + 0.5 * Math.log(Math.max(1, d));
    }

    private double[] products(double[][] x, boolean linear) {
        double[] out = new double[n * (n + 1) / 2];
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b <= a; b++, p++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += linear ? Covariance.linearFeature(x[a][j]) * Covariance.linearFeature(x[b][j])
                            : Covariance.quadraticFeature(x[a][j]) * Covariance.quadraticFeature(x[b][j]);
                }
                out[p] = s / Math.max(1, d);
            }
        }
        return out;
    }

    private int lengthscaleCount() {
        return spec.ard() ? d : 1;
    }

    /** A parameter vector with one value per block, laid out as {@link #value} reads it. */
    private double[] layout(double lengthscale, double signal, double noise, double trend) {
        double[] theta = new double[spec.parameterCount(d)];
        Arrays.fill(theta, 0, lengthscaleCount(), lengthscale);
        int i = lengthscaleCount();
        if (spec.fitSignal()) {
            theta[i++] = signal;
        }
        if (spec.fitNoise()) {
            theta[i++] = noise;
        }
        if (spec.trend()) {
            theta[i++] = trend;
            theta[i] = trend;
        }
        return theta;
    }

    double[] lowerBounds() {
        return layout(Math.log(spec.minLengthscale()), Math.log(0.05), Math.log(spec.noise()), Math.log(TREND_MIN));
    }

    double[] upperBounds() {
        return layout(Math.log(spec.maxLengthscale()), Math.log(20), 0, Math.log(TREND_MAX));
    }

    /** Where the fit starts: the length-scale prior's mode (or 1 without priors), unit signal, small noise. */
    double[] defaultStart() {
        double lengthscale = spec.priors() ? lengthscalePriorLoc - LENGTHSCALE_PRIOR_SCALE * LENGTHSCALE_PRIOR_SCALE : 0;
        return layout(lengthscale, 0, Math.max(Math.log(spec.noise()), Math.log(1e-3)), TREND_PRIOR_LOC);
    }

    GpHyperparameters decode(double[] theta) {
        double[] lengthscales = new double[d];
        for (int j = 0; j < d; j++) {
            lengthscales[j] = Math.exp(theta[spec.ard() ? j : 0]);
        }
        int i = lengthscaleCount();
        double signal = spec.fitSignal() ? Math.exp(theta[i++]) : 1.0;
        double noise = spec.fitNoise() ? Math.exp(theta[i++]) : spec.noise();
        if (!spec.trend()) {
            return new GpHyperparameters(lengthscales, signal, noise);
        }
        return new GpHyperparameters(lengthscales, signal, noise, Math.exp(theta[i]), Math.exp(theta[i + 1]));
    }

    /** The Matérn correlation and its {@code -k'(r)/r} for every pair, and the covariance matrix. */
    private record Covariances(double[] correlation, double[] slope, double[] k) {
    }

    private Covariances covariances(GpHyperparameters h) {
        double[] inverse = new double[d];
        for (int j = 0; j < d; j++) {
            inverse[j] = 1 / (h.lengthscale(j) * h.lengthscale(j));
        }
        double[] correlation = new double[pairs];
        double[] slope = new double[pairs];
        double[] k = new double[n * n];
        int p = 0;
        for (int a = 0; a < n; a++) {
            k[a * n + a] = h.signalVariance() + h.noiseVariance() + trend(h, a, a);
            for (int b = 0; b < a; b++, p++) {
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    r2 += squaredDifferences[p * d + j] * inverse[j];
                }
                double r = Math.sqrt(r2);
                correlation[p] = spec.kernel().value(r);
                slope[p] = spec.kernel().slopeOverR(r);
                k[a * n + b] = h.signalVariance() * correlation[p] + trend(h, a, b);
            }
        }
        return new Covariances(correlation, slope, k);
    }

    private double trend(GpHyperparameters h, int a, int b) {
        if (!spec.trend()) {
            return 0;
        }
        int index = a * (a + 1) / 2 + b;
        return h.linearVariance() * linearProducts[index] + h.quadraticVariance() * quadraticProducts[index];
    }

    @Override
    public double value(double[] theta, double[] gradient) {
        GpHyperparameters h = decode(theta);
        Covariances c = covariances(h);
        Cholesky cholesky;
        try {
            cholesky = Cholesky.factor(c.k(), n);
        } catch (NotPositiveDefiniteException e) {
            Arrays.fill(gradient, 0);
            return Double.POSITIVE_INFINITY;
        }
        double mean = spec.constantMean() ? GaussianProcess.generalizedLeastSquaresMean(cholesky, y) : 0;
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = y[i] - mean;
        }
        double[] residual = alpha.clone();
        cholesky.solve(alpha);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += residual[i] * alpha[i];
        }
        double nll = 0.5 * fit + 0.5 * cholesky.logDeterminant() + 0.5 * n * LOG_2PI;
        gradient(h, c, cholesky.inverse(), alpha, gradient);
        return spec.priors() ? nll + negativeLogPrior(theta, gradient) : nll;
    }

    /** Fills the likelihood's gradient, with W = ααᵀ - K⁻¹: d nll / dθ = -½ Σ_ab W_ab dK_ab/dθ. */
    private void gradient(GpHyperparameters h, Covariances c, double[] kInverse, double[] alpha, double[] gradient) {
        Arrays.fill(gradient, 0);
        double signal = h.signalVariance();
        double[] inverse = new double[d];
        for (int j = 0; j < d; j++) {
            inverse[j] = 1 / (h.lengthscale(j) * h.lengthscale(j));
        }
        double diagonalW = 0;
        for (int a = 0; a < n; a++) {
            diagonalW += alpha[a] * alpha[a] - kInverse[a * n + a];
        }
        double offDiagonalSignal = 0;
        int p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++, p++) {
                double w = alpha[a] * alpha[b] - kInverse[a * n + b];
                offDiagonalSignal += w * c.correlation()[p];
                double common = w * signal * c.slope()[p];
                for (int j = 0; j < d; j++) {
                    // dK/d log l_j = signal · (-k'(r)/r) · (x_aj - x_bj)² / l_j²
                    gradient[spec.ard() ? j : 0] -= common * squaredDifferences[p * d + j] * inverse[j];
                }
            }
        }
        int i = lengthscaleCount();
        if (spec.fitSignal()) {
            gradient[i++] = -0.5 * signal * (diagonalW + 2 * offDiagonalSignal);
        }
        if (spec.fitNoise()) {
            gradient[i++] = -0.5 * h.noiseVariance() * diagonalW;
        }
        if (spec.trend()) {
            double linear = 0;
            double quadratic = 0;
            int t = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++, t++) {
                    double w = (alpha[a] * alpha[b] - kInverse[a * n + b]) * (a == b ? 1 : 2);
                    linear += w * linearProducts[t];
                    quadratic += w * quadraticProducts[t];
                }
            }
            gradient[i++] = -0.5 * h.linearVariance() * linear;
            gradient[i] = -0.5 * h.quadraticVariance() * quadratic;
        }
    }

    /**
     * Log-normal priors on the length-scales (location √2 + ln(d)/2, scale √3) and on the noise
     * variance (location -4, scale 1), as densities of the values themselves (hence the θ term,
     * as GPyTorch evaluates them); normal priors on the log signal variance around 0 and on the
     * log trend variances around log 0.1. Adds the prior's gradient in place.
     */
    private double negativeLogPrior(double[] theta, double[] gradient) {
        double value = 0;
        double s2 = LENGTHSCALE_PRIOR_SCALE * LENGTHSCALE_PRIOR_SCALE;
        for (int j = 0; j < lengthscaleCount(); j++) {
            double t = theta[j] - lengthscalePriorLoc;
            value += theta[j] + 0.5 * t * t / s2;
            gradient[j] += 1 + t / s2;
        }
        int i = lengthscaleCount();
        if (spec.fitSignal()) {
            value += normal(theta, gradient, i++, 0, SIGNAL_PRIOR_SCALE);
        }
        if (spec.fitNoise()) {
            value += theta[i] + normal(theta, gradient, i, NOISE_PRIOR_LOC, NOISE_PRIOR_SCALE);
            gradient[i++] += 1;
        }
        if (spec.trend()) {
            value += normal(theta, gradient, i++, TREND_PRIOR_LOC, TREND_PRIOR_SCALE);
            value += normal(theta, gradient, i, TREND_PRIOR_LOC, TREND_PRIOR_SCALE);
        }
        return value;
    }

    /** ½ ((θ_i - loc) / scale)², its gradient added in place. */
    private static double normal(double[] theta, double[] gradient, int i, double loc, double scale) {
        double t = (theta[i] - loc) / scale;
        gradient[i] += t / scale;
        return 0.5 * t * t;
    }
}
