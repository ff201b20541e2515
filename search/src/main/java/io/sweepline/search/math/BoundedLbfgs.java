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
 * @param memory        correction pairs kept (5-10 is usual)
 * @param maxIterations iterations before giving up
 * @param gradientTolerance stop when the projected gradient's largest component is below this
 * @param relativeTolerance stop when an iteration improves the value by less than this, relatively
 */
public record BoundedLbfgs(int memory, int maxIterations, double gradientTolerance, double relativeTolerance) {

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;

    /** The best point found, its value, and how many evaluations it took. */
    public record Result(double[] x, double value, int evaluations) {
    }

    /**
     * @param start a point; it is moved into the box first
     * @return the lowest point evaluated (the start's value when nothing improved)
     */
    public Result minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[n];
        double fx = f.value(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, evaluations);
        }
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (projectedGradientNorm(x, g, lower, upper) < gradientTolerance) {
                break;
            }
            boolean[] free = freeVariables(x, g, lower, upper);
            direction(g, free, s, y, rho, stored, newest, direction);
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                stored = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = free[i] ? -g[i] : 0;
                }
                slope = dot(g, direction);
                if (!(slope < 0)) {
                    break;
                }
            }
            double step = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, maxAbs(direction))) : 1;
            double ft = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * direction[i];
                }
                project(trial, lower, upper);
                ft = f.value(trial, trialGradient);
                evaluations++;
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                if (Double.isFinite(ft) && allFinite(trialGradient) && ft <= fx + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            int slot = (newest + 1) % memory;
            double[] sk = new double[n];
            double[] yk = new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                sk[i] = trial[i] - x[i];
                yk[i] = trialGradient[i] - g[i];
                sy += sk[i] * yk[i];
            }
            if (sy > 1e-10 * dot(yk, yk)) {
                s[slot] = sk;
                y[slot] = yk;
                rho[slot] = 1 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            double previous = fx;
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            fx = ft;
            if (previous - fx <= relativeTolerance * Math.max(1, Math.max(Math.abs(previous), Math.abs(fx)))) {
                break;
            }
        }
        return new Result(x, fx, evaluations);
    }

    /** Two-loop recursion on the free variables; bound variables get no step. */
    private void direction(double[] g, boolean[] free, double[][] s, double[][] y, double[] rho, int stored,
                           int newest, double[] out) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            out[i] = free[i] ? -g[i] : 0;
        }
        double[] alpha = new double[stored];
        for (int k = 0; k < stored; k++) {
            int j = Math.floorMod(newest - k, memory);
            alpha[k] = rho[j] * freeDot(s[j], out, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    out[i] -= alpha[k] * y[j][i];
                }
            }
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
            int j = Math.floorMod(newest - k, memory);
            double beta = rho[j] * freeDot(y[j], out, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    out[i] += s[j][i] * (alpha[k] - beta);
                }
            }
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

    private static double freeDot(double[] a, double[] b, boolean[] free) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (free[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
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
