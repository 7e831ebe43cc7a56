package org.parcelnet.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.parcelnet.model.ShipmentTable;

class GeneralizerTest {

    @Test
    void dayTruncatesToMidnightOfTheZone() {
        // 2024-03-01T00:00:00Z = 1709251200
        assertEquals(1_709_251_200L, Generalizer.day(1_709_251_200L + 3_600, ZoneOffset.UTC));
        assertEquals(1_709_251_200L, Generalizer.day(1_709_251_200L + 86_399, ZoneOffset.UTC));
        assertEquals(1_709_251_200L + 86_400, Generalizer.day(1_709_251_200L + 86_400, ZoneOffset.UTC));
        assertEquals(-86_400L, Generalizer.day(-1, ZoneOffset.UTC));
        // Shanghai is UTC+8: 2024-03-01T01:00Z is 09:00 local on 1 March, whose midnight is 2024-02-29T16:00Z.
        assertEquals(1_709_251_200L - 8 * 3_600, Generalizer.day(1_709_251_200L + 3_600, ZoneId.of("Asia/Shanghai")));
        // 2024-03-01T17:00Z is 01:00 local on 2 March.
        assertEquals(1_709_251_200L + 16 * 3_600, Generalizer.day(1_709_251_200L + 17 * 3_600, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void weightBandsUseLowerEdges() {
        WeightBands b = WeightBands.DEFAULT;
        assertEquals(0.0, b.band(0.3));
        assertEquals(0.5, b.band(0.5));
        assertEquals(0.5, b.band(0.99));
        assertEquals(2.0, b.band(4.999));
        assertEquals(10.0, b.band(12.3));
        assertEquals(1000.0, b.band(5000));
        assertTrue(Double.isNaN(b.band(Double.NaN)));
        WeightBands custom = new WeightBands(1, 10);
        assertEquals(1.0, custom.band(0.2)); // below the first edge: first band
        assertArrayEquals(new double[] {1, 10}, custom.edges());
        assertThrows(IllegalArgumentException.class, () -> new WeightBands(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new WeightBands());
        assertThrows(IllegalArgumentException.class, () -> new WeightBands(-1, 1));
    }

    @Test
    void appliesEachStepOnlyWhenAsked() {
        ShipmentTable t = Fixtures.table();
        ShipmentTable same = new Generalizer(Generalizer.Options.none()).apply(t);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.shippedAt(i), same.shippedAt(i));
            assertEquals(t.weightKg(i), same.weightKg(i));
            assertEquals(t.addresses().value(t.senderAddress(i)), same.addresses().value(same.senderAddress(i)));
        }

        ShipmentTable g = new Generalizer(Generalizer.Options.none().withAddressToCity(true).withTimeToDay(true)
                .withWeightBands(WeightBands.DEFAULT)).apply(t);
        assertEquals(t.size(), g.size());
        // W1: sender address in 云南/瑞丽, receiver in 四川/成都; time 01:00 on 2024-03-01 UTC; 12.3 kg.
        assertEquals("云南/瑞丽", g.addresses().value(g.senderAddress(0)));
        assertEquals("四川/成都", g.addresses().value(g.receiverAddress(0)));
        assertEquals(1_709_251_200L, g.shippedAt(0));
        assertEquals(10.0, g.weightKg(0));
        // W2: no receiver address stays missing; 0.7 kg → 0.5 band; next day.
        assertEquals(-1, g.receiverAddress(1));
        assertEquals("四川/成都", g.addresses().value(g.senderAddress(1)));
        assertEquals(0.5, g.weightKg(1));
        assertEquals(1_709_251_200L + 86_400, g.shippedAt(1));
        // W4: missing weight stays missing.
        assertTrue(Double.isNaN(g.weightKg(3)));
        assertNull(g.addresses().value(g.senderAddress(3)));
        // Everything else is unchanged.
        for (int i = 0; i < t.size(); i++) {
            assertEquals(t.shipmentId(i), g.shipmentId(i));
            assertEquals(t.phones().value(t.senderPhone(i)), g.phones().value(g.senderPhone(i)));
            assertEquals(t.names().value(t.receiverName(i)), g.names().value(g.receiverName(i)));
            assertEquals(t.pieces(i), g.pieces(i));
            assertEquals(t.flagged(i), g.flagged(i));
        }
    }

    @Test
    void columnPathAndRowPathAgreeOnTimesAndWeights() {
        ShipmentTable t = Fixtures.table();
        Generalizer.Options timeAndWeight = Generalizer.Options.none().withTimeToDay(true).withZone(ZoneId.of("Asia/Shanghai"))
                .withWeightBands(new WeightBands(0, 1, 10, 100));
        ShipmentTable columns = new Generalizer(timeAndWeight).apply(t);
        ShipmentTable rows = new Generalizer(timeAndWeight.withAddressToCity(true)).apply(t);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(rows.shippedAt(i), columns.shippedAt(i));
            assertEquals(Double.doubleToLongBits(rows.weightKg(i)), Double.doubleToLongBits(columns.weightKg(i)));
            assertEquals(t.addresses().value(t.senderAddress(i)), columns.addresses().value(columns.senderAddress(i)));
            assertEquals(t.phones().value(t.senderPhone(i)), columns.phones().value(columns.senderPhone(i)));
        }
        assertEquals(10.0, columns.weightKg(0)); // 12.3 kg
        assertEquals(100.0, columns.weightKg(5)); // 1000.5 kg
    }
}
