package org.parcelnet.leads;

import java.util.List;
import java.util.Objects;

/**
 * Per-party inputs of {@link LeadScorer}, as plain arrays indexed by party (0..n-1), so that the
 * scorer depends on no algorithm class: the pipeline fills them from whatever computed them.
 * {@link PartyActivity} computes the first four from the shipments.
 *
 * @param ids              party id per party (a phone, or its pseudonym)
 * @param volume           shipments sent or received (≥ 0)
 * @param twoCartonShare   share of those with exactly two cartons, in [0, 1]
 * @param borderShare      share of those that started in a border-entry or transit province, in [0, 1]
 * @param counterparties   distinct parties exchanged with (≥ 0)
 * @param relayChains      relay chains the party is on (≥ 0; 0 when not computed)
 * @param ring             ring (community flagged as a ring by the pipeline) of the party, or -1
 * @param betweenness      betweenness centrality (≥ 0; 0 when not computed)
 * @param flaggedInNetwork flagged parcels in the party's case network (≥ 0)
 */
public record LeadFeatures(List<String> ids, double[] volume, double[] twoCartonShare, double[] borderShare,
                           double[] counterparties, double[] relayChains, int[] ring, double[] betweenness,
                           double[] flaggedInNetwork) {

    public LeadFeatures {
        ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
        int n = ids.size();
        volume = checked("volume", volume, n, false);
        twoCartonShare = checked("twoCartonShare", twoCartonShare, n, true);
        borderShare = checked("borderShare", borderShare, n, true);
        counterparties = checked("counterparties", counterparties, n, false);
        relayChains = checked("relayChains", relayChains, n, false);
        betweenness = checked("betweenness", betweenness, n, false);
        flaggedInNetwork = checked("flaggedInNetwork", flaggedInNetwork, n, false);
        Objects.requireNonNull(ring, "ring");
        if (ring.length != n) {
            throw new IllegalArgumentException("ring has " + ring.length + " entries for " + n + " parties");
        }
        ring = ring.clone();
        for (int r : ring) {
            if (r < -1) {
                throw new IllegalArgumentException("ring ids must be >= 0, or -1 for none; got " + r);
            }
        }
    }

    private static double[] checked(String name, double[] a, int n, boolean share) {
        Objects.requireNonNull(a, name);
        if (a.length != n) {
            throw new IllegalArgumentException(name + " has " + a.length + " entries for " + n + " parties");
        }
        for (double v : a) {
            if (!Double.isFinite(v) || v < 0 || (share && v > 1)) {
                throw new IllegalArgumentException(name + " must be " + (share ? "in [0, 1]" : "finite and >= 0") + ", got " + v);
            }
        }
        return a.clone();
    }

    /**
     * Flagged parcels in each party's case network: flagged rows are counted per network, and each
     * party gets the largest count among the networks of the shipments it sent or received. Cost:
     * two passes over the rows, 4 bytes per network and 8 per party.
     *
     * @param t       the shipments
     * @param parties sender and receiver party of each row
     * @param links   case networks of the rows
     */
    public static double[] flaggedInCaseNetwork(org.parcelnet.model.ShipmentTable t,
                                                org.parcelnet.graph.PartyIndex parties,
                                                org.parcelnet.linking.LinkResult links) {
        int[] flaggedPerNetwork = new int[links.networkCount()];
        for (int i = 0; i < t.size(); i++) {
            if (t.flagged(i)) {
                flaggedPerNetwork[links.networkOf(i)]++;
            }
        }
        double[] flagged = new double[parties.partyCount()];
        for (int i = 0; i < t.size(); i++) {
            int f = flaggedPerNetwork[links.networkOf(i)];
            int s = parties.senderParty()[i];
            int r = parties.receiverParty()[i];
            flagged[s] = Math.max(flagged[s], f);
            flagged[r] = Math.max(flagged[r], f);
        }
        return flagged;
    }

    /**
     * Flagged cases in each party's case networks ({@link org.parcelnet.linking.CaseNetworks}): per
     * party, the largest count of flagged cases among the networks of the cases it sent or received (0
     * for parties on no case). O(cases).
     */
    public static double[] flaggedInCaseNetworks(org.parcelnet.model.ShipmentTable t,
                                                 org.parcelnet.graph.PartyIndex parties,
                                                 org.parcelnet.linking.CaseNetworks.Result links) {
        int[] flaggedPerNetwork = new int[links.sizes().length];
        int[] rows = links.caseRows();
        int[] net = links.network();
        for (int c = 0; c < rows.length; c++) {
            if (t.flagged(rows[c])) {
                flaggedPerNetwork[net[c]]++;
            }
        }
        double[] out = new double[parties.partyCount()];
        for (int c = 0; c < rows.length; c++) {
            int f = flaggedPerNetwork[net[c]];
            int s = parties.senderParty()[rows[c]];
            int r = parties.receiverParty()[rows[c]];
            out[s] = Math.max(out[s], f);
            out[r] = Math.max(out[r], f);
        }
        return out;
    }

    /**
     * Features with only the shipment-derived part known; relay chains, betweenness and case-network
     * flags zero and no rings. Fill the rest with the {@code with…} methods.
     */
    public static LeadFeatures of(List<String> ids, PartyActivity activity) {
        int n = ids.size();
        int[] noRing = new int[n];
        java.util.Arrays.fill(noRing, -1);
        return new LeadFeatures(ids, activity.volume(), activity.twoCartonShare(), activity.borderShare(),
                activity.counterparties(), new double[n], noRing, new double[n], activity.flagged());
    }

    /** Number of parties. */
    public int size() {
        return ids.size();
    }

    public LeadFeatures withRelayChains(double[] v) {
        return new LeadFeatures(ids, volume, twoCartonShare, borderShare, counterparties, v, ring, betweenness, flaggedInNetwork);
    }

    public LeadFeatures withRing(int[] v) {
        return new LeadFeatures(ids, volume, twoCartonShare, borderShare, counterparties, relayChains, v, betweenness, flaggedInNetwork);
    }

    public LeadFeatures withBetweenness(double[] v) {
        return new LeadFeatures(ids, volume, twoCartonShare, borderShare, counterparties, relayChains, ring, v, flaggedInNetwork);
    }

    public LeadFeatures withFlaggedInNetwork(double[] v) {
        return new LeadFeatures(ids, volume, twoCartonShare, borderShare, counterparties, relayChains, ring, betweenness, v);
    }

    /** Raw value of feature {@code f} for party {@code p}; for {@link Feature#COMMUNITY} use {@link #ring()}. */
    double raw(Feature f, int p) {
        return switch (f) {
            case VOLUME -> volume[p];
            case TWO_CARTON -> twoCartonShare[p];
            case BORDER -> borderShare[p];
            case COUNTERPARTIES -> counterparties[p];
            case RELAY -> relayChains[p];
            case BETWEENNESS -> betweenness[p];
            case FLAGGED -> flaggedInNetwork[p];
            case COMMUNITY -> throw new IllegalArgumentException("community is derived from ring()");
        };
    }

    /** Ring of party {@code p}, or -1 (no copy). */
    int ringOf(int p) {
        return ring[p];
    }

    // Arrays are copied in and out: callers cannot change a features object.
    @Override
    public double[] volume() {
        return volume.clone();
    }

    @Override
    public double[] twoCartonShare() {
        return twoCartonShare.clone();
    }

    @Override
    public double[] borderShare() {
        return borderShare.clone();
    }

    @Override
    public double[] counterparties() {
        return counterparties.clone();
    }

    @Override
    public double[] relayChains() {
        return relayChains.clone();
    }

    @Override
    public int[] ring() {
        return ring.clone();
    }

    @Override
    public double[] betweenness() {
        return betweenness.clone();
    }

    @Override
    public double[] flaggedInNetwork() {
        return flaggedInNetwork.clone();
    }
}
