package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.linking.CaseNetworks;

/**
 * The scale-out pipeline on Apache Spark: read and validate ({@link ShipmentIngest}, core's reader
 * per file, pseudonymised with core's keys when asked), the party graph (sender → receiver,
 * shipments per pair), communities ({@link CommunityJob}, courier stations by {@link CourierStationJob}
 * losing their edges) and case networks ({@link CaseLinkJob}),
 * written in core's CSV formats to an output folder that appears only when the whole job succeeded
 * ({@link OutputFolder}).
 *
 * <p>Outputs: {@code party_graph.csv} ({@code source,target,weight}), {@code communities.csv}
 * ({@code node,community}, 0 = largest), {@code networks.csv} ({@code shipment_id,network}, input
 * order), {@code rejects.csv} ({@code file,line,column,reason,value}: core's reject columns behind
 * the file's name), {@code summary.json} and the manifest.
 */
public final class SparkEngine implements AnalysisEngine {

    /** The output files, in the order they are written. */
    public static final List<String> OUTPUTS = List.of("rejects.csv", "party_graph.csv", "communities.csv",
            "routes.csv", "networks.csv", "leads.csv", "leads", "summary.json");

    /** The output files of {@code link} ({@link ScaleOutRequest#linkOnly()}), in the order they are written. */
    public static final List<String> LINK_OUTPUTS = List.of("rejects.csv", "party_graph.csv", "communities.csv",
            "networks.csv", "summary.json");

    /** With {@link ScaleOutRequest#parquet()}: the tables again as Parquet folders, written after the CSV files. */
    public static final List<String> PARQUET_OUTPUTS = List.of("party_graph.parquet", "communities.parquet",
            "routes.parquet", "networks.parquet");

    private final SparkSession spark;

