package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graph.Components;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Json;
import org.parcelnet.io.OpenFlightsReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parcelnet convert}: real networks in other formats to edges.csv + nodes.csv. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a real network to edges.csv + nodes.csv.",
        subcommands = {ConvertCommand.OpenFlights.class})
public final class ConvertCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a format: openflights");
    }

    /** OpenFlights airports.dat + routes.dat (ODbL, "OpenFlights.org"). */
    @Command(name = "openflights", mixinStandardHelpOptions = true,
            description = {"OpenFlights airports.dat + routes.dat (ODbL 1.0, attribution \"OpenFlights.org\") to a "
                    + "directed airport graph: edges.csv (source,target,weight = distinct airline routes,km) and "
                    + "nodes.csv (node,label,lat,lon,region,...); regions.csv (node,community = region, airports "
                    + "with routes only: a --truth file or --sources/--sinks lists); rejected routes by reason in "
                    + "summary.json and rejects.csv."})
    public static final class OpenFlights implements Callable<Integer> {

        @Option(names = "--in", required = true, paramLabel = "DIR", description = "folder with airports.dat and routes.dat")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
        Path out;

        @Option(names = {"-q", "--quiet"}, description = "print nothing on success")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            ReportFolder.claim(out, "edges.csv", "nodes.csv", "rejects.csv", "regions.csv", "summary.json");
            long t0 = System.nanoTime();
            OpenFlightsReader.Result r = OpenFlightsReader.read(in);
            OpenFlightsReader.writeEdgesAndNodes(r, out);
            r.routeStats().writeRejects(out.resolve("rejects.csv"));
            int regions = writeRegions(r, out.resolve("regions.csv"));
            Map<String, Object> s = Json.object();
            s.put("command", "convert openflights");
            s.put("source", "OpenFlights.org (ODbL 1.0)");
            s.put("airports", r.airports().size());
            s.put("arcs", r.graph().graph().edgeCount());
            s.put("routes_in", r.routeStats().rowsIn());
            s.put("routes_used", r.routeStats().rowsRead());
            s.put("routes_rejected", r.routeStats().rowsRejected());
            s.put("rejected_by_reason", r.routeStats().rejectsByReason());
            s.put("airports_with_routes_and_region", regions);
            Components.Result weak = Components.weak(r.graph().graph());
            Components.Result strong = Components.strong(r.graph().graph());
            s.put("largest_weak_component", weak.largest());
            s.put("largest_strong_component", strong.largest());
            s.put("seconds", (System.nanoTime() - t0) / 1e9);
            AtomicFiles.writeString(out.resolve("summary.json"), Json.write(s));
            if (!quiet) {
                System.out.println(r.routeStats().summaryLine());
                System.out.printf("%d airports, %d directed airport pairs; largest weakly connected component %d, "
                        + "strongly %d; wrote %s%n", r.airports().size(), r.graph().graph().edgeCount(), weak.largest(),
                        strong.largest(), out);
            }
            return Cli.OK;
        }

        /**
         * regions.csv: node,community with community = region, for airports with at least one route and a
         * region (so every row names a node of edges.csv). Returns the row count.
         */
        static int writeRegions(OpenFlightsReader.Result r, Path file) throws java.io.IOException {
            var g = r.graph().graph();
            int[] rows = {0};
            AtomicFiles.writeText(file, w -> {
                w.write("node,community\n");
                for (int v = 0; v < g.nodeCount(); v++) {
                    OpenFlightsReader.Airport a = r.airports().get(v);
                    if (g.outDegree(v) + g.inDegree(v) > 0 && !a.region().isEmpty()) {
                        w.write(org.parcelnet.io.Csv.cell(a.node()) + "," + org.parcelnet.io.Csv.cell(a.region()) + "\n");
                        rows[0]++;
                    }
                }
            });
            return rows[0];
        }
    }
}
