package io.sweepline.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {

    @TempDir
    Path dir;

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void returnsOnlyCompleteNewLinesInOrder() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        MetricsTail tail = new MetricsTail(file);
        assertEquals(List.of(), tail.poll(), "no file yet");
        append(file, "{\"epoch\": 1, \"loss\": 0.5}\n{\"epoch\": 2, \"lo");
        assertEquals(List.of(Map.of("epoch", 1L, "loss", 0.5)), tail.poll());
        append(file, "ss\": 0.25}\n");
        assertEquals(List.of(Map.of("epoch", 2L, "loss", 0.25)), tail.poll());
        assertEquals(List.of(), tail.poll());
    }

    @Test
    void readsPythonsNonFiniteNumbersAndKeepsIntegersApartFromFloats() throws Exception {
        Path file = dir.resolve("m.jsonl");
        append(file, "{\"a\": NaN, \"b\": Infinity, \"c\": -Infinity, \"i\": 3, \"f\": 3.0}\n");
        Map<String, Object> row = new MetricsTail(file).poll().get(0);
        assertTrue(((Double) row.get("a")).isNaN());
        assertEquals(Double.POSITIVE_INFINITY, row.get("b"));
        assertEquals(Double.NEGATIVE_INFINITY, row.get("c"));
        assertEquals(3L, row.get("i"));
        assertEquals(3.0, row.get("f"));
    }

    @Test
    void skipsLinesThatAreNotJsonObjectsAndSaysWhy() throws Exception {
        Path file = dir.resolve("m.jsonl");
        append(file, "epoch 1 loss 0.5\n[1, 2]\n\n{\"loss\": 0.1}\n");
        MetricsTail tail = new MetricsTail(file);
        assertEquals(List.of(Map.of("loss", 0.1)), tail.poll());
        assertEquals(2, tail.skipped());
        assertTrue(tail.lastProblem().contains("not a JSON object"), tail.lastProblem());
    }

    @Test
    void aMultiByteCharacterSplitBetweenTwoReadsIsKeptWhole() throws Exception {
        Path file = dir.resolve("m.jsonl");
        byte[] line = "{\"optimizer\": \"adamé\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int split = line.length - 4; // inside the two bytes of é
        Files.write(file, java.util.Arrays.copyOf(line, split));
        MetricsTail tail = new MetricsTail(file);
        assertEquals(List.of(), tail.poll());
        Files.write(file, java.util.Arrays.copyOfRange(line, split, line.length), StandardOpenOption.APPEND);
        assertEquals(List.of(Map.of("optimizer", "adamé")), tail.poll());
    }

    @Test
    void startsOverWhenTheFileIsTruncated() throws Exception {
        Path file = dir.resolve("m.jsonl");
        append(file, "{\"x\": 1}\n{\"x\": 2}\n");
        MetricsTail tail = new MetricsTail(file);
        assertEquals(2, tail.poll().size());
        Files.writeString(file, "{\"x\": 3}\n");
        assertEquals(List.of(Map.of("x", 3L)), tail.poll());
    }
}
