package org.parcelnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Components;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.Json;
import org.parcelnet.model.ShipmentTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parcelnet stats}: counts, validation summary and degree figures of a file. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Counts, validation summary, degree figures and components of a shipments file "
                + "(positional FILE or --shipments) or an edge list (--graph)."})
public final class StatsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "shipments.csv(.gz)")
    Path file;

    @Mixin
    GraphInput input;

    @Option(names = "--json", description = "print the figures as JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (file != null) {
            if (input.hasGraph() || input.hasShipments()) {
                throw new IllegalArgumentException("give FILE or --graph/--shipments, not both");
            }
            input.source.shipments = file;
        }
        if (!input.hasGraph() && !input.hasShipments()) {
            throw new IllegalArgumentException("give a shipments FILE, --shipments FILE or --graph FILE");
        }
        input.validate(null);
        Map<String, Object> out = Json.object();
        if (input.hasShipments()) {
            ShipmentTable t = input.loadShipments(null);
            out.put("file", input.file().toString());
            out.put("shipments", t.size());
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            int flagged = 0;
            for (int i = 0; i < t.size(); i++) {
                min = Math.min(min, t.shippedAt(i));
                max = Math.max(max, t.shippedAt(i));
                if (t.flagged(i)) {
                    flagged++;
                }
            }
            out.put("flagged", flagged);
            out.put("first_shipped_at", t.size() == 0 ? null : Instant.ofEpochSecond(min).toString());
            out.put("last_shipped_at", t.size() == 0 ? null : Instant.ofEpochSecond(max).toString());
            out.put("phones", t.phones().size());
            out.put("places", t.placeCount());
            out.put("carriers", t.carriers().size());
            LabeledGraph party = input.loadGraph(null);
            out.put("parties", party.graph().nodeCount());
            out.put("party_graph", graphFigures(party.graph()));
            out.put("location_graph", graphFigures(Projections.locationGraph(t).graph()));
            out.put("identifier_graph", graphFigures(Projections.identifierGraph(t).graph()));
        } else if (input.hasGraph()) {
            LabeledGraph g = input.loadGraph(null);
            out.put("file", input.file().toString());
            out.put("graph", graphFigures(g.graph()));
            NodeColumns nc = NodeColumns.of(input, g);
            if (nc.hasRegions()) {
                out.put("regions", regionFigures(nc, g.graph()));
            }
        } else {
            throw new IllegalArgumentException("give a shipments FILE, --shipments FILE or --graph FILE");
        }
        PrintStream o = System.out;
        if (json) {
            o.print(Json.write(out));
        } else {
            printText(o, out, "");
        }
        return Cli.OK;
    }

    static Map<String, Object> graphFigures(CompactGraph g) {
        Map<String, Object> m = Json.object();
        m.put("directed", g.isDirected());
        m.put("nodes", g.nodeCount());
        m.put("edges", g.edgeCount());
        m.put("total_weight", g.totalWeight());
        int n = g.nodeCount();
        if (n > 0) {
            int[] deg = new int[n];
            for (int v = 0; v < n; v++) {
                deg[v] = g.degree(v);
            }
            Arrays.sort(deg);
            m.put("degree_min", deg[0]);
            m.put("degree_median", n % 2 == 1 ? deg[n / 2] : (deg[n / 2 - 1] + deg[n / 2]) / 2.0);
            m.put("degree_max", deg[n - 1]);
            Components.Result wcc = Components.weak(g);
            m.put(g.isDirected() ? "weak_components" : "components", wcc.count());
            m.put(g.isDirected() ? "largest_weak_component" : "largest_component", wcc.largest());
            if (g.isDirected()) {
                Components.Result scc = Components.strong(g);
                m.put("strong_components", scc.count());
                m.put("largest_strong_component", scc.largest());
            }
        }
        return m;
    }

    /** Per region of {@code --nodes}: nodes, arcs inside the region, arcs leaving it, and its highest-degree node. */
    static Map<String, Object> regionFigures(NodeColumns nc, CompactGraph g) {
        Map<String, Map<String, Object>> groups = NodeColumns.groups();
        Map<String, long[]> acc = new java.util.TreeMap<>();
        Map<String, Integer> hub = new java.util.HashMap<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            String ru = nc.region(u);
            long[] a = acc.computeIfAbsent(ru, r -> new long[3]);
            a[0]++;
            for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                a[nc.region(g.target(i)).equals(ru) ? 1 : 2]++;
            }
            Integer h = hub.get(ru);
            if (h == null || g.degree(u) > g.degree(h)) {
                hub.put(ru, u);
            }
        }
        acc.forEach((region, a) -> {
            Map<String, Object> r = NodeColumns.group(groups, region);
            r.put("nodes", a[0]);
            r.put(g.isDirected() ? "arcs_inside" : "arc_ends_inside", a[1]);
            r.put(g.isDirected() ? "arcs_out" : "arc_ends_out", a[2]);
            int h = hub.get(region);
            r.put("highest_degree", nc.label(h) + " (" + g.degree(h) + ")");
        });
        Map<String, Object> m = Json.object();
        groups.forEach(m::put);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void printText(PrintStream o, Map<String, Object> m, String indent) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub) {
                o.println(indent + e.getKey().replace('_', ' ') + ":");
                printText(o, (Map<String, Object>) sub, indent + "  ");
            } else {
                Object v = e.getValue();
                String s = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) (double) d)
                        : String.valueOf(v);
                o.printf("%s%-26s %s%n", indent, e.getKey().replace('_', ' '), s);
            }
        }
    }
}
