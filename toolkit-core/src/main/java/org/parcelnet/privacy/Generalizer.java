package org.parcelnet.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;

/**
 * Coarsens quasi-identifiers of shipments: street addresses to their city, pickup times to the start
 * of their day, exact weights to bands. Each step is optional ({@link Options}); what is not
 * generalised is copied unchanged. Generalisation loses information on purpose: addresses → city
 * makes {@code --party-key address} group whole cities, and day times lose the order of a day's
 * shipments (relay chains within one day then tie).
 *
 * <p>Cost: O(rows). Times and weights are replaced column-wise (other columns shared); addresses →
 * city rebuilds the table row by row (hash lookups per row). The value-level
 * methods ({@link #day}, {@link WeightBands#band}, {@link #cityOf}) serve streaming, row-at-a-time use.
 */
public final class Generalizer {

    /**
     * What to generalise.
     *
     * @param addressToCity replace each present address by the city of its end ("province/city":
     *                      sender → origin, receiver → destination)
     * @param timeToDay     truncate pickup times to midnight in {@code zone}
     * @param zone          the zone whose days are meant
     * @param weightBands   bands to put weights in, or {@code null} to keep exact weights
     */
    public record Options(boolean addressToCity, boolean timeToDay, ZoneId zone, WeightBands weightBands) {
        public Options {
            Objects.requireNonNull(zone, "zone");
        }

        /** Nothing generalised, UTC days. */
        public static Options none() {
            return new Options(false, false, ZoneOffset.UTC, null);
        }

        public Options withAddressToCity(boolean v) {
            return new Options(v, timeToDay, zone, weightBands);
        }

        public Options withTimeToDay(boolean v) {
            return new Options(addressToCity, v, zone, weightBands);
        }

        public Options withZone(ZoneId v) {
            return new Options(addressToCity, timeToDay, v, weightBands);
        }

        public Options withWeightBands(WeightBands v) {
            return new Options(addressToCity, timeToDay, zone, v);
        }

        /** Whether any step is on. */
        public boolean any() {
            return addressToCity || timeToDay || weightBands != null;
        }
    }

    private final Options options;

    /** A generaliser with these options. */
    public Generalizer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** Epoch seconds of the start of the day (in {@code zone}) holding {@code epochSeconds}. */
    public static long day(long epochSeconds, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return Math.floorDiv(epochSeconds, 86_400L) * 86_400L;
        }
        LocalDate d = Instant.ofEpochSecond(epochSeconds).atZone(zone).toLocalDate();
        return d.atStartOfDay(zone).toEpochSecond();
    }

    /** The city label ("province/city") that an address is generalised to. */
    public static String cityOf(Place place) {
        return place.label();
    }

    /** A copy of {@code table} generalised per the options. */
    public ShipmentTable apply(ShipmentTable table) {
        ZoneId zone = options.zone();
        WeightBands bands = options.weightBands();
        if (!options.addressToCity()) {
            // Only times and weights change: new columns, every other one shared.
            int n = table.size();
            long[] t = new long[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = options.timeToDay() ? day(table.shippedAt(i), zone) : table.shippedAt(i);
                w[i] = bands == null ? table.weightKg(i) : bands.band(table.weightKg(i));
            }
            return table.withTimesAndWeights(t, w);
        }
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0, n = table.size(); i < n; i++) {
            Place o = table.place(table.originPlace(i));
            Place d = table.place(table.destinationPlace(i));
            String sAddr = table.addresses().value(table.senderAddress(i));
            String rAddr = table.addresses().value(table.receiverAddress(i));
            if (options.addressToCity()) {
                sAddr = sAddr == null ? null : cityOf(o);
                rAddr = rAddr == null ? null : cityOf(d);
            }
            long t = options.timeToDay() ? day(table.shippedAt(i), zone) : table.shippedAt(i);
            double w = bands == null ? table.weightKg(i) : bands.band(table.weightKg(i));
            b.add(table.shipmentId(i), t, o.province(), o.city(), d.province(), d.city(),
                    table.phones().value(table.senderPhone(i)), table.phones().value(table.receiverPhone(i)),
                    table.names().value(table.senderName(i)), table.names().value(table.receiverName(i)),
                    sAddr, rAddr, table.carriers().value(table.carrier(i)), table.mode(i), table.pieces(i), w,
                    table.goodsDictionary().value(table.goods(i)), table.flagged(i));
        }
        return b.build();
    }
}
