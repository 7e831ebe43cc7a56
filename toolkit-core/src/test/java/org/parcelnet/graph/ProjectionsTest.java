package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class ProjectionsTest {

    static ShipmentTable table() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        b.add("S1", 0, "云南", "瑞丽", "云南", "昆明", "111", "222", "李明", "张强", "姐告路8号", "仓储路12号", "顺丰", TransportMode.LAND, 2, 20, "茶叶", false);
        b.add("S2", 10, "云南", "瑞丽", "云南", "昆明", "111", "222", "黎明", "张强", "姐告路8号", "仓储路12号", "顺丰", TransportMode.LAND, 2, 20, "茶叶", true);
        b.add("S3", 20, "云南", "昆明", "四川", "成都", "222", "333", "张强", "", "仓储路12号", "", "中通", TransportMode.AIR, 4, 35, "茶叶", false);
        b.add("S4", 30, "四川", "成都", "四川", "成都", "444", "555", "", "", "", "", "", TransportMode.UNKNOWN, 1, Double.NaN, "", false);
        return b.build();
    }

    @Test
    void partyGraphCountsShipmentsOrPieces() {
        ShipmentTable t = table();
        LabeledGraph g = Projections.partyGraph(t);
        assertEquals(5, g.graph().nodeCount());
        assertEquals(3, g.graph().edgeCount());
        assertEquals(2.0, g.graph().weight(g.graph().arcIndex(g.node("111"), g.node("222"))));
        LabeledGraph pieces = Projections.partyGraph(t, Projections.parties(t, PartyKey.PHONE), Projections.Volume.PIECES);
        assertEquals(4.0, pieces.graph().weight(pieces.graph().arcIndex(pieces.node("111"), pieces.node("222"))));
        PartyIndex byName = Projections.parties(t, PartyKey.PHONE_NAME);
        assertEquals(6, byName.partyCount(), "111|李明, 111|黎明, 222|张强, 333, 444, 555");
    }

    @Test
    void locationAndIdentifierGraphs() {
        ShipmentTable t = table();
        LabeledGraph loc = Projections.locationGraph(t);
        assertEquals(3, loc.graph().nodeCount());
        assertEquals(3, loc.graph().edgeCount(), "Ruili→Kunming, Kunming→Chengdu, Chengdu→Chengdu");
        assertEquals(2.0, loc.graph().weight(loc.graph().arcIndex(loc.node("云南/瑞丽"), loc.node("云南/昆明"))));
        LabeledGraph id = Projections.identifierGraph(t);
        assertTrue(id.graph().hasArc(id.node("S1"), id.node("phone:111")));
        assertTrue(id.graph().hasArc(id.node("S3"), id.node("phone:222")));
        assertTrue(id.graph().hasArc(id.node("S2"), id.node("address:姐告路8号")));
        assertTrue(id.graph().hasArc(id.node("S1"), id.node("name:李明|111")));
        assertEquals(2, Components.weak(id.graph()).count(), "S1–S3 share identifiers; S4 alone");
    }

    /**
     * On a generated network, the identifier graph equals one built plainly: a label string per
     * occurrence, interned in a map in row order.
     */
    @Test
    void identifierGraphEqualsAPlainStringBuild(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        new org.parcelnet.synth.NetworkGenerator(org.parcelnet.synth.GeneratorConfig.builder().shipments(5_000).rings(2)
                .seed(3).build()).writeTo(dir, false, 1);
        ShipmentTable t = org.parcelnet.io.ShipmentReader.read(dir.resolve("shipments.csv")).table();
        IdMap<String> ids = new IdMap<>();
        for (int i = 0; i < t.size(); i++) {
            ids.intern(t.shipmentId(i));
        }
        java.util.Set<Long> arcs = new java.util.HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            java.util.List<String> carried = new java.util.ArrayList<>();
            carried.add("phone:" + t.phones().value(t.senderPhone(i)));
            carried.add("phone:" + t.phones().value(t.receiverPhone(i)));
            if (t.senderAddress(i) >= 0) {
                carried.add("address:" + t.addresses().value(t.senderAddress(i)));
            }
            if (t.receiverAddress(i) >= 0) {
                carried.add("address:" + t.addresses().value(t.receiverAddress(i)));
            }
            if (t.senderName(i) >= 0) {
                carried.add("name:" + t.names().value(t.senderName(i)) + "|" + t.phones().value(t.senderPhone(i)));
            }
            if (t.receiverName(i) >= 0) {
                carried.add("name:" + t.names().value(t.receiverName(i)) + "|" + t.phones().value(t.receiverPhone(i)));
            }
            for (String c : carried) {
                arcs.add((long) i << 32 | ids.intern(c));
            }
        }
        LabeledGraph g = Projections.identifierGraph(t);
        assertEquals(ids.ids(), g.ids().ids(), "labels in the same order");
        assertEquals(arcs.size(), g.graph().edgeCount());
        for (long a : arcs) {
            assertTrue(g.graph().hasArc((int) (a >>> 32), (int) a));
        }
    }
}
