package org.parcelnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShipmentTableCopyTest {

    static ShipmentTable table() {
        return new ShipmentTable.Builder()
                .add("W1", 100, "云南", "瑞丽", "四川", "成都", "1", "2", "a", null, "x", null, "SF", TransportMode.LAND, 2, 1.5, "g", true)
                .add("W2", 200, "四川", "成都", "云南", "瑞丽", "2", "1", null, "a", null, "x", null, TransportMode.AIR, 1, Double.NaN, null, false)
                .build();
    }

    @Test
    void dictionariesAreReplacedCodeForCode() {
        ShipmentTable t = table();
        StringDictionary phones = new StringDictionary();
        phones.intern("one");
        phones.intern("two");
        StringDictionary names = new StringDictionary();
        names.intern("A");
        StringDictionary addresses = new StringDictionary();
        addresses.intern("X");
        ShipmentTable c = t.withPersonalDictionaries(phones, names, addresses);
        assertEquals("one", c.phones().value(c.senderPhone(0)));
        assertEquals("two", c.phones().value(c.senderPhone(1)));
        assertEquals("A", c.names().value(c.receiverName(1)));
        assertEquals(-1, c.senderName(1));
        assertEquals("X", c.addresses().value(c.receiverAddress(1)));
        assertEquals("W2", c.shipmentId(1));
        assertEquals(1, c.rowOf("W2"));
        assertEquals(t.place(t.originPlace(0)), c.place(c.originPlace(0)));
        assertEquals(TransportMode.AIR, c.mode(1));
        assertEquals("1", t.phones().value(t.senderPhone(0)), "the original is unchanged");
        StringDictionary tooSmall = new StringDictionary();
        tooSmall.intern("one");
        assertThrows(IllegalArgumentException.class, () -> t.withPersonalDictionaries(tooSmall, names, addresses));
    }

    @Test
    void timesAndWeightsAreReplaced() {
        ShipmentTable t = table();
        long[] times = {0, 86_400};
        ShipmentTable c = t.withTimesAndWeights(times, new double[] {1, Double.NaN});
        times[0] = 999; // copied
        assertEquals(0, c.shippedAt(0));
        assertEquals(86_400, c.shippedAt(1));
        assertEquals(1.0, c.weightKg(0));
        assertTrue(Double.isNaN(c.weightKg(1)));
        assertEquals(100, t.shippedAt(0));
        assertEquals(2, c.pieces(0));
        assertThrows(IllegalArgumentException.class, () -> t.withTimesAndWeights(new long[1], new double[2]));
    }

    @Test
    void roomMadeAtOnceKeepsTheRows() {
        ShipmentTable.Builder b = new ShipmentTable.Builder()
                .add("W1", 100, "云南", "瑞丽", "四川", "成都", "1", "2", "a", null, "x", null, "SF", TransportMode.LAND, 2, 1.5, "g", true);
        b.ensureCapacity(10_000);
        assertTrue(b.capacity() >= 10_000);
        b.ensureCapacity(5); // never shrinks
        assertTrue(b.capacity() >= 10_000);
        b.add("W2", 200, "四川", "成都", "云南", "瑞丽", "2", "1", null, "a", null, "x", null, TransportMode.AIR, 1, Double.NaN, null, false);
        ShipmentTable t = b.build();
        ShipmentTable expected = table();
        assertEquals(2, t.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(expected.shipmentId(i), t.shipmentId(i));
            assertEquals(expected.shippedAt(i), t.shippedAt(i));
            assertEquals(expected.senderPhone(i), t.senderPhone(i));
            assertEquals(expected.pieces(i), t.pieces(i));
            assertEquals(expected.mode(i), t.mode(i));
            assertEquals(expected.flagged(i), t.flagged(i));
        }
        assertEquals(1.5, t.weightKg(0), 1e-6);
    }
}
