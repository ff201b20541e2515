package io.sweepline.cli.bench;

import java.util.Arrays;

/**
 * The standard optimization test functions the search benchmark minimizes, with their boxes and
 * known minima: Branin (2-d), Hartmann6 (6-d, the usual alpha/A/P constants), Ackley (10-d) and
 * Rosenbrock (10-d).
 */
public enum TestFunction {
    BRANIN("branin", new double[] {-5, 0}, new double[] {10, 15}, 0.397887) {
        @Override
        double value(double[] x) {
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            double u = x[1] - b * x[0] * x[0] + c * x[0] - 6;
            return u * u + 10 * (1 - t) * Math.cos(x[0]) + 10;
        }
    },
    HARTMANN6("hartmann6", filled(6, 0), filled(6, 1), -3.322368) {
        private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
        private static final double[][] A = {
                {10, 3, 17, 3.5, 1.7, 8},
                {0.05, 10, 17, 0.1, 8, 14},
                {3, 3.5, 1.7, 10, 17, 8},
                {17, 8, 0.05, 10, 0.1, 14}};
        private static final double[][] P = {
                {1312, 1696, 5569, 124, 8283, 5886},
                {2329, 4135, 8307, 3736, 1004, 9991},
                {2348, 1451, 3522, 2883, 3047, 6650},
                {4047, 8828, 8732, 5743, 1091, 381}};

        @Override
        double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) {
                    double t = x[j] - P[i][j] * 1e-4;
                    inner += A[i][j] * t * t;
                }
                sum += ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        }
    },
    ACKLEY10("ackley10", filled(10, -32.768), filled(10, 32.768), 0) {
        @Override
        double value(double[] x) {
            double squares = 0;
            double cosines = 0;
            for (double v : x) {
                squares += v * v;
                cosines += Math.cos(2 * Math.PI * v);
            }
            int d = x.length;
            return -20 * Math.exp(-0.2 * Math.sqrt(squares / d)) - Math.exp(cosines / d) + 20 + Math.E;
        }
    },
    ROSENBROCK10("rosenbrock10", filled(10, -2.048), filled(10, 2.048), 0) {
        @Override
        double value(double[] x) {
            double sum = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                sum += 100 * a * a + b * b;
            }
            return sum;
        }
    };

    private final String label;
    private final double[] lower;
    private final double[] upper;
    private final double minimum;

    TestFunction(String label, double[] lower, double[] upper, double minimum) {
        this.label = label;
        this.lower = lower;
        this.upper = upper;
        this.minimum = minimum;
    }

    abstract double value(double[] x);

    public String label() {
        return label;
    }

    public int dimensions() {
        return lower.length;
    }

    double lower(int j) {
        return lower[j];
    }

    double upper(int j) {
        return upper[j];
    }

    public double minimum() {
        return minimum;
    }

    /** The parameter name of coordinate j: x01, x02, ... (sorting keeps coordinate order). */
    static String name(int j) {
        return String.format("x%02d", j + 1);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
