package org.parcelnet.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.linking.CaseNetworks;

/**
 * Case networks on Spark, two rules. {@link #evidenceNetworks}: core's whole evidence rule
 * ({@link CaseNetworks}: paths of several identifiers through non-case shipments, each case's
 * strongest links, split by communities), run by core's own linker on the executors, one task per
 * community. {@link #networks}: core's direct rule without a split ({@link CaseNetworks} with one
 * identifier per path): the same identifiers (phones, normalised addresses, name with phone; one
 * identifier twice on a shipment counts once), the same hubs (more than {@code maxCounterparties}
 * distinct counterparties or more than {@code maxShipments} shipments), the same weight
 * {@code ln(R/df)/ln(R)}, and each case linked to the previous case (in input order) carrying the
 * same identifier when weight × time factor reaches {@code minEvidence}, by window functions.
 * Networks are the connected components of the links ({@link ConnectedComponents}), numbered as core
 * numbers them: 0 = most cases, ties by the earliest case.
 *
 * <p>Cost of the direct rule: one explode of at most six identifiers per shipment, two aggregations
 * (shipments and distinct counterparties per identifier), one sort of each identifier's cases (a
 * window), then the components: O(R) data per shuffle.
 */
public final class CaseLinkJob {

    /** One identifier of one shipment: its value, the counterparty phone, the row's order key, time, and whether the row is a case. */
    public static final StructType IDENTIFIER_SCHEMA = new StructType()
            .add("ident", DataTypes.StringType, false)
            .add("counter", DataTypes.StringType, false)
            .add("key", DataTypes.LongType, false)
            .add("t", DataTypes.LongType, false)
            .add("is_case", DataTypes.BooleanType, false);

    private CaseLinkJob() {
    }

    /** A row's place in the input order: part in the high bits, row in the low 40. */
    static long orderKey(int part, int row) {
        return ((long) part << 40) | row;
    }

    /**
     * The case networks: {@code part, row, shipment_id, network} of every case, in input order.
     *
     * @param shipments rows of {@link ShipmentIngest#SCHEMA}
     * @param rows      R, the number of shipments
     * @param params    core's parameters (hub thresholds, which identifiers, min evidence, τ)
     * @param onlyFlagged true: cases are the flagged shipments; false: every shipment
     */
    public static Dataset<Row> networks(Dataset<Row> shipments, long rows, CaseNetworks.Params params,
                                        boolean onlyFlagged) {
        return networks(shipments, casesOf(shipments, onlyFlagged), rows, params, onlyFlagged);
    }

