package org.parcelnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.parcelnet.graph.GraphSnapshot;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.EdgeListReader;
import org.parcelnet.io.NodeAttributes;
import org.parcelnet.io.ReadStats;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.ProgressListener;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Input options shared by graph commands: either an edge list ({@code --graph}) or shipments
 * ({@code --shipments}, projected to the party graph), plus reading options. Use as a picocli
 * {@code @Mixin}. Read counts go to stderr; in lenient mode rejected rows are written to
 * {@code rejects.csv} (in the output folder, or {@code --rejects FILE}; never into the current
 * folder unasked). {@link #validate} checks every option before anything is read.
 */
public final class GraphInput {

    static final class Source {
        @Option(names = "--graph", paramLabel = "FILE", description = "edge list: source,target[,weight] (.csv or .csv.gz), "
                + "or a graph snapshot written by 'convert edges' (recognised by its first bytes)")
        Path graph;

        @Option(names = "--shipments", paramLabel = "FILE", description = "shipments.csv(.gz); graph commands use its party graph")
        Path shipments;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    @Option(names = "--directed", description = "read the edge list as directed (default: undirected)")
    boolean directed;

    @Option(names = "--undirected", description = "read the edge list as undirected (the default)")
    boolean undirected;

    @Option(names = "--drop-self-loops", description = "discard self loops of the edge list (counted as rejected)")
    boolean dropSelfLoops;

    @Option(names = "--source-column", defaultValue = "source", paramLabel = "NAME", description = "edge list tail column (default: ${DEFAULT-VALUE})")
    String sourceColumn;

    @Option(names = "--target-column", defaultValue = "target", paramLabel = "NAME", description = "edge list head column (default: ${DEFAULT-VALUE})")
    String targetColumn;

    @Option(names = "--weight-column", defaultValue = "weight", paramLabel = "NAME", description = "edge list weight column, used when present (default: ${DEFAULT-VALUE})")
    String weightColumn;

    @Option(names = "--nodes", paramLabel = "FILE", description = "node attributes: node,label[,lat,lon,region,...]")
    Path nodes;

    @Option(names = "--map", paramLabel = "COLUMN=NAME", description = "read a shipment column from a differently named one, e.g. shipped_at=pickup_time")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "zone of times without an offset (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--party-key", defaultValue = "phone", paramLabel = "KEY", description = "what identifies a party: phone, phone+name or address (default: ${DEFAULT-VALUE})")
    String partyKey;

    @Option(names = "--volume", defaultValue = "shipments", paramLabel = "WHAT", description = "party-graph edge weight: shipments or pieces (default: ${DEFAULT-VALUE})")
    String volume;

    @Option(names = "--lenient", description = "reject bad rows (counted, written to rejects.csv) instead of stopping at the first")
    boolean lenient;

    @Option(names = "--rejects", paramLabel = "FILE", description = "where --lenient writes rejected rows (default: rejects.csv in the output folder; stats, which has none, needs it)")
    Path rejects;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, no read counts")
    boolean quiet;

    private ShipmentTable table;
    private PartyIndex parties;
    private NodeAttributes attributes;

    /** Whether shipments were given. */
    public boolean hasShipments() {
        return source.shipments != null;
    }

    /** Whether an edge list was given. */
    public boolean hasGraph() {
        return source.graph != null;
    }

    /** The input file given. */
    public Path file() {
        return hasShipments() ? source.shipments : source.graph;
    }

    /** The progress listener for these options. */
    public ProgressListener progress() {
        return ConsoleProgress.create(quiet);
    }

    /**
     * Checks every reading option without reading anything (commands call it before their inputs are
     * read, so that a bad option value never costs a read).
     *
     * @param outDir the command's output folder, or null when it has none ({@code stats}): then
     *               {@code --lenient} needs {@code --rejects FILE}, as rejects are never written to
     *               the current folder unasked
     */
    public void validate(Path outDir) {
        requireOne();
        shipmentZone();
        PartyKey.parse(partyKey);
        volume();
        if (directed && undirected) {
            throw new IllegalArgumentException("give at most one of --directed and --undirected");
        }
        if (lenient && outDir == null && rejects == null) {
            throw new IllegalArgumentException("--lenient needs --rejects FILE here (this command has no output folder)");
        }
        if (rejects != null && java.nio.file.Files.isDirectory(rejects)) {
            throw new IllegalArgumentException("--rejects " + rejects + " is a folder, not a file");
        }
        try {
            if (rejects != null && java.nio.file.Files.exists(rejects) && java.nio.file.Files.exists(file())
                    && java.nio.file.Files.isSameFile(rejects, file())) {
                throw new IllegalArgumentException("--rejects " + rejects + " is the input file; choose another name");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code names} plus {@code rejects.csv} when rejected rows may be written into the output folder. */
    public String[] outputs(String... names) {
        if (!lenient || rejects != null) {
            return names;
        }
        String[] all = java.util.Arrays.copyOf(names, names.length + 1);
        all[names.length] = "rejects.csv";
        return all;
    }

    private ZoneId shipmentZone() {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + zone + "'");
        }
    }

    private Projections.Volume volume() {
        return switch (volume.toLowerCase(java.util.Locale.ROOT)) {
            case "shipments" -> Projections.Volume.SHIPMENTS;
            case "pieces" -> Projections.Volume.PIECES;
            default -> throw new IllegalArgumentException("--volume must be shipments or pieces, got '" + volume + "'");
        };
    }

    private void requireOne() {
        if (!hasShipments() && !hasGraph()) {
            throw new IllegalArgumentException("give --graph FILE or --shipments FILE");
        }
    }

    /** Reading options for shipments. */
    public ShipmentReader.Options shipmentOptions() {
        return ShipmentReader.Options.defaults().withColumnMap(columnMap).withZone(shipmentZone()).withLenient(lenient)
                .withProgress(progress());
    }

    /**
     * Reads the shipments (once; later calls return the same table).
     *
     * @param outDir where rejects.csv goes by default (null: only to {@code --rejects FILE})
     */
    public ShipmentTable loadShipments(Path outDir) throws IOException {
        if (table == null) {
            if (!hasShipments()) {
                throw new IllegalArgumentException("this command needs --shipments FILE");
            }
            ShipmentReader.Result r = ShipmentReader.read(source.shipments, shipmentOptions());
            report(r.stats(), outDir);
            table = r.table();
        }
        return table;
    }

    /** The party index of the shipments under {@code --party-key}. */
    public PartyIndex parties(Path outDir) throws IOException {
        if (parties == null) {
            parties = Projections.parties(loadShipments(outDir), PartyKey.parse(partyKey));
        }
        return parties;
    }

    /**
     * The graph to analyse: the edge list, or the party graph of the shipments (directed, sender →
     * receiver).
     */
    public LabeledGraph loadGraph(Path outDir) throws IOException {
        requireOne();
        if (hasShipments()) {
            Projections.Volume v = volume();
            return Projections.partyGraph(loadShipments(outDir), parties(outDir), v);
        }
        if (directed && undirected) {
            throw new IllegalArgumentException("give at most one of --directed and --undirected");
        }
        if (GraphSnapshot.isSnapshot(source.graph)) {
            LabeledGraph g = GraphSnapshot.read(source.graph);
            boolean stored = g.graph().isDirected();
            if ((directed && !stored) || (undirected && stored)) {
                throw new IllegalArgumentException(source.graph + " is a " + (stored ? "directed" : "undirected")
                        + " graph snapshot; drop --" + (directed ? "directed" : "undirected")
                        + " or convert the edge list again with the direction wanted");
            }
            if (!quiet) {
                System.err.printf(java.util.Locale.ROOT, "%s: graph snapshot, %,d nodes, %,d edges%n", source.graph,
                        g.graph().nodeCount(), g.graph().edgeCount());
            }
            return g;
        }
        EdgeListReader.Options o = EdgeListReader.Options.defaults()
                .withColumns(sourceColumn, targetColumn, weightColumn)
                .withDirected(directed).withDropSelfLoops(dropSelfLoops).withLenient(lenient)
                .withProgress(progress());
        EdgeListReader.Result r = EdgeListReader.read(source.graph, o);
        report(r.stats(), outDir);
        return r.graph();
    }

    /** The node attributes of {@code --nodes}, or null. */
    public NodeAttributes nodeAttributes() throws IOException {
        if (nodes != null && attributes == null) {
            attributes = NodeAttributes.read(nodes);
        }
        return attributes;
    }

    /** A display label: the nodes file's label when given, else the id. */
    public String label(String id) throws IOException {
        NodeAttributes a = nodeAttributes();
        return a == null ? id : a.label(id);
    }

    private void report(ReadStats stats, Path outDir) throws IOException {
        PrintStream err = System.err;
        if (!quiet) {
            err.println(stats.summaryLine());
        }
        if (stats.rowsRejected() > 0) {
            Path target = rejects != null ? rejects : outDir != null ? outDir.resolve("rejects.csv") : null;
            if (target == null) {
                throw new IllegalArgumentException("--lenient needs --rejects FILE here (this command has no output folder)");
            }
            stats.writeRejects(target);
            if (!quiet) {
                err.println("rejected rows written to " + target);
            }
        }
    }
}
