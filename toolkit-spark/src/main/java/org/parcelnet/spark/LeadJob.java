package org.parcelnet.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parcelnet.io.Csv;
import org.parcelnet.io.SafeFileNames;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;

/**
 * Party leads and their dispatch regions on Spark, scored by core's {@link LeadScorer}.
 *
 * <p>Features, as DataFrame aggregations with core's definitions: volume, two-carton share and
 * border share ({@code PartyActivity}: a shipment counts once for its sender and once for its
 * receiver, once when they are the same party; border = origin province a border or transit
 * province), distinct counterparties (either direction), relay-chain positions
 * ({@link RelayChainJob}), and flagged cases in the party's case networks (core's
 * {@code LeadFeatures.flaggedInCaseNetworks}: per party the largest count of flagged cases among the
 * networks of the cases it sent or received). Rings and betweenness are not computed on Spark:
 * every party is outside rings (the community feature is 0) and has betweenness 0, so scores equal
 * core's scorecard with those two features absent, not {@code parcelnet analyze}'s.
 *
 * <p>Scoring: core normalises counts by {@code log(1 + x) / log(1 + max)} with the maximum over all
 * parties, so the maxima are computed first (one aggregation). Each task then runs core's
 * {@link LeadScorer} on its parties plus one extra row holding those maxima, which makes the task's
 * denominators the whole set's: every party's score and reasons are exactly core's. A task keeps its
 * best {@code topK} (core's ranking: score descending, ties by party index = first appearance in
 * the input, sender before receiver), and the driver merges the tasks' lists.
 *
 * <p>Dispatch ({@link Dispatch#regions}): a lead's region is the destination province of most of the
 * shipments it sent or received, ties to the name that sorts first; computed for the leads only.
 *
 * <p>Cost: one explode of two party rows per shipment and a few aggregations over them (O(R) data per
 * shuffle); per task core's O(n · 8) scoring; the driver holds {@code topK} rows per task.
 */
public final class LeadJob {

    /** A party lead as leads.csv writes it. */
    public record Lead(int rank, String party, double score, String region, String reasons) implements Serializable {
    }

    static final StructType FEATURE_SCHEMA = new StructType()
            .add("party", DataTypes.StringType, false)
            .add("first", DataTypes.LongType, false)
            .add("volume", DataTypes.DoubleType, false)
            .add("two_carton", DataTypes.DoubleType, false)
            .add("border", DataTypes.DoubleType, false)
            .add("counterparties", DataTypes.DoubleType, false)
            .add("relay", DataTypes.DoubleType, false)
            .add("flagged", DataTypes.DoubleType, false);

    static final StructType SCORED_SCHEMA = new StructType()
            .add("party", DataTypes.StringType, false)
            .add("first", DataTypes.LongType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("reasons", DataTypes.StringType, false);

    private LeadJob() {
    }

    /**
     * The best {@code topK} party leads, ranked, with their regions; the courier stations of the
     * shipments ({@link CourierStationJob#stations}) are never leads.
     *
     * @param shipments    rows of {@link ShipmentIngest#SCHEMA}
     * @param appearances  {@code party, appearances} of {@link RelayChainJob.Result#appearances()}
     * @param networks     {@code part, row, shipment_id, network} of every case
     * @param weights      core's lead weights
     */
    public static List<Lead> leads(Dataset<Row> shipments, Dataset<Row> appearances, Dataset<Row> networks,
                                   LeadWeights weights, int topK) {
        return leads(shipments, appearances, networks, weights, topK, GeographyPlaces.INSTANCE,
                CourierStationJob.stations(shipments));
    }

    /**
     * {@link #leads(Dataset, Dataset, Dataset, LeadWeights, int)} with the border share read against the
     * border and transit provinces of {@code places} (core's {@code --places}; serialisable), and
     * {@code stations} ({@code party}; null: none) kept out of the leads as core's analyze keeps courier
     * stations out ({@code LeadScorer.score(features, topK, excluded)}): a place, not a person. They
     * are left out after the maxima are taken, so every other party's score is as without the
     * exclusion, as in core.
     */
    public static List<Lead> leads(Dataset<Row> shipments, Dataset<Row> appearances, Dataset<Row> networks,
                                   LeadWeights weights, int topK, PlaceFacts places, Dataset<Row> stations) {
        Dataset<Row> features = features(shipments, appearances, networks, places).cache();
        Row m = features.agg(max("volume"), max("counterparties"), max("relay"), max("flagged")).first();
        double[] maxima = {m.getDouble(0), m.getDouble(1), m.getDouble(2), m.getDouble(3)};
        double[] w = weights.asArray();
        MapPartitionsFunction<Row, Row> score = it -> scorePartition(it, maxima, w, topK);
        // stations are few: their names go to every task
        Dataset<Row> candidates = stations == null ? features
                : features.join(org.apache.spark.sql.functions.broadcast(stations), "party", "left_anti");
        List<Row> best = candidates.sortWithinPartitions("first")
                .mapPartitions(score, ExpressionEncoder.apply(SCORED_SCHEMA)).collectAsList();
        features.unpersist();
        List<Row> ranked = new ArrayList<>(best);
        // core's order: score descending, ties by party index
        ranked.sort(Comparator.<Row>comparingDouble(r -> -r.getDouble(2)).thenComparingLong(r -> r.getLong(1)));
        ranked = ranked.subList(0, Math.min(topK, ranked.size()));
        List<String> parties = ranked.stream().map(r -> r.getString(0)).toList();
        Map<String, String> region = regions(shipments, parties);
        List<Lead> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            out.add(new Lead(i + 1, r.getString(0), r.getDouble(2), region.getOrDefault(r.getString(0), Dispatch.UNKNOWN),
                    r.getString(3)));
        }
        return out;
    }

