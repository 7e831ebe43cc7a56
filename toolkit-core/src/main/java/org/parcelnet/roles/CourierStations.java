package org.parcelnet.roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.ShipmentTable;

/**
 * Courier stations, parcel lockers and pick-up points among the senders, recognised by their
 * address. A parcel handed in at a station often carries the station's phone and address as the
 * sender's, so the station's phone stands in for whoever handed parcels in: at an entry town it sends
 * the lots of every ring that hands them in there, and on its own it looks like a ring's source. Such a
 * party is a place, not a person to investigate: the pipeline keeps it out of the rings' members and
 * out of the party leads (docs/community.md, docs/leads.md).
 *
 * <p>Rule: an address is a station's when it contains one of the given words (case-insensitive; by
 * default {@link #DEFAULT_WORDS}, in English and Chinese), and a party is a station when at least
 * {@link #MIN_SHARE} of the parcels it sends carry such a sender address. A person who once hands a
 * parcel in under the station's address stays a person. Cost: one pass over the rows and one test of
 * each distinct sender address against the words.
 */
public final class CourierStations {

    /**
     * Words that mark a courier station, parcel locker or pick-up point in an address: the generic
     * English terms, the Chinese generic terms (驿站 station, 快递超市 parcel shop, 快递站, 代收点
     * collection point, 快递柜 parcel locker, 自提点 pick-up point) and the names of the largest
     * station and locker networks that do not contain them (丰巢 lockers, 兔喜 stations).
     */
    public static final List<String> DEFAULT_WORDS = List.of("courier station", "parcel station", "parcel locker",
            "parcel shop", "pick-up point", "pickup point", "collection point", "驿站", "快递超市", "快递站", "代收点",
            "快递柜", "自提点", "丰巢", "兔喜");

    /** Share of a party's sent parcels that must carry a station's address for the party to be a station. */
    public static final double MIN_SHARE = 0.9;

    private CourierStations() {
    }

    /**
     * Whether each row's sender address is a station's.
     *
     * @param words words marking a station's address (blank words are ignored; none: no row is)
     */
    public static boolean[] stationRows(ShipmentTable t, List<String> words) {
        List<String> lower = normalised(words);
        boolean[] row = new boolean[t.size()];
        if (lower.isEmpty()) {
            return row;
        }
        // each distinct sender address is tested once: 0 untested, 1 not a station, 2 a station
        byte[] known = new byte[t.addresses().size()];
        for (int i = 0; i < row.length; i++) {
            int a = t.senderAddress(i);
            if (a < 0) {
                continue;
            }
            if (known[a] == 0) {
                known[a] = matches(t.addresses().value(a), lower) ? (byte) 2 : (byte) 1;
            }
            row[i] = known[a] == 2;
        }
        return row;
    }

    /**
     * The station parties: those at least {@link #MIN_SHARE} of whose sent rows are station rows.
     *
     * @param stationRow per row, whether its sender address is a station's ({@link #stationRows})
     */
    public static boolean[] senders(boolean[] stationRow, PartyIndex parties) {
        int[] sender = parties.senderParty();
        if (stationRow.length != sender.length) {
            throw new IllegalArgumentException("stationRow has " + stationRow.length + " rows, parties " + sender.length);
        }
        int n = parties.partyCount();
        int[] sent = new int[n];
        int[] atStation = new int[n];
        for (int i = 0; i < sender.length; i++) {
            sent[sender[i]]++;
            if (stationRow[i]) {
                atStation[sender[i]]++;
            }
        }
        boolean[] station = new boolean[n];
        for (int v = 0; v < n; v++) {
            station[v] = atStation[v] > 0 && atStation[v] >= MIN_SHARE * sent[v];
        }
        return station;
    }

    /** {@link #senders(boolean[], PartyIndex)} of {@link #stationRows}. */
    public static boolean[] senders(ShipmentTable t, PartyIndex parties, List<String> words) {
        return senders(stationRows(t, words), parties);
    }

    /** Number of stations in a mask. */
    public static int count(boolean[] station) {
        int c = 0;
        for (boolean s : station) {
            c += s ? 1 : 0;
        }
        return c;
    }

    /** The words lowercased (root locale), blanks dropped. */
    private static List<String> normalised(List<String> words) {
        Objects.requireNonNull(words, "words");
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String s = w.strip().toLowerCase(Locale.ROOT);
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean matches(String address, List<String> lowerWords) {
        // one lowercased copy and plain contains: String.indexOf is vectorised, a hand loop over the
        // characters measured slower on 1.8M addresses
        String a = address.toLowerCase(Locale.ROOT);
        for (String w : lowerWords) {
            if (a.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
