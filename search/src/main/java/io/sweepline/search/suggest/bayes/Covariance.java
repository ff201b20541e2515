package io.sweepline.search.suggest.bayes;

/**
 * The prior covariance between two inputs: an ARD Matérn term, plus — when the trend variances
 * are positive — a Bayesian linear-and-quadratic regression on the centred coordinates,
 * {@code (a/d) Σ_j l(u_j) l(v_j) + (b/d) Σ_j q(u_j) q(v_j)} with {@code l(u) = 2√3 (u - ½)} and
 * {@code q(u) = 12 ((u - ½)² - 1/12)} (unit scale for uniform inputs). The trend lets the model
 * extrapolate a bowl — good values inside, worse toward the edges, the usual shape of a
 * hyperparameter response — where a stationary kernel falls back to the mean (Swersky, "Improving
 * Bayesian optimization for machine learning using expert priors", 2017).
 */
final class Covariance {

    static final double LINEAR_SLOPE = 2 * Math.sqrt(3);

    private final Matern kernel;
    private final double signal;
    private final double[] inverseSquares;
    private final double linear;
    private final double quadratic;
    private final boolean trend;

    Covariance(Matern kernel, GpHyperparameters h) {
        this.kernel = kernel;
        this.signal = h.signalVariance();
        int d = h.dimensions();
        this.inverseSquares = new double[d];
        for (int j = 0; j < d; j++) {
            inverseSquares[j] = 1 / (h.lengthscale(j) * h.lengthscale(j));
        }
        this.linear = d == 0 ? 0 : h.linearVariance() / d;
        this.quadratic = d == 0 ? 0 : h.quadraticVariance() / d;
        this.trend = h.hasTrend();
    }

    static double linearFeature(double u) {
        return LINEAR_SLOPE * (u - 0.5);
    }

    static double quadraticFeature(double u) {
        double c = u - 0.5;
        return 12 * (c * c - 1.0 / 12);
    }

    double between(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double t = a[j] - b[j];
            s += t * t * inverseSquares[j];
        }
        double k = signal * kernel.value(Math.sqrt(s));
        return trend ? k + trendBetween(a, b) : k;
    }

    private double trendBetween(double[] a, double[] b) {
        double l = 0;
        double q = 0;
        for (int j = 0; j < a.length; j++) {
            l += linearFeature(a[j]) * linearFeature(b[j]);
            q += quadraticFeature(a[j]) * quadraticFeature(b[j]);
        }
        return linear * l + quadratic * q;
    }

    /** k(p, p), noise excluded. */
    double prior(double[] p) {
        return trend ? signal + trendBetween(p, p) : signal;
    }

    /** A floor for posterior variances: a tiny fraction of the prior's scale. */
    double varianceFloor() {
        return 1e-12 * signal;
    }

    /**
     * k(p, x) and, added into {@code gradient} with the given weight, its gradient with respect to p.
     */
    double withGradient(double[] p, double[] x, double weight, double[] gradient) {
        double s = 0;
        for (int j = 0; j < p.length; j++) {
            double t = p[j] - x[j];
            s += t * t * inverseSquares[j];
        }
        double r = Math.sqrt(s);
        double slope = weight * signal * kernel.slopeOverR(r);
        double k = signal * kernel.value(r);
        for (int j = 0; j < p.length; j++) {
            gradient[j] -= slope * (p[j] - x[j]) * inverseSquares[j];
        }
        if (trend) {
            k += trendBetween(p, x);
            for (int j = 0; j < p.length; j++) {
                gradient[j] += weight * (linear * LINEAR_SLOPE * linearFeature(x[j])
                        + quadratic * quadraticFeature(x[j]) * 24 * (p[j] - 0.5));
            }
        }
        return k;
    }

    /** Adds the gradient of k(p, p) with respect to p (only the trend depends on p). */
    void addPriorGradient(double[] p, double[] gradient) {
        if (!trend) {
            return;
        }
        for (int j = 0; j < p.length; j++) {
            gradient[j] += 2 * linear * LINEAR_SLOPE * linearFeature(p[j])
                    + 2 * quadratic * quadraticFeature(p[j]) * 24 * (p[j] - 0.5);
        }
    }
}
