package org.parcelnet.linking;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.parcelnet.model.ShipmentTable;

/**
 * Links shipments into case networks: two shipments are in one network when a chain of shared
 * identifiers joins them. The identifiers of a shipment are its sender and receiver phones (one phone
 * space: a phone that receives in one parcel and sends in another links both), its sender and
 * receiver addresses after {@link #normalizeAddress normalisation}, and each side's name together with
 * that side's phone (which still links a person's parcels when the phone is a suppressed hub, e.g. a
 * courier station's number standing in for the sender's).
 *
 * <p><b>Hub suppression.</b> An identifier that occurs on shipments with more than
 * {@link Params#maxCounterparties()} distinct counterparties (the phone on the other side of each
 * shipment), or on more than {@link Params#maxShipments()} shipments, is not used for linking and is
 * reported in {@link LinkResult#hubs()}. Courier stations, busy shops, platforms and placeholder
 * numbers ("00000000000") would otherwise chain unrelated people into one giant network. The default
 * K = 40 sits just above what the members of a smuggling ring reach: a retailer trades with its one
 * distributor, a distributor with a transit warehouse and its retailers, a transit warehouse with a
 * few sources and up to about twenty distributors, plus the few innocent parcels members also send.
 * On the generator's data (200,000 shipments, default knobs) ring phones have at most 37 distinct
 * counterparties (99th percentile 33 for transit warehouses, 23 for distributors), while 1,124
 * background phones (stations, shops, popular buyers) have more than 50 and the busiest thousands.
 * Shipment counts do not separate the two (a transit warehouse sends hundreds of parcels to a few
 * distributors: up to 444 there), so only an extreme count (over 5,000 shipments) suppresses on
 * volume alone. docs/community.md gives the evaluation.
 *
 * <p>Cost: O(R log R) for R shipments (a sort of identifier–counterparty pairs), then near-linear
 * union-find. Memory about 60 bytes per shipment at peak.
 */
public final class CaseLinker {

    /**
     * Options, validated on construction.
     *
     * @param maxCounterparties identifiers with more distinct counterparties are hubs (≥ 1)
     * @param maxShipments      identifiers on more shipments are hubs (≥ 1)
     * @param useAddresses      whether addresses link
     * @param useNamePhone      whether name+phone pairs link
     */
    public record Params(int maxCounterparties, int maxShipments, boolean useAddresses, boolean useNamePhone) {

        /** Default counterparty limit K. */
        public static final int DEFAULT_MAX_COUNTERPARTIES = 40;
        /** Default shipment limit. */
        public static final int DEFAULT_MAX_SHIPMENTS = 5000;
        /** K = 40 counterparties, 5,000 shipments, every identifier kind. */
        public static final Params DEFAULTS = new Params(DEFAULT_MAX_COUNTERPARTIES, DEFAULT_MAX_SHIPMENTS, true, true);
        /** No hub suppression at all (for comparison). */
        public static final Params NO_SUPPRESSION = new Params(Integer.MAX_VALUE, Integer.MAX_VALUE, true, true);

        public Params {
            if (maxCounterparties < 1) {
                throw new IllegalArgumentException("hub threshold (counterparties) must be >= 1, got " + maxCounterparties);
            }
            if (maxShipments < 1) {
                throw new IllegalArgumentException("hub threshold (shipments) must be >= 1, got " + maxShipments);
            }
        }

        /** The defaults with counterparty limit {@code k}. */
        public static Params withHubThreshold(int k) {
            return new Params(k, DEFAULT_MAX_SHIPMENTS, true, true);
        }
    }

    private static final int SLOTS = 6;

    private final Params params;

