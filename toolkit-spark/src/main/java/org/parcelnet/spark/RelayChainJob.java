package org.parcelnet.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;

/**
 * Relay chains on Spark with core's rule ({@link RelayChains}): a shipment {@code A→B} at {@code t1}
 * continued by {@code B→C} at {@code t2} with {@code 0 < t2 − t1 ≤ window}; each shipment takes one
 * feeding receipt of its sender among the sender's {@code recent} latest receipts inside the window
 * (one already carrying a chain from a source, else the latest), chains at most {@code maxHops}
 * shipments, starting at the earliest shipment sent by a source and ending where no later shipment
 * continues; sources are the parties that send from a border-entry place, as {@code parcelnet analyze}
 * sets them.
 *
 * <p>How. (1) The time-windowed join: every shipment is a send event of its sender and a receipt
 * event of its receiver; the events are partitioned by party and sorted by time (sends before
 * receipts of the same second, as core links a second's shipments before it records their
 * receipts), and one pass per party keeps its {@code recent} latest receipts and pairs each send with
 * those inside the window: the feeding candidates, at most {@code recent} per shipment. This is a
 * sort-merge range join, linear in the events even for a party with millions of them (a plain join on
 * party and time range would pair every send with every receipt of a busy party first). (2) Which
 * candidate a shipment takes depends on its candidates' own choices (sourced, depth), a chain of
 * dependencies through time, so the choice is made by core: the connected components of the
 * candidate pairs (large-star/small-star) are closed under everything core's choice and tracing read
 * (a shipment's candidates, and the shipments that may continue it), so core's
 * {@link RelayChains#find} on any union of whole components, in input order, gives exactly the
 * chains it gives on the whole set. Core reads a sender's {@code recent} latest receipts inside the
 * window and, when none of them carries a chain from a source, its latest receipt that does, if still
 * inside the window; so a receipt that leaves the {@code recent} latest while inside the window of the
 * receipt that pushes it out is paired with that receipt, which keeps every receipt of a send's window
 * in the send's component (receipts outside the window core never reads). The
 * shipments are shuffled by component and each task runs core on its partition. (3) Routes are
 * aggregations of the chains: chains and delivered cartons per route, distinct parties per route.
 *
 * <p>Cost: two events per shipment through one shuffle and sort; at most {@code recent} + 1 candidate
 * pairs per shipment into the components (O(log² n) rounds, two shuffles each); one shuffle of the
 * shipments by component; per task core's O(m log m + m · recent) on its part, holding the part as a
 * core table (about 120 bytes per shipment plus core's 15 bytes of working state). A task holds whole
 * components: a component is as large as the busiest run of parties forwarding to each other within
 * the window, and a party that receives more than {@code recent} shipments within every window holds
 * all of its receipts of that stretch in one component.
 */
public final class RelayChainJob {

    /** Core's relay options of {@code parcelnet analyze} with a window of {@code windowDays} days. */
    public static RelayChains.Options options(double windowDays) {
        return RelayChains.Options.builder().windowSeconds(Math.round(windowDays * RelayChains.DAY)).build();
    }

    /** One chain: its delivering shipment's order key, shipment ids in time order, route, cartons delivered, parties on it in chain order. */
    public static final StructType CHAIN_SCHEMA = new StructType()
            .add("last_key", DataTypes.LongType, false)
            .add("shipments", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("route", DataTypes.StringType, false)
            .add("pieces", DataTypes.LongType, false)
            .add("parties", DataTypes.createArrayType(DataTypes.StringType, false), false);

    static final StructType EVENT_SCHEMA = new StructType()
            .add("party", DataTypes.StringType, false)
            .add("t", DataTypes.LongType, false)
            .add("receipt", DataTypes.BooleanType, false)
            .add("key", DataTypes.LongType, false);

    static final StructType PAIR_SCHEMA = new StructType()
            .add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false);

    /**
     * What the job found.
     *
     * @param chains      one row per chain ({@link #CHAIN_SCHEMA})
     * @param routes      {@code rank, route, chains, pieces, parties} in core's order (most chains
     *                    first, then route text), ranks from 1
     * @param appearances {@code party, appearances}: chain positions each party holds (core's
     *                    {@link RelayChains.Result#appearances()}, the lead feature), parties on no
     *                    chain left out
     */
    public record Result(Dataset<Row> chains, Dataset<Row> routes, Dataset<Row> appearances) {
    }

    private RelayChainJob() {
    }

    /**
     * Relay chains of {@code shipments} ({@link ShipmentIngest#SCHEMA}) under core's rule.
     *
     * @param partitions tasks that run core's chain search (each holds whole components)
     */
    public static Result run(Dataset<Row> shipments, RelayChains.Options o, int partitions) {
        return run(shipments, o, partitions, GeographyPlaces.INSTANCE);
    }

