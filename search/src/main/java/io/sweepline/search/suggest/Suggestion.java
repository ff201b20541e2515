package io.sweepline.search.suggest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** What a search method answers when asked for the next trial. */
public sealed interface Suggestion permits Suggestion.Next, Suggestion.Exhausted {

    /**
     * Run these parameters next.
     *
     * @param params    parameter values by top-level name, nested blocks as maps
     * @param gridIndex the point's position in the grid's enumeration (grid only)
     */
    record Next(Map<String, Object> params, OptionalLong gridIndex) implements Suggestion {
        public Next {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            Objects.requireNonNull(gridIndex, "gridIndex");
        }
    }

    /** The method has nothing left to suggest (every grid point has a trial). */
    record Exhausted(String reason) implements Suggestion {
    }
}
