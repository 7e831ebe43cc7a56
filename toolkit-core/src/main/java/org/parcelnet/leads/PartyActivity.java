package org.parcelnet.leads;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.ShipmentTable;

/**
 * The lead features that come straight from the shipments, per party of a {@link PartyIndex}. A
 * shipment counts for its sender and its receiver (once when they are the same party).
 *
 * @param volume         shipments sent or received
 * @param twoCartonShare share of those with {@code pieces == 2}
 * @param borderShare    share of those whose origin province is in the given border-entry/transit set
 * @param counterparties distinct other parties exchanged with, in either direction
 * @param flagged        flagged shipments sent or received (a stand-in for flagged parcels in the
 *                       party's case network when case linking has not run)
 */
public record PartyActivity(double[] volume, double[] twoCartonShare, double[] borderShare, double[] counterparties,
                            double[] flagged) {

    public PartyActivity {
        volume = volume.clone();
        twoCartonShare = twoCartonShare.clone();
        borderShare = borderShare.clone();
        counterparties = counterparties.clone();
        flagged = flagged.clone();
    }

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
    public double[] flagged() {
        return flagged.clone();
    }

    /**
     * Computes the activity of every party. Cost O(m log m) for m shipments (sorting the distinct
     * sender–receiver pairs); memory 8 bytes per shipment for the pairs plus 5 doubles per party.
     *
     * @param borderProvinces provinces of border entry points or transit hubs (by name, as in the table)
     */
    public static PartyActivity compute(ShipmentTable t, PartyIndex parties, Set<String> borderProvinces) {
        Objects.requireNonNull(borderProvinces, "borderProvinces");
        int n = parties.partyCount();
        int m = t.size();
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        boolean[] borderPlace = new boolean[t.placeCount()];
        for (int c = 0; c < borderPlace.length; c++) {
            borderPlace[c] = borderProvinces.contains(t.place(c).province());
        }
        double[] volume = new double[n];
        double[] two = new double[n];
        double[] border = new double[n];
        double[] flagged = new double[n];
        long[] pairs = new long[m];
        int np = 0;
        for (int i = 0; i < m; i++) {
            int s = sender[i];
            int r = receiver[i];
            boolean isTwo = t.pieces(i) == 2;
            boolean isBorder = borderPlace[t.originPlace(i)];
            boolean isFlagged = t.flagged(i);
            add(s, volume, two, border, flagged, isTwo, isBorder, isFlagged);
            if (r != s) {
                add(r, volume, two, border, flagged, isTwo, isBorder, isFlagged);
                pairs[np++] = ((long) Math.min(s, r) << 32) | Math.max(s, r);
            }
        }
        for (int p = 0; p < n; p++) {
            if (volume[p] > 0) {
                two[p] /= volume[p];
                border[p] /= volume[p];
            }
        }
        Arrays.sort(pairs, 0, np);
        double[] counter = new double[n];
        for (int i = 0; i < np; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                counter[(int) (pairs[i] >>> 32)]++;
                counter[(int) pairs[i]]++;
            }
        }
        return new PartyActivity(volume, two, border, counter, flagged);
    }

    private static void add(int p, double[] volume, double[] two, double[] border, double[] flagged, boolean isTwo,
                            boolean isBorder, boolean isFlagged) {
        volume[p]++;
        if (isTwo) {
            two[p]++;
        }
        if (isBorder) {
            border[p]++;
        }
        if (isFlagged) {
            flagged[p]++;
        }
    }
}
