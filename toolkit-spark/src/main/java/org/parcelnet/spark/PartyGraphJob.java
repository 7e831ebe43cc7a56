package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The party graph as a DataFrame, as core's {@code Projections.partyGraph} with the phone as party
 * key and shipments as volume: one arc per distinct (sender phone, receiver phone), weight = the
 * shipments between them (self loops kept). One aggregation: O(R) shuffled rows before the map-side
 * combine, 16 bytes plus the two phones per arc.
 */
public final class PartyGraphJob {

    private PartyGraphJob() {
    }

    /** {@code (source, target, weight)} arcs of shipments under {@link ShipmentIngest#SCHEMA}. */
    public static Dataset<Row> arcs(Dataset<Row> shipments) {
        return shipments.groupBy(col("sender_phone").as("source"), col("receiver_phone").as("target"))
                .agg(count(lit(1)).as("weight"));
    }
}