    /**
     * As {@link #networks(Dataset, long, CaseNetworks.Params, boolean)}, with the case rows given
     * (cached by the caller).
     */
    static Dataset<Row> networks(Dataset<Row> shipments, Dataset<Row> cases, long rows, CaseNetworks.Params params,
                                 boolean onlyFlagged) {
        boolean addresses = params.useAddresses();
        boolean namePhone = params.useNamePhone();
        FlatMapFunction<Row, Row> explode = r -> identifiers(r, addresses, namePhone, onlyFlagged);
        Dataset<Row> ids = identifierInput(shipments).flatMap(explode, ExpressionEncoder.apply(IDENTIFIER_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());

        double logR = Math.log(Math.max(rows, 3));
        double r = rows;
        int maxCounterparties = params.maxCounterparties();
        int maxShipments = params.maxShipments();
        // core's weight, with java.lang.Math as core computes it (Spark's ln may differ in the last bit)
        UserDefinedFunction weight = udf((Long df, Long cp) ->
                df > maxShipments || cp > maxCounterparties || df == 0 ? 0.0 : Math.log(r / df) / logR,
                DataTypes.DoubleType);
        Dataset<Row> weights = ids.groupBy("ident").agg(count(lit(1)).as("df"), countDistinct("counter").as("cp"))
                .select(col("ident"), weight.apply(col("df"), col("cp")).as("w"))
                .where(col("w").gt(0));

        double tau = params.timeScaleDays() * 86_400.0;
        double minEvidence = params.minEvidence();
        // null-safe: the optimiser may evaluate it before the filter on the first case of an identifier
        UserDefinedFunction evidence = udf((Double w, Long ta, Long tb) -> ta == null || tb == null ? 0.0
                : w * (0.5 + 0.5 * Math.exp(-Math.abs((double) ta - tb) / tau)), DataTypes.DoubleType);
        Dataset<Row> caseIdentifiers = ids.where(col("is_case")).join(weights, "ident");
        Dataset<Row> links = caseIdentifiers
                .withColumn("prev", lag("key", 1).over(Window.partitionBy("ident").orderBy("key")))
                .withColumn("prev_t", lag("t", 1).over(Window.partitionBy("ident").orderBy("key")))
                .where(col("prev").isNotNull())
                .where(evidence.apply(col("w"), col("prev_t"), col("t")).geq(minEvidence))
                .select(col("key").as("src"), col("prev").as("dst"));

        Dataset<Row> out = closure(cases, links);
        ids.unpersist();
        return out;
    }

    /**
     * Networks of the {@code cases} as the transitive closure of {@code links} ({@code src, dst}
     * order keys), every case a network of its own when unlinked, numbered as core numbers them; in
     * input order.
     */
    private static Dataset<Row> closure(Dataset<Row> cases, Dataset<Row> links) {
        Dataset<Row> caseRows = cases.select(col("part"), col("row"), col("shipment_id"),
                        udf((Integer p, Integer w) -> orderKey(p, w), DataTypes.LongType)
                                .apply(col("part"), col("row")).as("key"));
        Dataset<Row> comp = ConnectedComponents.of(links);
        Dataset<Row> labelled = caseRows.join(comp, caseRows.col("key").equalTo(comp.col("node")), "left")
                .select(col("part"), col("row"), col("shipment_id"), col("key"),
                        org.apache.spark.sql.functions.coalesce(col("component"), col("key")).as("component"));
        Dataset<Row> ranked = DenseRank.bySizeThenSmallest(labelled, "component", "key");
        return labelled.join(ranked, "component").select("part", "row", "shipment_id", "rank")
                .withColumnRenamed("rank", "network").orderBy("part", "row");
    }

    /** One link between two cases, by their order keys. */
    static final StructType LINK_SCHEMA = new StructType()
            .add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false);

    /** An identifier of a shipment, with the shipment's community label. */
    static final StructType LABELLED_IDENTIFIER_SCHEMA = IDENTIFIER_SCHEMA.add("label", DataTypes.IntegerType, false);

