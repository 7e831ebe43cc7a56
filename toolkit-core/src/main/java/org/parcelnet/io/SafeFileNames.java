package org.parcelnet.io;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names made from names that come from input (regions of the dispatch files): safe, unique and
 * bounded, so that two names never share a file and a long name never fails a run. One rule for the
 * command line and the Spark jobs, so both write the same {@code leads/} folder.
 */
public final class SafeFileNames {

    /** Longest file name stem {@link #forNames} gives (characters, before the extension). */
    public static final int MAX_STEM = 60;

    private SafeFileNames() {
    }

    /**
     * Safe, unique, bounded file names for {@code names}, in the given order: letters, digits, CJK
     * and '-' are kept, anything else becomes '_'; a name starting with '.' or empty gets a leading
     * '_'; stems are cut to {@link #MAX_STEM} characters; a stem already taken (case-insensitively,
     * for case-folding file systems), or one of {@code reserved}, gets {@code -2}, {@code -3}, ... Returns
     * name → file name (stem + {@code extension}).
     */
    public static Map<String, String> forNames(Iterable<String> names, String extension, String... reserved) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String r : reserved) {
            taken.add(r.toLowerCase(Locale.ROOT));
        }
        for (String name : names) {
            String stem = safe(name);
            if (stem.codePointCount(0, stem.length()) > MAX_STEM) {
                stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_STEM));
            }
            String file = stem;
            for (int k = 2; !taken.add(file.toLowerCase(Locale.ROOT)); k++) {
                file = stem + "-" + k;
            }
            out.put(name, file + extension);
        }
        return out;
    }

    /** A file-name-safe form of a name (letters, digits, CJK and '-' kept; others become '_'). */
    static String safe(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.appendCodePoint(Character.isLetterOrDigit(cp) || cp == '-' ? cp : '_'));
        String s = sb.toString();
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
