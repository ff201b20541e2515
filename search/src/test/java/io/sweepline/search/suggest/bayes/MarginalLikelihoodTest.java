package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalLikelihoodTest {

    private static double[][] points(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextDouble();
            }
        }
        return x;
    }

    private static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][0]) + x[i][1] * x[i][1] - 0.3 * x[i][x[i].length - 1];
        }
        return OutputTransform.standardize(y);
    }

    private static void assertGradientMatchesFiniteDifferences(GpSpec spec) {
        double[][] x = points(15, 3, 7);
        MarginalLikelihood f = new MarginalLikelihood(x, values(x), spec);
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] theta = f.defaultStart();
            for (int i = 0; i < theta.length; i++) {
                theta[i] += random.nextDouble(-0.7, 0.7);
            }
            double[] gradient = new double[theta.length];
            f.value(theta, gradient);
            for (int i = 0; i < theta.length; i++) {
                double h = 1e-6;
                double[] up = theta.clone();
                double[] down = theta.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (f.value(up, new double[theta.length]) - f.value(down, new double[theta.length])) / (2 * h);
                assertEquals(numeric, gradient[i], 1e-5 * Math.max(1, Math.abs(numeric)), "d/dθ" + i + " at " + java.util.Arrays.toString(theta));
            }
        }
    }

    @Test
    void gradientOfTheArdMaternFiveHalvesPosteriorMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(GpSpec.sweepline());
    }

    @Test
    void gradientWithTheQuadraticTrendMatchesFiniteDifferences() {
        GpSpec base = GpSpec.sweepline();
        assertGradientMatchesFiniteDifferences(new GpSpec(base.kernel(), true, true, true, base.noise(), true, true,
                base.minLengthscale(), base.maxLengthscale(), base.restarts(), true));
    }

    @Test
    void gradientOfWandbsSharedLengthscaleLikelihoodMatchesFiniteDifferences() {
        assertGradientMatchesFiniteDifferences(GpSpec.wandb());
    }

    @Test
    void fittingFindsTheRelevantInputs() {
        // y wiggles fast along x0, slowly along x1, not at all along x2: the length-scales must say so.
        double[][] x = points(40, 3, 11);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(12 * x[i][0]) + Math.sin(6 * x[i][1]);
        }
        GpHyperparameters h = HyperparameterFit.fit(x, OutputTransform.standardize(y), GpSpec.sweepline());
        assertTrue(h.lengthscale(0) < h.lengthscale(1), h::toString);
        assertTrue(h.lengthscale(1) < h.lengthscale(2), h::toString);
        assertTrue(h.noiseVariance() < 1e-2, h::toString);
    }
}
