package org.parcelnet.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parcelnet.model.NamePhonePairs;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;

/**
 * Graphs projected from a {@link ShipmentTable}.
 *
 * <ul>
 *   <li><b>party graph</b>: directed, sender party → receiver party, weight = number of shipments (or
 *       cartons);</li>
 *   <li><b>location graph</b>: directed, origin place → destination place ({@code province/city}),
 *       weight = shipments;</li>
 *   <li><b>identifier graph</b>: undirected and bipartite, each shipment joined to the identifiers it
 *       carries (sender/receiver phone, address, and name+phone).</li>
 * </ul>
 * Each projection is one pass over the table plus a {@link CompactGraphBuilder} build: O(rows).
 */
public final class Projections {

    /** What a party-graph edge weight counts. */
    public enum Volume {
        /** Number of shipments. */
        SHIPMENTS,
        /** Number of cartons ({@code pieces}). */
        PIECES
    }

    private Projections() {
    }

    /** Assigns every sender and receiver a party int under {@code key}. */
    public static PartyIndex parties(ShipmentTable t, PartyKey key) {
        int n = t.size();
        int[] senders = new int[n];
        int[] receivers = new int[n];
        IdMap<String> parties = new IdMap<>(Math.max(16, t.phones().size()));
        if (key == PartyKey.PHONE) {
            // A party is a phone: number the phone codes in first-seen order through an int array, so
            // each phone is decoded and hashed once rather than once per shipment.
            int[] partyOfPhone = new int[t.phones().size()];
            Arrays.fill(partyOfPhone, -1);
            for (int i = 0; i < n; i++) {
                senders[i] = phoneParty(t, t.senderPhone(i), partyOfPhone, parties);
                receivers[i] = phoneParty(t, t.receiverPhone(i), partyOfPhone, parties);
            }
            return new PartyIndex(key, senders, receivers, parties);
        }
        for (int i = 0; i < n; i++) {
            senders[i] = parties.intern(partyLabel(t, key, t.senderPhone(i), t.senderName(i), t.senderAddress(i)));
            receivers[i] = parties.intern(partyLabel(t, key, t.receiverPhone(i), t.receiverName(i), t.receiverAddress(i)));
        }
        return new PartyIndex(key, senders, receivers, parties);
    }

    private static int phoneParty(ShipmentTable t, int phone, int[] partyOfPhone, IdMap<String> parties) {
        int p = partyOfPhone[phone];
        if (p < 0) {
            p = parties.intern(t.phones().value(phone));
            partyOfPhone[phone] = p;
        }
        return p;
    }

    private static String partyLabel(ShipmentTable t, PartyKey key, int phone, int name, int address) {
        switch (key) {
            case PHONE:
                return t.phones().value(phone);
            case PHONE_NAME:
                return name < 0 ? t.phones().value(phone) : t.phones().value(phone) + "|" + t.names().value(name);
            case ADDRESS:
                return address < 0 ? t.phones().value(phone) : t.addresses().value(address);
            default:
                throw new AssertionError(key);
        }
    }

    /** The directed party graph with one node per party of {@code parties}. */
    public static LabeledGraph partyGraph(ShipmentTable t, PartyIndex parties, Volume volume) {
        CompactGraphBuilder b = CompactGraphBuilder.directed(parties.partyCount()).expectedEdges(t.size());
        int[] s = parties.senderParty();
        int[] r = parties.receiverParty();
        for (int i = 0; i < t.size(); i++) {
            b.addEdge(s[i], r[i], volume == Volume.PIECES ? t.pieces(i) : 1.0);
        }
        return new LabeledGraph(b.build(), parties.parties());
    }

    /** The party graph keyed by phone, weighted by shipments. */
    public static LabeledGraph partyGraph(ShipmentTable t) {
        return partyGraph(t, parties(t, PartyKey.PHONE), Volume.SHIPMENTS);
    }

    /**
     * The directed location graph: node ids are {@code province/city} labels, node ints are the
     * table's place codes.
     */
    public static LabeledGraph locationGraph(ShipmentTable t) {
        IdMap<String> ids = new IdMap<>(t.placeCount());
        for (int c = 0; c < t.placeCount(); c++) {
            ids.intern(t.place(c).label());
        }
        CompactGraphBuilder b = CompactGraphBuilder.directed(t.placeCount()).expectedEdges(t.size());
        for (int i = 0; i < t.size(); i++) {
            b.addEdge(t.originPlace(i), t.destinationPlace(i));
        }
        return new LabeledGraph(b.build(), ids);
    }

    /**
     * The undirected bipartite identifier graph. Nodes {@code 0..rows-1} are shipments (ids are the
     * waybill ids); the rest are identifiers labelled {@code phone:…}, {@code address:…} and
     * {@code name:…|phone} (a name only identifies together with its phone), numbered in order of
     * first appearance (rows in order; sender phone, receiver phone, sender and receiver address,
     * sender and receiver name).
     *
     * <p>Identifiers are found by their dictionary codes (an int array per phone, address and
     * {@link NamePhonePairs} pair), so each label is built once, not once per shipment carrying it.
     * O(rows) time; 4 bytes per phone, address and pair, and the pairs' own table, beside the graph.
     */
    public static LabeledGraph identifierGraph(ShipmentTable t) {
        int n = t.size();
        List<String> labels = new ArrayList<>(n * 2);
        for (int i = 0; i < n; i++) {
            labels.add(t.shipmentId(i));
        }
        int[] phoneNode = new int[t.phones().size()];
        int[] addressNode = new int[t.addresses().size()];
        Arrays.fill(phoneNode, -1);
        Arrays.fill(addressNode, -1);
        NamePhonePairs pairs = NamePhonePairs.of(t);
        int[] pairNode = new int[pairs.size()];
        Arrays.fill(pairNode, -1);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).expectedEdges(n * 4);
        for (int i = 0; i < n; i++) {
            b.addEdge(i, phoneNode(t, t.senderPhone(i), phoneNode, labels));
            b.addEdge(i, phoneNode(t, t.receiverPhone(i), phoneNode, labels));
            if (t.senderAddress(i) >= 0) {
                b.addEdge(i, addressNode(t, t.senderAddress(i), addressNode, labels));
            }
            if (t.receiverAddress(i) >= 0) {
                b.addEdge(i, addressNode(t, t.receiverAddress(i), addressNode, labels));
            }
            if (t.senderName(i) >= 0) {
                b.addEdge(i, pairNode(t, pairs, pairs.rowSender()[i], pairNode, labels));
            }
            if (t.receiverName(i) >= 0) {
                b.addEdge(i, pairNode(t, pairs, pairs.rowReceiver()[i], pairNode, labels));
            }
        }
        b.ensureNodes(labels.size());
        return new LabeledGraph(b.build(), IdMap.ofDistinct(labels));
    }

    private static int phoneNode(ShipmentTable t, int phone, int[] node, List<String> labels) {
        if (node[phone] < 0) {
            node[phone] = labels.size();
            labels.add("phone:" + t.phones().value(phone));
        }
        return node[phone];
    }

    private static int addressNode(ShipmentTable t, int address, int[] node, List<String> labels) {
        if (node[address] < 0) {
            node[address] = labels.size();
            labels.add("address:" + t.addresses().value(address));
        }
        return node[address];
    }

    private static int pairNode(ShipmentTable t, NamePhonePairs pairs, int pair, int[] node, List<String> labels) {
        if (node[pair] < 0) {
            node[pair] = labels.size();
            labels.add("name:" + t.names().value(pairs.name(pair)) + "|" + t.phones().value(pairs.phone(pair)));
        }
        return node[pair];
    }
}
