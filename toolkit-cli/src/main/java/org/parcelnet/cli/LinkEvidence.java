package org.parcelnet.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The case-linking evidence and ring roles an analysis folder may hold, read for the report when the
 * files are there: {@code links.csv} (case, case, identifiers, weight: two linked cases — waybill ids —
 * the identifiers that link them and the link's weight) and {@code ring_members.csv} (party, ring,
 * tier, role, confidence). Either file missing leaves its part empty and the report says so.
 *
 * <p>Columns are found by name (case-insensitive; the two case columns are the first two columns
 * whose names start with "case", else the first two columns). Cells a spreadsheet-safe writer
 * prefixed with an apostrophe (a cell that began with {@code = + - @}) are read back without it.
 * Only links touching a waybill the report embeds are kept, at most {@code maxLinks}: the file is
 * streamed, so its size does not matter.
 */
final class LinkEvidence {

    /** One link of links.csv. */
    record Link(String caseA, String caseB, String identifiers, Double weight) {
    }

    /** A ring member's role and confidence from ring_members.csv. */
    record Member(String role, Double confidence) {
    }

    /** Links touching the embedded waybills; null when links.csv is absent. */
    final List<Link> links;
    /** Links in the file that touched embedded waybills but were left out (over {@code maxLinks}). */
    final long linksLeftOut;
    /** Role and confidence by party id; null when ring_members.csv is absent. */
    final Map<String, Member> members;

    private LinkEvidence(List<Link> links, long linksLeftOut, Map<String, Member> members) {
        this.links = links;
        this.linksLeftOut = linksLeftOut;
        this.members = members;
    }

    /** No evidence files. */
    static LinkEvidence none() {
        return new LinkEvidence(null, 0, null);
    }

    /**
     * Reads the files of {@code dir} that exist.
     *
     * @param keep     which waybill ids the report embeds (a link is kept when either case is one)
     * @param maxLinks links kept at most
     */
    static LinkEvidence read(Path dir, Predicate<String> keep, int maxLinks) throws IOException {
        List<Link> links = null;
        long leftOut = 0;
        Path linksFile = dir.resolve("links.csv");
        if (Files.isRegularFile(linksFile)) {
            links = new ArrayList<>();
            try (Reader r = Files.newBufferedReader(linksFile, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                List<String> names = p.getHeaderNames();
                int[] cases = caseColumns(names);
                int ids = column(names, "identifiers", 2);
                int weight = column(names, "weight", 3);
                for (CSVRecord rec : p) {
                    String a = cell(rec, cases[0]);
                    String b = cell(rec, cases[1]);
                    if (a == null || b == null || !(keep.test(a) || keep.test(b))) {
                        continue;
                    }
                    if (links.size() >= maxLinks) {
                        leftOut++;
                        continue;
                    }
                    links.add(new Link(a, b, cell(rec, ids), number(cell(rec, weight))));
                }
            }
        }
        Map<String, Member> members = null;
        Path membersFile = dir.resolve("ring_members.csv");
        if (Files.isRegularFile(membersFile)) {
            members = new HashMap<>();
            try (Reader r = Files.newBufferedReader(membersFile, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                List<String> names = p.getHeaderNames();
                int party = column(names, "party", 0);
                int role = column(names, "role", 3);
                int confidence = column(names, "confidence", 4);
                for (CSVRecord rec : p) {
                    String id = cell(rec, party);
                    if (id != null) {
                        members.put(id, new Member(cell(rec, role), number(cell(rec, confidence))));
                    }
                }
            }
        }
        return new LinkEvidence(links, leftOut, members);
    }

    /** Whether links.csv was there. */
    boolean hasLinks() {
        return links != null;
    }

    /** The identifiers of every kept link's cases (to mark which waybills have evidence). */
    Set<String> linkedCases() {
        Set<String> out = new java.util.HashSet<>();
        if (links != null) {
            for (Link l : links) {
                out.add(l.caseA());
                out.add(l.caseB());
            }
        }
        return out;
    }

    private static int[] caseColumns(List<String> names) {
        int first = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).startsWith("case")) {
                if (first < 0) {
                    first = i;
                } else {
                    return new int[] {first, i};
                }
            }
        }
        return new int[] {0, 1};
    }

    private static int column(List<String> names, String name, int fallback) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return fallback < names.size() ? fallback : -1;
    }

    private static String cell(CSVRecord rec, int column) {
        if (column < 0 || column >= rec.size()) {
            return null;
        }
        String v = rec.get(column);
        if (v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0) {
            v = v.substring(1); // a spreadsheet-safe cell, read back as written
        }
        return v.isEmpty() ? null : v;
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
