package io.sweepline.search.stop;

import io.sweepline.search.config.HyperbandSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hyperband's bands (iteration counts at which trials are compared), exactly as W&B computes them:
 * from {@code max_iter} and {@code s}, {@code max_iter / eta^k} for k = 1..s while at least 1,
 * truncated and sorted; from {@code min_iter}, {@code min_iter * eta^k} for k = 0..99 (here only
 * while the band fits in a long — no trial reports 10^18 metric rows).
 */
public final class HyperbandBands {

    private static final int MIN_ITER_BANDS = 100;
    private static final double LARGEST_BAND = 1e18;

    private HyperbandBands() {
    }

    public static List<Long> of(HyperbandSpec spec) {
        List<Long> bands = new ArrayList<>();
        if (spec.minIter().isPresent()) {
            double band = spec.minIter().getAsLong();
            for (int i = 0; i < MIN_ITER_BANDS && band <= LARGEST_BAND; i++) {
                bands.add((long) band);
                band *= spec.eta();
            }
            return List.copyOf(bands);
        }
        double band = spec.maxIter().orElse(0);
        for (long i = 0; i < spec.s().orElse(0); i++) {
            band /= spec.eta();
            if (band < 1) {
                break;
            }
            bands.add((long) band);
        }
        Collections.sort(bands);
        return List.copyOf(bands);
    }
}
