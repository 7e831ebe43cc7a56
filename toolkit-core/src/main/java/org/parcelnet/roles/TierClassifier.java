package org.parcelnet.roles;

import java.util.Objects;

import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;

/**
 * Gives each party of a community a {@link Tier} from its position in the flow of goods.
 *
 * <p>Features per party, counted over shipments between members of the same community (a ring's
 * internal flow; a party with no internal shipments falls back to all its shipments):
 * <ul>
 *   <li>{@code sent}, {@code received}: shipment volumes out and in;</li>
 *   <li>{@code home}: the {@link PlaceFacts.PlaceClass} of the party's place — the majority class over
 *       the origins of what it sends and the destinations of what it receives;</li>
 *   <li>optionally the mean position in relay chains ({@link RelayChains.Result#meanPosition}).</li>
 * </ul>
 * Rules, in order:
 * <ol>
 *   <li>forwards nothing, or lives in a destination and either forwards at most
 *       {@code retailerForwardShare} of what it receives or has no shipment inside its community (a
 *       member seen only through unrelated parcels, e.g. under a rotated phone: distributors by
 *       definition forward inside the ring) → {@link Tier#RETAILER};</li>
 *   <li>sends from a border entry city and receives at most {@code sourceReceiveShare} of what it
 *       sends → {@link Tier#SOURCE};</li>
 *   <li>lives in an entry city or a border/transit province → {@link Tier#TRANSIT} (a relay whose
 *       phone rotated may show no receipts under its new number, so receiving nothing is not enough
 *       to be a source);</li>
 *   <li>else → {@link Tier#DISTRIBUTOR}, unless relay chains place it at the very start (mean position
 *       &lt; 0.5: {@link Tier#SOURCE}).</li>
 * </ol>
 * Cost: one pass over the shipments plus one over the parties, O(m + n). Working state 4 int
 * counters (16 bytes) plus 3 class votes (12 bytes) per party.
 */
public final class TierClassifier {

    /**
     * Thresholds.
     *
     * @param retailerForwardShare a destination party forwarding at most this share of its receipts
     *                             is still a retailer
     * @param sourceReceiveShare   an entry-city party receiving at most this share of what it sends is
     *                             a source
     */
    public record Options(double retailerForwardShare, double sourceReceiveShare) {
        public Options {
            if (!(retailerForwardShare >= 0) || !(sourceReceiveShare >= 0)) {
                throw new IllegalArgumentException("shares must be >= 0");
            }
        }

        /** retailerForwardShare 0.1, sourceReceiveShare 0.5. */
        public static Options defaults() {
            return new Options(0.1, 0.5);
        }
    }

    /**
     * Tiers and the features behind them (arrays indexed by party, owned by the caller).
     *
     * @param tier     tier per party, null outside communities
     * @param sent     shipments sent (inside the ring, or all when none inside)
     * @param received shipments received (same scope)
     * @param home     place class per party, null for parties with no shipments
     */
    public record Result(Tier[] tier, int[] sent, int[] received, PlaceFacts.PlaceClass[] home) {

        /** Number of parties per tier, indexed by {@link Tier#ordinal()}. */
        public int[] counts() {
            int[] c = new int[Tier.values().length];
            for (Tier t : tier) {
                if (t != null) {
                    c[t.ordinal()]++;
                }
            }
            return c;
        }
    }

    private TierClassifier() {
    }

