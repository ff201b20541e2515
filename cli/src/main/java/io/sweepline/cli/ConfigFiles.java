package io.sweepline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files the CLI is given, with messages that name the file. */
final class ConfigFiles {

    /** Far above any real sweep config; keeps a wrong file argument from eating memory. */
    static final long MAX_CONFIG_BYTES = 4L * 1024 * 1024;

    private ConfigFiles() {
    }

    static String read(Path file, long maxBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(file + " is a directory, not a sweep config file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new IllegalArgumentException(file + " is too large (" + size + " bytes; at most " + maxBytes + ")");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
