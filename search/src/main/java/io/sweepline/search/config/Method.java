package io.sweepline.search.config;

import java.util.Locale;
import java.util.Optional;

/** The search strategy named by {@code method:}. The W&B three keep their exact meaning. */
public enum Method {
    GRID,
    RANDOM,
    BAYES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Method> parse(String text) {
        for (Method m : values()) {
            if (m.wireName().equals(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
