package io.sweepline.search.suggest.grid;

import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.space.SearchSpace;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grid points as numbers. A point's index is its position in the product (last axis fastest);
 * its canonical index replaces every digit by the first digit with the same value identity, so
 * duplicate values ({@code [1, 1.0]}) name one point. Finding the next free point is then a walk
 * over longs without allocation, and a trial that carries its grid index costs no value hashing.
 * Only for grids whose size fits in a long; larger products use {@link GridSearch}'s general path.
 */
final class GridIndex {

    private final List<GridAxis> axes;
    private final long[] strides;
    private final int[][] canonicalDigit;
    private final List<Map<Object, Integer>> firstDigitOfKey;

    GridIndex(List<GridAxis> axes) {
        this.axes = axes;
        int n = axes.size();
        strides = new long[n];
        canonicalDigit = new int[n][];
        firstDigitOfKey = new java.util.ArrayList<>(n);
        long stride = 1;
        for (int a = n - 1; a >= 0; a--) {
            strides[a] = stride;
            stride *= axes.get(a).size();
        }
        for (GridAxis axis : axes) {
            Map<Object, Integer> first = new HashMap<>();
            int[] canonical = new int[axis.size()];
            for (int d = 0; d < axis.size(); d++) {
                canonical[d] = first.computeIfAbsent(axis.keys().get(d), k -> firstDigit(axis, k));
            }
            canonicalDigit[firstDigitOfKey.size()] = canonical;
            firstDigitOfKey.add(first);
        }
    }

    private static int firstDigit(GridAxis axis, Object key) {
        return axis.keys().indexOf(key);
    }

    /** The canonical index of the point at {@code index}. */
    long canonical(long index) {
        long result = 0;
        for (int a = 0; a < axes.size(); a++) {
            int digit = (int) ((index / strides[a]) % axes.get(a).size());
            result += canonicalDigit[a][digit] * strides[a];
        }
        return result;
    }

    /** Canonical indices of the points the trials cover; a trial whose values are off the grid covers none. */
    Set<Long> covered(List<TrialSnapshot> trials, long size) {
        Set<Long> covered = new HashSet<>();
        for (TrialSnapshot t : trials) {
            if (t.gridIndex().isPresent() && t.gridIndex().getAsLong() >= 0 && t.gridIndex().getAsLong() < size) {
                covered.add(canonical(t.gridIndex().getAsLong()));
                continue;
            }
            long index = 0;
            boolean onGrid = true;
            for (int a = 0; a < axes.size() && onGrid; a++) {
                GridAxis axis = axes.get(a);
                List<String> path = axis.parameter().path();
                Integer digit = SearchSpace.hasValueAt(t.params(), path)
                        ? firstDigitOfKey.get(a).get(axis.keyOfTrialValue(SearchSpace.valueAt(t.params(), path))) : null;
                onGrid = digit != null;
                index += onGrid ? digit * strides[a] : 0;
            }
            if (onGrid) {
                covered.add(index);
            }
        }
        return covered;
    }

    /** The first index whose point no trial covers, or -1 when every point is covered. */
    long firstFree(Set<Long> covered, long size) {
        int[] digits = new int[axes.size()];
        long canonical = 0;
        for (long index = 0; index < size; index++) {
            if (index > 0) {
                canonical = step(digits, canonical);
            }
            if (!covered.contains(canonical)) {
                return index;
            }
        }
        return -1;
    }

    /** Odometer step (last axis fastest), keeping the canonical index up to date. */
    private long step(int[] digits, long canonical) {
        for (int a = axes.size() - 1; a >= 0; a--) {
            canonical -= canonicalDigit[a][digits[a]] * strides[a];
            if (++digits[a] < axes.get(a).size()) {
                return canonical + canonicalDigit[a][digits[a]] * strides[a];
            }
            digits[a] = 0;
            canonical += canonicalDigit[a][0] * strides[a];
        }
        return canonical;
    }

    /** The value keys of the point at {@code index}, axis by axis. */
    List<Object> point(long index) {
        List<Object> keys = new java.util.ArrayList<>(axes.size());
        for (int a = 0; a < axes.size(); a++) {
            int digit = (int) ((index / strides[a]) % axes.get(a).size());
            keys.add(axes.get(a).keys().get(digit));
        }
        return keys;
    }
}