    /**
     * Case networks under core's whole evidence rule ({@link CaseNetworks} with paths of up to
     * {@code params.maxPathIdentifiers()} identifiers through non-case shipments, each case's
     * strongest {@code maxLinksPerCase} links, networks split by communities), computed by core's own
     * {@link CaseNetworks} on the executors, one task per community.
     *
     * <p>Why this is exact. With a split, core's search from a case only crosses shipments of the
     * case's community (the community of its receiver, {@link CaseNetworks#rowCommunities} without
     * anchors, as {@code parcelnet link} splits), and links across communities are dropped; it does
     * reach the cases of other communities that carry an identifier it expanded, and those compete for
     * the case's {@code maxLinksPerCase} places before the drop. So community L needs its own
     * shipments, the cases elsewhere that share one of their identifiers, and the whole data set's
     * weights of those identifiers (only weights of at least {@code minEvidence} can start or extend
     * a path); communities without a case of their own are skipped. The job builds that part in
     * input order, gives each foreign case a label of its own (so nothing is linked through or among
     * them), and runs core's linking on it with the whole set's
     * weights ({@link CaseNetworks#prepare(org.parcelnet.model.ShipmentTable,
     * java.util.function.ToDoubleBiFunction)}): the same identifiers, the same rows in the same order,
     * the same weights, hence the same search and the same links. Networks are then the connected
     * components of all links (large-star/small-star), numbered as core numbers them.
     *
     * <p>Cost, with flagged cases: one pass over the shipments keeping those of communities holding a
     * case (their parties copied to every task, so the shipments are not shuffled), one pass computing
     * each shipment's identifiers (at most six) against a Bloom filter of those communities'
     * identifiers (Bloom 1970, doi:10.1145/362686.362692; 1 % false positives) and one aggregation of
     * the identifiers it lets through, one join for the foreign cases, one shuffle of the parts by
     * community; per community, core's cost on its part. A community's part is held by one task.
     * With every shipment a case, every community is a part: the same steps without the copy or the
     * filter.
     *
     * @param membership {@code party, community} of every party (receivers' communities split the networks)
     */
    public static Dataset<Row> evidenceNetworks(Dataset<Row> shipments, long rows, CaseNetworks.Params params,
                                                boolean onlyFlagged, Dataset<Row> membership) {
        return evidenceNetworks(shipments, casesOf(shipments, onlyFlagged), rows, params, onlyFlagged, membership);
    }

    /**
     * The cases among the shipments: the flagged ones, or all. A caller that has them cached passes
     * them to the jobs, which would otherwise filter the whole shipments table each time they need them.
     */
    static Dataset<Row> casesOf(Dataset<Row> shipments, boolean onlyFlagged) {
        return onlyFlagged ? shipments.where(col("flagged")) : shipments;
    }

    /**
     * As {@link #evidenceNetworks(Dataset, long, CaseNetworks.Params, boolean, Dataset)}, with the
     * case rows given (cached by the caller).
     */
    static Dataset<Row> evidenceNetworks(Dataset<Row> shipments, Dataset<Row> cases, long rows,
                                         CaseNetworks.Params params, boolean onlyFlagged, Dataset<Row> membership) {
        UserDefinedFunction keyOf = udf((Integer p, Integer w) -> orderKey(p, w), DataTypes.LongType);
        Dataset<Row> communityOf = membership.select(col("party").as("receiver_phone"), col("community").as("label"));
        // every case with its community (its receiver's); every shipment when all are cases
        Dataset<Row> labelledCases = cases.join(communityOf, "receiver_phone")
                .withColumn("key", keyOf.apply(col("part"), col("row")))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // only communities holding a case of their own have links to find; their shipments are the parts.
        // With flagged cases those communities are few: their parties go to every task (no shuffle of the
        // shipments) unless they are too many to copy
        Dataset<Row> ownRows;
        if (onlyFlagged) {
            Dataset<Row> caseLabels = labelledCases.select("label").distinct();
            Dataset<Row> caseParties = communityOf.join(broadcast(caseLabels), "label")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            boolean copy = caseParties.count() <= MAX_BROADCAST_PARTIES;
            ownRows = shipments.join(copy ? broadcast(caseParties) : caseParties, "receiver_phone");
        } else {
            ownRows = shipments.join(communityOf, "receiver_phone");
        }
        ownRows = ownRows.withColumn("key", keyOf.apply(col("part"), col("row"))).withColumn("own", lit(true))
                .persist(StorageLevel.MEMORY_AND_DISK());
        boolean addresses = params.useAddresses();
        boolean namePhone = params.useNamePhone();
        FlatMapFunction<Row, Row> explode = r -> {
            int label = r.getInt(r.fieldIndex("label"));
            List<Row> out = new ArrayList<>(6);
            identifiers(r, addresses, namePhone, onlyFlagged).forEachRemaining(x -> out.add(RowFactory.create(
                    x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), label)));
            return out.iterator();
        };
        Dataset<Row> ownIdentLabels = identifierInput(ownRows)
                .flatMap(explode, ExpressionEncoder.apply(LABELLED_IDENTIFIER_SCHEMA))
                .select("ident", "label").distinct().persist(StorageLevel.MEMORY_AND_DISK());

