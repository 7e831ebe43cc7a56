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
}
