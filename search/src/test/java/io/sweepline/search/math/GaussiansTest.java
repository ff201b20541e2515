package io.sweepline.search.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussiansTest {

    /** h(z) = φ(z) + z Φ(z) straight from the definition, fine where it does not underflow. */
    private static double h(double z) {
        return Gaussians.pdf(z) + z * Gaussians.cdf(z);
    }

    @Test
    void logHMatchesTheDefinitionWhereThatIsAccurate() {
        for (double z = -6; z <= 6; z += 0.25) {
            assertEquals(Math.log(h(z)), Gaussians.logH(z), 1e-6 * Math.max(1, Math.abs(Math.log(h(z)))), "z=" + z);
        }
    }

    @Test
    void logHStaysFiniteAndFollowsTheAsymptoteFarInTheTail() {
        // log h(z) = log(φ(z) / z²) - 3/z² + O(1/z⁴) as z → -∞
        for (double z : new double[] {-40, -1e3, -1e6, -1e9}) {
            double asymptote = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
            double value = Gaussians.logH(z);
            assertTrue(Double.isFinite(value), "finite at " + z);
            assertEquals(asymptote, value, 10 / (z * z) + Math.ulp(asymptote) * 4, "z=" + z);
        }
        assertTrue(Gaussians.logH(-38) < Gaussians.logH(-37), "increasing");
    }

    @Test
    void slopeOfLogHMatchesFiniteDifferences() {
        for (double z : new double[] {-30, -8, -2, -1.0001, -0.999, 0, 1.5, 5}) {
            double step = 1e-5 * Math.max(1, Math.abs(z));
            double numeric = (Gaussians.logH(z + step) - Gaussians.logH(z - step)) / (2 * step);
            assertEquals(numeric, Gaussians.dLogH(z), 1e-4 * Math.max(1, Math.abs(numeric)), "z=" + z);
        }
    }

    @Test
    void erfcxIsContinuousWhereItSwitchesToTheAsymptoticSeries() {
        assertEquals(Gaussians.erfcx(25 - 1e-9), Gaussians.erfcx(25), 1e-10);
        assertEquals(1 / Math.sqrt(Math.PI), Gaussians.erfcx(1e8) * 1e8, 1e-9);
    }
}
