package io.sweepline.cli.bench;

import java.util.Arrays;

/** Order statistics for benchmark summaries. */
public final class Stats {

    private Stats() {
    }

    /** The q-quantile with linear interpolation between order statistics (numpy's default). */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
