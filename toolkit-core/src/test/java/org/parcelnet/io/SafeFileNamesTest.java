package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SafeFileNamesTest {

    @Test
    void safeUniqueAndBoundedNames() {
        Map<String, String> names = SafeFileNames.forNames(List.of("广东", "a/b", "A_B", ".hidden", "", "Index",
                "x".repeat(70)), ".csv", "index");
        assertEquals("广东.csv", names.get("广东"));
        assertEquals("a_b.csv", names.get("a/b"));
        assertEquals("A_B-2.csv", names.get("A_B"), "taken case-insensitively");
        assertEquals("_hidden.csv", names.get(".hidden"), "'.' is not kept, so the stem no longer starts with it");
        assertEquals("_.csv", names.get(""));
        assertEquals("Index-2.csv", names.get("Index"), "the reserved name");
        assertEquals("x".repeat(SafeFileNames.MAX_STEM) + ".csv", names.get("x".repeat(70)));
    }
}
