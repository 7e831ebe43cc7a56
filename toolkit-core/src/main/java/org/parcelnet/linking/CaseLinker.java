package org.parcelnet.linking;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.parcelnet.model.NamePhonePairs;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.StringDictionary;
import org.parcelnet.progress.ProgressListener;

/**
 * Links shipments into case networks: two shipments are in one network when a chain of shared
 * identifiers joins them. The identifiers of a shipment are its sender and receiver phones (one phone
 * space: a phone that receives in one parcel and sends in another links both), its sender and
 * receiver addresses after {@link #normalizeAddress normalisation} (one with no letter or digit left
 * links nothing), and each side's name together with
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
 * <p>Cost: O(R) for R shipments (counting sorts and hash tables, no comparison sort), then
 * near-linear union-find. Memory about 90 bytes per shipment at peak (six identifier slots and their
 * counterparties, 48 bytes, plus the grouping arrays).
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

    static final int SLOTS = 6;

    private final Params params;

    /** A linker with the given options. */
    public CaseLinker(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** A linker with {@link Params#DEFAULTS}. */
    public CaseLinker() {
        this(Params.DEFAULTS);
    }

    /**
     * The identifiers of every shipment (six slots per row: sender phone, receiver phone, sender and
     * receiver address, sender and receiver name+phone; -1 when absent or repeated), how many shipments
     * and distinct counterparties each has, and which are hubs under these parameters.
     */
    Identifiers identify(ShipmentTable table) {
        final int rows = table.size();
        final int phones = table.phones().size();
        // Identifier ids: phones [0, P), normalised addresses [P, P+A), name+phone pairs after that.
        StringDictionary addressForms = new StringDictionary();
        int[] addressId = normalisedAddressIds(table, addressForms);
        int addresses = addressForms.size();
        NamePhonePairs pairIds = params.useNamePhone() ? NamePhonePairs.of(table) : NamePhonePairs.NONE;
        int pairs = pairIds.size();
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
                int sa = table.senderAddress(i);
                if (sa >= 0 && addressId[sa] >= 0) {
                    ident[b + 2] = phones + addressId[sa];
                    counter[b + 2] = rp;
                }
                int ra = table.receiverAddress(i);
                if (ra >= 0 && addressId[ra] >= 0) {
                    ident[b + 3] = phones + addressId[ra];
                    counter[b + 3] = sp;
                }
            }
            if (params.useNamePhone()) {
                if (table.senderName(i) >= 0) {
                    ident[b + 4] = phones + addresses + pairIds.rowSender()[i];
                    counter[b + 4] = rp;
                }
                if (table.receiverName(i) >= 0) {
                    ident[b + 5] = phones + addresses + pairIds.rowReceiver()[i];
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
        int[] counterparties = distinctCounterparties(ident, counter, idCount, phones);
        boolean[] hub = new boolean[idCount];
        List<LinkResult.Hub> hubs = new ArrayList<>();
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
            hubs.add(new LinkResult.Hub(kind(id, phones, addresses), value(table, id, phones, addresses, pairIds.keys(), addressForms),
                    shipments[id], counterparties[id]));
        }
        // the counterparty per slot is not kept: only the hub test needs it (4 bytes per slot)
        return new Identifiers(ident, idCount, phones, addresses, shipments, counterparties, hub, hubs,
                pairIds.keys(), addressForms, addressId);
    }

    /**
     * Identifier table of a shipment table ({@link #identify}).
     *
     * @param ident          per row, {@link #SLOTS} identifier ids (-1: none)
     * @param idCount        identifiers: phones [0, phones), addresses [phones, phones + addresses), name+phone pairs after
     * @param shipments      shipments per identifier
     * @param counterparties distinct counterparties per identifier
     * @param hub            whether an identifier is a hub
     * @param hubs           the hubs, most counterparties first
     * @param addressFormIds per address-dictionary code, the id of its normalised form, -1 for none
     *                       ({@link #normalisedAddressIds})
     */
    record Identifiers(int[] ident, int idCount, int phones, int addresses, int[] shipments,
                       int[] counterparties, boolean[] hub, List<LinkResult.Hub> hubs, long[] pairKeys,
                       StringDictionary addressForms, int[] addressFormIds) {

        /**
         * What naming an identifier needs ({@link #kind}, {@link #value}, {@link #shipments}) without
         * the per-row slots, counterparty counts, hub flags and address form ids, which are null in
         * the copy: a result that only explains its links keeps about 30 bytes per shipment less.
         */
        Identifiers forNaming() {
            return new Identifiers(null, idCount, phones, addresses, shipments, null, null, hubs, pairKeys,
                    addressForms, null);
        }

        /** The kind of identifier {@code id}. */
        LinkResult.Kind kind(int id) {
            return CaseLinker.kind(id, phones, addresses);
        }

        /** The identifier's value (personal data: never log it). */
        String value(ShipmentTable t, int id) {
            return CaseLinker.value(t, id, phones, addresses, pairKeys, addressForms);
        }
    }

    /** Links the shipments of {@code table}. */
    public LinkResult link(ShipmentTable table) {
        return link(table, ProgressListener.NONE);
    }

    /**
     * Links the shipments of {@code table}, reporting progress in shipments (identifying, then
     * joining) and checking for cancellation every 16,384 shipments.
     */
    public LinkResult link(ShipmentTable table, ProgressListener progress) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(progress, "progress");
        final int rows = table.size();
        progress.begin("case linking", 2L * rows);
        try {
            return linkWithProgress(table, progress);
        } finally {
            progress.end();
        }
    }

    private LinkResult linkWithProgress(ShipmentTable table, ProgressListener progress) {
        final int rows = table.size();
        progress.checkCancelled();
        Identifiers ids = identify(table);
        progress.advance(rows);
        int[] ident = ids.ident();
        boolean[] hub = ids.hub();
        int idCount = ids.idCount();
        List<LinkResult.Hub> hubs = ids.hubs();
        UnionFind uf = new UnionFind(rows);
        int[] first = new int[idCount];
        Arrays.fill(first, -1);
        for (int i = 0; i < rows; i++) {
            if ((i & 0x3FFF) == 0 && i > 0) {
                progress.checkCancelled();
                progress.advance(0x4000);
            }
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

    private static String value(ShipmentTable t, int id, int phones, int addresses, long[] pairKeys,
            StringDictionary addressForms) {
        if (id < phones) {
            return t.phones().value(id);
        }
        if (id < phones + addresses) {
            return addressForms.value(id - phones);
        }
        long key = pairKeys[id - phones - addresses];
        return t.names().value((int) (key >>> 32)) + "|" + t.phones().value((int) key);
    }

    /**
     * Per address-dictionary code, the id of its normalised form: the form's code in {@code forms}
     * (equal forms share an id; ids in first-seen order of the codes), or -1 when nothing is left of
     * it (an address of punctuation only, such as "-", identifies no place and links nothing).
     * Batched so that the dictionary's lookups overlap ({@link StringDictionary#internAll}).
     */
    private static int[] normalisedAddressIds(ShipmentTable t, StringDictionary forms) {
        StringDictionary raw = t.addresses();
        int a = raw.size();
        int[] id = new int[a];
        String[] batch = new String[Math.min(a, 4096)];
        int[] codes = new int[batch.length];
        for (int from = 0; from < a; from += batch.length) {
            int n = Math.min(batch.length, a - from);
            for (int k = 0; k < n; k++) {
                String form = normalizeAddress(raw.value(from + k));
                batch[k] = form.isEmpty() ? null : form;
            }
            forms.internAll(batch, n, codes);
            System.arraycopy(codes, 0, id, from, n);
        }
        return id;
    }

    /**
     * The form under which addresses are compared: Unicode NFKC (full-width digits and letters become
     * ASCII), lower case, and every character that is not a letter or digit removed, so that
     * "No. 5, Renmin Rd." and "no5 renmin rd" are one address.
     */
    public static String normalizeAddress(String address) {
        String ascii = normalizeAscii(address);
        if (ascii != null) {
            return ascii;
        }
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

    /**
     * {@link #normalizeAddress} of an all-ASCII address without the Unicode machinery (NFKC leaves
     * ASCII alone; ASCII letters and digits are its only letters and digits); null when the address
     * has other characters.
     */
    private static String normalizeAscii(String address) {
        int n = address.length();
        byte[] out = new byte[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            char c = address.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                out[m++] = (byte) (c + ('a' - 'A'));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out[m++] = (byte) c;
            }
        }
        return new String(out, 0, m, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Distinct counterparties per identifier: group the counterparties by identifier (a counting sort,
     * O(R)), then count each group's distinct values with a stamp array over the phone space.
     */
    private static int[] distinctCounterparties(int[] ident, int[] counter, int idCount, int phones) {
        int[] start = new int[idCount + 1];
        for (int id : ident) {
            if (id >= 0) {
                start[id + 1]++;
            }
        }
        for (int id = 0; id < idCount; id++) {
            start[id + 1] += start[id];
        }
        int[] grouped = new int[start[idCount]];
        int[] fill = Arrays.copyOf(start, idCount);
        for (int j = 0; j < ident.length; j++) {
            if (ident[j] >= 0) {
                grouped[fill[ident[j]]++] = counter[j];
            }
        }
        fill = null;
        int[] stamp = new int[phones];
        Arrays.fill(stamp, -1);
        int[] distinct = new int[idCount];
        for (int id = 0; id < idCount; id++) {
            int d = 0;
            for (int k = start[id], end = start[id + 1]; k < end; k++) {
                int c = grouped[k];
                if (stamp[c] != id) {
                    stamp[c] = id;
                    d++;
                }
            }
            distinct[id] = d;
        }
        return distinct;
    }
}
