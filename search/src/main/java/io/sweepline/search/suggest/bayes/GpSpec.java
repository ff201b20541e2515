package io.sweepline.search.suggest.bayes;

/**
 * The shape of a Gaussian-process model and how its hyperparameters are fitted. Inputs live in
 * [0, 1]^d (CDF space) and outputs are standardized before fitting, so the bounds and priors below
 * are in those units.
 *
 * @param kernel          the Matérn smoothness
 * @param ard             one length-scale per input (automatic relevance determination) or one shared
 * @param fitSignal       whether the signal variance is fitted (else 1)
 * @param fitNoise        whether the noise variance is fitted (else {@code noise})
 * @param noise           the fixed noise variance, or the lower bound of the fitted one
 * @param constantMean    a constant prior mean fitted by generalized least squares (else zero)
 * @param priors          maximum a posteriori instead of plain maximum likelihood: log-normal priors on
 *                        the length-scales scaled with the dimension (Hvarfner et al., "Vanilla Bayesian
 *                        optimization performs great in high dimensions", ICML 2024), on the noise and
 *                        on the signal variance
 * @param minLengthscale  the smallest length-scale tried
 * @param maxLengthscale  the largest length-scale tried
 * @param restarts        optimizer starts besides the default one
 * @param trend           add a Bayesian linear-and-quadratic trend to the kernel ({@link Covariance})
 */
public record GpSpec(Matern kernel, boolean ard, boolean fitSignal, boolean fitNoise, double noise,
                     boolean constantMean, boolean priors, double minLengthscale, double maxLengthscale, int restarts,
                     boolean trend) {

    /**
     * Sweepline's model: ARD Matérn-5/2 plus a quadratic trend, fitted signal and noise, constant
     * mean, MAP with priors; length-scales no shorter than 1/20 of a parameter's range in CDF space.
     */
    public static GpSpec sweepline() {
        return new GpSpec(Matern.NU_5_2, true, true, true, 1e-6, true, true, 0.05, 1e3, 2, true);
    }

    /**
     * W&B's model (scikit-learn's {@code GaussianProcessRegressor(Matern(nu=1.5), alpha=1e-7)}): one
     * shared length-scale in [1e-5, 1e5], unit signal variance, a fixed nugget, zero mean, maximum
     * likelihood. Kept to check the implementation against the engine's numbers.
     */
    public static GpSpec wandb() {
        return new GpSpec(Matern.NU_3_2, false, false, false, 1e-7, false, false, 1e-5, 1e5, 2, false);
    }

    /** How many numbers the optimizer fits: length-scales, then signal and noise when fitted. */
    int parameterCount(int dimensions) {
        return (ard ? dimensions : 1) + (fitSignal ? 1 : 0) + (fitNoise ? 1 : 0) + (trend ? 2 : 0);
    }
}
