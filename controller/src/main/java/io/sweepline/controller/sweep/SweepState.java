package io.sweepline.controller.sweep;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sweepline.protocol.CborSerializable;
import io.sweepline.protocol.SweepStatus;
import io.sweepline.search.config.ConfigValidator;
import io.sweepline.search.config.SweepConfig;
import io.sweepline.search.history.Goal;
import io.sweepline.search.history.TrialSnapshot;
import io.sweepline.search.history.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A sweep's state, rebuilt from its events: the config text, lifecycle, the suggestion counter and
 * every trial. Immutable (snapshots are written asynchronously); transitions return a new state.
 * The parsed {@link SweepConfig} is derived from the stored text — validation is a pure function,
 * so re-deriving it during replay is safe.
 *
 * @param sweepId        the sweep id, null before creation
 * @param configText     the config as submitted
 * @param seed           the sweep's seed (suggestion n draws from seed and n)
 * @param status         lifecycle state
 * @param stopRequested  stop was asked: no new trials, FINISHED when the live ones end
 * @param finishReason   why the sweep is finishing or finished
 * @param suggestions    how many suggestions were drawn (the next ordinal)
 * @param trials         every trial by id, in creation order
 * @param createdAt      creation time
 */
public record SweepState(String sweepId, String configText, long seed, SweepStatus status, boolean stopRequested,
                         String finishReason, long suggestions, Map<String, TrialRecord> trials, Instant createdAt)
        implements CborSerializable {

    public SweepState {
        trials = Collections.unmodifiableMap(new LinkedHashMap<>(trials));
    }

    static SweepState empty() {
        return new SweepState(null, null, 0, null, false, null, 0, Map.of(), null);
    }

    @JsonIgnore
    public boolean created() {
        return sweepId != null;
    }

    /** The validated config; the text was valid when it was accepted, and validation is pure. */
    @JsonIgnore
    public SweepConfig config() {
        return ConfigCache.parse(configText);
    }

    SweepState withStatus(SweepStatus newStatus, boolean stop, String reason) {
        return new SweepState(sweepId, configText, seed, newStatus, stop, reason, suggestions, trials, createdAt);
    }

    SweepState withTrial(TrialRecord trial, boolean newSuggestion) {
        Map<String, TrialRecord> copy = new LinkedHashMap<>(trials);
        copy.put(trial.id(), trial);
        return new SweepState(sweepId, configText, seed, status, stopRequested, finishReason,
                suggestions + (newSuggestion ? 1 : 0), copy, createdAt);
    }

    Optional<TrialRecord> trial(String id) {
        return Optional.ofNullable(trials.get(id));
    }

    @JsonIgnore
    List<TrialSnapshot> snapshots() {
        return trials.values().stream().map(TrialRecord::snapshot).toList();
    }

    long liveCount() {
        return trials.values().stream().filter(t -> t.state().isLive()).count();
    }

    /** Trials counted against run_cap: first attempts only (a retry re-runs a lost trial). */
    long startedCount() {
        return trials.values().stream().filter(t -> t.retryOf() == null).count();
    }

    /** A lost (or, when configured, failed) trial that may be retried and has no retry yet. */
    Optional<TrialRecord> retryCandidate() {
        var options = config().options();
        for (TrialRecord t : trials.values()) {
            boolean retryable = t.state() == TrialState.LOST || (t.state() == TrialState.FAILED && options.retryFailed());
            if (retryable && t.attempt() <= options.maxRetries()
                    && trials.values().stream().noneMatch(o -> t.id().equals(o.retryOf()))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The best trial with a value of the sweep's metric, among those that finished or were stopped early. */
    Optional<TrialRecord> best() {
        var metric = config().metric();
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        String name = metric.get().name();
        Goal goal = metric.get().goal();
        TrialRecord best = null;
        double bestValue = Double.NaN;
        for (TrialRecord t : trials.values()) {
            if (t.state() != TrialState.FINISHED && t.state() != TrialState.STOPPED) {
                continue;
            }
            OptionalDouble v = t.value(name);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())
                    && (best == null || goal.isBetter(v.getAsDouble(), bestValue))) {
                best = t;
                bestValue = v.getAsDouble();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a FINISHED trial has met {@code metric.target}. */
    boolean targetMet() {
        var metric = config().metric();
        if (metric.isEmpty() || metric.get().target().isEmpty()) {
            return false;
        }
        return trials.values().stream().filter(t -> t.state() == TrialState.FINISHED)
                .map(t -> t.value(metric.get().name()))
                .anyMatch(v -> v.isPresent() && metric.get().meetsTarget(v.getAsDouble()));
    }

    /** Parsing the config text once per distinct text, not once per event. */
    static final class ConfigCache {
        private static final Map<String, SweepConfig> CACHE = Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, SweepConfig> eldest) {
                        return size() > 256;
                    }
                });

        private ConfigCache() {
        }

        static SweepConfig parse(String text) {
            SweepConfig cached = CACHE.get(text);
            if (cached == null) {
                cached = ConfigValidator.validate(text).orThrow();
                CACHE.put(text, cached);
            }
            return cached;
        }
    }
}
