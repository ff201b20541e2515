package io.sweepline.search.suggest.grid;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.space.Parameter;
import io.sweepline.search.space.SearchSpace;
import io.sweepline.search.suggest.SearchMethod;
import io.sweepline.search.suggest.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * {@code method: grid}: the cartesian product of every enumerable parameter, in W&B's order —
 * parameters in leaf order, the last one varying fastest — with constants copied into each point.
 * The next point is the first whose values no existing trial has (compared by value, whatever the
 * trial's state), so a point is never handed out twice and the sweep is exhausted when every point
 * has a trial. The product is walked lazily: a billion-point grid costs nothing until it is used.
 */
public final class GridSearch implements SearchMethod {

    @Override
    public Suggestion suggest(SweepConfig config, List<TrialSnapshot> trials, RandomGenerator random) {
        SearchSpace space = config.parameters();
        List<GridAxis> axes = axes(space);
        long size = size(axes);
        if (size < Long.MAX_VALUE) {
            GridIndex grid = new GridIndex(axes);
            long free = grid.firstFree(grid.covered(trials, size), size);
            if (free < 0) {
                return new Suggestion.Exhausted("every grid point (" + size + ") has a trial");
            }
            return new Suggestion.Next(assemble(space, axes, grid.point(free)), OptionalLong.of(free));
        }
        // A product beyond 2^63 points: compare value keys directly (such a grid never runs out).
        Set<List<Object>> seen = seenPoints(axes, trials);
        int[] digits = new int[axes.size()];
        for (long index = 0; index < size; index++) {
            List<Object> point = new ArrayList<>(axes.size());
            for (int a = 0; a < axes.size(); a++) {
                point.add(axes.get(a).keys().get(digits[a]));
            }
            if (!seen.contains(point)) {
                return new Suggestion.Next(assemble(space, axes, point), OptionalLong.of(index));
            }
            increment(digits, axes);
        }
        return new Suggestion.Exhausted("every grid point (" + size + ") has a trial");
    }

    /** How many points the grid has (duplicates in {@code values} included, as W&B counts them). */
    public static long size(SearchSpace space) {
        return size(axes(space));
    }

    private static long size(List<GridAxis> axes) {
        long size = 1;
        for (GridAxis axis : axes) {
            try {
                size = Math.multiplyExact(size, axis.size());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    private static List<GridAxis> axes(SearchSpace space) {
        List<GridAxis> axes = new ArrayList<>();
        for (Parameter p : space.leaves()) {
            GridAxis axis = GridAxis.of(p);
            if (axis != null) {
                axes.add(axis);
            }
        }
        return axes;
    }

    /** Odometer step: the last axis varies fastest. */
    private static void increment(int[] digits, List<GridAxis> axes) {
        for (int a = axes.size() - 1; a >= 0; a--) {
            if (++digits[a] < axes.get(a).size()) {
                return;
            }
            digits[a] = 0;
        }
    }

    private static Set<List<Object>> seenPoints(List<GridAxis> axes, List<TrialSnapshot> trials) {
        Set<List<Object>> seen = new HashSet<>();
        for (TrialSnapshot trial : trials) {
            List<Object> point = new ArrayList<>(axes.size());
            for (GridAxis axis : axes) {
                List<String> path = axis.parameter().path();
                if (!SearchSpace.hasValueAt(trial.params(), path)) {
                    break;
                }
                point.add(axis.keyOfTrialValue(SearchSpace.valueAt(trial.params(), path)));
            }
            if (point.size() == axes.size()) {
                seen.add(point);
            }
        }
        return seen;
    }

    private static java.util.Map<String, Object> assemble(SearchSpace space, List<GridAxis> axes, List<Object> point) {
        List<Object> values = new ArrayList<>(space.leaves().size());
        int a = 0;
        for (Parameter p : space.leaves()) {
            if (a < axes.size() && axes.get(a).parameter().equals(p)) {
                values.add(axes.get(a).valueByKey().get(point.get(a)));
                a++;
            } else {
                values.add(p.distribution().ppf(0.5));
            }
        }
        return space.assemble(values);
    }
}
