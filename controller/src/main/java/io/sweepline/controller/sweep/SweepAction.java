package io.sweepline.controller.sweep;

import java.util.Locale;
import java.util.Optional;

/** The four things a user can do to a running sweep. */
public enum SweepAction {
    PAUSE,
    RESUME,
    STOP,
    CANCEL;

    public static Optional<SweepAction> parse(String text) {
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
