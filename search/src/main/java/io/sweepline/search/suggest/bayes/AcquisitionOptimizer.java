package io.sweepline.search.suggest.bayes;

import io.sweepline.search.math.BoundedLbfgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Finds the point of highest log expected improvement: scores many candidates — uniform ones over
 * the search box and perturbations of the best observations, which high-dimensional spaces need to
 * refine a good point — then climbs from the best few with bounded L-BFGS and keeps the best snapped
 * result. Every draw comes from the suggestion's random stream, so the result is reproducible.
 */
final class AcquisitionOptimizer {

    private static final BoundedLbfgs CLIMBER = new BoundedLbfgs(8, 60, 1e-6, 1e-9);
    private static final double[] PERTURBATION_SCALES = {0.01, 0.05, 0.2};
    /** How many coordinates a perturbation moves, on average, in many dimensions. */
    private static final double PERTURBED_COORDINATES = 5;
    private static final int BEST_TO_PERTURB = 5;

    private AcquisitionOptimizer() {
    }

    static double[] maximize(Surrogate model, InputLattice lattice, RandomGenerator random, BayesSettings settings) {
        LogExpectedImprovement acquisition = new LogExpectedImprovement(model.gp(), model.best());
        int d = lattice.dimensions();
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < settings.candidates(); i++) {
            double[] u = new double[d];
            for (int j = 0; j < d; j++) {
                u[j] = model.lower()[j] + random.nextDouble() * (model.upper()[j] - model.lower()[j]);
            }
            candidates.add(u);
        }
        candidates.addAll(perturbations(model, random, settings.candidates() / 4));

        Set<Point> tried = new HashSet<>();
        for (double[] t : model.tried()) {
            tried.add(Point.of(t));
        }
        double[][] snapped = candidates.stream().map(lattice::snap).toArray(double[][]::new);
        double[] values = acquisition.values(snapped);
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < values.length; i++) {
            scored.add(new Scored(candidates.get(i), snapped[i], values[i], tried.contains(Point.of(snapped[i]))));
        }
        // Untried points first, then by acquisition: a point already run (a discrete one, or a corner
        // of the box) is chosen again only when every candidate has been run.
        scored.sort(Comparator.comparing(Scored::repeat).thenComparing(Comparator.comparingDouble(Scored::value).reversed()));
        Scored best = scored.get(0);
        for (int s = 0; s < Math.min(settings.localStarts(), scored.size()); s++) {
            BoundedLbfgs.Result climbed = CLIMBER.minimize(acquisition.negated(), scored.get(s).u(),
                    model.lower(), model.upper());
            double[] point = lattice.snap(climbed.x());
            Scored refined = new Scored(climbed.x(), point, acquisition.value(point), tried.contains(Point.of(point)));
            if (refined.betterThan(best)) {
                best = refined;
            }
        }
        return best.snapped();
    }

    /** Gaussian steps around the best observations, in a random subset of the coordinates when there are many. */
    private static List<double[]> perturbations(Surrogate model, RandomGenerator random, int count) {
        List<double[]> out = new ArrayList<>(count);
        double[][] centers = model.modelX();
        int centerCount = Math.min(BEST_TO_PERTURB, centers.length);
        int d = model.lower().length;
        double probability = Math.min(1.0, PERTURBED_COORDINATES / d);
        for (int i = 0; i < count && centerCount > 0; i++) {
            double[] center = centers[i % centerCount];
            double scale = PERTURBATION_SCALES[(i / centerCount) % PERTURBATION_SCALES.length];
            double[] u = center.clone();
            int forced = random.nextInt(d);
            for (int j = 0; j < d; j++) {
                if (j == forced || random.nextDouble() < probability) {
                    double width = model.upper()[j] - model.lower()[j];
                    u[j] = Math.min(model.upper()[j], Math.max(model.lower()[j], u[j] + scale * width * random.nextGaussian()));
                }
            }
            out.add(u);
        }
        return out;
    }

    /** A candidate: where it was drawn, the point it stands for, its acquisition, whether it was run already. */
    private record Scored(double[] u, double[] snapped, double value, boolean repeat) {
        boolean betterThan(Scored other) {
            return repeat != other.repeat ? !repeat : value > other.value || Double.isNaN(other.value);
        }
    }

    /**
     * An input point up to a millionth of each range, to recognize a trial already run: the same
     * discrete values, or the same corner of the box (a bound and the value just inside it that the
     * quantile function is given are one point).
     */
    private record Point(long[] cell) {
        private static final double RESOLUTION = 1e-6;

        static Point of(double[] u) {
            return new Point(Arrays.stream(u).mapToLong(v -> Math.round(v / RESOLUTION)).toArray());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && Arrays.equals(cell, p.cell);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cell);
        }
    }
}