    /** Per party the raw features ({@link #FEATURE_SCHEMA}); {@code first} is the party's index order key. */
    static Dataset<Row> features(Dataset<Row> shipments, Dataset<Row> appearances, Dataset<Row> networks) {
        return features(shipments, appearances, networks, GeographyPlaces.INSTANCE);
    }

    static Dataset<Row> features(Dataset<Row> shipments, Dataset<Row> appearances, Dataset<Row> networks,
                                 PlaceFacts places) {
        FlatMapFunction<Row, Row> sides = r -> {
            String s = r.getString(r.fieldIndex("sender_phone"));
            String rc = r.getString(r.fieldIndex("receiver_phone"));
            long key = CaseLinkJob.orderKey(r.getInt(r.fieldIndex("part")), r.getInt(r.fieldIndex("row")));
            boolean two = r.getInt(r.fieldIndex("pieces")) == 2;
            String province = r.getString(r.fieldIndex("origin_province"));
            boolean border = places.isBorderProvince(province) || places.isTransitProvince(province);
            List<Row> out = new ArrayList<>(2);
            // first appearance: core numbers parties by row, the sender before the receiver
            out.add(RowFactory.create(s, 2 * key, two, border, rc.equals(s) ? null : rc));
            if (!rc.equals(s)) {
                out.add(RowFactory.create(rc, 2 * key + 1, two, border, s));
            }
            return out.iterator();
        };
        StructType sideSchema = new StructType().add("party", DataTypes.StringType, false)
                .add("pos", DataTypes.LongType, false).add("two", DataTypes.BooleanType, false)
                .add("border_origin", DataTypes.BooleanType, false).add("other", DataTypes.StringType, true);
        // only the columns the function reads: each column it is given becomes a Java object per row
        Dataset<Row> side = shipments
                .select("sender_phone", "receiver_phone", "part", "row", "pieces", "origin_province")
                .flatMap(sides, ExpressionEncoder.apply(sideSchema));
        // a shipment whose receiver is its sender: the sender's side has no counterparty (null, not counted)
        Dataset<Row> activity = side.groupBy("party").agg(min("pos").as("first"), count(lit(1)).as("n"),
                        sum(when(col("two"), 1).otherwise(0)).as("n_two"),
                        sum(when(col("border_origin"), 1).otherwise(0)).as("n_border"),
                        countDistinct("other").as("counterparties"))
                .select(col("party"), col("first"), col("n").cast("double").as("volume"),
                        col("n_two").divide(col("n")).as("two_carton"), col("n_border").divide(col("n")).as("border"),
                        col("counterparties").cast("double").as("counterparties"));
        // flagged cases per case network, then per party the largest among its cases' networks
        Dataset<Row> caseKeys = networks.select(col("part").as("case_part"), col("row").as("case_row"), col("network"));
        Dataset<Row> cases = caseKeys.join(shipments.select("part", "row", "sender_phone", "receiver_phone", "flagged"),
                caseKeys.col("case_part").equalTo(col("part")).and(caseKeys.col("case_row").equalTo(col("row"))));
        Dataset<Row> perNetwork = cases.groupBy("network").agg(sum(when(col("flagged"), 1).otherwise(0)).as("nf"));
        Dataset<Row> caseFlags = cases.join(perNetwork, "network");
        Dataset<Row> flagged = caseFlags.select(col("sender_phone").as("party"), col("nf"))
                .union(caseFlags.select(col("receiver_phone").as("party"), col("nf")))
                .groupBy("party").agg(max("nf").cast("double").as("flagged"));
        return activity.join(appearances, "party", "left").join(flagged, "party", "left")
                .select(col("party"), col("first"), col("volume"), col("two_carton"), col("border"),
                        col("counterparties"), coalesce(col("appearances").cast("double"), lit(0.0)).as("relay"),
                        coalesce(col("flagged"), lit(0.0)).as("flagged"));
    }

