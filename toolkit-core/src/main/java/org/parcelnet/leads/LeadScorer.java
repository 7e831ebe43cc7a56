package org.parcelnet.leads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores parties and rings from explainable features (a weighted-sum scorecard).
 *
 * <p>Party score: each feature is first brought to [0, 1] — shares ({@link Feature#isShare()}) as
 * they are; counts (volume, counterparties, relay chains, betweenness, flagged parcels) as
 * {@code log(1 + x) / log(1 + max)} with the maximum over all parties, so that a heavy tail does not
 * flatten everyone else; ring membership as {@code 0.5 + 0.5 · log(1 + s) / log(1 + s_max)} for a
 * member of a ring of s parties (0 for non-members). The score is the weighted mean
 * {@code Σ w_k · x_k / Σ w_k} ∈ [0, 1] with {@link LeadWeights}; the contribution of feature k is
 * {@code w_k · x_k / Σ w}, and the {@value #REASONS} largest non-zero contributions are the lead's
 * reasons, in words, largest first (ties in {@link Feature} order).
 *
 * <p>Ring score: the same formula over ring aggregates, normalised across rings: volume,
 * counterparties and relay chains summed over members; the two shares volume-weighted means; ring
 * size as {@code log(1 + s) / log(1 + s_max)}; betweenness and flagged parcels the members' maximum
 * (members usually share a case network, so a sum would count it several times).
 *
 * <p>Cost: O(n · F) for n parties and F = 8 features, plus O(n log K) to pick the top K and
 * O(n log n) to order ring members; memory O(n) doubles. Deterministic. This is a transparent
 * scorecard, not a trained model: weights are set by judgement (defaults documented in
 * {@link LeadWeights}) and should be checked against known cases (precision at k on generator truth).
 */
public final class LeadScorer {

    /** Reasons kept per lead. */
    public static final int REASONS = 3;

    private static final Feature[] FEATURES = Feature.values();

    private final LeadWeights weights;

    /** A scorer with the default weights. */
    public LeadScorer() {
        this(LeadWeights.DEFAULTS);
    }

    /** A scorer with these weights. */
    public LeadScorer(LeadWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    /** The weights. */
    public LeadWeights weights() {
        return weights;
    }

    /**
     * Scores every party and ring.
     *
     * @param f    the features
     * @param topK how many party leads to return ranked (all scores are in {@link LeadResult#partyScores()})
     */
    public LeadResult score(LeadFeatures f, int topK) {
        return rank(f, null, topK, null);
    }

    /**
     * {@link #score(LeadFeatures, int)} with the {@code excluded} parties never among the party leads
     * and their scores 0 in {@link LeadResult#partyScores()}: places that are not persons (courier
     * stations). The leads are the best {@code topK} of the others, ranked as without the exclusion.
     *
     * @param excluded per party, whether it may not be a lead (null: none)
     */
    public LeadResult score(LeadFeatures f, int topK, boolean[] excluded) {
        return rank(f, null, topK, excluded);
    }

    /**
     * Ranks parties by scores computed elsewhere (a trained model's, for instance) instead of the
     * scorecard's: {@link LeadResult#partyScores()} are {@code partyScore}, the party leads are its
     * top {@code topK} (ties by party index) and ring members are ordered by it; each lead's reasons
     * are still the scorecard's largest contributions (what the features say about the party), and
     * rings are still ranked by the scorecard.
     *
     * @param partyScore a finite score per party
     */
    public LeadResult rankBy(LeadFeatures f, double[] partyScore, int topK) {
        return rankBy(f, partyScore, topK, null);
    }

    /**
     * {@link #rankBy(LeadFeatures, double[], int)} with the {@code excluded} parties kept out of the leads
     * as in {@link #score(LeadFeatures, int, boolean[])}.
     *
     * @param excluded per party, whether it may not be a lead (null: none)
     */
    public LeadResult rankBy(LeadFeatures f, double[] partyScore, int topK, boolean[] excluded) {
        Objects.requireNonNull(partyScore, "partyScore");
        if (partyScore.length != f.size()) {
            throw new IllegalArgumentException("partyScore has " + partyScore.length + " entries for " + f.size() + " parties");
        }
        for (double x : partyScore) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("party scores must be finite, got " + x);
            }
        }
        return rank(f, partyScore.clone(), topK, excluded);
    }

    /**
     * The scorecard's normalised features, row-major: entry {@code p · F + k} is feature k (in
     * {@link Feature} order) of party p brought to [0, 1] exactly as {@link #score} does before
     * weighting. O(n · F).
     */
    public static double[] normalizedFeatures(LeadFeatures f) {
        int n = f.size();
        int[] ringSize = ringSizes(f);
        double[] denom = denominators(f, ringSize);
        double[] out = new double[n * FEATURES.length];
        for (int p = 0; p < n; p++) {
            for (Feature k : FEATURES) {
                out[p * FEATURES.length + k.ordinal()] = partyNorm(f, k, p, ringSize, denom);
            }
        }
        return out;
    }

    private static int[] ringSizes(LeadFeatures f) {
        int n = f.size();
        int rings = 0;
        for (int p = 0; p < n; p++) {
            rings = Math.max(rings, f.ringOf(p) + 1);
        }
        int[] ringSize = new int[rings];
        for (int p = 0; p < n; p++) {
            if (f.ringOf(p) >= 0) {
                ringSize[f.ringOf(p)]++;
            }
        }
        return ringSize;
    }

    /** Log-scale denominators of the count features and of ring size. */
    private static double[] denominators(LeadFeatures f, int[] ringSize) {
        int n = f.size();
        int maxRing = 0;
        for (int s : ringSize) {
            maxRing = Math.max(maxRing, s);
        }
        double[] denom = new double[FEATURES.length];
        for (Feature k : FEATURES) {
            if (!k.isShare() && k != Feature.COMMUNITY) {
                double max = 0;
                for (int p = 0; p < n; p++) {
                    max = Math.max(max, f.raw(k, p));
                }
                denom[k.ordinal()] = Math.log1p(max);
            }
        }
        denom[Feature.COMMUNITY.ordinal()] = Math.log1p(maxRing);
        return denom;
    }

    private LeadResult rank(LeadFeatures f, double[] given, int topK, boolean[] excluded) {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0");
        }
        int n = f.size();
        if (excluded != null && excluded.length != n) {
            throw new IllegalArgumentException("excluded has " + excluded.length + " entries for " + n + " parties");
        }
        double[] w = weights.asArray();
        double wSum = 0;
        for (double x : w) {
            wSum += x;
        }
        int[] ringSize = ringSizes(f);
        double[] denom = denominators(f, ringSize);
        double[] score = given;
        if (score == null) {
            score = new double[n];
            for (int p = 0; p < n; p++) {
                double s = 0;
                for (Feature k : FEATURES) {
                    s += w[k.ordinal()] * partyNorm(f, k, p, ringSize, denom);
                }
                score[p] = s / wSum;
            }
        }

        int[] top = topK(score, Math.min(topK, n), excluded);
        List<PartyLead> leads = new ArrayList<>(top.length);
        double[] contrib = new double[FEATURES.length];
        for (int i = 0; i < top.length; i++) {
            int p = top[i];
            for (Feature k : FEATURES) {
                contrib[k.ordinal()] = w[k.ordinal()] * partyNorm(f, k, p, ringSize, denom) / wSum;
            }
            List<Reason> reasons = new ArrayList<>(REASONS);
            for (int k : topContributions(contrib)) {
                reasons.add(new Reason(FEATURES[k], contrib[k], partyText(FEATURES[k], f, p, ringSize)));
            }
            leads.add(new PartyLead(i + 1, p, f.ids().get(p), score[p], f.ringOf(p), reasons));
        }
        double[] partyScores = score;
        if (excluded != null) {
            partyScores = score.clone();
            for (int p = 0; p < n; p++) {
                if (excluded[p]) {
                    partyScores[p] = 0;
                }
            }
        }
        return new LeadResult(partyScores, leads, scoreRings(f, score, ringSize, w, wSum));
    }

    private static double partyNorm(LeadFeatures f, Feature k, int p, int[] ringSize, double[] denom) {
        if (k == Feature.COMMUNITY) {
            int r = f.ringOf(p);
            return r < 0 ? 0 : 0.5 + 0.5 * Math.log1p(ringSize[r]) / denom[k.ordinal()];
        }
        double x = f.raw(k, p);
        if (k.isShare()) {
            return x;
        }
        double d = denom[k.ordinal()];
        return d == 0 ? 0 : Math.log1p(x) / d;
    }

    /** Ring aggregates, normalised across rings, scored like parties. */
    private List<RingLead> scoreRings(LeadFeatures f, double[] partyScore, int[] ringSize, double[] w, double wSum) {
        int rings = ringSize.length;
        int n = f.size();
        int nf = FEATURES.length;
        double[][] agg = new double[nf][rings];
        double[] vol = new double[rings];
        for (int p = 0; p < n; p++) {
            int r = f.ringOf(p);
            if (r < 0) {
                continue;
            }
            double v = f.raw(Feature.VOLUME, p);
            vol[r] += v;
            agg[Feature.VOLUME.ordinal()][r] += v;
            agg[Feature.COUNTERPARTIES.ordinal()][r] += f.raw(Feature.COUNTERPARTIES, p);
            agg[Feature.RELAY.ordinal()][r] += f.raw(Feature.RELAY, p);
            agg[Feature.TWO_CARTON.ordinal()][r] += v * f.raw(Feature.TWO_CARTON, p);
            agg[Feature.BORDER.ordinal()][r] += v * f.raw(Feature.BORDER, p);
            agg[Feature.BETWEENNESS.ordinal()][r] = Math.max(agg[Feature.BETWEENNESS.ordinal()][r], f.raw(Feature.BETWEENNESS, p));
            agg[Feature.FLAGGED.ordinal()][r] = Math.max(agg[Feature.FLAGGED.ordinal()][r], f.raw(Feature.FLAGGED, p));
        }
        // Shares: volume-weighted means; rings without volume fall back to plain means.
        double[] plainTwo = new double[rings];
        double[] plainBorder = new double[rings];
        for (int p = 0; p < n; p++) {
            int r = f.ringOf(p);
            if (r >= 0) {
                plainTwo[r] += f.raw(Feature.TWO_CARTON, p) / ringSize[r];
                plainBorder[r] += f.raw(Feature.BORDER, p) / ringSize[r];
            }
        }
        for (int r = 0; r < rings; r++) {
            agg[Feature.TWO_CARTON.ordinal()][r] = vol[r] > 0 ? agg[Feature.TWO_CARTON.ordinal()][r] / vol[r] : plainTwo[r];
            agg[Feature.BORDER.ordinal()][r] = vol[r] > 0 ? agg[Feature.BORDER.ordinal()][r] / vol[r] : plainBorder[r];
            agg[Feature.COMMUNITY.ordinal()][r] = ringSize[r];
        }
        double[][] norm = new double[nf][rings];
        for (Feature k : FEATURES) {
            double[] a = agg[k.ordinal()];
            if (k.isShare()) {
                norm[k.ordinal()] = a.clone();
            } else {
                double max = 0;
                for (double x : a) {
                    max = Math.max(max, x);
                }
                double d = Math.log1p(max);
                for (int r = 0; r < rings; r++) {
                    norm[k.ordinal()][r] = d == 0 ? 0 : Math.log1p(a[r]) / d;
                }
            }
        }
        double[] ringScore = new double[rings];
        for (int r = 0; r < rings; r++) {
            double s = 0;
            for (int k = 0; k < nf; k++) {
                s += w[k] * norm[k][r];
            }
            ringScore[r] = s / wSum;
        }
        // Members per ring, best party first.
        int[][] members = new int[rings][];
        int[] fill = new int[rings];
        for (int r = 0; r < rings; r++) {
            members[r] = new int[ringSize[r]];
        }
        for (int p = 0; p < n; p++) {
            int r = f.ringOf(p);
            if (r >= 0) {
                members[r][fill[r]++] = p;
            }
        }
        List<RingLead> out = new ArrayList<>();
        int[] order = topK(ringScore, rings);
        double[] contrib = new double[nf];
        int rank = 0;
        for (int r : order) {
            if (ringSize[r] == 0) {
                continue; // an unused ring id
            }
            for (int k = 0; k < nf; k++) {
                contrib[k] = w[k] * norm[k][r] / wSum;
            }
            List<Reason> reasons = new ArrayList<>(REASONS);
            for (int k : topContributions(contrib)) {
                reasons.add(new Reason(FEATURES[k], contrib[k], ringText(FEATURES[k], agg[k][r], r)));
            }
            out.add(new RingLead(++rank, r, ringScore[r], byScore(members[r], partyScore), reasons));
        }
        return out;
    }

    /** Indices of the {@link #REASONS} largest positive entries, largest first, ties by index. */
    static int[] topContributions(double[] c) {
        int[] best = new int[REASONS];
        int count = 0;
        boolean[] used = new boolean[c.length];
        while (count < REASONS) {
            int arg = -1;
            for (int k = 0; k < c.length; k++) {
                if (!used[k] && c[k] > 0 && (arg < 0 || c[k] > c[arg])) {
                    arg = k;
                }
            }
            if (arg < 0) {
                break;
            }
            used[arg] = true;
            best[count++] = arg;
        }
        return Arrays.copyOf(best, count);
    }

    /**
     * The {@code k} indices of largest value, ranked (value descending, ties by index ascending), by a
     * bounded binary min-heap: O(n log k).
     */
    static int[] topK(double[] v, int k) {
        return topK(v, k, null);
    }

    /** {@link #topK(double[], int)} among the indices not {@code skip}ped (null: none); fewer when too few remain. */
    static int[] topK(double[] v, int k, boolean[] skip) {
        if (k == 0) {
            return new int[0];
        }
        int[] heap = new int[k]; // heap[0] is the worst kept
        int size = 0;
        for (int i = 0; i < v.length; i++) {
            if (skip != null && skip[i]) {
                continue;
            }
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, v);
            } else if (better(i, heap[0], v)) {
                heap[0] = i;
                siftDown(heap, size, v);
            }
        }
        int[] out = new int[size];
        for (int j = size - 1; j >= 0; j--) {
            out[j] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, v);
        }
        return out;
    }

    /** Whether index a ranks before index b. */
    private static boolean better(int a, int b, double[] v) {
        return v[a] > v[b] || (v[a] == v[b] && a < b);
    }

    private static void siftUp(int[] h, int i, double[] v) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(h[parent], h[i], v)) {
                break;
            }
            int t = h[parent];
            h[parent] = h[i];
            h[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int size, double[] v) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            if (l + 1 < size && better(h[worst], h[l + 1], v)) {
                worst = l + 1;
            }
            if (!better(h[i], h[worst], v)) {
                return;
            }
            int t = h[i];
            h[i] = h[worst];
            h[worst] = t;
            i = worst;
        }
    }

    private static int[] byScore(int[] members, double[] score) {
        double[] s = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            s[i] = score[members[i]];
        }
        int[] order = topK(s, members.length);
        int[] out = new int[members.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = members[order[i]];
        }
        return out;
    }

    static String partyText(Feature k, LeadFeatures f, int p, int[] ringSize) {
        return switch (k) {
            case VOLUME -> count(f.raw(k, p), "shipment", "shipments");
            case TWO_CARTON -> percent(f.raw(k, p)) + " of parcels are 2-carton";
            case BORDER -> percent(f.raw(k, p)) + " of parcels from border-entry or transit provinces";
            case COUNTERPARTIES -> count(f.raw(k, p), "distinct counterparty", "distinct counterparties");
            case RELAY -> "on " + count(f.raw(k, p), "relay chain", "relay chains");
            case COMMUNITY -> "member of ring " + f.ringOf(p) + " (" + count(ringSize[f.ringOf(p)], "party", "parties") + ")";
            case BETWEENNESS -> "betweenness " + String.format(Locale.ROOT, "%.3g", f.raw(k, p)) + " (a broker)";
            case FLAGGED -> count(f.raw(k, p), "flagged parcel", "flagged parcels") + " in its case network";
        };
    }

    static String ringText(Feature k, double value, int ring) {
        return switch (k) {
            case VOLUME -> count(value, "shipment", "shipments");
            case TWO_CARTON -> percent(value) + " of parcels are 2-carton";
            case BORDER -> percent(value) + " of parcels from border-entry or transit provinces";
            case COUNTERPARTIES -> count(value, "counterparty link", "counterparty links");
            case RELAY -> count(value, "relay-chain membership", "relay-chain memberships");
            case COMMUNITY -> count(value, "party", "parties") + " in ring " + ring;
            case BETWEENNESS -> "a member with betweenness " + String.format(Locale.ROOT, "%.3g", value);
            case FLAGGED -> count(value, "flagged parcel", "flagged parcels") + " in a member's case network";
        };
    }

    private static String count(double v, String one, String many) {
        String num = v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
        return num + " " + (v == 1 ? one : many);
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    static String join(List<Reason> reasons) {
        StringBuilder sb = new StringBuilder();
        for (Reason r : reasons) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(r.text());
        }
        return sb.toString();
    }
}
