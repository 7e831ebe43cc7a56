package org.parcelnet.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parcelnet.community.PartitionComparison;
import org.parcelnet.graph.IdMap;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

/**
 * How a run's rings, communities, tiers, leads and interdiction picks compare with a ground truth.
 *
 * <p>Ring scores compare found rings with true rings over the true ring members; every party
 * outside a found ring is a group of its own, so background parties never count as recovered ring
 * members. F1 is the mean over true rings of the best F1 of any found ring; NMI and ARI as in
 * {@link PartitionComparison}. Tier accuracy is over ring members that the classifier placed.
 * Precision@k is the share of the top k party leads that belong to a true ring (k in the
 * denominator even when fewer leads exist). Cost: O(parties).
 *
 * @param truthRings              rings in the truth
 * @param truthRingParties        true ring members found among the parties
 * @param ringsFound              rings the run found
 * @param ring                    found rings vs true rings
 * @param communityOnRingParties  communities vs true rings
 * @param tiers                   tier accuracy and confusion (truth by predicted)
 * @param leadPrecision           precision@k of the party leads, by k (8, 50, 100)
 * @param interdiction            per interdiction method, how many picks are true ring members and
 *                                true transit or distributor members
 */
public record Evaluation(int truthRings, int truthRingParties, int ringsFound, PartitionComparison.Comparison ring,
                         PartitionComparison.Comparison communityOnRingParties, TierClassifier.Accuracy tiers,
                         Map<Integer, Double> leadPrecision, Map<String, PickPrecision> interdiction) {

    /** The cut-offs of {@link #leadPrecision}. */
    public static final int[] PRECISION_AT = {8, 50, 100};

    public Evaluation {
        Objects.requireNonNull(ring, "ring");
        leadPrecision = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(leadPrecision));
        interdiction = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interdiction));
    }

    /** Interdiction picks that hit true ring members and true transit or distributor members. */
    public record PickPrecision(int picks, int ringMembers, int transitOrDistributor) {
        /** Share of picks that are true transit or distributor members (0 without picks). */
        public double precision() {
            return picks == 0 ? 0.0 : (double) transitOrDistributor / picks;
        }
    }

    /**
     * Evaluates a run.
     *
     * @param truth       the ground truth
     * @param parties     party ids of the party graph
     * @param ringOf      found ring of each party (-1 outside rings)
     * @param ringCount   rings found
     * @param community   community of each party
     * @param tier        predicted tier of each party (null where unclassified)
     * @param leads       party leads, best first
     * @param interdiction the interdiction plan (its picks are scored)
     */
    public static Evaluation of(GroundTruth truth, IdMap<String> parties, int[] ringOf, int ringCount, int[] community,
                                Tier[] tier, List<PartyLead> leads, RingInterdiction.Result interdiction) {
        int[] truthRing = truth.ringLabels(parties);
        int[] found = new int[truthRing.length];
        for (int v = 0; v < found.length; v++) {
            found[v] = ringOf[v] >= 0 ? ringOf[v] : -2 - v;
        }
        PartitionComparison.Comparison ring = PartitionComparison.compare(truthRing, found);
        PartitionComparison.Comparison comm = PartitionComparison.compare(truthRing, community);
        Tier[] truthTier = truth.tiers(parties);
        TierClassifier.Accuracy acc = TierClassifier.accuracy(tier, truthTier);
        Map<Integer, Double> precision = new LinkedHashMap<>();
        for (int k : PRECISION_AT) {
            precision.put(k, precisionAt(k, leads, truthRing));
        }
        Map<String, PickPrecision> picks = new LinkedHashMap<>();
        for (RingInterdiction.Picks p : interdiction.picks()) {
            int members = 0;
            int middle = 0;
            for (int v : p.parties()) {
                if (truthRing[v] >= 0) {
                    members++;
                }
                if (truthTier[v] == Tier.TRANSIT || truthTier[v] == Tier.DISTRIBUTOR) {
                    middle++;
                }
            }
            picks.put(p.method(), new PickPrecision(p.parties().length, members, middle));
        }
        int rings = 0;
        for (int r : truthRing) {
            rings = Math.max(rings, r + 1);
        }
        return new Evaluation(rings, ring.labelledNodes(), ringCount, ring, comm, acc, precision, picks);
    }

    /**
     * The share of the first {@code k} leads that are true ring members ({@code truthRing[party] >= 0});
     * k is the denominator even when fewer leads exist.
     */
    public static double precisionAt(int k, List<PartyLead> leads, int[] truthRing) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int n = Math.min(k, leads.size());
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (truthRing[leads.get(i).party()] >= 0) {
                hits++;
            }
        }
        return n == 0 ? 0 : (double) hits / k;
    }
}