    /**
     * {@link #run(Dataset, RelayChains.Options, int)} with chains starting at the entry places of
     * {@code places} (core's {@code --places}); {@code places} must be serialisable.
     */
    public static Result run(Dataset<Row> shipments, RelayChains.Options o, int partitions, PlaceFacts places) {
        UserDefinedFunctions f = new UserDefinedFunctions(places);
        Dataset<Row> keyed = shipments.withColumn("key", f.key.apply(col("part"), col("row")));
        // sources: parties that send at least one shipment from a border-entry place (core's sendersFrom)
        Dataset<Row> sources = keyed.where(f.borderEntry.apply(col("origin_province"), col("origin_city")))
                .select(col("sender_phone").as("source_phone")).distinct();

        long window = o.windowSeconds();
        int recent = o.recent();
        FlatMapFunction<Row, Row> events = r -> List.of(
                RowFactory.create(r.getString(r.fieldIndex("sender_phone")), r.getLong(r.fieldIndex("shipped_at")),
                        false, r.getLong(r.fieldIndex("key"))),
                RowFactory.create(r.getString(r.fieldIndex("receiver_phone")), r.getLong(r.fieldIndex("shipped_at")),
                        true, r.getLong(r.fieldIndex("key")))).iterator();
        // sends sort before receipts of the same second (false < true); within them, input order
        Dataset<Row> pairs = keyed.select("key", "shipped_at", "sender_phone", "receiver_phone")
                .flatMap(events, ExpressionEncoder.apply(EVENT_SCHEMA))
                .repartition(col("party"))
                .sortWithinPartitions("party", "t", "receipt", "key")
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> new WindowPairs(it, window, recent),
                        ExpressionEncoder.apply(PAIR_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> components = ConnectedComponents.of(pairs);
        Dataset<Row> parted = keyed.join(sources, keyed.col("sender_phone").equalTo(sources.col("source_phone")), "left")
                .join(components, keyed.col("key").equalTo(components.col("node")), "left")
                .select(col("key"), coalesce(col("component"), col("key")).as("component"),
                        col("source_phone").isNotNull().as("source"), col("shipment_id"), col("shipped_at"),
                        col("origin_province"), col("origin_city"), col("destination_province"),
                        col("destination_city"), col("sender_phone"), col("receiver_phone"), col("pieces"))
                .repartition(partitions, col("component"))
                .sortWithinPartitions("key");
        // core's options are not serialisable: the task rebuilds them from their values
        int maxHops = o.maxHops();
        RelayChains.Level level = o.level();
        Dataset<Row> chains = parted.mapPartitions((MapPartitionsFunction<Row, Row>) it -> chainsOf(it,
                                new RelayChains.Options(window, maxHops, recent, level)),
                        ExpressionEncoder.apply(CHAIN_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        pairs.unpersist();

        Dataset<Row> figures = chains.groupBy("route").agg(count(lit(1)).as("chains"), sum("pieces").as("pieces"));
        Dataset<Row> parties = chains.select(col("route"), explode(col("parties")).as("party"))
                .groupBy("route").agg(countDistinct("party").as("parties"));
        Dataset<Row> ordered = figures.join(parties, "route")
                .orderBy(col("chains").desc(), col("route").asc());
        JavaRDD<Row> ranked = ordered.javaRDD().zipWithIndex().map(t -> RowFactory.create((int) (long) t._2() + 1,
                t._1().getString(0), (int) t._1().getLong(1), t._1().getLong(2), (int) t._1().getLong(3)));
        Dataset<Row> routes = shipments.sparkSession().createDataFrame(ranked, new StructType()
                .add("rank", DataTypes.IntegerType, false).add("route", DataTypes.StringType, false)
                .add("chains", DataTypes.IntegerType, false).add("pieces", DataTypes.LongType, false)
                .add("parties", DataTypes.IntegerType, false));
        Dataset<Row> appearances = chains.select(explode(col("parties")).as("party")).groupBy("party")
                .agg(count(lit(1)).as("appearances"));
        return new Result(chains, routes, appearances);
    }

    /** The job's UDFs (serialisable, with the place facts they test origins against). */
    private static final class UserDefinedFunctions implements Serializable {
        final org.apache.spark.sql.expressions.UserDefinedFunction key =
                udf((Integer p, Integer r) -> CaseLinkJob.orderKey(p, r), DataTypes.LongType);
        final org.apache.spark.sql.expressions.UserDefinedFunction borderEntry;

        UserDefinedFunctions(PlaceFacts places) {
            borderEntry = udf((String province, String city) -> places.isBorderEntry(province, city),
                    DataTypes.BooleanType);
        }
    }

    /**
     * The windowed pairs of one partition of events sorted by (party, time, receipt, key): each send
     * with the sender's receipts of the last {@code window} seconds among its {@code recent} latest,
     * as {@code (send key, receipt key)}; and each receipt that pushes a receipt of the last
     * {@code window} seconds out of the {@code recent} latest with that receipt, {@code (receipt key,
     * older receipt key)}, so that every receipt of the window before a send is in the send's component.
     */
    static final class WindowPairs implements Iterator<Row> {
        private final Iterator<Row> in;
        private final long window;
        private final int recent;
        private final long[] ringT;
        private final long[] ringKey;
        private int ringCount;
        private int ringNext;
        private String party;
        private final long[] pendingDst;
        private long pendingSrc;
        private int pending;
        private int pendingAt;

        WindowPairs(Iterator<Row> in, long window, int recent) {
            this.in = in;
            this.window = window;
            this.recent = recent;
            this.ringT = new long[recent];
            this.ringKey = new long[recent];
            this.pendingDst = new long[recent];
        }

        @Override
        public boolean hasNext() {
            while (pendingAt >= pending) {
                if (!in.hasNext()) {
                    return false;
                }
                Row e = in.next();
                String p = e.getString(0);
                if (!p.equals(party)) {
                    party = p;
                    ringCount = 0;
                    ringNext = 0;
                }
                long t = e.getLong(1);
                long key = e.getLong(3);
                if (e.getBoolean(2)) {
                    if (ringCount == recent && t - ringT[ringNext] <= window) {
                        // the oldest receipt leaves the recent ones while still inside the window: core may
                        // still read it (each party's latest sourced receipt is kept apart), so it stays in
                        // the component of the receipt that pushes it out
                        pending = 1;
                        pendingAt = 0;
                        pendingSrc = key;
                        pendingDst[0] = ringKey[ringNext];
                    }
                    ringT[ringNext] = t;
                    ringKey[ringNext] = key;
                    ringNext = (ringNext + 1) % recent;
                    ringCount = Math.min(ringCount + 1, recent);
                } else {
                    pending = 0;
                    pendingAt = 0;
                    pendingSrc = key;
                    for (int j = 0, slot = ringNext - 1; j < ringCount; j++, slot--) {
                        if (slot < 0) {
                            slot += recent;
                        }
                        if (t - ringT[slot] > window) {
                            break; // older receipts are older still
                        }
                        pendingDst[pending++] = ringKey[slot];
                    }
                }
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return RowFactory.create(pendingSrc, pendingDst[pendingAt++]);
        }
    }

    /** Core's chain search on one partition (whole components, rows in input order); one row per chain. */
    static Iterator<Row> chainsOf(Iterator<Row> rows, RelayChains.Options o) {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        long[] key = new long[1024];
        boolean[] sourceRow = new boolean[1024];
        int n = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            if (n == key.length) {
                key = java.util.Arrays.copyOf(key, 2 * n);
                sourceRow = java.util.Arrays.copyOf(sourceRow, 2 * n);
            }
            key[n] = r.getLong(0);
            sourceRow[n] = r.getBoolean(2);
            // only the columns the chain search and the routes read
            b.add(r.getString(3), r.getLong(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                    r.getString(9), r.getString(10), null, null, null, null, null, null, r.getInt(11), Double.NaN,
                    null, false);
            n++;
        }
        if (n == 0) {
            return java.util.Collections.emptyIterator();
        }
        ShipmentTable t = b.build();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        boolean[] sources = new boolean[parties.partyCount()];
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        for (int i = 0; i < n; i++) {
            sources[sender[i]] |= sourceRow[i];
        }
        RelayChains.Result res = RelayChains.find(t, parties, sources, null, o);
        List<Row> out = new ArrayList<>(res.chainCount());
        for (int c = 0; c < res.chainCount(); c++) {
            int[] chain = res.chain(c);
            String[] ids = new String[chain.length];
            String[] onChain = new String[chain.length + 1];
            List<String> places = new ArrayList<>();
            for (int j = 0; j < chain.length; j++) {
                int r = chain[j];
                ids[j] = t.shipmentId(r);
                onChain[j] = parties.parties().id(sender[r]);
                if (j == 0) {
                    appendPlace(places, label(t.place(t.originPlace(r)), o.level()));
                }
                appendPlace(places, label(t.place(t.destinationPlace(r)), o.level()));
            }
            int last = chain[chain.length - 1];
            onChain[chain.length] = parties.parties().id(receiver[last]);
            out.add(RowFactory.create(key[last], ids, String.join(" > ", places), (long) t.pieces(last), onChain));
        }
        return out.iterator();
    }

    /** A route's place as core labels it. */
    static String label(Place p, RelayChains.Level level) {
        return level == RelayChains.Level.PROVINCE ? p.province() : p.label();
    }

    /** Appends {@code place} unless it repeats the last one (core merges consecutive repeats). */
    private static void appendPlace(List<String> places, String place) {
        if (places.isEmpty() || !places.get(places.size() - 1).equals(place)) {
            places.add(place);
        }
    }
}
