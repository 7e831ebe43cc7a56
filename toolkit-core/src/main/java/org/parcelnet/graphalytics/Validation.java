package org.parcelnet.graphalytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.parcelnet.io.InputException;

/**
 * Checks a kernel's output against a reference output file ({@code vertex value} per line) with the
 * rules of the LDBC Graphalytics specification: both must list exactly the same vertices; BFS and
 * CDLP values must be equal; WCC labels must be equivalent (the same partition under some renaming);
 * PR, LCC and SSSP values must agree within a relative error of 1e-4 ({@code |a − e| ≤ 1e-4·|e|}, so
 * an expected 0 must be exactly 0, and {@code infinity} must match {@code infinity}).
 */
public final class Validation {

    /** Comparison rule. */
    public enum Rule { EXACT, EQUIVALENCE, EPSILON }

    /** Relative tolerance of the epsilon rule. */
    public static final double EPSILON = 1e-4;

    /**
     * Outcome.
     *
     * @param valid        whether the output matches
     * @param vertices     vertices in the reference
     * @param mismatches   vertices whose value does not match (or that are missing / extra)
     * @param firstProblem the first problem found, or an empty string
     */
    public record Result(boolean valid, long vertices, long mismatches, String firstProblem) {
    }

    private Validation() {
    }

    /** Compares {@code out} on {@code data} with the reference file {@code expected}. */
    public static Result check(Dataset data, Graphalytics.Output out, Path expected) throws IOException {
        int n = data.graph().nodeCount();
        boolean[] seen = new boolean[n];
        long vertices = 0;
        long bad = 0;
        String first = "";
        Map<Long, Long> fwd = new HashMap<>();
        Map<Long, Long> back = new HashMap<>();
        Rule rule = out.algorithm().rule();
        String file = expected.toString();
        try (BufferedReader r = Files.newBufferedReader(expected, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\s+");
                if (f.length != 2) {
                    throw new InputException(file, lineNo, 1, "expected 'vertex value'", t);
                }
                long id;
                try {
                    id = Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    throw new InputException(file, lineNo, 1, "not a vertex id", f[0]);
                }
                vertices++;
                int v = data.node(id);
                String problem = null;
                if (v < 0) {
                    problem = "vertex " + id + " is not in the graph";
                } else if (seen[v]) {
                    throw new InputException(file, lineNo, 1, "vertex listed twice", f[0]);
                } else {
                    seen[v] = true;
                    problem = compare(rule, out, v, f[1], file, lineNo, fwd, back);
                    if (problem != null) {
                        problem = "vertex " + id + ": " + problem;
                    }
                }
                if (problem != null) {
                    bad++;
                    if (first.isEmpty()) {
                        first = problem;
                    }
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (!seen[v]) {
                bad++;
                if (first.isEmpty()) {
                    first = "vertex " + data.id(v) + " is missing from the reference";
                }
            }
        }
        return new Result(bad == 0, vertices, bad, first);
    }

    private static String compare(Rule rule, Graphalytics.Output out, int v, String value, String file, long line,
                                  Map<Long, Long> fwd, Map<Long, Long> back) {
        switch (rule) {
            case EXACT, EQUIVALENCE -> {
                long e;
                try {
                    e = Long.parseLong(value);
                } catch (NumberFormatException ex) {
                    throw new InputException(file, line, 2, "not an integer", value);
                }
                long a = out.longs()[v];
                if (rule == Rule.EXACT) {
                    return a == e ? null : "expected " + e + ", got " + a;
                }
                Long mapped = fwd.putIfAbsent(a, e);
                Long mappedBack = back.putIfAbsent(e, a);
                if ((mapped != null && mapped != e) || (mappedBack != null && mappedBack != a)) {
                    return "label " + a + " does not correspond to reference label " + e;
                }
                return null;
            }
            default -> {
                double e = parseReal(value, file, line);
                double a = out.doubles()[v];
                if (a == e) {
                    return null;
                }
                if (Double.isInfinite(e) || Double.isNaN(a) || Math.abs(a - e) > EPSILON * Math.abs(e)) {
                    return "expected " + value + ", got " + a;
                }
                return null;
            }
        }
    }

    private static double parseReal(String s, String file, long line) {
        if (s.equalsIgnoreCase("infinity") || s.equalsIgnoreCase("+infinity") || s.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, 2, "not a number", s);
        }
    }
}