    /** An engine running on {@code spark}. */
    public SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ScaleOutSummary analyze(ScaleOutRequest request) throws IOException {
        Map<String, Double> stages = new LinkedHashMap<>();
        List<String> files = ShipmentIngest.listInputs(spark, request.input());
        List<String> names = new ArrayList<>();
        for (String f : files) {
            names.add(files.size() == 1 ? request.input() : displayName(f));
        }
        try (OutputFolder out = OutputFolder.open(spark.sparkContext().hadoopConfiguration(), request.out())) {
            long t = System.nanoTime();
            Path rejectsDir = new Path(out.staging(), "_rejects");
            ShipmentIngest.Settings settings = new ShipmentIngest.Settings(request.lenient(), request.zone(),
                    new java.util.HashMap<>(request.columnMap()), request.key(), request.stationWords());
            Dataset<Row> read = spread(ShipmentIngest.read(spark, files, names, settings, rejectsDir.toString(), false),
                    files.size()).persist(StorageLevel.MEMORY_AND_DISK());
            // the first scan fills the cache: with several files it is the search for repeated ids,
            // which counts the rows as it goes; a count scans the whole cached table, so the kept rows
            // are counted again only when repeats were dropped
            Dataset<Row> shipments;
            long rows;
            if (files.size() < 2) {
                shipments = read;
                rows = read.count();
            } else {
                int ranges = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
                // ids hashed to 64 bits first: distinct hashes prove distinct ids; only rows sharing a
                // hash are compared by their ids
                RepeatedLongs.Result hashes = RepeatedLongs.of(read.select(xxhash64(col("shipment_id"))), ranges);
                shipments = dropCrossFileDuplicates(read, hashes.repeated(), names, request.lenient(), out);
                rows = shipments == read ? hashes.values() : shipments.count();
            }
            long rejected = writeRejects(out, rejectsDir, names);
            stages.put("read", seconds(t));
            if (rows == 0) {
                throw new SparkJobException(request.input() + ": no shipments to analyse", 2);
            }

            t = System.nanoTime();
            Dataset<Row> arcs = PartyGraphJob.arcs(shipments).persist(StorageLevel.MEMORY_AND_DISK());
            long partyEdges = out.writeCsv("party_graph.csv", "source,target,weight",
                    CsvBytes.lines(arcs.orderBy("source", "target")).as(Encoders.STRING()));
            stages.put("party graph", seconds(t));

            t = System.nanoTime();
            // courier stations (recognised by their addresses as each file was read) lose every edge of the
            // graph communities are found on, as in core's analyze
            Dataset<Row> stations = CourierStationJob.stations(shipments).persist(StorageLevel.MEMORY_AND_DISK());
            long courierStations = stations.count();
            CommunityJob.Result comm = CommunityJob.run(arcs, stations, request.communities());
            // checkpointed: later queries start from these rows, not from the communities' whole plan
            Dataset<Row> membership = comm.membership().localCheckpoint(true);
            long parties = out.writeCsv("communities.csv", "node,community",
                    CsvBytes.lines(membership.select("party", "community").orderBy("community", "party"))
                            .as(Encoders.STRING()));
            long communities = membership.agg(org.apache.spark.sql.functions.max("community")).first().getInt(0) + 1L;
            stages.put("communities", seconds(t));

            RelayChainJob.Result relay = null;
            long routes = 0;
            long relayChains = 0;
            if (!request.linkOnly()) {
                t = System.nanoTime();
                int partitions = Math.max(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")),
                        (int) Math.min(Integer.MAX_VALUE, rows / RELAY_ROWS_PER_TASK + 1));
                relay = RelayChainJob.run(shipments, RelayChainJob.options(request.windowDays()),
                        partitions, request.places());
                routes = out.writeCsv("routes.csv", ROUTES_HEADER,
                        relay.routes().map((MapFunction<Row, String>) SparkEngine::routeLine, Encoders.STRING()));
                relayChains = relay.chains().count();
                stages.put("relay chains", seconds(t));
            }

            t = System.nanoTime();
            // the flagged shipments cached once: linking reads them several times, and each pass over
            // the whole shipments table reads a cache that is largely on disk at scale
            Dataset<Row> flaggedRows = CaseLinkJob.casesOf(shipments, true).persist(StorageLevel.MEMORY_AND_DISK());
            boolean onlyFlagged = flaggedRows.count() > 0;
            if (!onlyFlagged) {
                flaggedRows.unpersist();
            }
            Dataset<Row> caseRows = onlyFlagged ? flaggedRows : shipments;
            Dataset<Row> networks = (request.splitCases()
                    ? CaseLinkJob.evidenceNetworks(shipments, caseRows, rows, request.cases(), onlyFlagged,
                            membership)
                    : CaseLinkJob.networks(shipments, caseRows, rows, request.cases(), onlyFlagged))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            long cases = out.writeCsv("networks.csv", "shipment_id,network", networks.map((MapFunction<Row, String>) r ->
                    Csv.cell(r.getString(2)) + "," + r.getInt(3), Encoders.STRING()));
            Dataset<Row> netSizes = networks.groupBy("network").count();
            long caseNetworks = netSizes.count();
            long linked = netSizes.where(col("count").geq(2)).count();
            stages.put("link cases", seconds(t));

            int leadCount = 0;
            if (!request.linkOnly()) {
                t = System.nanoTime();
                // courier stations are places, not leads (as in core's analyze)
                List<LeadJob.Lead> leads = LeadJob.leads(shipments, relay.appearances(), networks, LeadWeights.DEFAULTS,
                        request.leadCount(), request.places(), stations);
                StringBuilder leadsCsv = new StringBuilder(LeadJob.HEADER).append('\n');
                leads.forEach(l -> leadsCsv.append(LeadJob.line(l)).append('\n'));
                out.writeText("leads.csv", leadsCsv.toString());
                out.writeFolder("leads", LeadJob.regionFiles(leads));
                stages.put("leads", seconds(t));
                leadCount = leads.size();
            }

            if (request.parquet()) {
                t = System.nanoTime();
                out.writeParquet("party_graph.parquet", arcs.orderBy("source", "target"));
                out.writeParquet("communities.parquet", membership.select(col("party").as("node"), col("community"))
                        .orderBy("community", "node"));
                if (relay != null) {
                    out.writeParquet("routes.parquet", relay.routes());
                }
                out.writeParquet("networks.parquet", networks.select("shipment_id", "network"));
                stages.put("parquet", seconds(t));
            }

            ScaleOutSummary summary = new ScaleOutSummary(files.size(), rows, rejected, parties, partyEdges, cases,
                    caseNetworks, linked, communities, comm.modularity(), comm.components(), comm.largeComponents(),
                    comm.largestComponent(), courierStations, relayChains, routes, leadCount, stages);
            out.writeText("summary.json", summaryJson(request, summary, onlyFlagged));
            out.commit();
            read.unpersist();
            stations.unpersist();
            return summary;
        }
    }

