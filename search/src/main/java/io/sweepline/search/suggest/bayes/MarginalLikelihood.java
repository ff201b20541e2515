package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.Cholesky;
import io.sweepline.search.math.DifferentiableFunction;
import io.sweepline.search.math.NotPositiveDefiniteException;

/**
 * The negative log marginal likelihood of standardized observations (plus the negative log prior
 * when the spec asks for priors) as a function of the log hyperparameters, with its analytic
 * gradient {@code -½ tr((ααᵀ - K⁻¹) ∂K/∂θ)}. Parameters, in order: the log length-scales (one per
 * dimension, or one shared), the log signal variance and the log noise variance when fitted.
 * A constant mean, when asked for, is profiled out in closed form.
 */
final class MarginalLikelihood implements DifferentiableFunction {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LENGTHSCALE_PRIOR_SCALE = Math.sqrt(3);
    private static final double NOISE_PRIOR_LOC = -4;
    private static final double NOISE_PRIOR_SCALE = 1;
    private static final double SIGNAL_PRIOR_SCALE = 1;
    private static final double TREND_MIN = 1e-4;
    private static final double TREND_MAX = 10;
    private static final double TREND_PRIOR_LOC = Math.log(0.1);
    private static final double TREND_PRIOR_SCALE = 2;

    private final double[][] x;
    private final double[] y;
    private final GpSpec spec;
    private final int n;
    private final int d;
    private final int pairs;
    /** (x_aj - x_bj)² for every pair a > b, pair-major. */
    private final double[] squaredDifferences;
    private final double lengthscalePriorLoc;
    /** The trend's feature products (1/d) Σ_j f(x_aj) f(x_bj) for every pair a >= b, row by row. */
    private final double[] linearProducts;
    private final double[] quadraticProducts;

