package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IdMapTest {

    /** Ids numbered in first-seen order, as a HashMap-based reference numbers them, through many resizes. */
    @Test
    void agreesWithAHashMapOnRandomIds() {
        Random random = new Random(11);
        IdMap<String> map = new IdMap<>(1);
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            String id = Long.toString(random.nextInt(120_000));
            int expected = reference.computeIfAbsent(id, k -> reference.size());
            assertEquals(expected, map.intern(id));
        }
        assertEquals(reference.size(), map.size());
        for (Map.Entry<String, Integer> e : reference.entrySet()) {
            assertEquals(e.getValue(), map.indexOf(e.getKey()));
            assertEquals(e.getKey(), map.id(e.getValue()));
        }
        assertEquals(-1, map.indexOf("not an id"));
        assertEquals(-1, map.indexOf(null));
        assertFalse(map.contains("-1"));
    }

    /** Strings with equal hash codes ("Aa" and "BB" hash alike, and so do their concatenations). */
    @Test
    void keepsIdsWithEqualHashCodesApart() {
        List<String> colliding = new ArrayList<>();
        for (int mask = 0; mask < 256; mask++) {
            StringBuilder b = new StringBuilder();
            for (int bit = 0; bit < 8; bit++) {
                b.append((mask >> bit & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(b.toString());
        }
        assertEquals(1, colliding.stream().mapToInt(String::hashCode).distinct().count());
        IdMap<String> map = new IdMap<>();
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(i, map.intern(colliding.get(i)));
        }
        IdMap<String> distinct = IdMap.ofDistinct(colliding);
        for (int i = 0; i < colliding.size(); i++) {
            assertEquals(i, map.indexOf(colliding.get(i)));
            assertEquals(i, distinct.indexOf(colliding.get(i)));
        }
    }

    @Test
    void ofDistinctRejectsARepeatedIdOnFirstLookup() {
        IdMap<String> map = IdMap.ofDistinct(List.of("a", "b", "a"));
        assertEquals(3, map.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.indexOf("b"));
        assertTrue(e.getMessage().contains("node 2"), e.getMessage());
    }

    @Test
    void ofDistinctThenInternAddsAfterTheGivenIds() {
        IdMap<Integer> map = IdMap.ofDistinct(List.of(7, 3, 5));
        assertEquals(1, map.intern(3));
        assertEquals(3, map.intern(9));
        assertEquals(List.of(7, 3, 5, 9), map.ids());
    }
}