    /**
     * Classifies the parties of every community.
     *
     * @param community community per party, -1 for parties in none
     * @param chains    relay chains over the same parties, or null
     */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] community, PlaceFacts facts,
                                  RelayChains.Result chains, Options o) {
        Objects.requireNonNull(t, "table");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(community, "community");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(o, "options");
        int np = parties.partyCount();
        if (community.length != np) {
            throw new IllegalArgumentException("community has " + community.length + " entries for " + np + " parties");
        }
        PlaceFacts.PlaceClass[] placeClass = new PlaceFacts.PlaceClass[t.placeCount()];
        for (int c = 0; c < placeClass.length; c++) {
            Place p = t.place(c);
            placeClass[c] = facts.classify(p.province(), p.city());
        }
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        int[] sentIn = new int[np];
        int[] recvIn = new int[np];
        int[] sentAll = new int[np];
        int[] recvAll = new int[np];
        int[] entrySends = new int[np];
        int[] votes = new int[np * 3];
        for (int i = 0; i < t.size(); i++) {
            int a = sender[i];
            int b = receiver[i];
            sentAll[a]++;
            recvAll[b]++;
            PlaceFacts.PlaceClass oc = placeClass[t.originPlace(i)];
            PlaceFacts.PlaceClass dc = placeClass[t.destinationPlace(i)];
            votes[a * 3 + oc.ordinal()]++;
            votes[b * 3 + dc.ordinal()]++;
            if (oc == PlaceFacts.PlaceClass.ENTRY) {
                entrySends[a]++;
            }
            if (community[a] >= 0 && community[a] == community[b] && a != b) {
                sentIn[a]++;
                recvIn[b]++;
            }
        }
        Tier[] tier = new Tier[np];
        int[] sent = new int[np];
        int[] received = new int[np];
        PlaceFacts.PlaceClass[] home = new PlaceFacts.PlaceClass[np];
        PlaceFacts.PlaceClass[] classes = PlaceFacts.PlaceClass.values();
        for (int p = 0; p < np; p++) {
            boolean inside = sentIn[p] + recvIn[p] > 0;
            sent[p] = inside ? sentIn[p] : sentAll[p];
            received[p] = inside ? recvIn[p] : recvAll[p];
            int best = -1;
            for (int k = 0; k < 3; k++) {
                if (votes[p * 3 + k] > 0 && (best < 0 || votes[p * 3 + k] > votes[p * 3 + best])) {
                    best = k;
                }
            }
            home[p] = best < 0 ? null : classes[best];
            if (community[p] < 0) {
                continue;
            }
            tier[p] = decide(inside, sent[p], received[p], home[p], sentAll[p] > 0 && entrySends[p] * 2 >= sentAll[p],
                    chains == null || p >= chains.appearances().length ? Double.NaN : chains.meanPosition(p), o);
        }
        return new Result(tier, sent, received, home);
    }

    static Tier decide(boolean inside, int sent, int received, PlaceFacts.PlaceClass home, boolean sendsFromEntry,
                       double chainPosition, Options o) {
        boolean destination = home == null || home == PlaceFacts.PlaceClass.DESTINATION;
        if (sent == 0 || (destination && (!inside || (received > 0 && sent <= o.retailerForwardShare() * received)))) {
            return Tier.RETAILER;
        }
        if (sendsFromEntry && received <= o.sourceReceiveShare() * sent) {
            return Tier.SOURCE;
        }
        if (!destination) {
            return Tier.TRANSIT;
        }
        if (!Double.isNaN(chainPosition) && chainPosition < 0.5) {
            return Tier.SOURCE;
        }
        return Tier.DISTRIBUTOR;
    }

    /**
     * Share of parties whose predicted tier equals the truth, over parties with both; and the
     * confusion matrix {@code [truth][predicted]} by {@link Tier#ordinal()}.
     */
    public record Accuracy(double accuracy, int compared, int[][] confusion) {
    }

    /**
     * Tiers of ring members by their depth in the ring's flow, where the flow can be traced from a
     * source: the sources are members the rules above call {@link Tier#SOURCE} that send parcels to
     * members of their ring and receive none from them; a member's depth is the longest path of parcels
     * between members of its ring from a source, without the arcs that close a cycle
     * ({@link RingMembers#depths}). Depth 1 is {@link Tier#TRANSIT}, 2 {@link Tier#DISTRIBUTOR}, 3 and
     * more {@link Tier#RETAILER} (the four tiers of the case study). Members no source reaches, and
     * parties outside the rings, keep the rule-based tier. Why: the rules read a party's own flows, and
     * a retailer that sells on by parcel forwards goods like a distributor (and its buyers, like
     * retailers, forward nothing); its place in the chain from the border does not depend on that.
     * Cost: one pass over the shipments and a sort of the ring arcs, O(rows + A log A); memory 13 bytes
     * per party plus 12 per ring arc.
     *
     * @param ringOf ring per party for members (-1 for everyone else)
     * @return a result with the same features and the members' tiers by depth where known
     */
    public static Result withDepths(Result rules, PartyIndex parties, int[] ringOf) {
        int n = parties.partyCount();
        if (ringOf.length != n || rules.tier().length != n) {
            throw new IllegalArgumentException("ringOf and the tiers need one entry per party");
        }
        RingMembers.RingArcs arcs = RingMembers.RingArcs.of(parties.senderParty(), parties.receiverParty(), ringOf, n);
        int[] out = arcs.sent();
        int[] in = arcs.received();
        Tier[] ruled = rules.tier();
        boolean[] source = new boolean[n];
        for (int v = 0; v < n; v++) {
            source[v] = ringOf[v] >= 0 && ruled[v] == Tier.SOURCE && out[v] > 0 && in[v] == 0;
        }
        int[] depth = RingMembers.depths(source, arcs.start(), arcs.head(), n);
        Tier[] tier = ruled.clone();
        Tier[] byDepth = {Tier.SOURCE, Tier.TRANSIT, Tier.DISTRIBUTOR, Tier.RETAILER};
        for (int v = 0; v < n; v++) {
            if (ringOf[v] >= 0 && depth[v] >= 0) {
                tier[v] = byDepth[Math.min(depth[v], byDepth.length - 1)];
            }
        }
        return new Result(tier, rules.sent(), rules.received(), rules.home());
    }

    /** The nodes whose tier is {@code want}, ascending. O(n). */
    public static int[] withTier(Tier[] tiers, Tier want) {
        int n = 0;
        for (Tier x : tiers) {
            n += x == want ? 1 : 0;
        }
        int[] out = new int[n];
        int k = 0;
        for (int v = 0; v < tiers.length; v++) {
            if (tiers[v] == want) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** Compares predicted tiers with true tiers (null = unknown/none). */
    public static Accuracy accuracy(Tier[] predicted, Tier[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("arrays differ in length");
        }
        int k = Tier.values().length;
        int[][] confusion = new int[k][k];
        int compared = 0;
        int right = 0;
        for (int p = 0; p < truth.length; p++) {
            if (truth[p] == null || predicted[p] == null) {
                continue;
            }
            compared++;
            confusion[truth[p].ordinal()][predicted[p].ordinal()]++;
            if (truth[p] == predicted[p]) {
                right++;
            }
        }
        return new Accuracy(compared == 0 ? Double.NaN : (double) right / compared, compared, confusion);
    }
}
