package io.sweepline.search.suggest.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputTransformTest {

    private static double skewness(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        double m2 = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
        double m3 = Arrays.stream(v).map(x -> (x - mean) * (x - mean) * (x - mean)).average().orElseThrow();
        return m3 / Math.pow(m2, 1.5);
    }

    @Test
    void keepsTheOrderAndStandardizes() {
        double[] y = new SplittableRandom(1).doubles(50, 0, 1).map(u -> Math.exp(8 * u)).toArray();
        double[] t = OutputTransform.apply(y);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                assertEquals(Double.compare(y[i], y[j]), Double.compare(t[i], t[j]), "order of " + i + ", " + j);
            }
        }
        assertEquals(0, Arrays.stream(t).average().orElseThrow(), 1e-9);
        assertEquals(1, Arrays.stream(t).map(v -> v * v).average().orElseThrow(), 1e-9);
    }

    @Test
    void tamesAHeavyTailOfBadValues() {
        // Losses spanning orders of magnitude (diverged runs): the transformed values are far less skewed.
        double[] y = new SplittableRandom(2).doubles(60, 0, 1).map(u -> Math.exp(10 * u)).toArray();
        double before = skewness(y);
        double after = skewness(OutputTransform.apply(y));
        assertTrue(before > 2, "the input is skewed: " + before);
        assertTrue(Math.abs(after) < before / 2, "the output is much less skewed: " + after);
    }

    @Test
    void leavesTooFewOrConstantValuesStandardizedOnly() {
        assertEquals(Arrays.toString(OutputTransform.standardize(new double[] {1, 5})),
                Arrays.toString(OutputTransform.apply(new double[] {1, 5})));
        double[] constant = OutputTransform.apply(new double[] {3, 3, 3, 3});
        assertTrue(Arrays.stream(constant).allMatch(v -> v == 0), Arrays.toString(constant));
    }
}
