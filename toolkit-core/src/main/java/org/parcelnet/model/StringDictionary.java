package org.parcelnet.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Dictionary encoding of strings: each distinct string gets a dense int code in first-seen order.
 * Columns of a {@link ShipmentTable} store codes; the strings are held once here.
 */
public final class StringDictionary {

    private final HashMap<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The code of {@code value}, adding it when new. */
    public int intern(String value) {
        Integer c = codes.get(value);
        if (c != null) {
            return c;
        }
        int next = values.size();
        codes.put(value, next);
        values.add(value);
        return next;
    }

    /** The code of {@code value}, or -1 when absent. */
    public int code(String value) {
        Integer c = codes.get(value);
        return c == null ? -1 : c;
    }

    /** The string of {@code code}; {@code null} for the missing code -1. */
    public String value(int code) {
        return code < 0 ? null : values.get(code);
    }

    /** Number of distinct strings. */
    public int size() {
        return values.size();
    }
}