    /**
     * The read rows over at least as many partitions as a shuffle has. Each input file is one read
     * task and its rows one partition, so without this a single large file would leave every later
     * narrow step (the identifier explode, the map side of each aggregation) to one core. Hashed on
     * the input position, which every job sorts by where order matters, so the results do not
     * depend on the layout; one shuffle of the rows.
     */
    private Dataset<Row> spread(Dataset<Row> read, int files) {
        int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        return files >= partitions ? read : read.repartition(partitions, col("part"), col("row"));
    }

    /**
     * A shipment id repeated across files (core rejects repeats within a file): strict mode stops
     * at the first repeat in input order; lenient mode keeps the first occurrence and rejects the
     * others (file and the shipment's position among the file's kept rows; no line, which the
     * reader does not keep per row). {@code repeatedHashes}: the 64-bit hashes of ids that occur
     * more than once ({@link RepeatedLongs}); only rows with one of them are compared by id.
     */
    private Dataset<Row> dropCrossFileDuplicates(Dataset<Row> read, long[] repeatedHashes, List<String> names,
                                                 boolean lenient, OutputFolder out) throws IOException {
        if (repeatedHashes.length == 0) {
            return read;
        }
        List<Long> hashList = new ArrayList<>(repeatedHashes.length);
        for (long h : repeatedHashes) {
            hashList.add(h);
        }
        Dataset<Row> sharedHashes = spark.createDataset(hashList, Encoders.LONG()).toDF("h");
        Dataset<Row> suspects = read.join(sharedHashes, xxhash64(read.col("shipment_id")).equalTo(sharedHashes.col("h")))
                .select(read.col("part"), read.col("row"), read.col("shipment_id"));
        Dataset<Row> firsts = suspects.groupBy("shipment_id")
                .agg(count(lit(1)).as("n"), min(struct(col("part"), col("row"))).as("first"))
                .where(col("n").gt(1));
        if (firsts.isEmpty()) {
            return read;
        }
        Dataset<Row> repeats = suspects.join(firsts, "shipment_id")
                .where(col("part").notEqual(col("first.part")).or(col("row").notEqual(col("first.row"))))
                .select(col("part"), col("row"), col("shipment_id"), col("first.part").as("first_part"))
                .orderBy("part", "row");
        if (!lenient) {
            Row r = repeats.first();
            throw new SparkJobException(names.get(r.getInt(0)) + ": shipment " + (r.getInt(1) + 1)
                    + " of the file: duplicate shipment_id (also in " + names.get(r.getInt(3)) + ") ("
                    + Csv.cell(r.getString(2)) + ")", 2);
        }
        List<String> nameList = List.copyOf(names);
        out.writeCsv("_duplicates.csv", "file,line,column,reason,value", repeats.map((MapFunction<Row, String>) r ->
                Csv.cell(nameList.get(r.getInt(0))) + ",,," + Csv.cell("duplicate shipment_id (also in "
                        + nameList.get(r.getInt(3)) + ")") + "," + Csv.cell(r.getString(2)), Encoders.STRING()));
        // renamed: both sides derive from `read`, and equal column references would make a trivially true condition
        Dataset<Row> drop = repeats.select(col("part").as("drop_part"), col("row").as("drop_row"));
        return read.join(drop, read.col("part").equalTo(drop.col("drop_part"))
                        .and(read.col("row").equalTo(drop.col("drop_row"))), "left_anti")
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * A part's name in messages and rejects: a local file as a plain path, as core names it (Hadoop
     * lists a folder's files as {@code file:} URIs); any other file system's path as it is.
     */
    static String displayName(String file) {
        java.net.URI uri = new Path(file).toUri();
        return "file".equals(uri.getScheme()) ? uri.getPath() : file;
    }

    /** Gathers the tasks' reject files (and cross-file repeats) into rejects.csv; returns the count. */
    private static long writeRejects(OutputFolder out, Path rejectsDir, List<String> names) throws IOException {
        List<Path> parts = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Path p : out.partFiles(rejectsDir)) {
            int part = Integer.parseInt(p.getName().substring(5, 10));
            parts.add(p);
            prefixes.add(Csv.cell(names.get(part)) + ",");
        }
        List<String> dupNames = new ArrayList<>();
        Path dups = new Path(out.staging(), "_duplicates.csv");
        if (out.fileSystem().exists(dups)) {
            // cross-file repeats, already with their file column
            parts.add(dups);
            prefixes.add("");
            dupNames.add("_duplicates.csv");
        }
        long n = out.concatenate("rejects.csv", "file,line,column,reason,value", parts, true, prefixes);
        out.fileSystem().delete(rejectsDir, true);
        if (!dupNames.isEmpty()) {
            out.discard("_duplicates.csv");
        }
        return n;
    }

