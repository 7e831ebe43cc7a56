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

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet paths}: distances from a source, or the k cheapest routes to a target. */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = {"Shortest paths. With --source only: distances.csv (node,distance; unreachable = Infinity). "
                + "With --target: paths.csv (rank,cost,hops,path) holding the --k cheapest loopless routes (Yen).",
                "Shipment graphs carry volumes as weights, so say what an arc costs with --cost: one (hops), "
                        + "weight (the weight is a length), inverse (1/weight) or km (needs --nodes with lat,lon)."})
public final class PathsCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--source", required = true, paramLabel = "NODE", description = "start node id")
    String source;

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
        Cost c = Cost.parse(cost);
        if (k < 1) {
            throw new IllegalArgumentException("--k must be >= 1, got " + k);
        }
        long started = System.nanoTime();
        LabeledGraph g = load();
        double[] arcCost = CommandSupport.arcCosts(g, c, input);
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
            AtomicFiles.writeText(out.resolve("distances.csv"), w -> {
                w.write("node,distance\n");
                for (int v = 0; v < dist.length; v++) {
                    w.write(Csv.quote(g.label(v)));
                    w.write(',');
                    w.write(CommandSupport.number(dist[v]));
                    w.write('\n');
                }
            });
            summary.put("output", "distances.csv");
            summary.put("reached", reached);
            System.err.println("distances from the source to " + (reached - 1) + " reachable nodes of "
                    + g.graph().nodeCount() + " written to " + out.resolve("distances.csv"));
        } else {
            CommandSupport.node(g, target, "--target");
            List<KShortestRoutes.Route> routes = KShortestRoutes.find(g, arcCost, source, target, k);
            AtomicFiles.writeText(out.resolve("paths.csv"), w -> {
                w.write("rank,cost,hops,path\n");
                for (KShortestRoutes.Route r : routes) {
                    w.write(r.rank() + "," + CommandSupport.number(r.cost()) + "," + r.hops() + "," + Csv.quote(r.describe()) + "\n");
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
