package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;
import org.parcelnet.paths.Cost;
import org.parcelnet.paths.Dijkstra;
import org.parcelnet.paths.KShortestRoutes;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.roles.PlaceFacts;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet paths}: distances from a source, or the k cheapest routes to a target. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = {"Shortest paths. With --source only: distances.csv (node,distance; unreachable = Infinity). "
                + "With --target: paths.csv (rank,cost,hops,path) holding the --k cheapest loopless routes (Yen). "
                + "With --relay (shipments): time-respecting relay chains aggregated to relay_routes.csv "
                + "(rank,route,chains,pieces,parties).",
                "Shipment graphs carry volumes as weights, so say what an arc costs with --cost: one (hops), "
                        + "weight (the weight is a length), inverse (1/weight) or km (needs --nodes with lat,lon)."})
public final class PathsCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--source", paramLabel = "NODE", description = "start node id")
    String source;

    @Option(names = "--relay", description = "relay chains through shipments (needs --shipments)")
    boolean relay;

    @Option(names = "--window-days", defaultValue = "3", paramLabel = "D",
            description = "relay: longest gap between receiving and forwarding, days (default: ${DEFAULT-VALUE})")
    double windowDays;

    @Option(names = "--max-hops", defaultValue = "6", paramLabel = "H", description = "relay: longest chain in shipments (default: ${DEFAULT-VALUE})")
    int maxHops;

    @Option(names = "--level", defaultValue = "province", paramLabel = "L", description = "relay: route places, province or city (default: ${DEFAULT-VALUE})")
    String level;

    @Option(names = "--sources", paramLabel = "FILE", description = "relay: parties where chains start (default: senders from border entry places)")
    Path sourcesFile;

    @Option(names = "--sinks", paramLabel = "FILE", description = "relay: parties where chains end (default: wherever goods stop)")
    Path sinksFile;

    @Option(names = "--places", paramLabel = "FILE", description = "province,city,kind list of entry/border/transit places (default: built-in geography)")
    Path places;

    @Option(names = "--target", paramLabel = "NODE", description = "end node id: write routes instead of distances")
    String target;

    @Option(names = "--k", defaultValue = "1", paramLabel = "K", description = "routes to list with --target (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--cost", defaultValue = "one", paramLabel = "COST", description = "one, weight, inverse or km (default: ${DEFAULT-VALUE})")
    String cost;

    @Option(names = "--network", defaultValue = "party", paramLabel = "WHICH",
            description = "with --shipments: party (sender→receiver) or location (city→city, nodes 'province/city') (default: ${DEFAULT-VALUE})")
    String network;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (relay) {
            return relay();
        }
        if (source == null) {
            throw new IllegalArgumentException("give --source NODE (or --relay)");
        }
        Cost c = Cost.parse(cost);
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, got " + k);
        }
        String net = network.toLowerCase(java.util.Locale.ROOT);
        if (!net.equals("party") && !net.equals("location")) {
            throw new IllegalArgumentException("--network must be party or location, got '" + network + "'");
        }
        if (isLocation() && !input.hasShipments()) {
            throw new IllegalArgumentException("--network location needs --shipments FILE");
        }
        if (c == Cost.KM && !isLocation() && input.nodes == null) {
            throw new IllegalArgumentException("--cost km needs --nodes FILE with lat,lon columns");
        }
        input.validate(out);
        ReportFolder.claim(out, input.outputs(target == null ? "distances.csv" : "paths.csv", "summary.json"));
        long started = System.nanoTime();
        LabeledGraph g = load();
        double[] arcCost = CommandSupport.arcCosts(g, c, input, isLocation());
        int s = CommandSupport.node(g, source, "--source");
        System.err.println("cost: " + CommandSupport.describe(c));
        Map<String, Object> summary = Json.object();
        summary.put("command", "paths");
        summary.put("input", input.file().toString());
        summary.put("graph", CommandSupport.graphSummary(g));
        summary.put("cost", c.label());
        if (target == null) {
            double[] dist = new Dijkstra(g.graph(), arcCost).distances(s);
            int reached = 0;
            for (double d : dist) {
                reached += d != Double.POSITIVE_INFINITY ? 1 : 0;
            }
            NodeColumns nc = NodeColumns.of(input, g);
            AtomicFiles.writeText(out.resolve("distances.csv"), w -> {
                w.write("node,distance" + nc.header() + "\n");
                for (int v = 0; v < dist.length; v++) {
                    w.write(Csv.cell(g.label(v)));
                    w.write(',');
                    w.write(CommandSupport.number(dist[v]));
                    w.write(nc.cells(v));
                    w.write('\n');
                }
            });
            summary.put("output", "distances.csv");
            summary.put("reached", reached);
            if (nc.hasRegions()) {
                summary.put("by_region", reachedByRegion(nc, dist));
            }
            System.err.println("distances from the source to " + (reached - 1) + " reachable nodes of "
                    + g.graph().nodeCount() + " written to " + out.resolve("distances.csv"));
        } else {
            CommandSupport.node(g, target, "--target");
            List<KShortestRoutes.Route> routes = KShortestRoutes.find(g, arcCost, source, target, k);
            NodeColumns nc = NodeColumns.of(input, g);
            AtomicFiles.writeText(out.resolve("paths.csv"), w -> {
                w.write("rank,cost,hops,path" + (nc.present() ? ",labels,regions" : "") + "\n");
                for (KShortestRoutes.Route r : routes) {
                    w.write(r.rank() + "," + CommandSupport.number(r.cost()) + "," + r.hops() + "," + Csv.cell(r.describe()));
                    if (nc.present()) {
                        w.write("," + Csv.cell(alongRoute(nc, g, r.labels(), true)) + ","
                                + Csv.cell(alongRoute(nc, g, r.labels(), false)));
                    }
                    w.write("\n");
                }
            });
            summary.put("output", "paths.csv");
            summary.put("k", k);
            summary.put("routes", routes.size());
            System.err.println(routes.size() + " route(s) written to " + out.resolve("paths.csv"));
        }
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        return Cli.OK;
    }

    /** Per region of {@code --nodes}: nodes, nodes reached and the mean finite distance to them. */
    private static Map<String, Map<String, Object>> reachedByRegion(NodeColumns nc, double[] dist) {
        Map<String, Map<String, Object>> groups = NodeColumns.groups();
        Map<String, double[]> acc = new java.util.TreeMap<>();
        for (int v = 0; v < dist.length; v++) {
            double[] a = acc.computeIfAbsent(nc.region(v), r -> new double[3]);
            a[0]++;
            if (dist[v] != Double.POSITIVE_INFINITY) {
                a[1]++;
                a[2] += dist[v];
            }
        }
        acc.forEach((region, a) -> {
            Map<String, Object> r = NodeColumns.group(groups, region);
            r.put("nodes", (int) a[0]);
            r.put("reached", (int) a[1]);
            r.put("mean_distance", a[1] == 0 ? null : a[2] / a[1]);
        });
        return groups;
    }

    /** The labels (or regions) of the nodes of a route, joined by " > " like its path. */
    private static String alongRoute(NodeColumns nc, LabeledGraph g, List<String> route, boolean labels) {
        StringBuilder sb = new StringBuilder();
        for (String id : route) {
            int v = g.node(id);
            if (sb.length() > 0) {
                sb.append(" > ");
            }
            sb.append(v < 0 ? id : labels ? nc.label(v) : nc.region(v));
        }
        return sb.toString();
    }

    private boolean isLocation() {
        return network.equalsIgnoreCase("location");
    }

    private Integer relay() throws Exception {
        if (!input.hasShipments()) {
            throw new IllegalArgumentException("--relay needs --shipments FILE");
        }
        if (!(windowDays > 0)) {
            throw new IllegalArgumentException("--window-days must be > 0, got " + windowDays);
        }
        RelayChains.Options o = new RelayChains.Options(Math.round(windowDays * RelayChains.DAY), maxHops, 8,
                RelayChains.Level.parse(level));
        input.validate(out);
        ReportFolder.claim(out, input.outputs("relay_routes.csv", "summary.json"));
        long started = System.nanoTime();
        ShipmentTable t = input.loadShipments(out);
        PartyIndex parties = input.parties(out);
        LabeledGraph g = input.loadGraph(out);
        boolean[] sources;
        if (sourcesFile != null) {
            sources = CommandSupport.mask(g.graph().nodeCount(), CommandSupport.readNodes(sourcesFile, g, "source"));
        } else {
            PlaceFacts facts = CommandSupport.placeFacts(places);
            sources = RelayChains.sendersFrom(t, parties, pl -> facts.isBorderEntry(pl.province(), pl.city()));
        }
        boolean[] sinks = sinksFile == null ? null
                : CommandSupport.mask(g.graph().nodeCount(), CommandSupport.readNodes(sinksFile, g, "sink"));
        int sourceCount = 0;
        for (boolean b : sources) {
            sourceCount += b ? 1 : 0;
        }
        RelayChains.Result r = RelayChains.find(t, parties, sources, sinks, o);
        List<RelayChains.Route> routes = r.routes();
        AtomicFiles.writeText(out.resolve("relay_routes.csv"), w -> {
            w.write("rank,route,chains,pieces,parties\n");
            int rank = 1;
            for (RelayChains.Route route : routes) {
                w.write(rank++ + "," + Csv.cell(route.describe()) + "," + route.chains() + "," + route.pieces() + ","
                        + route.parties() + "\n");
            }
        });
        Map<String, Object> summary = Json.object();
        summary.put("command", "paths --relay");
        summary.put("input", input.file().toString());
        summary.put("shipments", t.size());
        summary.put("window_seconds", o.windowSeconds());
        summary.put("max_hops", o.maxHops());
        summary.put("level", o.level().name().toLowerCase(java.util.Locale.ROOT));
        summary.put("sources", sourceCount);
        summary.put("sinks", sinks == null ? "where goods stop" : "given");
        summary.put("chains", r.chainCount());
        summary.put("routes", routes.size());
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.println(r.chainCount() + " relay chains from " + sourceCount + " source parties, " + routes.size()
                + " routes written to " + out.resolve("relay_routes.csv"));
        return Cli.OK;
    }

    private LabeledGraph load() throws Exception {
        switch (network.toLowerCase(java.util.Locale.ROOT)) {
            case "party":
                return input.loadGraph(out);
            case "location":
                if (!input.hasShipments()) {
                    throw new IllegalArgumentException("--network location needs --shipments FILE");
                }
                return Projections.locationGraph(input.loadShipments(out));
            default:
                throw new IllegalArgumentException("--network must be party or location, got '" + network + "'");
        }
    }
}
