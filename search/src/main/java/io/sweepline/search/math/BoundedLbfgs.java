package io.sweepline.search.math;

import java.util.Arrays;

/**
 * Minimizes a smooth function inside a box with a projected limited-memory BFGS method: the
 * quasi-Newton direction is computed on the free variables (those not held at a bound by the
 * gradient) and the step is a backtracking search along the projected path. It is the algorithm
 * the Gaussian-process literature fits hyperparameters and maximizes acquisition functions with
 * (L-BFGS-B), reduced to what those small problems need. Commons Math offers bounded optimizers
 * only without gradients (BOBYQA, CMA-ES), which take several times more evaluations here.
 *
 * @param memory            correction pairs kept (5-10 is usual)
 * @param maxIterations     iterations before giving up
 * @param gradientTolerance stop when the projected gradient's largest component is below this
 * @param relativeTolerance stop when an iteration improves the value by less than this, relatively
 */
public record BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    /** The best point found, its value, and how many evaluations it took. */
    public record Result(double[] x, double value, int evaluations) {
    }

    /** An accepted step: the new point, its value and gradient, and what the search cost. */
    private record Step(double[] x, double value, double[] gradient, int evaluations) {
    }

    /**
     * @param start a point; it is moved into the box first
     * @return the lowest point evaluated (the start's value when nothing improved)
     */
    public Result minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper) {
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[x.length];
        double fx = f.value(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, evaluations);
        }
        Corrections corrections = new Corrections(memory, x.length);
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedGradientNorm(x, g, lower, upper) < gradientTolerance) {
                break;
            }
            boolean[] free = freeVariables(x, g, lower, upper);
            double[] direction = corrections.direction(g, free);
            if (!(dot(g, direction) < 0)) {
                corrections.clear();
                direction = corrections.direction(g, free);
                if (!(dot(g, direction) < 0)) {
                    break;
                }
            }
            Step step = lineSearch(f, x, fx, g, direction, corrections.isEmpty(), lower, upper);
            evaluations += step.evaluations();
            if (step.x() == null) {
                break;
            }
            corrections.add(x, step.x(), g, step.gradient());
            double previous = fx;
            x = step.x();
            g = step.gradient();
            fx = step.value();
            if (previous - fx <= relativeTolerance * Math.max(1, Math.max(Math.abs(previous), Math.abs(fx)))) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    /** Backtracks along the projected path until the Armijo condition holds; a step with no point when it never does. */
    private static Step lineSearch(DifferentiableFunction f, double[] x, double fx, double[] g, double[] direction,
                                   boolean firstStep, double[] lower, double[] upper) {
        int n = x.length;
        // Without curvature information yet, the first step moves no coordinate by more than 1.
        double step = firstStep ? Math.min(1, 1 / Math.max(1e-12, maxAbs(direction))) : 1;
        for (int b = 0; b < MAX_BACKTRACKS; b++) {
            double[] trial = new double[n];
            for (int i = 0; i < n; i++) {
                trial[i] = x[i] + step * direction[i];
            }
            project(trial, lower, upper);
            double[] trialGradient = new double[n];
            double value = f.value(trial, trialGradient);
            double decrease = 0;
            for (int i = 0; i < n; i++) {
                decrease += g[i] * (trial[i] - x[i]);
            }
            if (Double.isFinite(value) && allFinite(trialGradient) && value <= fx + ARMIJO * decrease) {
                return new Step(trial, value, trialGradient, b + 1);
            }
            step *= 0.5;
        }
        return new Step(null, Double.NaN, null, MAX_BACKTRACKS);
    }

    /** The last correction pairs (s = x' - x, y = g' - g) and the two-loop recursion over them. */
    private static final class Corrections {
        private final double[][] s;
        private final double[][] y;
        private final double[] rho;
        private int stored;
        private int newest = -1;

        Corrections(int memory, int n) {
            s = new double[memory][n];
            y = new double[memory][n];
            rho = new double[memory];
        }

        boolean isEmpty() {
            return stored == 0;
        }

        void clear() {
            stored = 0;
        }

        /** Keeps the pair unless it violates the curvature condition (it would break positive definiteness). */
        void add(double[] x, double[] next, double[] g, double[] nextGradient) {
            int slot = (newest + 1) % s.length;
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < x.length; i++) {
                double si = next[i] - x[i];
                double yi = nextGradient[i] - g[i];
                sy += si * yi;
                yy += yi * yi;
            }
            if (sy > 1e-10 * yy) {
                for (int i = 0; i < x.length; i++) {
                    s[slot][i] = next[i] - x[i];
                    y[slot][i] = nextGradient[i] - g[i];
                }
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, s.length);
            }
        }

        /** -H g on the free variables (steepest descent when empty); bound variables get no step. */
        double[] direction(double[] g, boolean[] free) {
            int n = g.length;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = free[i] ? -g[i] : 0;
            }
            double[] alpha = new double[stored];
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(newest - k, s.length);
                alpha[k] = rho[j] * freeDot(s[j], out, free);
                axpy(-alpha[k], y[j], out, free);
            }
            if (stored > 0) {
                double gamma = freeDot(s[newest], y[newest], free) / Math.max(1e-300, freeDot(y[newest], y[newest], free));
                if (gamma > 0 && Double.isFinite(gamma)) {
                    for (int i = 0; i < n; i++) {
                        out[i] *= gamma;
                    }
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, s.length);
                axpy(alpha[k] - rho[j] * freeDot(y[j], out, free), s[j], out, free);
            }
            return out;
        }

        private static void axpy(double a, double[] x, double[] out, boolean[] free) {
            for (int i = 0; i < out.length; i++) {
                if (free[i]) {
                    out[i] += a * x[i];
                }
            }
        }

        private static double freeDot(double[] a, double[] b, boolean[] free) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                if (free[i]) {
                    sum += a[i] * b[i];
                }
            }
            return sum;
        }
    }

    private static boolean[] freeVariables(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
        }
        return free;
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            double moved = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
            max = Math.max(max, Math.abs(moved));
        }
        return max;
    }

    static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static boolean allFinite(double[] a) {
        return Arrays.stream(a).allMatch(Double::isFinite);
    }
}
