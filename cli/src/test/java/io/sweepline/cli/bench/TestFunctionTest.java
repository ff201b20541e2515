package io.sweepline.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's functions against their published minimizers and minima. */
class TestFunctionTest {

    @Test
    void braninReachesItsMinimumAtAllThreeMinimizers() {
        for (double[] x : new double[][] {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}}) {
            assertEquals(TestFunction.BRANIN.minimum(), TestFunction.BRANIN.value(x), 1e-5, Arrays.toString(x));
        }
    }

    @Test
    void hartmann6ReachesItsMinimumAtThePublishedMinimizer() {
        double[] x = {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573};
        assertEquals(TestFunction.HARTMANN6.minimum(), TestFunction.HARTMANN6.value(x), 1e-5);
    }

    @Test
    void ackleyAndRosenbrockReachZeroAtTheirMinimizers() {
        assertEquals(0, TestFunction.ACKLEY10.value(new double[10]), 1e-12);
        double[] ones = new double[10];
        Arrays.fill(ones, 1);
        assertEquals(0, TestFunction.ROSENBROCK10.value(ones), 0);
    }

    @Test
    void noPointOfTheBoxBeatsTheMinimum() {
        SplittableRandom random = new SplittableRandom(1);
        for (TestFunction f : TestFunction.values()) {
            for (int i = 0; i < 20_000; i++) {
                double[] x = new double[f.dimensions()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = f.lower(j) + random.nextDouble() * (f.upper(j) - f.lower(j));
                }
                assertTrue(f.value(x) >= f.minimum() - 1e-6, f + " at " + Arrays.toString(x));
            }
        }
    }
}
