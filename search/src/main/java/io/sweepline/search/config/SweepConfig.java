package io.sweepline.search.config;

import io.sweepline.search.space.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A validated sweep configuration (SPEC §1). Built only by {@link ConfigValidator}, so every
 * instance satisfies the rules; {@link #document} keeps the text's tree as the user wrote it.
 *
 * @param name           display name
 * @param description    free text
 * @param program        the training program ({@code ${program}})
 * @param method         grid, random or bayes
 * @param metric         what to optimize; required by bayes, target and hyperband
 * @param parameters     the search space
 * @param earlyTerminate hyperband settings, if any
 * @param command        argv template with macros; empty means the W&B default
 * @param runCap         most trials the sweep starts
 * @param entity         accepted and stored (W&B compatibility)
 * @param project        accepted and stored (W&B compatibility)
 * @param options        Sweepline's own keys
 * @param document       the parsed document, unchanged
 */
public record SweepConfig(Optional<String> name, Optional<String> description, Optional<String> program,
                          Method method, Optional<MetricSpec> metric, SearchSpace parameters,
                          Optional<HyperbandSpec> earlyTerminate, List<Object> command, OptionalLong runCap,
                          Optional<String> entity, Optional<String> project, SweeplineOptions options,
                          Map<String, Object> document) {

    public SweepConfig {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parameters, "parameters");
        command = Collections.unmodifiableList(new java.util.ArrayList<>(command));
        document = Collections.unmodifiableMap(new LinkedHashMap<>(document));
    }
}