    /** A linker with the given options. */
    public CaseLinker(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** A linker with {@link Params#DEFAULTS}. */
    public CaseLinker() {
        this(Params.DEFAULTS);
    }

    /** Links the shipments of {@code table}. */
    public LinkResult link(ShipmentTable table) {
        Objects.requireNonNull(table, "table");
        final int rows = table.size();
        final int phones = table.phones().size();
        // Identifier ids: phones [0, P), normalised addresses [P, P+A), name+phone pairs after that.
        int[] addressId = normalisedAddressIds(table);
        int addresses = 0;
        for (int a : addressId) {
            addresses = Math.max(addresses, a + 1);
        }
        long[] pairKeys = namePhoneKeys(table);
        int pairs = pairKeys.length;
        int idCount = phones + addresses + pairs;
        int[] ident = new int[rows * SLOTS];
        int[] counter = new int[rows * SLOTS];
        Arrays.fill(ident, -1);
        for (int i = 0; i < rows; i++) {
            int sp = table.senderPhone(i);
            int rp = table.receiverPhone(i);
            int b = i * SLOTS;
            ident[b] = sp;
            counter[b] = rp;
            ident[b + 1] = rp;
            counter[b + 1] = sp;
            if (params.useAddresses()) {
                if (table.senderAddress(i) >= 0) {
                    ident[b + 2] = phones + addressId[table.senderAddress(i)];
                    counter[b + 2] = rp;
                }
                if (table.receiverAddress(i) >= 0) {
                    ident[b + 3] = phones + addressId[table.receiverAddress(i)];
                    counter[b + 3] = sp;
                }
            }
            if (params.useNamePhone()) {
                if (table.senderName(i) >= 0) {
                    ident[b + 4] = phones + addresses + Arrays.binarySearch(pairKeys, pairKey(table.senderName(i), sp));
                    counter[b + 4] = rp;
                }
                if (table.receiverName(i) >= 0) {
                    ident[b + 5] = phones + addresses + Arrays.binarySearch(pairKeys, pairKey(table.receiverName(i), rp));
                    counter[b + 5] = sp;
                }
            }
            // An identifier twice on one shipment (a phone sending to itself) counts once.
            for (int s = 1; s < SLOTS; s++) {
                for (int t = 0; t < s; t++) {
                    if (ident[b + s] >= 0 && ident[b + s] == ident[b + t]) {
                        ident[b + s] = -1;
                    }
                }
            }
        }
        int[] shipments = new int[idCount];
        for (int id : ident) {
            if (id >= 0) {
                shipments[id]++;
            }
        }
        int[] counterparties = distinctCounterparties(ident, counter, idCount);
        boolean[] hub = new boolean[idCount];
        List<LinkResult.Hub> hubs = new ArrayList<>();
        String[] addressValue = null;
        long[] hubOrder = new long[0];
        int nh = 0;
        for (int id = 0; id < idCount; id++) {
            if (shipments[id] > params.maxShipments() || counterparties[id] > params.maxCounterparties()) {
                hub[id] = true;
                if (nh == hubOrder.length) {
                    hubOrder = Arrays.copyOf(hubOrder, Math.max(16, nh * 2));
                }
                hubOrder[nh++] = ((long) (Integer.MAX_VALUE - counterparties[id]) << 32) | id;
            }
        }
        hubOrder = Arrays.copyOf(hubOrder, nh);
        Arrays.sort(hubOrder);
        for (long key : hubOrder) {
            int id = (int) key;
            if (addressValue == null && id >= phones && id < phones + addresses) {
                addressValue = normalisedAddressValues(table, addressId, addresses);
            }
            hubs.add(new LinkResult.Hub(kind(id, phones, addresses), value(table, id, phones, addresses, pairKeys, addressValue),
                    shipments[id], counterparties[id]));
        }
        UnionFind uf = new UnionFind(rows);
        int[] first = new int[idCount];
        Arrays.fill(first, -1);
        for (int i = 0; i < rows; i++) {
            for (int s = 0; s < SLOTS; s++) {
                int id = ident[i * SLOTS + s];
                if (id < 0 || hub[id]) {
                    continue;
                }
                if (first[id] < 0) {
                    first[id] = i;
                } else {
                    uf.union(first[id], i);
                }
            }
        }
        int[] network = uf.labels();
        int[] sizes = new int[uf.setCount()];
        for (int c : network) {
            sizes[c]++;
        }
        return new LinkResult(network, sizes, hubs, idCount);
    }

    private static LinkResult.Kind kind(int id, int phones, int addresses) {
        return id < phones ? LinkResult.Kind.PHONE : id < phones + addresses ? LinkResult.Kind.ADDRESS
                : LinkResult.Kind.NAME_PHONE;
    }

    private static String value(ShipmentTable t, int id, int phones, int addresses, long[] pairKeys, String[] addressValue) {
        if (id < phones) {
            return t.phones().value(id);
        }
        if (id < phones + addresses) {
            return addressValue[id - phones];
        }
        long key = pairKeys[id - phones - addresses];
        return t.names().value((int) (key >>> 32)) + "|" + t.phones().value((int) key);
    }

    private static long pairKey(int name, int phone) {
        return ((long) name << 32) | (phone & 0xFFFFFFFFL);
    }

    private long[] namePhoneKeys(ShipmentTable t) {
        if (!params.useNamePhone()) {
            return new long[0];
        }
        int rows = t.size();
        long[] keys = new long[2 * rows];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            if (t.senderName(i) >= 0) {
                keys[k++] = pairKey(t.senderName(i), t.senderPhone(i));
            }
            if (t.receiverName(i) >= 0) {
                keys[k++] = pairKey(t.receiverName(i), t.receiverPhone(i));
            }
        }
        Arrays.sort(keys, 0, k);
        int w = 0;
        for (int i = 0; i < k; i++) {
            if (w == 0 || keys[i] != keys[w - 1]) {
                keys[w++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, w);
    }

    /** Per address-dictionary code, the id of its normalised form (equal forms share an id). */
    private static int[] normalisedAddressIds(ShipmentTable t) {
        int a = t.addresses().size();
        int[] id = new int[a];
        java.util.HashMap<String, Integer> seen = new java.util.HashMap<>();
        for (int c = 0; c < a; c++) {
            String norm = normalizeAddress(t.addresses().value(c));
            Integer known = seen.putIfAbsent(norm, seen.size());
            id[c] = known == null ? seen.size() - 1 : known;
        }
        return id;
    }

    private static String[] normalisedAddressValues(ShipmentTable t, int[] addressId, int addresses) {
        String[] v = new String[addresses];
        for (int c = 0; c < addressId.length; c++) {
            if (v[addressId[c]] == null) {
                v[addressId[c]] = normalizeAddress(t.addresses().value(c));
            }
        }
        return v;
    }

    /**
     * The form under which addresses are compared: Unicode NFKC (full-width digits and letters become
     * ASCII), lower case, and every character that is not a letter or digit removed, so that
     * "No. 5, Renmin Rd." and "no5 renmin rd" are one address.
     */
    public static String normalizeAddress(String address) {
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Distinct counterparties per identifier: sort (identifier, counterparty) pairs and count runs. */
    private static int[] distinctCounterparties(int[] ident, int[] counter, int idCount) {
        int k = 0;
        for (int id : ident) {
            if (id >= 0) {
                k++;
            }
        }
        long[] keys = new long[k];
        k = 0;
        for (int j = 0; j < ident.length; j++) {
            if (ident[j] >= 0) {
                keys[k++] = ((long) ident[j] << 32) | (counter[j] & 0xFFFFFFFFL);
            }
        }
        Arrays.sort(keys);
        int[] distinct = new int[idCount];
        for (int i = 0; i < k; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct[(int) (keys[i] >>> 32)]++;
            }
        }
        return distinct;
    }
}
