package org.parcelnet.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.parcelnet.embed.FastRP;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.leads.Feature;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.TierClassifier;

/**
 * The inputs of a trained lead scorer: one row per party, {@code features ⊕ embedding}.
 *
 * <ul>
 *   <li>the scorecard's eight features normalised to [0, 1] as {@link LeadScorer} does
 *       ({@link LeadScorer#normalizedFeatures}), named after {@link Feature} in lower case; counts are
 *       scaled by the largest value of the same file, so rows of files of different sizes are
 *       comparable;</li>
 *   <li>{@code scorecard}: the scorecard's score with the {@linkplain LeadWeights#DEFAULTS default
 *       weights} (fixed, so that a model does not depend on the {@code --lead-weights} of a run);</li>
 *   <li>with an embedding of dimension d &gt; 0: {@code emb_0 .. emb_{d-1}}, the
 *       {@linkplain FastRP FastRP} embedding of the undirected party graph (weighted by shipments)
 *       with every coordinate initialised from the nine values above
 *       ({@code featureDimension = d}). Such an embedding is a smoothed picture of the features of a
 *       party's neighbourhood and does not depend on node ids, so a model trained on one file applies
 *       to another; coordinates seeded from node ids would be a different random code in every file
 *       and could not be learned across files.</li>
 * </ul>
 * Cost: O(n · 9) plus FastRP's O(k · (n + arcs) · d) and its memory ({@link FastRP#memoryBytes});
 * the rows take 8 (9 + d) bytes per party.
 */
public final class LeadVectors {

    /**
     * The columns a tier model adds to a lead row: from {@link TierClassifier.Result}, log(1 + sent),
     * log(1 + received), sent / (sent + received) (0 with neither), and the home place class one-hot
     * (all zero for a party with no shipments).
     */
    public static final List<String> TIER_EXTRA_NAMES = List.of("tier-sent-log", "tier-received-log", "tier-sent-share",
            "home-entry", "home-transit", "home-destination");

