package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.parcelnet.roles.CourierStations;

/**
 * Courier stations among the senders, by core's rule ({@link CourierStations#senders}): a sender phone
 * at least {@link CourierStations#MIN_SHARE} of whose sent shipments carry a station's sender address.
 * Which rows do is decided while each file is read, on the addresses as written, by core's own
 * {@link CourierStations#stationRows} ({@code sender_at_station}, {@link ShipmentIngest}), so the
 * stations are core's whatever the later pseudonyms. One aggregation of the shipments by sender (two
 * columns read, combined map-side): O(R) rows scanned, one row per sender shuffled at most per task.
 */
public final class CourierStationJob {

    private CourierStationJob() {
    }

    /**
     * The station parties ({@code party}: the sender phone) of {@code shipments} (rows of
     * {@link ShipmentIngest#SCHEMA} or {@link ShipmentIngest#JOB_SCHEMA}).
     */
    public static Dataset<Row> stations(Dataset<Row> shipments) {
        // the same comparison as core's: a count against MIN_SHARE times a count, in double arithmetic
        return shipments.groupBy(col("sender_phone").as("party"))
                .agg(count(lit(1)).as("sent"), sum(when(col("sender_at_station"), 1L).otherwise(0L)).as("at"))
                .where(col("at").gt(0).and(col("at").geq(col("sent").multiply(lit(CourierStations.MIN_SHARE)))))
                .select("party");
    }
}
