package org.parcelnet.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;
import org.parcelnet.io.Json;
import org.parcelnet.io.NodeAttributes;
import org.parcelnet.paths.Cost;

/** Helpers shared by the paths, centrality and interdict commands (package-private). */
final class CommandSupport {

    private CommandSupport() {
    }

    /** One-line description of a cost, printed so users know what a distance means. */
    static String describe(Cost cost) {
        return switch (cost) {
            case ONE -> "one (every arc costs 1: hop count)";
            case WEIGHT -> "weight (the arc weight is its length)";
            case INVERSE -> "inverse (1 / weight: heavy-volume ties are short)";
            case KM -> "km (great-circle km between node coordinates)";
        };
    }

    /**
     * Arc costs for {@code cost}. km comes from {@code --nodes} coordinates, or for a location graph
     * ({@code placeLabels}: nodes named {@code province/city}) from the built-in geography.
     */
    static double[] arcCosts(LabeledGraph g, Cost cost, GraphInput input, boolean placeLabels) throws IOException {
        if (cost == Cost.KM) {
            NodeAttributes a = input.nodeAttributes();
            if (a != null) {
                return cost.arcCosts(g.graph(), a.arcKm(g));
            }
            if (!placeLabels) {
                throw new IllegalArgumentException("--cost km needs --nodes FILE with lat,lon columns");
            }
            return cost.arcCosts(g.graph(), placeKm(g));
        }
        return cost.arcCosts(g.graph());
    }

    /** Great-circle km of every arc between {@code province/city} nodes, from the built-in geography. */
    static double[] placeKm(LabeledGraph g) {
        var graph = g.graph();
        double[] km = new double[graph.arcCount()];
        for (int u = 0; u < graph.nodeCount(); u++) {
            String[] a = splitPlace(g.label(u));
            for (int i = graph.outStart(u); i < graph.outEnd(u); i++) {
                String[] b = splitPlace(g.label(graph.target(i)));
                double d = org.parcelnet.synth.Geography.distanceKm(a[0], a[1], b[0], b[1]);
                if (Double.isNaN(d)) {
                    throw new IllegalArgumentException("--cost km: place '" + (org.parcelnet.synth.Geography.coordinates(a[0], a[1]) == null
                            ? g.label(u) : g.label(graph.target(i))) + "' is not in the built-in geography; give --nodes FILE with lat,lon");
                }
                km[i] = d;
            }
        }
        return km;
    }

    private static String[] splitPlace(String label) {
        int slash = label.indexOf('/');
        return slash < 0 ? new String[] {label, ""} : new String[] {label.substring(0, slash), label.substring(slash + 1)};
    }

    /** Place facts from {@code --places FILE}, or the built-in geography. */
    static org.parcelnet.roles.PlaceFacts placeFacts(Path places) throws IOException {
        return places == null ? org.parcelnet.roles.GeographyPlaces.INSTANCE : org.parcelnet.roles.PlaceList.read(places);
    }

    /** A boolean mask over {@code n} nodes. */
    static boolean[] mask(int n, int[] nodes) {
        boolean[] m = new boolean[n];
        for (int v : nodes) {
            m[v] = true;
        }
        return m;
    }

    /**
     * Reads a list of node ids: one per line, or a CSV whose column {@code party} or {@code node} (else
     * the first) holds them; a leading apostrophe that ParcelNet's result tables add to formula-like
     * cells is removed ({@link Csv#uncell}). Unknown ids are an input error naming the line.
     */
    static int[] readNodes(Path file, LabeledGraph g, String what) throws IOException {
        List<Integer> nodes = new ArrayList<>();
        Csv.Opened opened = Csv.open(file);
        try (Reader r = opened.reader(); CSVParser p = CSVParser.builder().setReader(r).setFormat(Csv.FORMAT).get()) {
            int column = 0;
            boolean first = true;
            for (CSVRecord rec : p) {
                if (first) {
                    first = false;
                    int found = -1;
                    for (int i = 0; i < rec.size(); i++) {
                        String h = rec.get(i).trim().toLowerCase(java.util.Locale.ROOT);
                        if (h.equals("party") || h.equals("node")) {
                            found = i;
                        }
                    }
                    if (found >= 0) {
                        column = found;
                        continue;
                    }
                }
                if (rec.size() <= column) {
                    throw new InputException(file.toString(), rec.getRecordNumber(), column + 1, "missing " + what + " id", "");
                }
                // A ParcelNet result table (centrality.csv, communities.csv) read back: undo Csv.cell.
                String id = Csv.uncell(rec.get(column).trim());
                if (id.isEmpty()) {
                    continue;
                }
                int v = g.node(id);
                if (v < 0) {
                    throw new InputException(file.toString(), rec.getRecordNumber(), column + 1, "unknown " + what, "not in the graph");
                }
                nodes.add(v);
            }
        }
        int[] out = new int[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes.get(i);
        }
        return out;
    }

    /** A node int of an id given on the command line. */
    static int node(LabeledGraph g, String id, String option) {
        int v = g.node(id);
        if (v < 0) {
            throw new IllegalArgumentException(option + ": no such node in the graph");
        }
        return v;
    }

    /** Number formatting for CSV: Infinity stays "Infinity"; integers without ".0". */
    static String number(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static java.util.Map<String, Object> graphSummary(LabeledGraph g) {
        java.util.Map<String, Object> m = Json.object();
        m.put("directed", g.graph().isDirected());
        m.put("nodes", g.graph().nodeCount());
        m.put("edges", g.graph().edgeCount());
        return m;
    }
}
