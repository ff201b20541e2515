package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sweepline.search.config.ConfigValidator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InputLatticeTest {

    private static final InputLattice LATTICE = new InputLattice(GpData.searchable(ConfigValidator.validate("""
            method: bayes
            metric: {name: loss}
            parameters:
              a_uniform: {min: 2.0, max: 5.0}
              b_normal: {distribution: normal, mu: 0, sigma: 1}
              c_int: {min: 1, max: 4}
              d_cat: {values: [x, y, z]}
              e_q: {distribution: q_uniform, min: 0, max: 10, q: 2}
              f_lognormal: {distribution: log_normal, mu: 0, sigma: 1.5}
            """).orThrow().parameters()));

    @Test
    void theEndsOfTheBoxAreTheBoundsAndUnboundedLawsStayFinite() {
        Object[] low = LATTICE.decode(new double[] {0, 0, 0, 0, 0, 0});
        Object[] high = LATTICE.decode(new double[] {1, 1, 1, 1, 1, 1});
        assertEquals(2.0, low[0]);
        assertEquals(5.0, high[0]);
        assertTrue(Double.isFinite((Double) low[1]) && (Double) low[1] < -5, "far into the left tail: " + low[1]);
        assertTrue(Double.isFinite((Double) high[1]) && (Double) high[1] > 5, "far into the right tail: " + high[1]);
        assertEquals(1L, low[2]);
        assertEquals(4L, high[2]);
        assertEquals("x", low[3]);
        assertEquals("z", high[3]);
        assertTrue((Double) low[5] > 0 && Double.isFinite((Double) high[5]), "the log-normal's open ends: " + low[5] + ", " + high[5]);
    }

    @Test
    void snappingKeepsContinuousCoordinatesAndIsIdempotentOnDiscreteOnes() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double[] u = random.doubles(6).toArray();
            double[] snapped = LATTICE.snap(u);
            assertEquals(u[0], snapped[0], 0);
            assertEquals(u[1], snapped[1], 0);
            assertArrayEquals(snapped, LATTICE.snap(snapped), 0, "idempotent");
            assertArrayEquals(LATTICE.decode(u), LATTICE.decode(snapped), "a snapped point runs the same trial");
        }
    }
}
