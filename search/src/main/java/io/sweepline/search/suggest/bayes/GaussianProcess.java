package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.Cholesky;
import io.sweepline.search.math.NotPositiveDefiniteException;
import java.util.Arrays;

/**
 * A Gaussian-process posterior: fixed hyperparameters conditioned on observations. Predicts the
 * latent function's mean and variance at a point, with their gradients for the acquisition
 * optimizer. Immutable; {@link #withFantasies} returns a new posterior.
 */
final class GaussianProcess {

    private static final double[] JITTER = {0, 1e-10, 1e-8, 1e-6, 1e-4};

    private final Covariance covariance;
    private final double noise;
    private final double[][] x;
    private final double[] y;
    private final Cholesky cholesky;
    private final double[] alpha;
    private final double mean;

    private GaussianProcess(Covariance covariance, double noise, double[][] x, double[] y, Cholesky cholesky, double mean) {
        this.covariance = covariance;
        this.noise = noise;
        this.x = x;
        this.y = y;
        this.cholesky = cholesky;
        this.mean = mean;
        this.alpha = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            alpha[i] = y[i] - mean;
        }
        cholesky.solve(alpha);
    }

    /**
     * @param constantMean fit a constant mean by generalized least squares (else the mean is 0)
     * @throws NotPositiveDefiniteException when even a large jitter leaves the covariance singular
     */
    static GaussianProcess condition(double[][] x, double[] y, GpHyperparameters hyper, Matern kernel,
                                     boolean constantMean) {
        Covariance covariance = new Covariance(kernel, hyper);
        int n = y.length;
        double[] k = new double[n * n];
        for (int a = 0; a < n; a++) {
            k[a * n + a] = covariance.prior(x[a]) + hyper.noiseVariance();
            for (int b = 0; b < a; b++) {
                k[a * n + b] = covariance.between(x[a], x[b]);
                k[b * n + a] = k[a * n + b];
            }
        }
        Cholesky cholesky = factorWithJitter(k, n, hyper.signalVariance());
        double mean = constantMean ? generalizedLeastSquaresMean(cholesky, y) : 0;
        return new GaussianProcess(covariance, hyper.noiseVariance(), x, y, cholesky, mean);
    }

    static Cholesky factorWithJitter(double[] k, int n, double scale) {
        NotPositiveDefiniteException last = null;
        for (double jitter : JITTER) {
            double[] a = k;
            if (jitter > 0) {
                a = k.clone();
                for (int i = 0; i < n; i++) {
                    a[i * n + i] += jitter * scale;
                }
            }
            try {
                return Cholesky.factor(a, n);
            } catch (NotPositiveDefiniteException e) {
                last = e;
            }
        }
        throw last;
    }

    /** The constant c maximizing the likelihood: (1ᵀK⁻¹y) / (1ᵀK⁻¹1). */
    static double generalizedLeastSquaresMean(Cholesky cholesky, double[] y) {
        int n = y.length;
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        cholesky.solve(ones);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += ones[i] * y[i];
            den += ones[i];
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * The posterior after pretending the pending points returned what the model predicts there
     * (the "kriging believer"): the variance there collapses, so the acquisition looks elsewhere
     * and parallel agents do not get the same point.
     */
    GaussianProcess withFantasies(double[][] pending) {
        int m = pending.length;
        if (m == 0) {
            return this;
        }
        int n = x.length;
        double[] cross = new double[m * n];
        double[] block = new double[m * m];
        double[][] grownX = Arrays.copyOf(x, n + m);
        double[] grownY = Arrays.copyOf(y, n + m);
        double[] out = new double[2];
        for (int p = 0; p < m; p++) {
            grownX[n + p] = pending[p];
            predict(pending[p], out);
            grownY[n + p] = out[0];
            for (int i = 0; i < n; i++) {
                cross[p * n + i] = covariance.between(pending[p], x[i]);
            }
            block[p * m + p] = covariance.prior(pending[p]) + noise;
            for (int q = 0; q < p; q++) {
                block[p * m + q] = covariance.between(pending[p], pending[q]);
                block[q * m + p] = block[p * m + q];
            }
        }
        try {
            return new GaussianProcess(covariance, noise, grownX, grownY, cholesky.extend(cross, block, m), mean);
        } catch (NotPositiveDefiniteException e) {
            // Pending points on top of observations: refactor the whole matrix with jitter.
            int size = n + m;
            double[] k = new double[size * size];
            for (int a = 0; a < size; a++) {
                k[a * size + a] = covariance.prior(grownX[a]) + noise;
                for (int b = 0; b < a; b++) {
                    k[a * size + b] = covariance.between(grownX[a], grownX[b]);
                    k[b * size + a] = k[a * size + b];
                }
            }
            return new GaussianProcess(covariance, noise, grownX, grownY, factorWithJitter(k, size, 1), mean);
        }
    }

    /** Writes the posterior mean and latent variance at {@code point} into {@code out[0]} and {@code out[1]}. */
    void predict(double[] point, double[] out) {
        int n = x.length;
        double[] k = new double[n];
        double m = mean;
        for (int i = 0; i < n; i++) {
            k[i] = covariance.between(point, x[i]);
            m += k[i] * alpha[i];
        }
        cholesky.solveLower(k);
        double explained = 0;
        for (int i = 0; i < n; i++) {
            explained += k[i] * k[i];
        }
        out[0] = m;
        out[1] = Math.max(covariance.prior(point) - explained, covariance.varianceFloor());
    }

    /** {@link #predict} for many points: means and latent variances into the given arrays. */
    void predictAll(double[][] points, double[] means, double[] variances) {
        int n = x.length;
        int block = 256;
        for (int from = 0; from < points.length; from += block) {
            int columns = Math.min(block, points.length - from);
            double[][] k = new double[n][columns];
            for (int c = 0; c < columns; c++) {
                double m = mean;
                for (int i = 0; i < n; i++) {
                    double kic = covariance.between(points[from + c], x[i]);
                    k[i][c] = kic;
                    m += kic * alpha[i];
                }
                means[from + c] = m;
            }
            cholesky.solveLowerMany(k);
            double[] explained = new double[columns];
            for (double[] row : k) {
                for (int c = 0; c < columns; c++) {
                    explained[c] += row[c] * row[c];
                }
            }
            for (int c = 0; c < columns; c++) {
                variances[from + c] = Math.max(covariance.prior(points[from + c]) - explained[c], covariance.varianceFloor());
            }
        }
    }

    /** {@link #predict}, plus the gradients of the mean and of the variance with respect to the point. */
    void predictWithGradient(double[] point, double[] out, double[] meanGradient, double[] varianceGradient) {
        int n = x.length;
        int d = point.length;
        double[] k = new double[n];
        double[][] dk = new double[n][d];
        double m = mean;
        for (int i = 0; i < n; i++) {
            k[i] = covariance.withGradient(point, x[i], 1, dk[i]);
            m += k[i] * alpha[i];
        }
        double[] v = k.clone();
        cholesky.solveLower(v);
        double explained = 0;
        for (int i = 0; i < n; i++) {
            explained += v[i] * v[i];
        }
        cholesky.solveUpper(v); // now K⁻¹ k
        Arrays.fill(meanGradient, 0);
        Arrays.fill(varianceGradient, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                meanGradient[j] += alpha[i] * dk[i][j];
                varianceGradient[j] -= 2 * v[i] * dk[i][j];
            }
        }
        covariance.addPriorGradient(point, varianceGradient);
        out[0] = m;
        double variance = covariance.prior(point) - explained;
        if (variance <= covariance.varianceFloor()) {
            out[1] = covariance.varianceFloor();
            Arrays.fill(varianceGradient, 0);
        } else {
            out[1] = variance;
        }
    }
}
