package org.parcelnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.LabeledGraph;

/**
 * Node attributes from {@code nodes.csv}: {@code node,label[,lat,lon,region,...]}. Only {@code node}
 * is required; {@code label} names the node in outputs, {@code lat}/{@code lon} (decimal degrees)
 * give great-circle km costs, {@code region} groups nodes in summaries; any further columns are kept
 * as extra attributes.
 */
public final class NodeAttributes {

    /** Mean Earth radius in km (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private final Map<String, Integer> rowOf;
    private final List<String> nodes;
    private final List<String> labels;
    private final double[] lat;
    private final double[] lon;
    private final List<String> regions;
    private final List<String> extraColumns;
    private final List<String[]> extras;

    private NodeAttributes(Map<String, Integer> rowOf, List<String> nodes, List<String> labels, double[] lat,
                           double[] lon, List<String> regions, List<String> extraColumns, List<String[]> extras) {
        this.rowOf = rowOf;
        this.nodes = nodes;
        this.labels = labels;
        this.lat = lat;
        this.lon = lon;
        this.regions = regions;
        this.extraColumns = extraColumns;
        this.extras = extras;
    }

    /** Reads a nodes file. */
    public static NodeAttributes read(Path file) throws IOException {
        String name = file.toString();
        Csv.Opened opened = Csv.open(file);
        try (CSVParser parser = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            if (!it.hasNext()) {
                throw new InputException(name, "empty file: no header row");
            }
            CSVRecord header = it.next();
            Map<String, Integer> idx = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).trim();
                if (i == 0 && h.startsWith("\uFEFF")) {
                    h = h.substring(1);
                }
                if (idx.putIfAbsent(h, i) != null) {
                    throw new InputException(name, 1, i + 1, "duplicate column name '" + h + "'", null);
                }
            }
            Integer node = idx.get("node");
            if (node == null) {
                throw new InputException(name, 1, 0, "missing required column 'node'", null);
            }
            int label = idx.getOrDefault("label", -1);
            int la = idx.getOrDefault("lat", -1);
            int lo = idx.getOrDefault("lon", -1);
            int region = idx.getOrDefault("region", -1);
            List<String> extraCols = new ArrayList<>();
            List<Integer> extraIdx = new ArrayList<>();
            for (Map.Entry<String, Integer> e : idx.entrySet()) {
                if (!List.of("node", "label", "lat", "lon", "region").contains(e.getKey())) {
                    extraCols.add(e.getKey());
                    extraIdx.add(e.getValue());
                }
            }
            Map<String, Integer> rowOf = new HashMap<>();
            List<String> nodes = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<String> regions = new ArrayList<>();
            List<String[]> extras = new ArrayList<>();
            double[] lat = new double[16];
            double[] lon = new double[16];
            long last = parser.getCurrentLineNumber();
            while (it.hasNext()) {
                CSVRecord r = it.next();
                long line = Math.max(last + 1, parser.getCurrentLineNumber());
                last = parser.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new InputException(name, line, 0, "wrong column count: expected " + header.size() + ", got "
                            + r.size(), null);
                }
                String id = r.get(node).trim();
                if (id.isEmpty()) {
                    throw new InputException(name, line, node + 1, "empty node", null);
                }
                if (rowOf.containsKey(id)) {
                    throw new InputException(name, line, node + 1, "duplicate node (value not shown)", null);
                }
                int row = nodes.size();
                rowOf.put(id, row);
                nodes.add(id);
                labels.add(label >= 0 && !r.get(label).isBlank() ? r.get(label).trim() : id);
                regions.add(region >= 0 ? r.get(region).trim() : "");
                if (row == lat.length) {
                    lat = java.util.Arrays.copyOf(lat, row * 2);
                    lon = java.util.Arrays.copyOf(lon, row * 2);
                }
                lat[row] = coordinate(name, line, la, r, 90);
                lon[row] = coordinate(name, line, lo, r, 180);
                String[] ex = new String[extraIdx.size()];
                for (int k = 0; k < ex.length; k++) {
                    ex[k] = r.get(extraIdx.get(k));
                }
                extras.add(ex);
            }
            int n = nodes.size();
            return new NodeAttributes(rowOf, nodes, labels, java.util.Arrays.copyOf(lat, n),
                    java.util.Arrays.copyOf(lon, n), regions, List.copyOf(extraCols), extras);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static double coordinate(String file, long line, int col, CSVRecord r, double limit) {
        if (col < 0) {
            return Double.NaN;
        }
        String s = r.get(col).trim();
        if (s.isEmpty() || s.equals("\\N")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(Math.abs(v) <= limit)) {
                throw new InputException(file, line, col + 1, "coordinate out of range ±" + (int) limit, s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(file, line, col + 1, "coordinate is not a number", s);
        }
    }

    /** Number of described nodes. */
    public int size() {
        return nodes.size();
    }

    /** Whether {@code node} is described. */
    public boolean contains(String node) {
        return rowOf.containsKey(node);
    }

    /** The label of {@code node}, or the node id itself when it has none. */
    public String label(String node) {
        Integer r = rowOf.get(node);
        return r == null ? node : labels.get(r);
    }

    /** The region of {@code node}, or "" when unknown. */
    public String region(String node) {
        Integer r = rowOf.get(node);
        return r == null ? "" : regions.get(r);
    }

    /** Latitude, or NaN. */
    public double lat(String node) {
        Integer r = rowOf.get(node);
        return r == null ? Double.NaN : lat[r];
    }

    /** Longitude, or NaN. */
    public double lon(String node) {
        Integer r = rowOf.get(node);
        return r == null ? Double.NaN : lon[r];
    }

    /** Names of the extra columns. */
    public List<String> extraColumns() {
        return extraColumns;
    }

    /** An extra attribute of a node, or "" when absent. */
    public String extra(String node, String column) {
        Integer r = rowOf.get(node);
        int c = extraColumns.indexOf(column);
        return r == null || c < 0 ? "" : extras.get(r)[c];
    }

    /** The node ids in file order. */
    public List<String> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** Great-circle distance in km (haversine on a sphere of {@link #EARTH_RADIUS_KM}). */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /**
     * Great-circle km of every out-arc of {@code g}, indexed like {@code g.graph()} arcs.
     *
     * @throws IllegalArgumentException naming the first node without coordinates
     */
    public double[] arcKm(LabeledGraph g) {
        var graph = g.graph();
        double[] km = new double[graph.arcCount()];
        for (int u = 0; u < graph.nodeCount(); u++) {
            String a = g.label(u);
            double la1 = lat(a);
            double lo1 = lon(a);
            if (Double.isNaN(la1) || Double.isNaN(lo1)) {
                if (graph.outDegree(u) > 0) {
                    throw new IllegalArgumentException("--cost km: node '" + a + "' has no lat/lon in the nodes file");
                }
                continue;
            }
            for (int i = graph.outStart(u); i < graph.outEnd(u); i++) {
                String b = g.label(graph.target(i));
                double la2 = lat(b);
                double lo2 = lon(b);
                if (Double.isNaN(la2) || Double.isNaN(lo2)) {
                    throw new IllegalArgumentException("--cost km: node '" + b + "' has no lat/lon in the nodes file");
                }
                km[i] = haversineKm(la1, lo1, la2, lo2);
            }
        }
        return km;
    }
}
