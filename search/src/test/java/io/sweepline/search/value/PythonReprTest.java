package io.sweepline.search.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations are what Python 3 prints for {@code str(v)}, {@code repr(v)} and {@code json.dumps(v)}. */
class PythonReprTest {

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void writesBooleansAndNoneAsPythonStrDoes() {
        assertEquals("True", PythonRepr.str(true));
        assertEquals("False", PythonRepr.str(false));
        assertEquals("None", PythonRepr.str(null));
    }

    @Test
    void writesNumbersAsPythonStrDoes() {
        assertEquals("3", PythonRepr.str(3L));
        assertEquals("3.0", PythonRepr.str(3.0));
        assertEquals("1e-05", PythonRepr.str(1e-5));
        assertEquals("123456789012345678901234567890", PythonRepr.str(new BigInteger("123456789012345678901234567890")));
    }

    @Test
    void writesStringsBareWithStrButQuotedWithRepr() {
        assertEquals("adam", PythonRepr.str("adam"));
        assertEquals("'adam'", PythonRepr.repr("adam"));
    }

    @Test
    void choosesQuotesAsPythonDoes() {
        assertEquals("\"it's\"", PythonRepr.repr("it's"));
        assertEquals("'say \"hi\"'", PythonRepr.repr("say \"hi\""));
        assertEquals("'both \\' and \"'", PythonRepr.repr("both ' and \""));
    }

    @Test
    void escapesControlCharactersAndBackslashesInRepr() {
        assertEquals("'a\\tb\\x01\\n\\\\'", PythonRepr.repr("a\tb\u0001\n\\"));
        assertEquals("'é'", PythonRepr.repr("é"));
    }

    @Test
    void writesListsWithReprOfEachItem() {
        assertEquals("[1, 'a', None, True, 1.0]", PythonRepr.str(Arrays.asList(1L, "a", null, true, 1.0)));
        assertEquals("[\"it's\"]", PythonRepr.str(List.of("it's")));
        assertEquals("[]", PythonRepr.str(List.of()));
    }

    @Test
    void writesDictsInInsertionOrder() {
        assertEquals("{'a': 1, 'b': 'x'}", PythonRepr.str(ordered("a", 1L, "b", "x")));
        assertEquals("{'k': [1, {'j': None}]}", PythonRepr.str(ordered("k", List.of(1L, ordered("j", null)))));
        assertEquals("{}", PythonRepr.str(Map.of()));
    }

    @Test
    void dumpsJsonWithPythonsDefaultSeparators() {
        Map<String, Object> params = ordered("lr", 1e-5, "on", true, "x", null, "l", List.of(1L, 2.0));
        assertEquals("{\"lr\": 1e-05, \"on\": true, \"x\": null, \"l\": [1, 2.0]}", PythonRepr.jsonDumps(params));
    }

    @Test
    void dumpsNonFiniteFloatsAsJavaScriptLiterals() {
        assertEquals("[NaN, Infinity, -Infinity]",
                PythonRepr.jsonDumps(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void escapesNonAsciiAsJsonDumpsEnsureAsciiDoes() {
        assertEquals("\"\\u00e9\"", PythonRepr.jsonDumps("é"));
        assertEquals("\"\\ud83d\\ude00\"", PythonRepr.jsonDumps("\uD83D\uDE00"));
        assertEquals("\"\\u2028\"", PythonRepr.jsonDumps("\u2028"));
        assertEquals("\"\\u007f\"", PythonRepr.jsonDumps("\u007f"));
    }

    @Test
    void escapesQuotesBackslashesAndControlsInJson() {
        assertEquals("\"\\\"\\\\\\n\\t\\b\\f\\r\\u0001\"", PythonRepr.jsonDumps("\"\\\n\t\b\f\r\u0001"));
        assertEquals("{\"k\\\"\": \"v\"}", PythonRepr.jsonDumps(Map.of("k\"", "v")));
    }

    @Test
    void refusesValuesThatAreNotSweepValues() {
        assertThrows(IllegalArgumentException.class, () -> PythonRepr.repr(new Object()));
        assertThrows(IllegalArgumentException.class, () -> PythonRepr.jsonDumps(List.of(new StringBuilder("x"))));
    }
}
