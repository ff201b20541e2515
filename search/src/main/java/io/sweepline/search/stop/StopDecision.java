package io.sweepline.search.stop;

import java.util.List;
import java.util.Map;

/**
 * Which live trials to stop now, and why.
 *
 * @param stop       trial ids to stop, with the reason for each (for the trial's log and the API)
 * @param bands      the iteration counts compared (hyperband), in order
 * @param thresholds the cut-off at each band (+infinity where no trial reached it yet)
 */
public record StopDecision(Map<String, String> stop, List<Long> bands, List<Double> thresholds) {

    public StopDecision {
        stop = Map.copyOf(stop);
        bands = List.copyOf(bands);
        thresholds = List.copyOf(thresholds);
    }

    public static StopDecision none() {
        return new StopDecision(Map.of(), List.of(), List.of());
    }
}