        double logR = Math.log(Math.max(rows, 3));
        double r = rows;
        int maxCounterparties = params.maxCounterparties();
        int maxShipments = params.maxShipments();
        double minEvidence = params.minEvidence();
        // core's weight inside communities, with java.lang.Math: a hub by counterparties alone keeps its
        // rarity weight, since links across communities are dropped; below minEvidence a weight can
        // neither start nor extend a path
        UserDefinedFunction weight = udf((Long df) -> df > maxShipments || df == 0 ? 0.0 : Math.log(r / df) / logR,
                DataTypes.DoubleType);
        // Weights count an identifier's shipments in the whole set, but only the parts' identifiers need
        // one. With flagged cases a Bloom filter of those identifiers goes to every task, and only the
        // identifiers it may hold are counted: exact counts for every identifier of the parts (a filter
        // never misses a member), a few others counted in vain, and a shuffle of the parts' share of
        // the identifiers instead of all of them.
        // Counted by a 128-bit hash of the identifier (two 64-bit hashes of its UTF-8 bytes): an
        // aggregation of fixed-width keys instead of strings, and 16 bytes a record through the shuffle.
        // Distinct identifiers share both hashes with a chance of about n²/2¹²⁹ (below 10⁻²⁰ for 10⁹
        // identifiers). The hashes are taken from Spark's internal rows of the identifier columns
        // alone (IdentifierHashes): a function over external rows decodes each column to a Java
        // string and encodes it back, for every shipment
        IdentifierHashes.HashFilter filter = onlyFlagged ? partsFilter(ownIdentLabels) : null;
        Broadcast<IdentifierHashes.HashFilter> partsFilter = filter == null ? null
                : JavaSparkContext.fromSparkContext(shipments.sparkSession().sparkContext()).broadcast(filter);
        Dataset<Row> identifierColumns = shipments.select(col("sender_phone"), col("receiver_phone"),
                addresses ? col("sender_address_key") : lit(null).cast(DataTypes.StringType),
                addresses ? col("receiver_address_key") : lit(null).cast(DataTypes.StringType),
                namePhone ? col("sender_name") : lit(null).cast(DataTypes.StringType),
                namePhone ? col("receiver_name") : lit(null).cast(DataTypes.StringType));
        org.apache.spark.rdd.RDD<org.apache.spark.sql.catalyst.InternalRow> hashed = identifierColumns.queryExecution()
                .toRdd().toJavaRDD()
                .mapPartitions(it -> IdentifierHashes.of(it, partsFilter == null ? null : partsFilter.value()))
                .rdd();
        Dataset<Row> weights = ((org.apache.spark.sql.classic.SparkSession) shipments.sparkSession())
                .internalCreateDataFrame(hashed, HASHES_SCHEMA, false)
                .groupBy("ha", "hb")
                .agg(count(lit(1)).as("df"))
                .select(col("ha"), col("hb"), weight.apply(col("df")).as("w"))
                .where(col("w").geq(minEvidence));
        Dataset<Row> identLabel = ownIdentLabels.withColumn("ha", identifierHashUdf(IdentifierHashes.SEED_A).apply(col("ident")))
                .withColumn("hb", identifierHashUdf(IdentifierHashes.SEED_B).apply(col("ident")))
                .join(weights, scala.jdk.javaapi.CollectionConverters.asScala(List.of("ha", "hb")).toSeq())
                .select("ident", "label", "w").persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> caseIds = identifierInput(labelledCases)
                .flatMap(explode, ExpressionEncoder.apply(LABELLED_IDENTIFIER_SCHEMA))
                .select(col("ident"), col("key").as("ckey"), col("label").as("clabel"));
        Dataset<Row> foreign = identLabel.join(caseIds, "ident").where(col("clabel").notEqual(col("label")))
                .select(col("label"), col("ckey").as("key")).distinct().withColumn("own", lit(false));
        // a community's own rows already carry their columns; only the foreign cases are looked up again
        Dataset<Row> rowsOfPart = ownRows.unionByName(foreign.join(labelledCases.drop("label"), "key"));

