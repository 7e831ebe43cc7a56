package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parcelnet.cli.report.Charts;
import org.parcelnet.cli.report.HtmlReport;
import org.parcelnet.cli.report.WorldMap;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.NodeAttributes;

/**
 * The report of {@code parcelnet interdict --report}: one self-contained page with the picks of every
 * method on a world map (when {@code --nodes} gives lat/lon), their removal curves and a table of
 * the picks. The chokepoints are the union of every method's picks, each drawn once; its colour
 * says whether betweenness, a removal method, or both chose it. Package-private.
 */
final class InterdictReport {

    /** Methods in the order the page lists them, with their display names. */
    private static final String[][] METHODS = {
        {"min_cut", "minimum vertex cut"},
        {"greedy", "greedy key players"},
        {"cnp", "critical node search"},
        {"betweenness", "top by betweenness"},
    };

    /** The map draws at most this many links (about 2.4 MB). */
    static final int MAX_LINKS = 100_000;

    private InterdictReport() {
    }

    /** One pick of one method, as in interdiction.csv. */
    record Pick(int node, String method, int rank, long after) {
    }

    /**
     * Writes the page.
     *
     * @param initial     the reachability before any removal
     * @param betweenness betweenness per node (as used by the comparison)
     * @param attributes  {@code --nodes}, or null
     * @param terminals   whether reachability counts sinks reached (else connected pairs)
     */
    static void write(Path file, String inputLabel, LabeledGraph g, NodeAttributes attributes, List<Pick> picks,
                      long initial, double[] betweenness, boolean terminals, int budget, long seed) throws IOException {
        CompactGraph cg = g.graph();
        int n = cg.nodeCount();
        String measure = terminals ? "sinks reached from the sources" : "node pairs still connected";
        HtmlReport r = new HtmlReport("Chokepoints: " + inputLabel);
        r.subtitle(String.format(Locale.ROOT, "%s · %,d nodes, %,d %s · budget %d", inputLabel, n, cg.edgeCount(),
                cg.isDirected() ? "arcs" : "edges", budget));

        Map<String, long[]> curves = new LinkedHashMap<>();
        for (String[] m : METHODS) {
            long[] after = picks.stream().filter(p -> p.method().equals(m[0])).mapToLong(Pick::after).toArray();
            if (after.length > 0) {
                curves.put(m[0], after);
            }
        }
        r.section("Overview");
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("nodes", n);
        tiles.put(cg.isDirected() ? "arcs" : "edges", cg.edgeCount());
        tiles.put(measure + ", before", initial);
        for (String[] m : METHODS) {
            long[] after = curves.get(m[0]);
            if (after != null) {
                tiles.put("after " + m[1] + " (" + after.length + ")", after[after.length - 1]);
            }
        }
        r.stats(tiles);
        r.paragraph(terminals
                ? "Which few nodes to remove so that the sources reach as few sinks as possible (sources and sinks "
                        + "are never removed). Each method picks up to " + budget + " nodes."
                : "Which few nodes to remove so that as few node pairs as possible stay connected (direction ignored). "
                        + "Each method picks up to " + budget + " nodes.");

        // The chokepoints: every picked node once, in order of first appearance by method.
        Map<Integer, List<String>> why = new LinkedHashMap<>();
        for (String[] m : METHODS) {
            for (Pick p : picks) {
                if (p.method().equals(m[0])) {
                    why.computeIfAbsent(p.node(), k -> new ArrayList<>()).add(m[1] + " #" + p.rank());
                }
            }
        }
        boolean hasCoordinates = false;
        double[] lat = new double[n];
        double[] lon = new double[n];
        Arrays.fill(lat, Double.NaN);
        Arrays.fill(lon, Double.NaN);
        int placed = 0;
        if (attributes != null) {
            for (int v = 0; v < n; v++) {
                lat[v] = attributes.lat(g.label(v));
                lon[v] = attributes.lon(g.label(v));
                if (Double.isFinite(lat[v]) && Double.isFinite(lon[v])) {
                    placed++;
                }
            }
            hasCoordinates = placed > 0;
        }
        if (hasCoordinates) {
            int[] all = undirectedPairs(cg);
            int placedPairs = 0;
            for (int i = 0; i < all.length; i += 2) {
                if (Double.isFinite(lat[all[i]]) && Double.isFinite(lat[all[i + 1]])
                        && Double.isFinite(lon[all[i]]) && Double.isFinite(lon[all[i + 1]])) {
                    placedPairs++;
                }
            }
            int[] links = strongestPairs(cg, all, lat, lon, MAX_LINKS);
            int drawn = links.length / 2;
            String linkNote = drawn < placedPairs
                    ? String.format(Locale.ROOT, "the %,d node pairs joined by a link between the best-connected nodes (of %,d)",
                            drawn, placedPairs)
                    : String.format(Locale.ROOT, "the %,d node pairs joined by a link between them", drawn);
            double[] dotLat = lat;
            double[] dotLon = lon;
            if (drawn < placedPairs) {
                // A capped map draws the dots of the nodes of its links only.
                dotLat = new double[n];
                dotLon = new double[n];
                Arrays.fill(dotLat, Double.NaN);
                Arrays.fill(dotLon, Double.NaN);
                for (int v : links) {
                    dotLat[v] = lat[v];
                    dotLon[v] = lon[v];
                }
            }
            int dots = 0;
            for (int v = 0; v < n; v++) {
                if (Double.isFinite(dotLat[v]) && Double.isFinite(dotLon[v])) {
                    dots++;
                }
            }
            List<WorldMap.Marker> markers = new ArrayList<>();
            int unplaced = 0;
            // Drawn in reverse, so the first picks end up on top.
            List<Map.Entry<Integer, List<String>>> entries = new ArrayList<>(why.entrySet());
            for (int i = entries.size() - 1; i >= 0; i--) {
                int v = entries.get(i).getKey();
                if (!(Double.isFinite(lat[v]) && Double.isFinite(lon[v]))) {
                    unplaced++;
                    continue;
                }
                List<String> reasons = entries.get(i).getValue();
                boolean central = reasons.stream().anyMatch(s -> s.startsWith("top by betweenness"));
                boolean removal = reasons.stream().anyMatch(s -> !s.startsWith("top by betweenness"));
                WorldMap.Why w = central && removal ? WorldMap.Why.BOTH : central ? WorldMap.Why.CENTRAL : WorldMap.Why.KEY_PLAYER;
                markers.add(new WorldMap.Marker(g.label(v), describe(g, attributes, v) + ": " + String.join(", ", reasons),
                        lat[v], lon[v], w));
            }
            String summary = String.format(Locale.ROOT,
                    "World map of %,d nodes with coordinates (of %,d) and %s, "
                            + "with %d chokepoints highlighted: the nodes picked by any method%s.",
                    dots, n, linkNote, markers.size(),
                    unplaced == 0 ? "" : String.format(Locale.ROOT, " (%d more have no coordinates)", unplaced));
            r.section("Chokepoints on the map");
            r.figure(null, WorldMap.draw("Chokepoints", summary, dotLat, dotLon, links, markers),
                    "Blue: among the top " + budget + " by betweenness only; orange: picked by a removal method only; "
                            + "pink: both. Dots are nodes, grey lines links (straight in the projection). Hover a "
                            + "marker for its name and ranks.", summary, true);
        }

        r.section("Removal curves");
        List<String> names = new ArrayList<>();
        List<long[]> values = new ArrayList<>();
        StringBuilder alt = new StringBuilder("The " + measure + " after each removal, per method, from "
                + String.format(Locale.ROOT, "%,d", initial) + " before: ");
        for (String[] m : METHODS) {
            long[] after = curves.get(m[0]);
            if (after != null) {
                names.add(m[1]);
                values.add(after);
                alt.append(String.format(Locale.ROOT, "%s %,d after %d; ", m[1], after[after.length - 1], after.length));
            }
        }
        r.figure(null, Charts.removalCurves("After each removal", measure, names, values, initial),
                "The numbers are in interdiction.csv (reachability_after).", alt.substring(0, alt.length() - 2) + ".", false);

        r.section("Picks");
        List<List<Object>> rows = new ArrayList<>();
        boolean hasRegion = attributes != null;
        for (String[] m : METHODS) {
            for (Pick p : picks) {
                if (p.method().equals(m[0])) {
                    List<Object> row = new ArrayList<>(List.of(m[1], p.rank(), g.label(p.node())));
                    if (hasRegion) {
                        row.add(attributes.label(g.label(p.node())));
                        row.add(attributes.region(g.label(p.node())));
                    }
                    row.add(cg.degree(p.node()));
                    row.add(betweenness[p.node()]);
                    row.add(p.after());
                    rows.add(row);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("method", "rank", "node"));
        if (hasRegion) {
            header.addAll(List.of("label", "region"));
        }
        header.addAll(List.of("degree", "betweenness", measure + " after"));
        r.table("Every method's picks, in order", header, rows);
        r.footer("Made by ParcelNet " + AnalyzeReport.versionText() + ". Seed " + seed
                + "; the same input, parameters and seed give the same report.");
        r.write(file);
    }

    /** "ID · label (region)" from --nodes, or the id. */
    private static String describe(LabeledGraph g, NodeAttributes a, int v) {
        String id = g.label(v);
        if (a == null) {
            return id;
        }
        String label = a.label(id);
        String region = a.region(id);
        return id + (label.equals(id) ? "" : " \u00b7 " + label) + (region.isEmpty() ? "" : " (" + region + ")");
    }

    /**
     * The placed pairs (both ends with coordinates) to draw: all of them up to {@code max}, else the
     * {@code max} whose less connected end has the highest degree (ties by pair order), so a large
     * network's map stays a few megabytes (about 24 bytes a line).
     */
    static int[] strongestPairs(CompactGraph g, int[] pairs, double[] lat, double[] lon, int max) {
        int k = pairs.length / 2;
        int[] placed = new int[k];
        int p = 0;
        for (int i = 0; i < k; i++) {
            int u = pairs[2 * i];
            int v = pairs[2 * i + 1];
            if (Double.isFinite(lat[u]) && Double.isFinite(lon[u]) && Double.isFinite(lat[v]) && Double.isFinite(lon[v])) {
                placed[p++] = i;
            }
        }
        int[] keep;
        if (p <= max) {
            keep = Arrays.copyOf(placed, p);
        } else {
            long[] key = new long[p];
            for (int j = 0; j < p; j++) {
                int i = placed[j];
                long weakest = Math.min(g.degree(pairs[2 * i]), g.degree(pairs[2 * i + 1]));
                key[j] = ((Long.MAX_VALUE >> 32) - weakest) << 32 | i; // descending degree, then pair order
            }
            Arrays.sort(key);
            keep = new int[max];
            for (int j = 0; j < max; j++) {
                keep[j] = (int) (key[j] & 0xFFFFFFFFL);
            }
            Arrays.sort(keep);
        }
        int[] out = new int[2 * keep.length];
        for (int j = 0; j < keep.length; j++) {
            out[2 * j] = pairs[2 * keep[j]];
            out[2 * j + 1] = pairs[2 * keep[j] + 1];
        }
        return out;
    }

    /** Each pair of nodes joined by an arc in either direction, once, as (smaller, larger); self loops left out. */
    static int[] undirectedPairs(CompactGraph g) {
        int n = g.nodeCount();
        long[] keys = new long[g.arcCount()];
        int k = 0;
        for (int u = 0; u < n; u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                int v = g.target(a);
                if (u != v) {
                    keys[k++] = (long) Math.min(u, v) * n + Math.max(u, v);
                }
            }
        }
        Arrays.sort(keys, 0, k);
        int[] pairs = new int[2 * k];
        int p = 0;
        for (int i = 0; i < k; i++) {
            if (i > 0 && keys[i] == keys[i - 1]) {
                continue;
            }
            pairs[p++] = (int) (keys[i] / n);
            pairs[p++] = (int) (keys[i] % n);
        }
        return Arrays.copyOf(pairs, p);
    }
}
