package io.sweepline.search.stop;

import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.TrialSnapshot;
import java.util.List;

/**
 * Decides which running trials are hopeless, as a pure function of the config and every trial's
 * history: the same inputs give the same decision, and nothing is read from a clock or storage.
 */
public interface EarlyStopping {

    StopDecision evaluate(SweepConfig config, List<TrialSnapshot> trials);

    /** The early stopping a config asks for (none without {@code early_terminate}). */
    static EarlyStopping of(SweepConfig config) {
        return config.earlyTerminate().<EarlyStopping>map(spec -> new HyperbandStopping())
                .orElse((c, trials) -> StopDecision.none());
    }
}
