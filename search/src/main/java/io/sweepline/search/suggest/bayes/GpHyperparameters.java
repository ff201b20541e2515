package io.sweepline.search.suggest.bayes;

import java.util.Arrays;

/**
 * Fitted kernel hyperparameters in standardized units.
 *
 * @param lengthscales      one per input dimension (all equal for a shared length-scale)
 * @param signalVariance    the Matérn component's variance
 * @param noiseVariance     the observation noise variance
 * @param linearVariance    prior variance of the linear trend's coefficients (0: no trend)
 * @param quadraticVariance prior variance of the quadratic trend's coefficients (0: no trend)
 */
record GpHyperparameters(double[] lengthscales, double signalVariance, double noiseVariance,
                                double linearVariance, double quadraticVariance) {

    public GpHyperparameters {
        lengthscales = lengthscales.clone();
    }

    GpHyperparameters(double[] lengthscales, double signalVariance, double noiseVariance) {
        this(lengthscales, signalVariance, noiseVariance, 0, 0);
    }

    @Override
    public double[] lengthscales() {
        return lengthscales.clone();
    }

    double lengthscale(int dimension) {
        return lengthscales[dimension];
    }

    int dimensions() {
        return lengthscales.length;
    }

    boolean hasTrend() {
        return linearVariance > 0 || quadraticVariance > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GpHyperparameters h && Arrays.equals(lengthscales, h.lengthscales)
                && Double.compare(signalVariance, h.signalVariance) == 0 && Double.compare(noiseVariance, h.noiseVariance) == 0
                && Double.compare(linearVariance, h.linearVariance) == 0
                && Double.compare(quadraticVariance, h.quadraticVariance) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {Arrays.hashCode(lengthscales), signalVariance, noiseVariance, linearVariance,
                quadraticVariance});
    }

    @Override
    public String toString() {
        return "GpHyperparameters[lengthscales=" + Arrays.toString(lengthscales) + ", signal=" + signalVariance
                + ", noise=" + noiseVariance + ", linear=" + linearVariance + ", quadratic=" + quadraticVariance + "]";
    }
}