        int maxPath = params.maxPathIdentifiers();
        double tauDays = params.timeScaleDays();
        int maxLinks = params.maxLinksPerCase();
        org.apache.spark.api.java.function.CoGroupFunction<Integer, Row, Row, Row> linkPart = (label, parts, idw) ->
                linkCommunity(parts, idw, onlyFlagged, new CaseNetworks.Params(maxCounterparties, maxShipments,
                        addresses, namePhone, minEvidence, maxPath, tauDays, maxLinks));
        Dataset<Row> links = rowsOfPart.groupByKey((MapFunction<Row, Integer>) x -> x.getInt(x.fieldIndex("label")),
                        Encoders.INT())
                .cogroup(identLabel.groupByKey((MapFunction<Row, Integer>) x -> x.getInt(x.fieldIndex("label")),
                        Encoders.INT()), linkPart, ExpressionEncoder.apply(LINK_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        links.count();
        ownIdentLabels.unpersist();
        identLabel.unpersist();
        ownRows.unpersist();
        labelledCases.unpersist();
        return closure(cases, links);
    }

    /**
     * Parties of the communities holding a case copied to every task at most; beyond, the shipments
     * are joined with them by a shuffle. About 60 bytes per party in the copy.
     */
    static final long MAX_BROADCAST_PARTIES = 5_000_000L;

    /** Core's linking on one community's part; the links as order-key pairs. */
    private static java.util.Iterator<Row> linkCommunity(java.util.Iterator<Row> parts, java.util.Iterator<Row> idw,
                                                         boolean onlyFlagged, CaseNetworks.Params params) {
        java.util.Map<String, Double> weightOf = new java.util.HashMap<>();
        while (idw.hasNext()) {
            Row x = idw.next();
            weightOf.put(x.getString(x.fieldIndex("ident")), x.getDouble(x.fieldIndex("w")));
        }
        List<Row> part = new ArrayList<>();
        parts.forEachRemaining(part::add);
        if (part.isEmpty()) {
            return java.util.Collections.emptyIterator();
        }
        int keyAt = part.get(0).fieldIndex("key");
        part.sort(java.util.Comparator.comparingLong(x -> x.getLong(keyAt)));
        Row first = part.get(0);
        int[] at = new int[] {first.fieldIndex("shipment_id"), first.fieldIndex("shipped_at"),
            first.fieldIndex("origin_province"), first.fieldIndex("origin_city"),
            first.fieldIndex("destination_province"), first.fieldIndex("destination_city"),
            first.fieldIndex("sender_phone"), first.fieldIndex("receiver_phone"), first.fieldIndex("sender_name"),
            first.fieldIndex("receiver_name"), addressAt(first, "sender"), addressAt(first, "receiver"),
            first.fieldIndex("flagged"), first.fieldIndex("own"), first.fieldIndex("label"),
            first.fieldIndex("sender_address_key"), first.fieldIndex("receiver_address_key")};
        org.parcelnet.model.ShipmentTable.Builder b = new org.parcelnet.model.ShipmentTable.Builder();
        int n = part.size();
        long[] key = new long[n];
        boolean[] isCase = new boolean[n];
        int[] rowCommunity = new int[n];
        for (int i = 0; i < n; i++) {
            Row x = part.get(i);
            key[i] = x.getLong(keyAt);
            boolean flagged = x.getBoolean(at[12]);
            // only the linking columns matter here; carrier, mode, weight and goods are left out
            b.add(x.getString(at[0]), x.getLong(at[1]), x.getString(at[2]), x.getString(at[3]), x.getString(at[4]),
                    x.getString(at[5]), x.getString(at[6]), x.getString(at[7]), x.getString(at[8]),
                    x.getString(at[9]), linkingAddress(x, at[10], at[15]), linkingAddress(x, at[11], at[16]), null,
                    null, 1, Double.NaN, null, flagged);
            isCase[i] = !onlyFlagged || flagged;
            // a foreign case gets a label of its own: nothing is linked among or through foreign cases
            rowCommunity[i] = x.getBoolean(at[13]) ? x.getInt(at[14]) : -1 - i;
        }
        org.parcelnet.model.ShipmentTable t = b.build();
        CaseNetworks linker = new CaseNetworks(params);
        CaseNetworks.Result res = linker.link(linker.prepare(t, (kind, value) ->
                        weightOf.getOrDefault(identifierKey(kind, value), 0.0)), isCase,
                onlyFlagged ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL, rowCommunity,
                org.parcelnet.progress.ProgressListener.NONE);
        List<Row> out = new ArrayList<>(res.links().size());
        for (CaseNetworks.Link l : res.links()) {
            out.add(RowFactory.create(key[res.caseRows()[l.a()]], key[res.caseRows()[l.b()]]));
        }
        return out.iterator();
    }

    /**
     * Where a row keeps an address for linking: the address as written ({@link ShipmentIngest#SCHEMA})
     * or, in the engine's rows ({@link ShipmentIngest#JOB_SCHEMA}), the raw address kept only where
     * its key cannot stand for it.
     */
    private static int addressAt(Row r, String side) {
        String[] names = r.schema().fieldNames();
        return java.util.Arrays.asList(names).contains(side + "_address") ? r.fieldIndex(side + "_address")
                : r.fieldIndex(side + "_address_raw");
    }

    /**
     * An address core's linker normalises to the row's key: the address as written when the row
     * has it, else the key itself ({@link CaseLinker#normalizeAddress} leaves such a key unchanged).
     */
    private static String linkingAddress(Row x, int addressAt, int keyAt) {
        String a = x.getString(addressAt);
        return a != null ? a : x.getString(keyAt);
    }

    /** The job's name of an identifier of core's kind and value (as {@link #identifiers} writes them). */
    static String identifierKey(org.parcelnet.linking.LinkResult.Kind kind, String value) {
        return switch (kind) {
            case PHONE -> "phone:" + value;
            case ADDRESS -> "address:" + value;
            case NAME_PHONE -> "name:" + value;
        };
    }

    /** The identifiers of one shipment as CaseLinker sees them (first slot wins a repeat). */
    static java.util.Iterator<Row> identifiers(Row r, boolean addresses, boolean namePhone, boolean onlyFlagged) {
        int part = r.getInt(r.fieldIndex("part"));
        int row = r.getInt(r.fieldIndex("row"));
        long key = orderKey(part, row);
        long t = r.getLong(r.fieldIndex("shipped_at"));
        boolean isCase = !onlyFlagged || r.getBoolean(r.fieldIndex("flagged"));
        String[] ident = new String[IDENTIFIER_SLOTS];
        String[] counter = new String[IDENTIFIER_SLOTS];
        identifierValues(r.getString(r.fieldIndex("sender_phone")), r.getString(r.fieldIndex("receiver_phone")),
                addresses ? r.getString(r.fieldIndex("sender_address_key")) : null,
                addresses ? r.getString(r.fieldIndex("receiver_address_key")) : null,
                namePhone ? r.getString(r.fieldIndex("sender_name")) : null,
                namePhone ? r.getString(r.fieldIndex("receiver_name")) : null, ident, counter);
        List<Row> out = new ArrayList<>(IDENTIFIER_SLOTS);
        for (int s = 0; s < IDENTIFIER_SLOTS; s++) {
            if (ident[s] != null) {
                out.add(RowFactory.create(ident[s], counter[s], key, t, isCase));
            }
        }
        return out.iterator();
    }

    /** An identifier's two 64-bit hashes. */
    private static final StructType HASHES_SCHEMA = new StructType()
            .add("ha", DataTypes.LongType, false)
            .add("hb", DataTypes.LongType, false);

    /**
     * A filter of the identifiers of the {@code ident} column: one per partition, merged by a tree
     * of tasks (12 bits per identifier, {@link IdentifierHashes.HashFilter}).
     */
    private static IdentifierHashes.HashFilter partsFilter(Dataset<Row> identifiers) {
        long expected = identifiers.count();
        return identifiers.select("ident").javaRDD().treeAggregate(new IdentifierHashes.HashFilter(expected),
                (f, r) -> {
                    byte[] b = r.getString(0).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    f.add(identifierHash(b, IdentifierHashes.SEED_A), identifierHash(b, IdentifierHashes.SEED_B));
                    return f;
                }, IdentifierHashes.HashFilter::merge);
    }

    /** {@link #identifierHash} of a string column under a seed, as the identifier count hashes identifiers. */
    private static UserDefinedFunction identifierHashUdf(long seed) {
        return udf((String i) -> identifierHash(i.getBytes(java.nio.charset.StandardCharsets.UTF_8), seed),
                DataTypes.LongType);
    }

    /** XXH64 of an identifier's UTF-8 bytes under a seed (Spark's implementation, as its SQL function uses). */
    static long identifierHash(byte[] utf8, long seed) {
        return org.apache.spark.sql.catalyst.expressions.XXH64.hashUnsafeBytes(utf8,
                org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET, utf8.length, seed);
    }

    /**
     * The columns {@link #identifiers} reads (and the community label where there is one): a function
     * over rows gets every column it is given as a Java object, so the others are left out first.
     */
    static Dataset<Row> identifierInput(Dataset<Row> rows) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (String c : List.of("part", "row", "shipped_at", "flagged", "sender_phone", "receiver_phone",
                "sender_address_key", "receiver_address_key", "sender_name", "receiver_name", "label")) {
            if (java.util.Arrays.asList(rows.columns()).contains(c)) {
                cols.add(col(c));
            }
        }
        return rows.select(cols.toArray(new org.apache.spark.sql.Column[0]));
    }

