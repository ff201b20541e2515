package io.sweepline.search.math;

/** A smooth function of several variables that reports its gradient with its value. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * @param x        the point (not modified)
     * @param gradient filled with the gradient at {@code x}
     * @return the value at {@code x}; may be infinite or NaN where the function is undefined
     */
    double value(double[] x, double[] gradient);
}
