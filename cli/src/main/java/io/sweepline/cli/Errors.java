package io.sweepline.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class Errors {

    private Errors() {
    }

    static String oneLine(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        if (cause instanceof AccessDeniedException ade) {
            return "permission denied: " + ade.getFile();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
