package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final GpHyperparameters WITH_TREND = new GpHyperparameters(new double[] {0.3, 0.6, 0.45}, 1.3, 1e-4, 0.4, 0.7);

    private static double[][] points(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = random.nextDouble();
            }
        }
        return x;
    }

    private static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.cos(4 * x[i][0]) + x[i][1] - x[i][2] * x[i][2];
        }
        return OutputTransform.standardize(y);
    }

    @Test
    void interpolatesItsObservationsWhenNoiseIsSmall() {
        double[][] x = points(20, 1);
        double[] y = values(x);
        GaussianProcess gp = GaussianProcess.condition(x, y, WITH_TREND, Matern.NU_5_2, true);
        double[] out = new double[2];
        for (int i = 0; i < x.length; i++) {
            gp.predict(x[i], out);
            assertEquals(y[i], out[0], 1e-2, "mean at observation " + i);
            assertTrue(out[1] < 1e-3, "variance at observation " + i + ": " + out[1]);
        }
        gp.predict(new double[] {5, 5, 5}, out);
        assertTrue(out[1] > 1, "far away the prior's variance returns: " + out[1]);
    }

    @Test
    void gradientsOfMeanAndVarianceMatchFiniteDifferences() {
        double[][] x = points(15, 2);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), WITH_TREND, Matern.NU_5_2, true)
                .withFantasies(points(2, 9));
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 10; trial++) {
            double[] p = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] out = new double[2];
            double[] dMean = new double[3];
            double[] dVariance = new double[3];
            gp.predictWithGradient(p, out, dMean, dVariance);
            double[] plain = new double[2];
            gp.predict(p, plain);
            assertEquals(plain[0], out[0], 1e-12);
            assertEquals(plain[1], out[1], 1e-12);
            for (int j = 0; j < 3; j++) {
                double h = 1e-6;
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += h;
                down[j] -= h;
                double[] a = new double[2];
                double[] b = new double[2];
                gp.predict(up, a);
                gp.predict(down, b);
                assertEquals((a[0] - b[0]) / (2 * h), dMean[j], 1e-5, "d mean / d p" + j);
                assertEquals((a[1] - b[1]) / (2 * h), dVariance[j], 1e-5, "d variance / d p" + j);
            }
        }
    }

    @Test
    void predictingManyPointsAtOnceEqualsPredictingEach() {
        double[][] x = points(30, 4);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), WITH_TREND, Matern.NU_5_2, true);
        double[][] candidates = points(300, 5);
        double[] means = new double[300];
        double[] variances = new double[300];
        gp.predictAll(candidates, means, variances);
        double[] out = new double[2];
        for (int i = 0; i < candidates.length; i++) {
            gp.predict(candidates[i], out);
            assertEquals(out[0], means[i], 1e-10);
            assertEquals(out[1], variances[i], 1e-10);
        }
    }

    @Test
    void aFantasyCollapsesTheVarianceAtThePendingPointAndKeepsItsMean() {
        double[][] x = points(10, 6);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), WITH_TREND, Matern.NU_5_2, true);
        double[] pending = {0.5, 0.5, 0.5};
        double[] before = new double[2];
        gp.predict(pending, before);
        double[] after = new double[2];
        gp.withFantasies(new double[][] {pending}).predict(pending, after);
        assertEquals(before[0], after[0], 1e-6);
        assertTrue(after[1] < before[1] / 100, before[1] + " -> " + after[1]);
    }

    @Test
    void aPendingPointOnTopOfAnObservationStillConditions() {
        double[][] x = points(10, 7);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), new GpHyperparameters(new double[] {5, 5, 5}, 1, 1e-9),
                Matern.NU_5_2, true);
        double[] out = new double[2];
        gp.withFantasies(new double[][] {x[0].clone(), x[0].clone()}).predict(x[1], out);
        assertTrue(Double.isFinite(out[0]) && out[1] >= 0, "finite prediction");
    }
}