    private static String summaryJson(ScaleOutRequest request, ScaleOutSummary s, boolean onlyFlagged) {
        Map<String, Object> root = Json.object();
        root.put("engine", "spark");
        root.put("command", request.linkOnly() ? "link" : "analyze");
        Map<String, Object> params = Json.object();
        params.put("lenient", request.lenient());
        params.put("zone", request.zone());
        params.put("desensitized", request.key() != null);
        params.put("seed", request.communities().seed());
        params.put("resolution", request.communities().resolution());
        params.put("hub_threshold", request.communities().hubThreshold());
        params.put("station_words", String.join(",", request.stationWords()));
        params.put("max_local_parties", request.communities().maxLocalNodes());
        params.put("local_moving_rounds", request.communities().moveRounds());
        params.put("case_max_counterparties", request.cases().maxCounterparties());
        params.put("case_max_shipments", request.cases().maxShipments());
        params.put("case_min_evidence", request.cases().minEvidence());
        params.put("case_time_scale_days", request.cases().timeScaleDays());
        params.put("case_path_identifiers", request.cases().maxPathIdentifiers());
        params.put("case_links_per_case", request.cases().maxLinksPerCase());
        params.put("case_split", request.splitCases() ? "communities" : "none");
        params.put("cases", onlyFlagged ? "flagged" : "all");
        if (!request.linkOnly()) {
            params.put("window_days", request.windowDays());
            params.put("leads", request.leadCount());
            params.put("lead_features", "volume, two_carton, border, counterparties, relay, flagged (no rings, betweenness 0)");
        }
        root.put("parameters", params);
        Map<String, Object> sizes = Json.object();
        sizes.put("files", s.files());
        sizes.put("shipments", s.rowsRead());
        sizes.put("rejected", s.rowsRejected());
        sizes.put("parties", s.parties());
        sizes.put("party_edges", s.partyEdges());
        sizes.put("cases", s.cases());
        sizes.put("case_networks", s.caseNetworks());
        sizes.put("linked_case_networks", s.linkedNetworks());
        sizes.put("communities", s.communities());
        sizes.put("components", s.components());
        sizes.put("large_components", s.largeComponents());
        sizes.put("largest_component", s.largestComponent());
        sizes.put("courier_stations", s.courierStations());
        if (!request.linkOnly()) {
            sizes.put("relay_chains", s.relayChains());
            sizes.put("relay_routes", s.relayRoutes());
            sizes.put("leads", s.leads());
        }
        root.put("sizes", sizes);
        root.put("modularity", s.modularity());
        root.put("seconds", new LinkedHashMap<>(s.stageSeconds()));
        return Json.write(root);
    }

    /** Shipments per task of the relay-chain search at most (more tasks than shuffle partitions when needed). */
    static final long RELAY_ROWS_PER_TASK = 1_000_000;

    /** Header of routes.csv (core's {@code ResultTables.routes}). */
    public static final String ROUTES_HEADER = "rank,route,chains,pieces,parties";

    /** A routes.csv line of a {@link RelayChainJob.Result#routes()} row, formatted as core's {@code TableFiles}. */
    public static String routeLine(Row r) {
        return r.getInt(0) + "," + Csv.cell(r.getString(1)) + "," + r.getInt(2) + "," + r.getLong(3) + "," + r.getInt(4);
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }

    /** Core's case parameters with direct evidence only (paths of one identifier), the rule without a split. */
    public static CaseNetworks.Params directEvidence(CaseNetworks.Params p) {
        return p.withMaxPathIdentifiers(1);
    }
}
