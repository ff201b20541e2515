package io.sweepline.agent.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a trial's metrics file (SPEC §3: one JSON object per line, appended by the training
 * process) and returns the complete new lines on each {@link #poll}. A line still being written
 * (no newline yet) waits for the next poll. Python's {@code NaN} and {@code Infinity} are read as
 * doubles; integers stay Long. Lines that are not JSON objects are skipped and counted.
 */
public final class MetricsTail {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final Path file;
    private long offset;
    /** Bytes of a line still being written; decoded only once whole, so a multi-byte character is never split. */
    private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
    private long skipped;
    private String lastProblem;

    public MetricsTail(Path file) {
        this.file = file;
    }

    /** The rows appended since the last poll, in order. */
    public List<Map<String, Object>> poll() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < offset) {
                offset = 0; // truncated and rewritten: start over
                partial.reset();
            }
            if (length == offset) {
                return rows;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 16L << 20)];
            in.readFully(bytes);
            offset += bytes.length;
            for (byte b : bytes) {
                if (b != '\n') {
                    if (partial.size() <= MAX_LINE_BYTES) {
                        partial.write(b);
                    }
                    continue;
                }
                if (partial.size() > MAX_LINE_BYTES) {
                    skip("a line longer than " + MAX_LINE_BYTES + " bytes");
                } else {
                    String line = partial.toString(StandardCharsets.UTF_8).strip();
                    if (!line.isEmpty()) {
                        parse(line, rows);
                    }
                }
                partial.reset();
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private void parse(String line, List<Map<String, Object>> rows) {
        try {
            Object value = JSON.readValue(line, Object.class);
            if (value instanceof Map<?, ?> map) {
                rows.add(new LinkedHashMap<>((Map<String, Object>) map));
            } else {
                skip("not a JSON object: " + abbreviate(line));
            }
        } catch (IOException e) {
            skip("not JSON: " + abbreviate(line));
        }
    }

    private void skip(String problem) {
        skipped++;
        lastProblem = problem;
    }

    /** How many lines were not metric rows, and the last such problem (for the trial's log). */
    public long skipped() {
        return skipped;
    }

    public String lastProblem() {
        return lastProblem;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    static {
        JSON.getFactory().configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);
    }
}
