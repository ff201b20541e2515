package io.sweepline.search.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigParserTest {

    private final ConfigParser parser = new ConfigParser();

    private Object scalar(String yaml) {
        return ((Map<?, ?>) parser.parse("k: " + yaml)).get("k");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1e-5, 0.00001", "1E+3, 1000", "-2.5e-3, -0.0025", "12e03, 12000", "1.5E-3, 0.0015"})
    void readsExponentNotationAsDouble(String text, double expected) {
        Object value = scalar(text);
        assertInstanceOf(Double.class, value, text);
        assertEquals(expected, (Double) value, Math.ulp(expected));
    }

    /** YAML 1.1 integers as PyYAML reads them: underscores are dropped, a leading 0 means octal. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"1_000, 1000", "010, 8", "0x1F, 31", "0b101, 5", "+12, 12", "1:30, 90", "00, 0"})
    void readsYaml11IntegersAsPyYamlDoes(String text, long expected) {
        assertEquals(expected, scalar(text));
    }

    /** PyYAML: 08 is not an octal and, having no dot, not a float either: the string '08'. */
    @ParameterizedTest
    @ValueSource(strings = {"08", "09", "0999", "0o10", "1e", "1.2.3", "1,000", "NaN", "inf"})
    void keepsNonNumbersAsPyYamlStrings(String text) {
        assertEquals(text, scalar(text));
    }

    @Test
    void readsYaml11BooleansButNotSingleLetters() {
        assertEquals(List.of(true, true, false, false, "y", "n"), parser.parse("[yes, On, no, off, y, n]"));
    }

    @Test
    void readsJsonDocuments() {
        Object tree = parser.parse("{\"method\":\"grid\",\"parameters\":{\"x\":{\"values\":[1,2]}}}");
        assertEquals(Map.of("method", "grid", "parameters", Map.of("x", Map.of("values", List.of(1L, 2L)))), tree);
    }

    @Test
    void givesIntegersAsLongAndFloatsAsDouble() {
        Map<?, ?> tree = (Map<?, ?>) parser.parse("i: 3\nf: 3.0\nbig: 99999999999999999999\nnan: .nan\n");
        assertEquals(3L, tree.get("i"));
        assertEquals(3.0, tree.get("f"));
        assertEquals(new BigInteger("99999999999999999999"), tree.get("big"));
        assertTrue(((Double) tree.get("nan")).isNaN());
    }

    @Test
    @SuppressWarnings("unchecked")
    void givesUnmodifiableMapsAndLists() {
        Map<String, Object> tree = (Map<String, Object>) parser.parse("a:\n  b: [1, [2]]\n");
        Map<String, Object> inner = (Map<String, Object>) tree.get("a");
        List<Object> list = (List<Object>) inner.get("b");
        assertThrows(UnsupportedOperationException.class, () -> tree.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> inner.remove("b"));
        assertThrows(UnsupportedOperationException.class, () -> list.add(3));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) list.get(1)).set(0, 9));
    }

    @Test
    void keepsTheLastOfDuplicateKeysWithAWarning() {
        ConfigParser.Parsed parsed = parser.parseWithWarnings("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n");
        assertEquals(Map.of("a", 4L, "b", Map.of("c", 3L)), parsed.tree());
        assertEquals(List.of("b.c", "a"), parsed.warnings().stream().map(Violation::path).toList());
        assertTrue(parsed.warnings().get(1).message().contains("line 5"), parsed.warnings().toString());
    }

    @Test
    void reportsNoWarningsForAPlainDocument() {
        assertEquals(List.of(), parser.parseWithWarnings("a: 1\nb: [1, 1]\n").warnings());
    }

    @Test
    void rejectsTheBillionLaughs() {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i > 0 ? ", *" : "*").append((char) (c - 1));
            }
            bomb.append("]\n");
        }
        var e = assertThrows(ConfigSyntaxException.class, () -> parser.parse(bomb.toString()));
        assertTrue(e.getMessage().toLowerCase().contains("aliases"), e.getMessage());
    }

    /** 24 anchors of two aliases each: under the alias limit, yet 2^24 values once expanded. */
    @Test
    void rejectsADoublingAliasChainBeforeExpandingIt() {
        StringBuilder chain = new StringBuilder("l0: &l0 [lol, lol]\n");
        for (int i = 1; i < 24; i++) {
            chain.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
                    .append(", *l").append(i - 1).append("]\n");
        }
        // Unbounded expansion would build 2^24 values and run out of memory instead of throwing this.
        var e = assertThrows(ConfigSyntaxException.class, () -> parser.parse(chain.toString()));
        assertTrue(e.getMessage().contains("aliases") || e.getMessage().contains("1000000"), e.getMessage());
    }

    @Test
    void expandsModestAliasesAndMergeKeys() {
        Object tree = parser.parse("base: &b {min: 1, max: 5}\nx:\n  <<: *b\n  max: 9\ny: *b\n");
        assertEquals(Map.of("base", Map.of("min", 1L, "max", 5L), "x", Map.of("min", 1L, "max", 9L),
                "y", Map.of("min", 1L, "max", 5L)), tree);
    }

    @Test
    void rejectsARecursiveAlias() {
        assertThrows(ConfigSyntaxException.class, () -> parser.parse("a: &a [1, *a]\n"));
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        ConfigParser shallow = new ConfigParser(new ConfigParser.Limits(10_000, 5, 10));
        assertEquals(Map.of("a", List.of(List.of(List.of()))), shallow.parse("a: [[[]]]"));
        var e = assertThrows(ConfigSyntaxException.class, () -> shallow.parse("a: " + "[".repeat(11) + "]".repeat(11)));
        assertTrue(e.getMessage().toLowerCase().contains("depth") || e.getMessage().contains("nested"), e.getMessage());
        assertThrows(ConfigSyntaxException.class, () -> parser.parse("a: " + "{b: ".repeat(60) + "1" + "}".repeat(60)));
    }

    @Test
    void rejectsADocumentAboveTheSizeLimit() {
        ConfigParser small = new ConfigParser(new ConfigParser.Limits(100, 5, 10));
        assertEquals(Map.of("a", "x".repeat(80)), small.parse("a: " + "x".repeat(80)));
        var e = assertThrows(ConfigSyntaxException.class, () -> small.parse("a: " + "x".repeat(98)));
        assertTrue(e.getMessage().contains("too large") && e.getMessage().contains("100"), e.getMessage());
        assertThrows(ConfigSyntaxException.class, () -> parser.parse("a: '" + "x".repeat(1_000_000) + "'"));
    }

    @Test
    void namesLineAndColumnOfMalformedYaml() {
        var e = assertThrows(ConfigSyntaxException.class, () -> parser.parse("method: grid\nparameters:\n  x: a\n    y: b\n"));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("column 6"), e.getMessage());
        var json = assertThrows(ConfigSyntaxException.class, () -> parser.parse("{\"a\": [1, 2}"));
        assertTrue(json.getMessage().contains("line 1, column 12"), json.getMessage());
    }

    @Test
    void turnsASyntaxErrorIntoAViolationOfTheWholeDocument() {
        var e = assertThrows(ConfigSyntaxException.class, () -> parser.parse("a: [1"));
        assertEquals(new Violation("", e.getMessage()), e.toViolation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: !!python/object:os.system ls\n",
        "a: !!python/object/apply:os.system [ls]\n",
        "a: !!javax.script.ScriptEngineManager [x]\n",
        "a: !custom value\n",
        "a: !!binary aGVsbG8=\n"})
    void rejectsCustomTags(String text) {
        var e = assertThrows(ConfigSyntaxException.class, () -> parser.parse(text));
        assertTrue(e.getMessage().contains("tag") || e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void rejectsMappingKeysThatAreNotScalars() {
        assertThrows(ConfigSyntaxException.class, () -> parser.parse("? [1, 2]\n: x\n"));
    }

    @Test
    void rejectsASecondDocument() {
        assertThrows(ConfigSyntaxException.class, () -> parser.parse("a: 1\n---\nb: 2\n"));
    }

    @Test
    void readsAnEmptyDocumentAsNull() {
        assertEquals(null, parser.parse(""));
    }
}
