package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.linking.CaseNetworks;

/**
 * Case networks on Spark with core's direct-evidence rule ({@link CaseNetworks} with one identifier
 * per path, no community split): the same identifiers (phones, normalised addresses, name with
 * phone; one identifier twice on a shipment counts once), the same hubs (more than
 * {@code maxCounterparties} distinct counterparties or more than {@code maxShipments} shipments), the
 * same weight {@code ln(R/df)/ln(R)}, and each case linked to the previous case (in input order)
 * carrying the same identifier when weight × time factor reaches {@code minEvidence}. Networks are
 * the connected components of those links ({@link ConnectedComponents}), numbered as core numbers
 * them: 0 = most cases, ties by the earliest case.
 *
 * <p>Not distributed here: core's multi-identifier paths (best-first search through non-case
 * shipments) and the split of networks by party communities; docs/spark.md says so.
 *
 * <p>Cost: one explode of at most six identifiers per shipment, two aggregations (shipments and
 * distinct counterparties per identifier), one sort of each identifier's cases (a window), then the
 * components: O(R) data per shuffle.
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
        boolean addresses = params.useAddresses();
        boolean namePhone = params.useNamePhone();
        FlatMapFunction<Row, Row> explode = r -> identifiers(r, addresses, namePhone, onlyFlagged);
        Dataset<Row> ids = shipments.flatMap(explode, ExpressionEncoder.apply(IDENTIFIER_SCHEMA))
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
        Dataset<Row> cases = ids.where(col("is_case")).join(weights, "ident");
        Dataset<Row> links = cases
                .withColumn("prev", lag("key", 1).over(Window.partitionBy("ident").orderBy("key")))
                .withColumn("prev_t", lag("t", 1).over(Window.partitionBy("ident").orderBy("key")))
                .where(col("prev").isNotNull())
                .where(evidence.apply(col("w"), col("prev_t"), col("t")).geq(minEvidence))
                .select(col("key").as("src"), col("prev").as("dst"));

        Dataset<Row> caseRows = shipments.where(onlyFlagged ? col("flagged") : lit(true))
                .select(col("part"), col("row"), col("shipment_id"),
                        udf((Integer p, Integer w) -> orderKey(p, w), DataTypes.LongType)
                                .apply(col("part"), col("row")).as("key"));
        Dataset<Row> comp = ConnectedComponents.of(links);
        Dataset<Row> labelled = caseRows.join(comp, caseRows.col("key").equalTo(comp.col("node")), "left")
                .select(col("part"), col("row"), col("shipment_id"), col("key"),
                        org.apache.spark.sql.functions.coalesce(col("component"), col("key")).as("component"));
        ids.unpersist();
        Dataset<Row> ranked = DenseRank.bySizeThenSmallest(labelled, "component", "key");
        return labelled.join(ranked, "component").select("part", "row", "shipment_id", "rank")
                .withColumnRenamed("rank", "network").orderBy("part", "row");
    }

    /** The identifiers of one shipment as CaseLinker sees them (first slot wins a repeat). */
    static java.util.Iterator<Row> identifiers(Row r, boolean addresses, boolean namePhone, boolean onlyFlagged) {
        int part = r.getInt(r.fieldIndex("part"));
        int row = r.getInt(r.fieldIndex("row"));
        long key = orderKey(part, row);
        long t = r.getLong(r.fieldIndex("shipped_at"));
        boolean isCase = !onlyFlagged || r.getBoolean(r.fieldIndex("flagged"));
        String sp = r.getString(r.fieldIndex("sender_phone"));
        String rp = r.getString(r.fieldIndex("receiver_phone"));
        String[] ident = new String[6];
        String[] counter = new String[6];
        ident[0] = "phone:" + sp;
        counter[0] = rp;
        ident[1] = "phone:" + rp;
        counter[1] = sp;
        if (addresses) {
            String sa = r.getString(r.fieldIndex("sender_address_key"));
            String ra = r.getString(r.fieldIndex("receiver_address_key"));
            if (sa != null) {
                ident[2] = "address:" + sa;
                counter[2] = rp;
            }
            if (ra != null) {
                ident[3] = "address:" + ra;
                counter[3] = sp;
            }
        }
        if (namePhone) {
            String sn = r.getString(r.fieldIndex("sender_name"));
            String rn = r.getString(r.fieldIndex("receiver_name"));
            if (sn != null) {
                ident[4] = "name:" + sn + "|" + sp;
                counter[4] = rp;
            }
            if (rn != null) {
                ident[5] = "name:" + rn + "|" + rp;
                counter[5] = sp;
            }
        }
        List<Row> out = new ArrayList<>(6);
        for (int s = 0; s < 6; s++) {
            if (ident[s] == null) {
                continue;
            }
            boolean repeat = false;
            for (int q = 0; q < s; q++) {
                repeat |= ident[s].equals(ident[q]);
            }
            if (!repeat) {
                out.add(RowFactory.create(ident[s], counter[s], key, t, isCase));
            }
        }
        return out.iterator();
    }
}
