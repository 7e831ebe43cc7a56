package org.parcelnet.embed;

import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * FastRP node embeddings: Chen, Sultan, Tian, Chen and Skiena, "Fast and Accurate Network Embeddings
 * via Very Sparse Random Projection", CIKM 2019 (arXiv:1908.11512).
 *
 * <p>Algorithm. Let {@code P = D⁻¹A} be the random-walk transition matrix of the graph (A the
 * adjacency, weighted when the graph is, D the diagonal of strengths; arcs are followed out of a
 * node, so a directed graph is embedded along its out-arcs and an undirected one along its edges).
 * Each node v gets an initial vector {@code R_v ∈ ℝ^d}:
 * <ul>
 *   <li>a very sparse random projection of its one-hot id (Achlioptas 2003; Li, Hastie and Church,
 *       KDD 2006): entry j is {@code +√s} with probability {@code 1/(2s)}, {@code -√s} with
 *       probability {@code 1/(2s)}, 0 otherwise, so that the expected squared norm of every row is d.
 *       The sparsity {@code s} defaults to {@code √d}, so that each row has about {@code √d} non-zero
 *       entries (Li et al. use {@code s = √D} for an input of dimension D; with one-hot inputs that
 *       would leave most rows of a large graph empty);</li>
 *   <li>optionally, in its last {@code featureDimension} coordinates, a random projection of the
 *       node's own features {@code x_v ∈ ℝ^p}: {@code x_v · Q} for a dense p × featureDimension matrix
 *       Q of ±1 entries drawn from the seed only, so that the same features give the same initial
 *       vector in every graph. With {@code featureDimension = d} the embedding no longer depends on
 *       node ids at all and carries over to graphs it was not computed on.</li>
 * </ul>
 * Degree normalisation scales the initial vectors by {@code (deg_v / 2m)^β} (β = 0 leaves them as
 * they are; negative β damps hubs). Then, for i = 1..k, {@code N_i = P · N_{i-1}} with
 * {@code N_0 = R}; each {@code N_i} is L2-normalised row by row, and the embedding is
 * {@code Σ_i α_i N_i} with the iteration weights α, L2-normalised row by row at the end when asked.
 * A node without out-arcs keeps a zero vector in every {@code N_i}.
 *
 * <p>Cost: O(k · (n + arcs) · d) time; without feature coordinates the first step costs
 * O(arcs · d / s), reading a sparse copy of R. The propagation runs on a renumbered copy of the
 * out-arcs ({@link Local}: one label-propagation sweep puts densely linked nodes next to each other),
 * because reading a whole row per arc at random is memory-bound. Memory ({@link #memoryBytes}): two
 * n × d float arrays (the previous and current iterate; the output is formed over the one no longer
 * read) when only the last two iteration weights are non-zero, as with the defaults, else a third for
 * the weighted sum — {@code 8 · d} or {@code 12 · d} bytes per node (1,024 or 1,536 at d = 128) — plus
 * the renumbered arcs ({@code 4} bytes per arc, {@code 8} when weighted), at most 24 bytes per node of
 * numbering and strengths, and about {@code 6 · d / s} bytes per node for the sparse copy of R.
 *
 * <p>Determinism: the random entries of node v come from a hash of (seed, v, j), and every row of
 * {@code N_i} is summed over v's arcs in CSR order by one worker, so the result is bit-for-bit the
 * same for any thread count, and the renumbering changes no sum.
 */
public final class FastRP {

    /**
     * Parameters.
     *
     * @param dimension        embedding dimension d (≥ 1)
     * @param iterationWeights α_1..α_k, one per propagation step (k ≥ 1, finite, not all 0)
     * @param normalization    β, the exponent of the degree normalisation of the initial vectors
     * @param sparsity         s ≥ 1 of the random projection (0 means √d)
     * @param featureDimension trailing coordinates initialised from node features (0..d; 0 without features)
     * @param normalizeOutput  whether each final row is L2-normalised
     * @param seed             seed of every random entry
     * @param threads          worker threads (≥ 1); does not change the result
     */
    public record Params(int dimension, double[] iterationWeights, double normalization, double sparsity,
                         int featureDimension, boolean normalizeOutput, long seed, int threads) {

        public Params {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
            }
            Objects.requireNonNull(iterationWeights, "iterationWeights");
            if (iterationWeights.length == 0) {
                throw new IllegalArgumentException("need at least one iteration weight");
            }
            boolean any = false;
            for (double a : iterationWeights) {
                if (!Double.isFinite(a)) {
                    throw new IllegalArgumentException("iteration weights must be finite, got " + a);
                }
                any |= a != 0;
            }
            if (!any) {
                throw new IllegalArgumentException("at least one iteration weight must be non-zero");
            }
            iterationWeights = iterationWeights.clone();
            if (!Double.isFinite(normalization)) {
                throw new IllegalArgumentException("normalization must be finite, got " + normalization);
            }
            if (!(sparsity == 0 || sparsity >= 1)) {
                throw new IllegalArgumentException("sparsity must be 0 (meaning sqrt(dimension)) or >= 1, got " + sparsity);
            }
            if (featureDimension < 0 || featureDimension > dimension) {
                throw new IllegalArgumentException("featureDimension must be in 0.." + dimension + ", got " + featureDimension);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        /**
         * Defaults for dimension d: weights (0, 1, 1) — three propagation steps, the first hop left
         * out because alone it is a random code of the neighbour set, while 2- and 3-hop terms carry
         * the neighbourhood — β = 0, s = √d, no features, normalised output, seed 42, one thread.
         */
        public static Params defaults(int dimension) {
            return new Params(dimension, new double[] {0, 1, 1}, 0, 0, 0, true, 42, 1);
        }

        @Override
        public double[] iterationWeights() {
            return iterationWeights.clone();
        }

        /** The sparsity in use: {@link #sparsity()}, or √d when it is 0. */
        public double effectiveSparsity() {
            return sparsity == 0 ? Math.sqrt(dimension) : sparsity;
        }

        public Params withIterationWeights(double... w) {
            return new Params(dimension, w, normalization, sparsity, featureDimension, normalizeOutput, seed, threads);
        }

        public Params withNormalization(double beta) {
            return new Params(dimension, iterationWeights, beta, sparsity, featureDimension, normalizeOutput, seed, threads);
        }

        public Params withSparsity(double s) {
            return new Params(dimension, iterationWeights, normalization, s, featureDimension, normalizeOutput, seed, threads);
        }

        public Params withFeatureDimension(int f) {
            return new Params(dimension, iterationWeights, normalization, sparsity, f, normalizeOutput, seed, threads);
        }

        public Params withNormalizeOutput(boolean b) {
            return new Params(dimension, iterationWeights, normalization, sparsity, featureDimension, b, seed, threads);
        }

        public Params withSeed(long s) {
            return new Params(dimension, iterationWeights, normalization, sparsity, featureDimension, normalizeOutput, s, threads);
        }

        public Params withThreads(int t) {
            return new Params(dimension, iterationWeights, normalization, sparsity, featureDimension, normalizeOutput, seed, t);
        }
    }

    /**
     * Embeddings: row v is {@code values[v·d .. v·d + d)}.
     *
     * @param nodes     number of nodes
     * @param dimension d
     * @param values    n × d floats, row-major
     */
    public record Embedding(int nodes, int dimension, float[] values) {

        /** Row v (a copy). */
        public float[] row(int v) {
            return Arrays.copyOfRange(values, v * dimension, v * dimension + dimension);
        }

        /** Cosine similarity of rows u and v (0 when either is zero). */
        public double cosine(int u, int v) {
            double dot = 0;
            double nu = 0;
            double nv = 0;
            int a = u * dimension;
            int b = v * dimension;
            for (int j = 0; j < dimension; j++) {
                dot += (double) values[a + j] * values[b + j];
                nu += (double) values[a + j] * values[a + j];
                nv += (double) values[b + j] * values[b + j];
            }
            return nu == 0 || nv == 0 ? 0 : dot / Math.sqrt(nu * nv);
        }
    }

    private static final int BLOCK = 1024;

    private FastRP() {
    }

    /** Embeds {@code g} without node features. */
    public static Embedding embed(CompactGraph g, Params params) {
        return embed(g, null, 0, params, ProgressListener.NONE);
    }

    /**
     * Embeds {@code g}.
     *
     * @param g            the graph
     * @param features     node features, row-major n × {@code featureCount} (finite), or null when
     *                     {@code params.featureDimension() == 0}
     * @param featureCount features per node
     * @param params       parameters
     * @param progress     cancellation is checked before each block of nodes
     */
    public static Embedding embed(CompactGraph g, double[] features, int featureCount, Params params,
                                  ProgressListener progress) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(params, "params");
        int n = g.nodeCount();
        int d = params.dimension();
        int fd = params.featureDimension();
        if (fd > 0) {
            Objects.requireNonNull(features, "features (featureDimension > 0)");
            if (featureCount < 1 || features.length != (long) n * featureCount) {
                throw new IllegalArgumentException("features must hold " + n + " x " + featureCount + " values, got "
                        + features.length);
            }
        }
        if ((long) n * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n x dimension = " + ((long) n * d) + " exceeds one array");
        }
        double[] alpha = params.iterationWeights();
        int k = alpha.length;
        // The output is Σ α_i N_i. When only the last two weights can be non-zero, the sum is formed in
        // the last step from N_{k-1} and N_k into the buffer that held N_{k-2}, so no third matrix exists.
        boolean fused = true;
        for (int i = 0; i < k - 2; i++) {
            fused &= alpha[i] == 0;
        }
        double s = params.effectiveSparsity();
        double beta = params.normalization();
        double twoM = 0;
        if (beta != 0) {
            for (int v = 0; v < n; v++) {
                twoM += g.outStrength(v);
            }
        }
        final double total = twoM;
        try (WorkerPool pool = WorkerPool.of(params.threads(), "fastrp")) {
            double[] signs = fd > 0 ? featureSigns(params.seed(), featureCount, fd) : null;
            // Without feature coordinates R has about n·d/s non-zero entries: the first step reads them
            // from a sparse copy (offsets, coordinates, values) instead of whole rows, adding the same
            // products in the same order, so the result is the same bit for bit. That copy is drawn on
            // one worker while another runs the renumbering sweep (both only read the graph).
            boolean sparseStart = fd == 0 && d <= Short.MAX_VALUE;
            int[][] labels = new int[1][];
            Sparse[] drawn = new Sparse[1];
            pool.forEach(sparseStart ? 2 : 1, task -> {
                if (task == 0) {
                    labels[0] = Local.sweep(g, progress);
                } else {
                    drawn[0] = Sparse.draw(g, d, s, beta, total, params.seed(), progress);
                }
            }, progress);
            Local local = Local.build(g, labels[0], pool);
            labels[0] = null;
            int[] old = local.old;
            Sparse sparse = sparseStart ? drawn[0].renumbered(old, pool) : null;
            drawn[0] = null;
            float[][] buf = {new float[n * d], new float[n * d]};
            float[] sum = fused ? null : new float[n * d];
            if (sparse == null) {
                // N_0 = R (degree-scaled) in local order, row v generated from the seed and node old[v]
                pool.forRange(n, BLOCK, (w, from, to) -> {
                    progress.checkCancelled();
                    for (int v = from; v < to; v++) {
                        int u = old[v];
                        initialRow(u, buf[0], v * d, d, fd, s, params.seed(), features, featureCount, signs);
                        if (beta != 0) {
                            float scale = degreeScale(g.outStrength(u), total, beta);
                            for (int j = v * d, e = j + d; j < e; j++) {
                                buf[0][j] *= scale;
                            }
                        }
                    }
                });
            }
            boolean normalizeOut = params.normalizeOutput();
            float[] out = null;
            for (int it = 0; it < k; it++) {
                float a = (float) alpha[it];
                boolean last = it == k - 1;
                float[] in = buf[it & 1];
                float[] next = buf[(it + 1) & 1];
                Sparse sp = it == 0 ? sparse : null;
                // the fused last step writes the output (original order) over the buffer it does not read
                float[] dest = last && fused ? next : null;
                float prevWeight = last && fused && k >= 2 ? (float) alpha[k - 2] : 0f;
                pool.forRange(n, BLOCK, (w, from, to) -> {
                    progress.checkCancelled();
                    float[] row = new float[d];
                    for (int v = from; v < to; v++) {
                        if (sp != null) {
                            sp.propagateRow(local, v, row);
                        } else {
                            local.propagateRow(v, in, row, d);
                        }
                        normalizeRow(row, 0, d);
                        if (dest != null) {
                            // exactly what accumulating 0 + α_{k-1} N_{k-1} + α_k N_k in a zeroed sum gives,
                            // normalised here rather than in a further pass over the output
                            int p = v * d;
                            for (int j = 0; j < d; j++) {
                                float t = 0f;
                                t += prevWeight * in[p + j];
                                t += a * row[j];
                                row[j] = t;
                            }
                            if (normalizeOut) {
                                normalizeRow(row, 0, d);
                            }
                            System.arraycopy(row, 0, dest, old[v] * d, d);
                        } else {
                            System.arraycopy(row, 0, next, v * d, d);
                            if (sum != null && a != 0) {
                                int o = old[v] * d;
                                for (int j = 0; j < d; j++) {
                                    sum[o + j] += a * row[j];
                                }
                            }
                        }
                    }
                });
                if (dest != null) {
                    out = dest;
                }
            }
            if (fused) {
                return new Embedding(n, d, out);
            }
            if (normalizeOut) {
                pool.forRange(n, BLOCK, (w, from, to) -> {
                    for (int v = from; v < to; v++) {
                        normalizeRow(sum, v * d, d);
                    }
                });
            }
            return new Embedding(n, d, sum);
        }
    }

    /** {@code (strength / 2m)^β} as a float, 0 for a node without out-arcs. */
    private static float degreeScale(double strength, double total, double beta) {
        return strength == 0 ? 0f : (float) Math.pow(strength / total, beta);
    }

    /**
     * The graph's out-arcs renumbered for locality: rows are read at random by the propagation, and a
     * 512-byte row fetched from memory for every arc makes the step memory-bound. One sweep of
     * asynchronous label propagation (Raghavan, Albert and Kumara, Phys. Rev. E 76, 2007,
     * doi:10.1103/PhysRevE.76.036106; each node in id order takes the most frequent label of its
     * out-neighbours, ties to the smallest) gathers densely linked nodes under shared labels; nodes are
     * numbered group by group, so that most rows an arc reads are near the row being written and already
     * in cache. Each local row keeps its node's arcs in their order, so every sum adds the same terms in
     * the same order as on the original numbering: the numbering changes time, never a bit of the result.
     * Cost: O(n + arcs) time on one thread for the sweep, the copy on all workers; memory
     * {@code 4 (n + 1) + 4 arcs} bytes (plus 4 per arc for weights), a double and an int per node, and
     * two more ints per node while it is built.
     */
    static final class Local {
        final int[] old;       // local id -> node
        final int[] start;     // local CSR offsets
        final int[] target;    // local ids of heads, in the node's arc order
        final float[] weight;  // arc weights, or null when unweighted
        final double[] strength;

        private Local(int[] old, int[] start, int[] target, float[] weight, double[] strength) {
            this.old = old;
            this.start = start;
            this.target = target;
            this.weight = weight;
            this.strength = strength;
        }

        static Local of(CompactGraph g, WorkerPool pool, ProgressListener progress) {
            return build(g, sweep(g, progress), pool);
        }

        /** The label of every node after one sweep (one thread). */
        static int[] sweep(CompactGraph g, ProgressListener progress) {
            int n = g.nodeCount();
            int[] label = new int[n];
            for (int v = 0; v < n; v++) {
                label[v] = v;
            }
            int[] count = new int[n];
            int[] touched = new int[16];
            for (int v = 0; v < n; v++) {
                if ((v & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
                int best = label[v];
                int bestCount = 0;
                int seen = 0;
                for (int i = g.outStart(v), e = g.outEnd(v); i < e; i++) {
                    int l = label[g.target(i)];
                    int c = ++count[l];
                    if (c == 1) {
                        if (seen == touched.length) {
                            touched = Arrays.copyOf(touched, 2 * seen);
                        }
                        touched[seen++] = l;
                    }
                    if (c > bestCount || (c == bestCount && l < best)) {
                        bestCount = c;
                        best = l;
                    }
                }
                for (int i = 0; i < seen; i++) {
                    count[touched[i]] = 0;
                }
                if (seen > 0) {
                    label[v] = best;
                }
            }
            return label;
        }

        /** The renumbered arcs for the labels of {@link #sweep} (overwritten); the copy on all workers. */
        static Local build(CompactGraph g, int[] label, WorkerPool pool) {
            int n = g.nodeCount();
            // groups numbered by first appearance, nodes in id order within a group
            int[] group = new int[n];
            Arrays.fill(group, -1);
            int groups = 0;
            int[] size = new int[n + 1];
            for (int v = 0; v < n; v++) {
                int l = label[v];
                if (group[l] < 0) {
                    group[l] = groups++;
                }
                size[group[l] + 1]++;
            }
            for (int i = 0; i < groups; i++) {
                size[i + 1] += size[i];
            }
            int[] local = label; // node -> local id, overwriting the labels once read
            int[] old = new int[n];
            for (int v = 0; v < n; v++) {
                int id = size[group[label[v]]]++;
                local[v] = id;
                old[id] = v;
            }
            int[] start = new int[n + 1];
            for (int v = 0; v < n; v++) {
                int u = old[v];
                start[v + 1] = start[v] + (g.outEnd(u) - g.outStart(u));
            }
            int[] target = new int[start[n]];
            boolean weighted = g.isWeighted();
            float[] weight = weighted ? new float[start[n]] : null;
            double[] strength = new double[n];
            pool.forRange(n, BLOCK, (w, from, to) -> {
                for (int v = from; v < to; v++) {
                    int u = old[v];
                    int p = start[v];
                    double st = 0;
                    for (int i = g.outStart(u), e = g.outEnd(u); i < e; i++, p++) {
                        target[p] = local[g.target(i)];
                        float x = weighted ? (float) g.weight(i) : 1f;
                        if (weighted) {
                            weight[p] = x;
                        }
                        st += x;
                    }
                    strength[v] = st;
                }
            });
            return new Local(old, start, target, weight, strength);
        }

        /** {@code row = Σ_{v→u} w(v,u) · in[u] / strength(v)} in local ids. */
        void propagateRow(int v, float[] in, float[] row, int d) {
            Arrays.fill(row, 0f);
            int first = start[v];
            int end = start[v + 1];
            if (first == end) {
                return;
            }
            // Four arcs per pass over the row: Java adds left to right, so each coordinate receives the
            // same additions in the same order as arc by arc, with a quarter of the loads and stores of
            // the row (C2 does not vectorise a float[] store beside float[] loads at an unrelated offset,
            // so the loop is scalar and those loads and stores are a good part of its cost).
            int i = first;
            if (weight == null) {
                for (; i + 4 <= end; i += 4) {
                    int a = target[i] * d;
                    int b = target[i + 1] * d;
                    int c = target[i + 2] * d;
                    int e = target[i + 3] * d;
                    for (int j = 0; j < d; j++) {
                        row[j] = row[j] + in[a + j] + in[b + j] + in[c + j] + in[e + j];
                    }
                }
                for (; i < end; i++) {
                    int ub = target[i] * d;
                    for (int j = 0; j < d; j++) {
                        row[j] += in[ub + j];
                    }
                }
            } else {
                for (; i + 4 <= end; i += 4) {
                    float wa = weight[i];
                    float wb = weight[i + 1];
                    float wc = weight[i + 2];
                    float we = weight[i + 3];
                    int a = target[i] * d;
                    int b = target[i + 1] * d;
                    int c = target[i + 2] * d;
                    int e = target[i + 3] * d;
                    for (int j = 0; j < d; j++) {
                        row[j] = row[j] + wa * in[a + j] + wb * in[b + j] + wc * in[c + j] + we * in[e + j];
                    }
                }
                for (; i < end; i++) {
                    float w = weight[i];
                    int ub = target[i] * d;
                    for (int j = 0; j < d; j++) {
                        row[j] += w * in[ub + j];
                    }
                }
            }
            float inv = (float) (1.0 / strength[v]);
            for (int j = 0; j < d; j++) {
                row[j] *= inv;
            }
        }
    }

    /** The non-zero entries of R by local row: row v's are {@code [start[v], start[v+1])}. */
    private record Sparse(int[] start, short[] index, float[] value) {

        /**
         * The non-zero entries of the degree-scaled R drawn row by row in node order (one thread,
         * {@link #initialRow}'s entries: each coordinate hashed once, zeros left out).
         */
        static Sparse draw(CompactGraph g, int d, double s, double beta, double total, long seed,
                           ProgressListener progress) {
            int n = g.nodeCount();
            int[] start = new int[n + 1];
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) (1.05 * n * d / s) + d + 16);
            short[] index = new short[capacity];
            float[] value = new float[capacity];
            float mag = (float) Math.sqrt(s);
            double p = 1.0 / (2 * s);
            int k = 0;
            for (int v = 0; v < n; v++) {
                if ((v & 0xFFFF) == 0) {
                    progress.checkCancelled();
                }
                float scale = beta != 0 ? degreeScale(g.outStrength(v), total, beta) : 1f;
                if (k + d > index.length) {
                    int grown = (int) Math.min(Integer.MAX_VALUE - 8, index.length + (long) index.length / 2 + d);
                    index = Arrays.copyOf(index, grown);
                    value = Arrays.copyOf(value, grown);
                }
                for (int j = 0; j < d; j++) {
                    double u = unit(mix(seed, v, j));
                    float x = u < p ? mag : u < 2 * p ? -mag : 0f;
                    if (beta != 0) {
                        x *= scale;
                    }
                    if (x != 0) {
                        index[k] = (short) j;
                        value[k++] = x;
                    }
                }
                start[v + 1] = k;
            }
            return new Sparse(start, index, value);
        }

        /** These rows (by node) in local order: local row v is node {@code old[v]}'s. */
        Sparse renumbered(int[] old, WorkerPool pool) {
            int n = old.length;
            int[] to = new int[n + 1];
            for (int v = 0; v < n; v++) {
                int u = old[v];
                to[v + 1] = to[v] + (start[u + 1] - start[u]);
            }
            short[] idx = new short[to[n]];
            float[] val = new float[to[n]];
            pool.forRange(n, BLOCK, (w, from, end) -> {
                for (int v = from; v < end; v++) {
                    int u = old[v];
                    System.arraycopy(index, start[u], idx, to[v], start[u + 1] - start[u]);
                    System.arraycopy(value, start[u], val, to[v], start[u + 1] - start[u]);
                }
            });
            return new Sparse(to, idx, val);
        }

        /** {@link Local#propagateRow} from the sparse R. */
        void propagateRow(Local g, int v, float[] row) {
            Arrays.fill(row, 0f);
            int first = g.start[v];
            int end = g.start[v + 1];
            if (first == end) {
                return;
            }
            for (int i = first; i < end; i++) {
                float w = g.weight == null ? 1f : g.weight[i];
                int u = g.target[i];
                for (int k = start[u], e = start[u + 1]; k < e; k++) {
                    row[index[k]] += w * value[k];
                }
            }
            float inv = (float) (1.0 / g.strength[v]);
            for (int j = 0; j < row.length; j++) {
                row[j] *= inv;
            }
        }
    }

    private static void normalizeRow(float[] a, int base, int d) {
        double sq = 0;
        for (int j = base, e = base + d; j < e; j++) {
            sq += (double) a[j] * a[j];
        }
        if (sq == 0) {
            return;
        }
        float inv = (float) (1.0 / Math.sqrt(sq));
        for (int j = base, e = base + d; j < e; j++) {
            a[j] *= inv;
        }
    }

    /** Row v of the initial matrix: sparse ±√s entries in the first d - fd coordinates, x_v · Q in the rest. */
    static void initialRow(int v, float[] out, int d, int fd, double s, long seed, double[] features, int featureCount) {
        initialRow(v, out, v * d, d, fd, s, seed, features, featureCount);
    }

    /** {@link #initialRow(int, float[], int, int, double, long, double[], int)} written at {@code out[base..base+d)}. */
    static void initialRow(int v, float[] out, int base, int d, int fd, double s, long seed, double[] features,
                           int featureCount) {
        initialRow(v, out, base, d, fd, s, seed, features, featureCount,
                fd > 0 ? featureSigns(seed, featureCount, fd) : null);
    }

    /** The ±1 entries of Q, row-major featureCount × fd: they depend on (seed, k, j) only, never on the node. */
    static double[] featureSigns(long seed, int featureCount, int fd) {
        double[] q = new double[featureCount * fd];
        for (int k = 0; k < featureCount; k++) {
            for (int j = 0; j < fd; j++) {
                q[k * fd + j] = mix(seed ^ 0x5DEECE66DL, -1 - k, j) < 0 ? -1 : 1;
            }
        }
        return q;
    }

    /** {@link #initialRow} with Q given ({@link #featureSigns}). */
    private static void initialRow(int v, float[] out, int base, int d, int fd, double s, long seed, double[] features,
                                   int featureCount, double[] signs) {
        int rd = d - fd;
        float mag = (float) Math.sqrt(s);
        double p = 1.0 / (2 * s);
        for (int j = 0; j < rd; j++) {
            double u = unit(mix(seed, v, j));
            out[base + j] = u < p ? mag : u < 2 * p ? -mag : 0f;
        }
        if (fd > 0) {
            int fb = v * featureCount;
            for (int j = 0; j < fd; j++) {
                double x = 0;
                for (int k = 0; k < featureCount; k++) {
                    x += signs[k * fd + j] * features[fb + k];
                }
                out[base + rd + j] = (float) (x / Math.sqrt(featureCount));
            }
        }
    }

    /** A 64-bit hash of (seed, a, b): SplitMix64's finaliser over a combination of the three. */
    static long mix(long seed, long a, long b) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xC2B2AE3D27D4EB4FL * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The top 53 bits of h as a double in [0, 1). */
    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /**
     * Bytes of working memory of {@link #embed} for n nodes, {@code arcs} out-arcs and {@code params},
     * besides the graph and the returned array's share of it: the iterates (and the sum unless fused),
     * the renumbered arcs and the sparse copy of R at its expected density.
     */
    public static long memoryBytes(int n, long arcs, boolean weighted, Params params) {
        int d = params.dimension();
        double[] alpha = params.iterationWeights();
        boolean fused = true;
        for (int i = 0; i < alpha.length - 2; i++) {
            fused &= alpha[i] == 0;
        }
        long matrices = (fused ? 2L : 3L) * 4L * n * d;
        long local = 4L * (n + 1) + (weighted ? 8L : 4L) * arcs + 24L * n;
        long sparse = params.featureDimension() == 0
                ? 4L * (n + 1) + Math.round(6.0 * n * (d - params.featureDimension()) / params.effectiveSparsity()) : 0;
        return matrices + local + sparse;
    }
}
