package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graph.Components;
import org.parcelnet.graph.GraphSnapshot;
import org.parcelnet.io.EdgeListReader;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Json;
import org.parcelnet.io.OpenFlightsReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parcelnet convert}: real networks in other formats to edges.csv + nodes.csv. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a real network to edges.csv + nodes.csv, or an edge list to a graph snapshot.",
        subcommands = {ConvertCommand.OpenFlights.class, ConvertCommand.Edges.class})
public final class ConvertCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a format: openflights or edges");
    }

    /** An edge list to a binary graph snapshot that every graph command reads with {@code --graph}. */
    @Command(name = "edges", mixinStandardHelpOptions = true,
            description = {"Read an edge list once (same options and checks as --graph) and write a binary graph "
                    + "snapshot (.pnb): the CSR arrays and node ids, versioned and checksummed. Graph commands take the "
                    + "snapshot wherever they take --graph and load it without parsing; direction, column names, "
                    + "--drop-self-loops and --lenient apply here, when converting (format: docs/data-format.md)."})
    public static final class Edges implements Callable<Integer> {

        @Option(names = "--in", required = true, paramLabel = "FILE", description = "edge list: source,target[,weight] (.csv or .csv.gz)")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "snapshot to write, e.g. graph.pnb")
        Path out;

        @Option(names = "--directed", description = "read the edge list as directed (default: undirected)")
        boolean directed;

        @Option(names = "--drop-self-loops", description = "discard self loops (counted as rejected)")
        boolean dropSelfLoops;

        @Option(names = "--source-column", defaultValue = "source", paramLabel = "NAME", description = "tail column (default: ${DEFAULT-VALUE})")
        String sourceColumn;

        @Option(names = "--target-column", defaultValue = "target", paramLabel = "NAME", description = "head column (default: ${DEFAULT-VALUE})")
        String targetColumn;

        @Option(names = "--weight-column", defaultValue = "weight", paramLabel = "NAME", description = "weight column, used when present (default: ${DEFAULT-VALUE})")
        String weightColumn;

        @Option(names = "--lenient", description = "reject bad rows (counted, written to --rejects) instead of stopping at the first")
        boolean lenient;

        @Option(names = "--rejects", paramLabel = "FILE", description = "where --lenient writes rejected rows (default: rejects.csv beside --out)")
        Path rejects;

        @Option(names = {"-q", "--quiet"}, description = "print nothing on success")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            long t0 = System.nanoTime();
            if (GraphSnapshot.isSnapshot(in)) {
                throw new IllegalArgumentException(in + " is already a graph snapshot");
            }
            if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--out must differ from --in");
            }
            EdgeListReader.Options o = EdgeListReader.Options.defaults()
                    .withColumns(sourceColumn, targetColumn, weightColumn).withDirected(directed)
                    .withDropSelfLoops(dropSelfLoops).withLenient(lenient).withProgress(ConsoleProgress.create(quiet));
            EdgeListReader.Result r = EdgeListReader.read(in, o);
            if (r.stats().rowsRejected() > 0) {
                Path parent = out.toAbsolutePath().getParent();
                Path target = rejects != null ? rejects : parent.resolve("rejects.csv");
                r.stats().writeRejects(target);
                if (!quiet) {
                    System.err.println("rejected rows written to " + target);
                }
            }
            GraphSnapshot.write(r.graph(), out);
            if (!quiet) {
                System.err.println(r.stats().summaryLine());
                System.out.printf(java.util.Locale.ROOT, "%,d nodes, %,d %s edges; wrote %s (%,d bytes) in %.2f s%n",
                        r.graph().graph().nodeCount(), r.graph().graph().edgeCount(), directed ? "directed" : "undirected",
                        out, java.nio.file.Files.size(out), (System.nanoTime() - t0) / 1e9);
            }
            return Cli.OK;
        }
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
                System.out.printf(Locale.ROOT, "%,d airports, %,d directed airport pairs; largest weakly connected component %,d, "
                        + "strongly %,d; wrote %s%n", r.airports().size(), r.graph().graph().edgeCount(), weak.largest(),
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