    MarginalLikelihood(double[][] x, double[] y, GpSpec spec) {
        this.x = x;
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
        this.lengthscalePriorLoc = SQRT2 + 0.5 * Math.log(Math.max(1, d));
        this.linearProducts = spec.trend() ? products(x, true) : null;
        this.quadraticProducts = spec.trend() ? products(x, false) : null;
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

    int parameterCount() {
        return spec.parameterCount(d);
    }

    double[] lowerBounds() {
        double[] lower = new double[parameterCount()];
        int lengthscales = spec.ard() ? d : 1;
        java.util.Arrays.fill(lower, 0, lengthscales, Math.log(spec.minLengthscale()));
        int i = lengthscales;
        if (spec.fitSignal()) {
            lower[i++] = Math.log(0.05);
        }
        if (spec.fitNoise()) {
            lower[i++] = Math.log(spec.noise());
        }
        if (spec.trend()) {
            lower[i++] = Math.log(TREND_MIN);
            lower[i] = Math.log(TREND_MIN);
        }
        return lower;
    }

    double[] upperBounds() {
        double[] upper = new double[parameterCount()];
        int lengthscales = spec.ard() ? d : 1;
        java.util.Arrays.fill(upper, 0, lengthscales, Math.log(spec.maxLengthscale()));
        int i = lengthscales;
        if (spec.fitSignal()) {
            upper[i++] = Math.log(20);
        }
        if (spec.fitNoise()) {
            upper[i++] = 0;
        }
        if (spec.trend()) {
            upper[i++] = Math.log(TREND_MAX);
            upper[i] = Math.log(TREND_MAX);
        }
        return upper;
    }

    /** Where the fit starts: the length-scale prior's mode (or 1 without priors), unit signal, small noise. */
    double[] defaultStart() {
        double[] start = new double[parameterCount()];
        int lengthscales = spec.ard() ? d : 1;
        double l = spec.priors() ? lengthscalePriorLoc - LENGTHSCALE_PRIOR_SCALE * LENGTHSCALE_PRIOR_SCALE : 0;
        java.util.Arrays.fill(start, 0, lengthscales, l);
        int i = lengthscales;
        if (spec.fitSignal()) {
            start[i++] = 0;
        }
        if (spec.fitNoise()) {
            start[i++] = Math.max(Math.log(spec.noise()), Math.log(1e-3));
        }
        if (spec.trend()) {
            start[i++] = TREND_PRIOR_LOC;
            start[i] = TREND_PRIOR_LOC;
        }
        return start;
    }

    GpHyperparameters decode(double[] theta) {
        double[] lengthscales = new double[d];
        for (int j = 0; j < d; j++) {
            lengthscales[j] = Math.exp(theta[spec.ard() ? j : 0]);
        }
        int i = spec.ard() ? d : 1;
        double signal = spec.fitSignal() ? Math.exp(theta[i++]) : 1.0;
        double noise = spec.fitNoise() ? Math.exp(theta[i++]) : spec.noise();
        if (!spec.trend()) {
            return new GpHyperparameters(lengthscales, signal, noise);
        }
        return new GpHyperparameters(lengthscales, signal, noise, Math.exp(theta[i]), Math.exp(theta[i + 1]));
    }

    @Override
    public double value(double[] theta, double[] gradient) {
        GpHyperparameters h = decode(theta);
        double signal = h.signalVariance();
        double noise = h.noiseVariance();
        double[] inv = new double[d];
        for (int j = 0; j < d; j++) {
            inv[j] = 1 / (h.lengthscale(j) * h.lengthscale(j));
        }
        double[] correlation = new double[pairs];
        double[] slope = new double[pairs];
        double[] k = new double[n * n];
        double linear = h.linearVariance();
        double quadratic = h.quadraticVariance();
        int p = 0;
        for (int a = 0; a < n; a++) {
            k[a * n + a] = signal + noise + (spec.trend() ? trendAt(a, a, linear, quadratic) : 0);
            for (int b = 0; b < a; b++, p++) {
                double r2 = 0;
                int base = p * d;
                for (int j = 0; j < d; j++) {
                    r2 += squaredDifferences[base + j] * inv[j];
                }
                double r = Math.sqrt(r2);
                correlation[p] = spec.kernel().value(r);
                slope[p] = spec.kernel().slopeOverR(r);
                k[a * n + b] = signal * correlation[p] + (spec.trend() ? trendAt(a, b, linear, quadratic) : 0);
            }
        }
        Cholesky cholesky;
        try {
            cholesky = Cholesky.factor(k, n);
        } catch (NotPositiveDefiniteException e) {
            java.util.Arrays.fill(gradient, 0);
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

        // W = ααᵀ - K⁻¹; d nll / dθ = -½ Σ_ab W_ab dK_ab/dθ
        double[] kInverse = cholesky.inverse();
        java.util.Arrays.fill(gradient, 0);
        double diagonalW = 0;
        for (int a = 0; a < n; a++) {
            diagonalW += alpha[a] * alpha[a] - kInverse[a * n + a];
        }
        double offDiagonalSignal = 0;
        int lengthscales = spec.ard() ? d : 1;
        p = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < a; b++, p++) {
                double w = alpha[a] * alpha[b] - kInverse[a * n + b];
                offDiagonalSignal += w * correlation[p];
                double common = w * signal * slope[p];
                int base = p * d;
                if (spec.ard()) {
                    for (int j = 0; j < d; j++) {
                        gradient[j] -= common * squaredDifferences[base + j] * inv[j];
                    }
                } else {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += squaredDifferences[base + j] * inv[j];
                    }
                    gradient[0] -= common * s;
                }
            }
        }
        int i = lengthscales;
        if (spec.fitSignal()) {
            gradient[i++] = -0.5 * signal * (diagonalW + 2 * offDiagonalSignal);
        }
        if (spec.fitNoise()) {
            gradient[i++] = -0.5 * noise * diagonalW;
        }
        if (spec.trend()) {
            double wl = 0;
            double wq = 0;
            int t = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++, t++) {
                    double w = (alpha[a] * alpha[b] - kInverse[a * n + b]) * (a == b ? 1 : 2);
                    wl += w * linearProducts[t];
                    wq += w * quadraticProducts[t];
                }
            }
            gradient[i++] = -0.5 * linear * wl;
            gradient[i] = -0.5 * quadratic * wq;
        }
        return spec.priors() ? nll + negativeLogPrior(theta, gradient) : nll;
    }

    private double trendAt(int a, int b, double linear, double quadratic) {
        int index = a * (a + 1) / 2 + b;
        return linear * linearProducts[index] + quadratic * quadraticProducts[index];
    }

    /**
     * Log-normal priors on the length-scales (location √2 + ln(d)/2, scale √3) and on the noise
     * variance (location -4, scale 1), as densities of the variances themselves (hence the θ term);
     * a normal prior on the log signal variance around 0. Adds the prior's gradient in place.
     */
    private double negativeLogPrior(double[] theta, double[] gradient) {
        double value = 0;
        int lengthscales = spec.ard() ? d : 1;
        double s2 = LENGTHSCALE_PRIOR_SCALE * LENGTHSCALE_PRIOR_SCALE;
        for (int j = 0; j < lengthscales; j++) {
            double t = theta[j] - lengthscalePriorLoc;
            value += theta[j] + 0.5 * t * t / s2;
            gradient[j] += 1 + t / s2;
        }
        int i = lengthscales;
        if (spec.fitSignal()) {
            double t = theta[i] / SIGNAL_PRIOR_SCALE;
            value += 0.5 * t * t;
            gradient[i] += t / SIGNAL_PRIOR_SCALE;
            i++;
        }
        if (spec.fitNoise()) {
            double t = (theta[i] - NOISE_PRIOR_LOC) / NOISE_PRIOR_SCALE;
            value += theta[i] + 0.5 * t * t;
            gradient[i] += 1 + t / NOISE_PRIOR_SCALE;
            i++;
        }
        if (spec.trend()) {
            for (int k = 0; k < 2; k++, i++) {
                double t = (theta[i] - TREND_PRIOR_LOC) / TREND_PRIOR_SCALE;
                value += 0.5 * t * t;
                gradient[i] += t / TREND_PRIOR_SCALE;
            }
        }
        return value;
    }
}
