package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void scriptBreakingTextIsEscaped() {
        String hostile = "</script><!--<script>]]>&\u2028\u2029\"\\\n\u0001";
        String json = ScriptJson.write(List.of(hostile));
        assertEquals("[\"\\u003c/script\\u003e\\u003c!--\\u003cscript\\u003e]]\\u003e\\u0026\\u2028\\u2029\\\"\\\\\\n\\u0001\"]",
                json);
        for (String bad : List.of("<", ">", "&", "\u2028", "\u2029", "</script", "<!--", "]]>")) {
            assertFalse(json.contains(bad), bad);
        }
    }

    @Test
    void valuesAndShapes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 3);
        m.put("l", 4_310_000_000L);
        m.put("d", 0.25);
        m.put("whole", 2.0);
        m.put("nan", Double.NaN);
        m.put("b", true);
        m.put("n", null);
        m.put("ints", new int[] {1, -2});
        m.put("row", new Object[] {"WB1", 5L, 0});
        m.put("k<", "x");
        assertEquals("{\"i\":3,\"l\":4310000000,\"d\":0.25,\"whole\":2,\"nan\":null,\"b\":true,\"n\":null,"
                + "\"ints\":[1,-2],\"row\":[\"WB1\",5,0],\"k\\u003c\":\"x\"}", ScriptJson.write(m));
        assertEquals("\"a\uD83D\uDE00\uFFFD\"", ScriptJson.write("a\uD83D\uDE00\uD800"), "pairs kept, lone surrogate replaced");
        assertThrows(IllegalArgumentException.class, () -> ScriptJson.write(new Object()));
    }
}
