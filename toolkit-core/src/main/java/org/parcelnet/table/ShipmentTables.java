package org.parcelnet.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.parcelnet.model.ShipmentTable;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of shipments: the whole table, and summary tables (shipments per province, per
 * day, per carrier). This package is the only one that imports Tablesaw.
 */
public final class ShipmentTables {

    private ShipmentTables() {
    }

    /** All columns of a shipment table as a Tablesaw {@link Table} (personal columns included). */
    public static Table toTable(ShipmentTable t) {
        int n = t.size();
        StringColumn id = StringColumn.create("shipment_id");
        InstantColumn at = InstantColumn.create("shipped_at");
        StringColumn op = StringColumn.create("origin_province");
        StringColumn oc = StringColumn.create("origin_city");
        StringColumn dp = StringColumn.create("destination_province");
        StringColumn dc = StringColumn.create("destination_city");
        StringColumn sp = StringColumn.create("sender_phone");
        StringColumn rp = StringColumn.create("receiver_phone");
        StringColumn sn = StringColumn.create("sender_name");
        StringColumn rn = StringColumn.create("receiver_name");
        StringColumn sa = StringColumn.create("sender_address");
        StringColumn ra = StringColumn.create("receiver_address");
        StringColumn carrier = StringColumn.create("carrier");
        StringColumn mode = StringColumn.create("mode");
        IntColumn pieces = IntColumn.create("pieces");
        DoubleColumn weight = DoubleColumn.create("weight_kg");
        StringColumn goods = StringColumn.create("declared_goods");
        BooleanColumn flagged = BooleanColumn.create("flagged");
        for (int i = 0; i < n; i++) {
            id.append(t.shipmentId(i));
            at.append(Instant.ofEpochSecond(t.shippedAt(i)));
            op.append(t.place(t.originPlace(i)).province());
            oc.append(t.place(t.originPlace(i)).city());
            dp.append(t.place(t.destinationPlace(i)).province());
            dc.append(t.place(t.destinationPlace(i)).city());
            sp.append(t.phones().value(t.senderPhone(i)));
            rp.append(t.phones().value(t.receiverPhone(i)));
            sn.append(orEmpty(t.names().value(t.senderName(i))));
            rn.append(orEmpty(t.names().value(t.receiverName(i))));
            sa.append(orEmpty(t.addresses().value(t.senderAddress(i))));
            ra.append(orEmpty(t.addresses().value(t.receiverAddress(i))));
            carrier.append(orEmpty(t.carriers().value(t.carrier(i))));
            mode.append(t.mode(i).csv());
            pieces.append(t.pieces(i));
            double w = t.weightKg(i);
            if (Double.isNaN(w)) {
                weight.appendMissing();
            } else {
                weight.append(w);
            }
            goods.append(orEmpty(t.goodsDictionary().value(t.goods(i))));
            flagged.append(t.flagged(i));
        }
        return Table.create("shipments", id, at, op, oc, dp, dc, sp, rp, sn, rn, sa, ra, carrier, mode, pieces, weight,
                goods, flagged);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Shipments, cartons and flagged parcels per origin province (or destination when
     * {@code byDestination}), most shipments first.
     */
    public static Table perProvince(ShipmentTable t, boolean byDestination) {
        Map<String, long[]> acc = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            String p = t.place(byDestination ? t.destinationPlace(i) : t.originPlace(i)).province();
            long[] a = acc.computeIfAbsent(p, k -> new long[3]);
            a[0]++;
            a[1] += t.pieces(i);
            if (t.flagged(i)) {
                a[2]++;
            }
        }
        Table out = counts(byDestination ? "destination_province" : "origin_province", acc);
        return out.sortDescendingOn("shipments");
    }

    /** Shipments, cartons and flagged parcels per calendar day in {@code zone}, in date order. */
    public static Table perDay(ShipmentTable t, ZoneId zone) {
        Map<LocalDate, long[]> acc = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            LocalDate d = Instant.ofEpochSecond(t.shippedAt(i)).atZone(zone).toLocalDate();
            long[] a = acc.computeIfAbsent(d, k -> new long[3]);
            a[0]++;
            a[1] += t.pieces(i);
            if (t.flagged(i)) {
                a[2]++;
            }
        }
        DateColumn day = DateColumn.create("day");
        LongColumn s = LongColumn.create("shipments");
        LongColumn p = LongColumn.create("pieces");
        LongColumn f = LongColumn.create("flagged");
        for (Map.Entry<LocalDate, long[]> e : acc.entrySet()) {
            day.append(e.getKey());
            s.append(e.getValue()[0]);
            p.append(e.getValue()[1]);
            f.append(e.getValue()[2]);
        }
        return Table.create("shipments per day", day, s, p, f);
    }

    /** Per-day table in UTC. */
    public static Table perDay(ShipmentTable t) {
        return perDay(t, ZoneOffset.UTC);
    }

    /** Shipments, cartons and flagged parcels per carrier ("" when not given), most first. */
    public static Table perCarrier(ShipmentTable t) {
        Map<String, long[]> acc = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            String c = orEmpty(t.carriers().value(t.carrier(i)));
            long[] a = acc.computeIfAbsent(c, k -> new long[3]);
            a[0]++;
            a[1] += t.pieces(i);
            if (t.flagged(i)) {
                a[2]++;
            }
        }
        return counts("carrier", acc).sortDescendingOn("shipments");
    }

    private static Table counts(String keyName, Map<String, long[]> acc) {
        StringColumn key = StringColumn.create(keyName);
        LongColumn s = LongColumn.create("shipments");
        LongColumn p = LongColumn.create("pieces");
        LongColumn f = LongColumn.create("flagged");
        for (Map.Entry<String, long[]> e : acc.entrySet()) {
            key.append(e.getKey());
            s.append(e.getValue()[0]);
            p.append(e.getValue()[1]);
            f.append(e.getValue()[2]);
        }
        return Table.create("shipments per " + keyName, key, s, p, f);
    }
}
