package io.sweepline.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows one output file of a trial: {@link #next} returns the complete new lines since the last
 * call (a partial line waits for its newline, unless it grows past a bound), {@link #tail} the end
 * of the whole file. Whole lines keep multi-byte characters intact.
 */
final class LogFollower {

    /** A line without newline is shipped anyway once it is this long (progress bars redraw with \r). */
    private static final int MAX_PENDING = 8 * 1024;
    /** At most this much is read per call, so a chatty trainer cannot flood the controller. */
    private static final int MAX_CHUNK = 64 * 1024;

    private final Path file;
    private long offset;

    LogFollower(Path file) {
        this.file = file;
    }

    String next() throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long available = in.length() - offset;
            if (available <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(available, MAX_CHUNK)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes) + 1;
            if (end == 0 && bytes.length < MAX_PENDING) {
                return "";
            }
            int take = end == 0 ? bytes.length : end;
            offset += take;
            return new String(bytes, 0, take, StandardCharsets.UTF_8);
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code chars} characters of the file, or "" when there is none. */
    static String tail(Path file, int chars) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long start = Math.max(0, in.length() - chars * 4L);
                byte[] bytes = new byte[(int) (in.length() - start)];
                in.seek(start);
                in.readFully(bytes);
                String text = new String(bytes, StandardCharsets.UTF_8);
                return text.length() <= chars ? text : text.substring(text.length() - chars);
            }
        } catch (IOException e) {
            return "";
        }
    }
}