    /** Identifier slots of a shipment: sender and receiver phone, address, name with phone. */
    static final int IDENTIFIER_SLOTS = 6;

    /**
     * Fills {@code ident} with a shipment's identifiers in CaseLinker's slot order and {@code counter}
     * with each one's counterparty phone; null where a slot is empty or repeats an earlier slot
     * (first slot wins). Addresses and names are null when they are not used.
     */
    static void identifierValues(String senderPhone, String receiverPhone, String senderAddressKey,
                                 String receiverAddressKey, String senderName, String receiverName,
                                 String[] ident, String[] counter) {
        ident[0] = "phone:" + senderPhone;
        counter[0] = receiverPhone;
        ident[1] = "phone:" + receiverPhone;
        counter[1] = senderPhone;
        ident[2] = senderAddressKey == null ? null : "address:" + senderAddressKey;
        counter[2] = receiverPhone;
        ident[3] = receiverAddressKey == null ? null : "address:" + receiverAddressKey;
        counter[3] = senderPhone;
        ident[4] = senderName == null ? null : "name:" + senderName + "|" + senderPhone;
        counter[4] = receiverPhone;
        ident[5] = receiverName == null ? null : "name:" + receiverName + "|" + receiverPhone;
        counter[5] = senderPhone;
        for (int s = 1; s < IDENTIFIER_SLOTS; s++) {
            for (int q = 0; q < s && ident[s] != null; q++) {
                if (ident[s].equals(ident[q])) {
                    ident[s] = null;
                }
            }
        }
    }
}
