package io.sweepline.search.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundedLbfgsTest {

    private static final BoundedLbfgs OPTIMIZER = new BoundedLbfgs(8, 500, 1e-9, 0);

    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    @Test
    void findsTheRosenbrockValleysMinimumInsideTheBox() {
        var result = OPTIMIZER.minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-5, -5}, new double[] {5, 5});
        assertEquals(1, result.x()[0], 1e-4);
        assertEquals(1, result.x()[1], 1e-4);
        assertTrue(result.value() < 1e-8, "value " + result.value());
    }

    @Test
    void stopsOnTheBoundWhenTheMinimumIsOutsideTheBox() {
        // Minimum of (x-3)² + (y+1)² over [0,1] x [0,1] is at (1, 0).
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * (x[0] - 3);
            g[1] = 2 * (x[1] + 1);
            return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        };
        var result = OPTIMIZER.minimize(f, new double[] {0.5, 0.5}, new double[] {0, 0}, new double[] {1, 1});
        assertEquals(1, result.x()[0], 1e-12);
        assertEquals(0, result.x()[1], 1e-12);
    }

    @Test
    void mixesBoundAndFreeCoordinates() {
        // (x-2)² + (y-0.3)² over [0,1]²: x at its bound, y free at 0.3.
        DifferentiableFunction f = (x, g) -> {
            g[0] = 2 * (x[0] - 2);
            g[1] = 2 * (x[1] - 0.3);
            return (x[0] - 2) * (x[0] - 2) + (x[1] - 0.3) * (x[1] - 0.3);
        };
        var result = OPTIMIZER.minimize(f, new double[] {0.1, 0.9}, new double[] {0, 0}, new double[] {1, 1});
        assertEquals(1, result.x()[0], 1e-12);
        assertEquals(0.3, result.x()[1], 1e-6);
    }

    @Test
    void startsFromTheNearestPointOfTheBoxAndNeverLeavesIt() {
        double[] lower = {-0.5, -0.5};
        double[] upper = {0.5, 0.5};
        var result = OPTIMIZER.minimize(ROSENBROCK, new double[] {4, -4}, lower, upper);
        for (int i = 0; i < 2; i++) {
            assertTrue(result.x()[i] >= lower[i] && result.x()[i] <= upper[i], "inside the box");
        }
        assertTrue(result.value() <= ROSENBROCK.value(new double[] {0.5, -0.5}, new double[2]), "improved on the start");
    }
}
