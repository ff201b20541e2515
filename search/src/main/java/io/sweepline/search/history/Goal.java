package io.sweepline.search.history;

/** Which direction of the metric is better. W&B's default is {@link #MINIMIZE}. */
public enum Goal {
    MINIMIZE,
    MAXIMIZE;

    /** True when {@code candidate} is strictly better than {@code incumbent} under this goal. */
    public boolean isBetter(double candidate, double incumbent) {
        return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
    }

    /** The config spelling: {@code minimize} or {@code maximize}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
