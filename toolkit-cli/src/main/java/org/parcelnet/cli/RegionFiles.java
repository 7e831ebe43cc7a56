package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.table.TableFiles;

import tech.tablesaw.api.Table;

/**
 * One CSV file per region, plus {@value #INDEX} mapping each region name to its file. Region names
 * come from the input, so file names are made safe, unique and bounded by
 * {@link #regionFileNames}: two regions never share a file, and a long name never fails
 * the run.
 */
final class RegionFiles {

    /** The index file's name (reserved: no region gets it). */
    static final String INDEX = "index.csv";

    private RegionFiles() {
    }

    /** Writes {@code tables} (region → rows) into {@code dir}, and the index {@code region,file,rows}. */
    static void write(Map<String, Table> tables, Path dir) throws IOException {
        Map<String, String> names = regionFileNames(tables.keySet(), ".csv", "index");
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            TableFiles.writeCsv(e.getValue(), dir.resolve(names.get(e.getKey())));
        }
        AtomicFiles.writeText(dir.resolve(INDEX), w -> {
            w.write("region,file,rows\n");
            for (Map.Entry<String, Table> e : tables.entrySet()) {
                w.write(Csv.cell(e.getKey()) + "," + Csv.cell(names.get(e.getKey())) + "," + e.getValue().rowCount() + "\n");
            }
        });
    }

    /** Longest file name stem {@link #regionFileNames} gives (characters, before {@code .csv}). */
    static final int MAX_STEM = 60;

    /**
     * Safe, unique, bounded file names for region names, in the given order: letters, digits, CJK
     * and '-' are kept, anything else becomes '_'; a name starting with '.' or empty gets a leading
     * '_'; stems are cut to {@link #MAX_STEM} characters; a stem already taken (case-insensitively,
     * for case-folding file systems), or one of {@code reserved}, gets {@code -2}, {@code -3}, ... Returns
     * region → file name.
     */
    static Map<String, String> regionFileNames(Iterable<String> regions, String extension, String... reserved) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String r : reserved) {
            taken.add(r.toLowerCase(Locale.ROOT));
        }
        for (String region : regions) {
            String stem = safeFileName(region);
            if (stem.codePointCount(0, stem.length()) > MAX_STEM) {
                stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_STEM));
            }
            String name = stem;
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = stem + "-" + k;
            }
            out.put(region, name + extension);
        }
        return out;
    }

    /** A file-name-safe form of a region name (letters, digits, CJK kept; others become '_'). */
    static String safeFileName(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(cp -> sb.appendCodePoint(Character.isLetterOrDigit(cp) || cp == '-' ? cp : '_'));
        String s = sb.toString();
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }
}
