package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class CourierStationsTest {

    private static int row;

    private static void send(ShipmentTable.Builder b, String sender, String senderAddress, String receiver,
                             String receiverAddress) {
        b.add("W" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", sender, receiver, null,
                null, senderAddress, receiverAddress, "c1", TransportMode.LAND, 2, 20, "tea", false);
    }

    /**
     * By hand: ST sends 10 parcels from a "Courier Station" address (written in any case), CN 5 from a
     * 驿站; Q sends 9 of 10 from a station's address (0.9, the threshold) and P 1 of 3; R only receives
     * at a pick-up point; N sends without an address. Stations: ST, CN and Q.
     */
    @Test
    void sendersFromStationAddressesByHand() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 10; i++) {
            send(b, "ST", i % 2 == 0 ? "Pingan Road COURIER STATION No.5 Ruili" : "pingan road courier station no.5 ruili",
                    "X" + i, "home " + i);
        }
        for (int i = 0; i < 5; i++) {
            send(b, "CN", "瑞丽市菜鸟驿站(幸福路店)", "Y" + i, null);
        }
        for (int i = 0; i < 10; i++) {
            send(b, "Q", i < 9 ? "Hengli Road Courier Station No.10" : "No.3 Hengli Road", "R", "XX Road Parcel Locker");
        }
        send(b, "P", "Pingan Road Courier Station No.5 Ruili", "R", null);
        send(b, "P", "No.8 Pingan Road", "R", null);
        send(b, "P", "No.8 Pingan Road", "R", null);
        send(b, "N", null, "R", null);
        ShipmentTable t = b.build();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        boolean[] station = CourierStations.senders(t, parties, CourierStations.DEFAULT_WORDS);
        for (String p : List.of("ST", "CN", "Q")) {
            assertTrue(station[parties.parties().indexOf(p)], p);
        }
        for (String p : List.of("P", "R", "N", "X0", "Y0")) {
            assertFalse(station[parties.parties().indexOf(p)], p);
        }
        assertEquals(3, CourierStations.count(station));
        // the words decide: none, or only the Chinese one
        assertEquals(0, CourierStations.count(CourierStations.senders(t, parties, List.of())));
        assertEquals(0, CourierStations.count(CourierStations.senders(t, parties, List.of(" ", ""))));
        boolean[] chinese = CourierStations.senders(t, parties, List.of("驿站"));
        assertEquals(1, CourierStations.count(chinese));
        assertTrue(chinese[parties.parties().indexOf("CN")]);
    }

    @Test
    void stationsLeaveTheRings() {
        // parties 0-2 in ring 0 (member, member, customer), 3 in ring 1 (member), 4 outside; 1 and 2 are stations
        RingMembers.Role m = RingMembers.Role.MEMBER;
        RingMembers.Result classified = new RingMembers.Result(new int[] {0, 0, 0, 1, -1},
                new RingMembers.Role[] {m, m, RingMembers.Role.CUSTOMER, m, null}, new double[] {0.9, 0.8, 0.3, 0.7, 0},
                new int[] {0, 0, -1, 1, -1}, 1, new int[] {0, 1});
        RingMembers.Result left = classified.without(new boolean[] {false, true, true, false, false});
        assertArrayEquals(new int[] {0, -1, -1, 1, -1}, left.ring());
        assertArrayEquals(new RingMembers.Role[] {m, null, null, m, null}, left.role());
        assertArrayEquals(new double[] {0.9, 0, 0, 0.7, 0}, left.confidence());
        assertArrayEquals(new int[] {0, -1, -1, 1, -1}, left.members());
        assertEquals(0, left.customers());
        assertEquals(2, left.ringCount());
    }
}