    /** Names of the nine columns before the embedding. */
    public static final List<String> BASE_NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (Feature f : Feature.values()) {
            names.add(f.name().toLowerCase(java.util.Locale.ROOT));
        }
        names.add("scorecard");
        BASE_NAMES = Collections.unmodifiableList(names);
    }

    /**
     * How the embedding is computed.
     *
     * @param dimension        d (0: no embedding)
     * @param iterationWeights FastRP's α
     * @param normalization    FastRP's β
     * @param seed             FastRP's seed
     */
    public record EmbeddingSpec(int dimension, double[] iterationWeights, double normalization, long seed) {

        public EmbeddingSpec {
            if (dimension < 0) {
                throw new IllegalArgumentException("embedding dimension must be >= 0, got " + dimension);
            }
            iterationWeights = iterationWeights.clone();
            if (dimension > 0) {
                FastRP.Params.defaults(dimension).withIterationWeights(iterationWeights).withNormalization(normalization);
            }
        }

        /** No embedding. */
        public static final EmbeddingSpec NONE = new EmbeddingSpec(0, new double[] {1}, 0, 42);

        /** Dimension d with FastRP's weights (1, 1, 1): the party itself is not in them, its 1- to 3-hop neighbourhood is. */
        public static EmbeddingSpec of(int dimension) {
            return dimension == 0 ? NONE : new EmbeddingSpec(dimension, new double[] {1, 1, 1}, 0, 42);
        }

        @Override
        public double[] iterationWeights() {
            return iterationWeights.clone();
        }

        /** Column names of the embedding. */
        public List<String> names() {
            List<String> out = new ArrayList<>(dimension);
            for (int j = 0; j < dimension; j++) {
                out.add("emb_" + j);
            }
            return out;
        }
    }

    /**
     * Rows of values.
     *
     * @param names  column names
     * @param rows   number of parties
     * @param values row-major rows × names.size()
     */
    public record Vectors(List<String> names, int rows, double[] values) {

        public Vectors {
            names = List.copyOf(names);
            Objects.requireNonNull(values, "values");
            if (values.length != (long) rows * names.size()) {
                throw new IllegalArgumentException("values must hold " + rows + " x " + names.size());
            }
        }
    }

    private LeadVectors() {
    }

    /** Column names for {@code spec}. */
    public static List<String> names(EmbeddingSpec spec) {
        List<String> names = new ArrayList<>(BASE_NAMES);
        names.addAll(spec.names());
        return names;
    }

    /**
     * The rows of {@code f}.
     *
     * @param f          lead features of n parties
     * @param undirected the undirected party graph on the same n parties (used only with an embedding)
     * @param spec       the embedding
     * @param threads    FastRP's workers (the result does not depend on them)
     */
    public static Vectors of(LeadFeatures f, CompactGraph undirected, EmbeddingSpec spec, int threads,
                             ProgressListener progress) {
        int n = f.size();
        int nf = Feature.values().length;
        int base = nf + 1;
        double[] norm = LeadScorer.normalizedFeatures(f);
        double[] w = LeadWeights.DEFAULTS.asArray();
        double wSum = 0;
        for (double x : w) {
            wSum += x;
        }
        double[] b = new double[n * base];
        for (int p = 0; p < n; p++) {
            double s = 0;
            for (int k = 0; k < nf; k++) {
                double x = norm[p * nf + k];
                b[p * base + k] = x;
                s += w[k] * x;
            }
            b[p * base + nf] = s / wSum;
        }
        int d = spec.dimension();
        if (d == 0) {
            return new Vectors(BASE_NAMES, n, b);
        }
        if (undirected.nodeCount() != n) {
            throw new IllegalArgumentException("graph has " + undirected.nodeCount() + " nodes for " + n + " parties");
        }
        FastRP.Params params = FastRP.Params.defaults(d).withIterationWeights(spec.iterationWeights())
                .withNormalization(spec.normalization()).withSeed(spec.seed()).withFeatureDimension(d)
                .withThreads(threads);
        FastRP.Embedding e = FastRP.embed(undirected, b, base, params, progress);
        int cols = base + d;
        double[] out = new double[n * cols];
        float[] ev = e.values();
        for (int p = 0; p < n; p++) {
            System.arraycopy(b, p * base, out, p * cols, base);
            for (int j = 0; j < d; j++) {
                out[p * cols + base + j] = ev[p * d + j];
            }
        }
        return new Vectors(names(spec), n, out);
    }
    /** Column names of the tier model's rows for {@code spec}: {@link #names} then {@link #TIER_EXTRA_NAMES}. */
    public static List<String> tierNames(EmbeddingSpec spec) {
        List<String> names = names(spec);
        names.addAll(TIER_EXTRA_NAMES);
        return names;
    }

    /**
     * The tier model's rows: each lead row followed by the party's {@link #TIER_EXTRA_NAMES} values.
     * O(rows · columns).
     *
     * @param leadRows the lead rows of n parties
     * @param tiers    the rule-based tier classification of the same n parties
     */
    public static Vectors withTierFeatures(Vectors leadRows, TierClassifier.Result tiers) {
        int[] all = new int[leadRows.rows()];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        return withTierFeatures(leadRows, tiers, all);
    }

    /**
     * The tier rows of the listed parties only, in the order given (row {@code i} is party
     * {@code parties[i]}): a run predicts tiers for the parties the rules placed, a few thousand among
     * millions, without a second full-size matrix.
     */
    public static Vectors withTierFeatures(Vectors leadRows, TierClassifier.Result tiers, int[] parties) {
        int n = leadRows.rows();
        if (tiers.sent().length != n) {
            throw new IllegalArgumentException("tier features for " + tiers.sent().length + " parties, rows " + n);
        }
        int c = leadRows.names().size();
        int extra = TIER_EXTRA_NAMES.size();
        int cols = c + extra;
        double[] out = new double[parties.length * cols];
        for (int i = 0; i < parties.length; i++) {
            int p = parties[i];
            System.arraycopy(leadRows.values(), p * c, out, i * cols, c);
            int s = tiers.sent()[p];
            int r = tiers.received()[p];
            out[i * cols + c] = Math.log1p(s);
            out[i * cols + c + 1] = Math.log1p(r);
            out[i * cols + c + 2] = s + r == 0 ? 0 : (double) s / (s + r);
            PlaceFacts.PlaceClass home = tiers.home()[p];
            if (home != null) {
                out[i * cols + c + 3 + home.ordinal()] = 1;
            }
        }
        List<String> names = new ArrayList<>(leadRows.names());
        names.addAll(TIER_EXTRA_NAMES);
        return new Vectors(names, parties.length, out);
    }
}
