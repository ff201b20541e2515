package io.sweepline.search.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Value identity as W&B's grid decides it ({@code _freeze_value}): Python equality, except that bools are not numbers. */
class PyValuesTest {

    @Test
    void anIntegerEqualsTheIntegralFloat() {
        assertTrue(PyValues.equal(1L, 1.0));
        assertTrue(PyValues.equal(0L, -0.0));
        assertTrue(PyValues.equal(new BigInteger("100000000000000000000"), 1e20));
        assertEquals(PyValues.key(1L).hashCode(), PyValues.key(1.0).hashCode());
    }

    @Test
    void aFractionalFloatDiffersFromEveryInteger() {
        assertFalse(PyValues.equal(1L, 1.5));
        assertTrue(PyValues.equal(1.5, 1.5));
    }

    @Test
    void aBooleanDiffersFromOneAndZero() {
        assertFalse(PyValues.equal(true, 1L));
        assertFalse(PyValues.equal(true, 1.0));
        assertFalse(PyValues.equal(false, 0L));
        assertTrue(PyValues.equal(true, true));
    }

    @Test
    void aStringDiffersFromTheNumberItSpells() {
        assertFalse(PyValues.equal("1", 1L));
        assertFalse(PyValues.equal("1.0", 1.0));
        assertFalse(PyValues.equal("None", null));
    }

    @Test
    void noneEqualsOnlyNone() {
        assertTrue(PyValues.equal(null, null));
        assertFalse(PyValues.equal(null, 0L));
        assertFalse(PyValues.equal(null, ""));
    }

    @Test
    void dictsAreEqualWhateverTheKeyOrder() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", List.of(2L));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of(2.0));
        ba.put("a", 1.0);
        assertTrue(PyValues.equal(ab, ba));
        assertFalse(PyValues.equal(ab, Map.of("a", 1L)));
        assertFalse(PyValues.equal(ab, Map.of("a", 1L, "b", List.of(3L))));
    }

    @Test
    void listsCompareElementWiseAndInOrder() {
        assertTrue(PyValues.equal(List.of(1L, List.of(2L, "x")), List.of(1.0, List.of(2.0, "x"))));
        assertFalse(PyValues.equal(List.of(1L, 2L), List.of(2L, 1L)));
        assertFalse(PyValues.equal(List.of(1L), List.of(1L, 1L)));
        assertFalse(PyValues.equal(List.of(true), List.of(1L)));
        assertFalse(PyValues.equal(List.of(1L), 1L));
    }

    @Test
    void nanIsOneKey() {
        assertTrue(PyValues.equal(Double.NaN, Double.NaN));
        assertTrue(PyValues.equal(Double.NaN, -Double.NaN));
        assertFalse(PyValues.equal(Double.NaN, Double.POSITIVE_INFINITY));
        Set<Object> keys = new HashSet<>(List.of(PyValues.key(Double.NaN), PyValues.key(0.0 / 0.0)));
        assertEquals(1, keys.size());
    }

    @Test
    void infinitiesAreDistinctFloats() {
        assertTrue(PyValues.equal(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(PyValues.equal(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void keysDeduplicateInAHashSetAsPythonSetsWould() {
        Set<Object> keys = new HashSet<>();
        for (Object v : Arrays.asList(1L, 1.0, true, "1", null, 2.5, List.of(1L), List.of(1.0))) {
            keys.add(PyValues.key(v));
        }
        // {1, True, '1', None, 2.5, (1,)} with True kept apart from 1
        assertEquals(6, keys.size());
    }
}