    /**
     * Core's scorer on one partition's parties (sorted by {@code first}) plus a last row holding the
     * whole set's maxima; the partition's best {@code topK} parties (the extra row left out).
     */
    static Iterator<Row> scorePartition(Iterator<Row> rows, double[] maxima, double[] w, int topK) {
        List<String> ids = new ArrayList<>();
        List<Long> first = new ArrayList<>();
        DoubleList volume = new DoubleList();
        DoubleList two = new DoubleList();
        DoubleList border = new DoubleList();
        DoubleList counter = new DoubleList();
        DoubleList relay = new DoubleList();
        DoubleList flagged = new DoubleList();
        while (rows.hasNext()) {
            Row r = rows.next();
            ids.add(r.getString(0));
            first.add(r.getLong(1));
            volume.add(r.getDouble(2));
            two.add(r.getDouble(3));
            border.add(r.getDouble(4));
            counter.add(r.getDouble(5));
            relay.add(r.getDouble(6));
            flagged.add(r.getDouble(7));
        }
        int n = ids.size();
        if (n == 0) {
            return java.util.Collections.emptyIterator();
        }
        // the extra row: the whole set's maxima, so that core's log-scale denominators are the whole set's
        ids.add("\u0000maxima");
        volume.add(maxima[0]);
        two.add(0);
        border.add(0);
        counter.add(maxima[1]);
        relay.add(maxima[2]);
        flagged.add(maxima[3]);
        int[] noRing = new int[n + 1];
        java.util.Arrays.fill(noRing, -1);
        LeadFeatures f = new LeadFeatures(ids, volume.toArray(), two.toArray(), border.toArray(), counter.toArray(),
                relay.toArray(), noRing, new double[n + 1], flagged.toArray());
        LeadWeights weights = new LeadWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
        LeadResult res = new LeadScorer(weights).score(f, Math.min(topK + 1, n + 1));
        List<Row> out = new ArrayList<>();
        for (PartyLead l : res.parties()) {
            if (l.party() < n && out.size() < topK) {
                out.add(RowFactory.create(l.id(), first.get(l.party()), l.score(), l.reasonText()));
            }
        }
        return out.iterator();
    }

    /** Core's dispatch region ({@link Dispatch#regions}) of the given parties. */
    static Map<String, String> regions(Dataset<Row> shipments, List<String> parties) {
        if (parties.isEmpty()) {
            return Map.of();
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(parties);
        FlatMapFunction<Row, Row> sides = r -> {
            String s = r.getString(r.fieldIndex("sender_phone"));
            String rc = r.getString(r.fieldIndex("receiver_phone"));
            String province = r.getString(r.fieldIndex("destination_province"));
            List<Row> out = new ArrayList<>(2);
            if (wanted.contains(s)) {
                out.add(RowFactory.create(s, province));
            }
            if (!rc.equals(s) && wanted.contains(rc)) {
                out.add(RowFactory.create(rc, province));
            }
            return out.iterator();
        };
        Dataset<Row> counts = shipments.select("sender_phone", "receiver_phone", "destination_province")
                .flatMap(sides, ExpressionEncoder.apply(new StructType()
                        .add("party", DataTypes.StringType, false).add("province", DataTypes.StringType, false)))
                .groupBy("party", "province").count();
        Map<String, String> out = new java.util.HashMap<>();
        // ties to the province name that sorts first (Java's order, as core sorts the names)
        Map<String, Long> best = new java.util.HashMap<>();
        for (Row r : counts.collectAsList()) {
            String p = r.getString(0);
            String province = r.getString(1);
            long n = r.getLong(2);
            Long b = best.get(p);
            if (b == null || n > b || (n == b && province.compareTo(out.get(p)) < 0)) {
                best.put(p, n);
                out.put(p, province);
            }
        }
        return out;
    }

    /** leads.csv's header (core's {@code LeadTables.parties}). */
    public static final String HEADER = "rank,party,score,ring,region,reasons";

    /** A leads.csv line as core writes it (no ring on Spark: the cell is empty). */
    public static String line(Lead l) {
        return l.rank() + "," + Csv.cell(l.party()) + "," + Csv.quote(String.valueOf(l.score())) + ",,"
                + Csv.cell(l.region()) + "," + Csv.cell(l.reasons());
    }

    /**
     * The dispatch files, as {@code parcelnet analyze} writes its {@code leads/} folder: one leads.csv
     * per region (regions in name order, leads in rank order with their global ranks) and
     * {@code index.csv} ({@code region,file,rows}); file names by core's {@link SafeFileNames}, as the
     * command line makes them. File name → content.
     */
    public static Map<String, String> regionFiles(List<Lead> leads) {
        Map<String, List<Lead>> byRegion = new java.util.TreeMap<>();
        for (Lead l : leads) {
            byRegion.computeIfAbsent(l.region(), k -> new ArrayList<>()).add(l);
        }
        Map<String, String> names = SafeFileNames.forNames(byRegion.keySet(), ".csv", "index");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        StringBuilder index = new StringBuilder("region,file,rows\n");
        for (Map.Entry<String, List<Lead>> e : byRegion.entrySet()) {
            String file = names.get(e.getKey());
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            for (Lead l : e.getValue()) {
                csv.append(line(l)).append('\n');
            }
            files.put(file, csv.toString());
            index.append(Csv.cell(e.getKey())).append(',').append(Csv.cell(file)).append(',')
                    .append(e.getValue().size()).append('\n');
        }
        files.put("index.csv", index.toString());
        return files;
    }

    /** A growable double array. */
    private static final class DoubleList {
        private double[] a = new double[256];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
