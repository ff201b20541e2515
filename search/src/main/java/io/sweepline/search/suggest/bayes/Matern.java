package io.sweepline.search.suggest.bayes;

/**
 * Matérn correlation functions of the scaled distance r (unit signal variance). Besides the value,
 * each gives {@code -k'(r) / r}, the factor every derivative needs — with respect to an input
 * coordinate and to a log length-scale — and which stays finite at r = 0.
 */
public enum Matern {
    /** ν = 3/2: once differentiable samples; W&B's kernel. */
    NU_3_2 {
        @Override
        double value(double r) {
            double s = SQRT3 * r;
            return (1 + s) * Math.exp(-s);
        }

        @Override
        double slopeOverR(double r) {
            return 3 * Math.exp(-SQRT3 * r);
        }
    },
    /** ν = 5/2: twice differentiable samples; the usual choice for hyperparameter response surfaces. */
    NU_5_2 {
        @Override
        double value(double r) {
            double s = SQRT5 * r;
            return (1 + s + s * s / 3) * Math.exp(-s);
        }

        @Override
        double slopeOverR(double r) {
            double s = SQRT5 * r;
            return (5.0 / 3.0) * (1 + s) * Math.exp(-s);
        }
    };

    private static final double SQRT3 = Math.sqrt(3);
    private static final double SQRT5 = Math.sqrt(5);

    abstract double value(double r);

    /** {@code -k'(r) / r}. */
    abstract double slopeOverR(double r);
}
