package org.parcelnet.leads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.ShipmentTable;

/**
 * Sends each lead to the region that should act on it: the destination province where it delivers
 * most. For a party that is the destination province of the most shipments it sent or received (a
 * receiver's own deliveries count as its location); ties go to the province whose name sorts first.
 * For a ring it is the region of the most member deliveries. One list per region, in rank order,
 * ready to be written as one file per region.
 */
public final class Dispatch {

    /** Region of a lead whose party has no shipments. */
    public static final String UNKNOWN = "unknown";

    private Dispatch() {
    }

    /**
     * The region of every party. Cost O(m log m) for m shipments (sorting party–province pairs);
     * 16 bytes per shipment of working memory.
     */
    public static String[] regions(ShipmentTable t, PartyIndex parties) {
        int n = parties.partyCount();
        int m = t.size();
        // Province index per place, provinces in name order so that ties resolve by name.
        String[] provinceOfPlace = new String[t.placeCount()];
        for (int c = 0; c < provinceOfPlace.length; c++) {
            provinceOfPlace[c] = t.place(c).province();
        }
        String[] provinces = Arrays.stream(provinceOfPlace).distinct().sorted().toArray(String[]::new);
        int[] provinceIndex = new int[provinceOfPlace.length];
        for (int c = 0; c < provinceOfPlace.length; c++) {
            provinceIndex[c] = Arrays.binarySearch(provinces, provinceOfPlace[c]);
        }
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        long[] keys = new long[2 * m];
        int nk = 0;
        for (int i = 0; i < m; i++) {
            long prov = provinceIndex[t.destinationPlace(i)];
            keys[nk++] = ((long) sender[i] << 32) | prov;
            if (receiver[i] != sender[i]) {
                keys[nk++] = ((long) receiver[i] << 32) | prov;
            }
        }
        Arrays.sort(keys, 0, nk);
        String[] region = new String[n];
        Arrays.fill(region, UNKNOWN);
        int[] best = new int[n];
        int i = 0;
        while (i < nk) {
            int j = i;
            while (j < nk && keys[j] == keys[i]) {
                j++;
            }
            int party = (int) (keys[i] >>> 32);
            int prov = (int) keys[i];
            // Keys of one party come in province-name order, so '>' keeps the first name on ties.
            if (j - i > best[party]) {
                best[party] = j - i;
                region[party] = provinces[prov];
            }
            i = j;
        }
        return region;
    }

    /** Party leads per region (regions in name order; leads keep their rank order). */
    public static Map<String, List<PartyLead>> partiesByRegion(List<PartyLead> leads, String[] partyRegion) {
        Map<String, List<PartyLead>> out = new TreeMap<>();
        for (PartyLead l : leads) {
            out.computeIfAbsent(partyRegion[l.party()], k -> new ArrayList<>()).add(l);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The region of a ring: the region with the largest total member volume (ties by name).
     *
     * @param volume per-party weight, e.g. {@link LeadFeatures#volume()}
     */
    public static String ringRegion(RingLead ring, String[] partyRegion, double[] volume) {
        Map<String, Double> total = new TreeMap<>();
        for (int p : ring.members()) {
            total.merge(partyRegion[p], volume[p], Double::sum);
        }
        String best = UNKNOWN;
        double bestV = -1;
        for (Map.Entry<String, Double> e : total.entrySet()) {
            if (e.getValue() > bestV) {
                bestV = e.getValue();
                best = e.getKey();
            }
        }
        return best;
    }

    /** Ring leads per region (regions in name order; rings keep their rank order). */
    public static Map<String, List<RingLead>> ringsByRegion(List<RingLead> rings, String[] partyRegion, double[] volume) {
        Map<String, List<RingLead>> out = new TreeMap<>();
        for (RingLead r : rings) {
            out.computeIfAbsent(ringRegion(r, partyRegion, volume), k -> new ArrayList<>()).add(r);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(out);
    }
}
