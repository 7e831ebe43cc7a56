package org.parcelnet.interdiction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;

/**
 * Strike waves against a network that adapts: targets are removed wave by wave, each wave's
 * {@code budgetPerWave} targets chosen by a strategy on the network as it stands, and between waves
 * the network recovers by a rewiring rule. After every single removal the state is recorded: sinks
 * still reached from the sources, the flow volume left on source→sink routes, the largest weakly
 * connected component and the pairwise connectivity (connected unordered pairs).
 *
 * <p>Strategies: {@code DEGREE} (most live neighbours), {@code BETWEENNESS} (Brandes on the live
 * network; 256 seeded pivots above 5,000 nodes), {@code KEY_PLAYERS} (greedy sink disconnection with
 * sources and sinks, else the {@link CriticalNodes} search), {@code MIN_CUT} (a minimum vertex cut
 * between sources and sinks, then the greedy), {@code TIER} (transit, then distributor, then other
 * classified parties, by degree) and {@code RANDOM} (uniform, seeded). Sources and sinks are never
 * removed.
 *
 * <p>Recovery between waves, after the observation that criminal networks rewire after arrests
 * (C. Duijn, V. Kashirin, P. Sloot, "The relative ineffectiveness of criminal network disruption",
 * Sci. Rep. 4 (2014) 4238, doi:10.1038/srep04238): {@code TRIADIC}: for every node removed in the
 * wave, each of its former in-neighbours, with probability ½, links to one of its former
 * out-neighbours drawn at random (a supplier of an arrested broker deals with one of the broker's
 * customers directly; arc weight the smaller of the two lost arcs; at most one new arc per lost
 * supplier, so hubs do not turn into cliques);
 * {@code PREFERENTIAL}: each former neighbour of a removed node links to a live node drawn with
 * probability proportional to its degree (preferential attachment), in the lost arc's direction and
 * weight. Every random draw comes from one generator seeded with {@code seed}.
 *
 * <p>Cost: per removal O(n + m) for the measures, per wave the strategy's cost on the live network
 * (betweenness O(n·m) exact). The working network is adjacency lists of ints and doubles (about
 * 24 bytes per arc).
 */
public final class Disruption {

    private Disruption() {
    }

    /** How targets are chosen. */
    public enum Strategy {
        DEGREE, BETWEENNESS, KEY_PLAYERS, MIN_CUT, TIER, RANDOM;

        /** Command-line name: lower case with '-'. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses a command-line name. */
        public static Strategy parse(String s) {
            for (Strategy x : values()) {
                if (x.key().equalsIgnoreCase(s.trim())) {
                    return x;
                }
            }
            throw new IllegalArgumentException("strategy must be degree, betweenness, key-players, min-cut, tier or random, got '" + s + "'");
        }
    }

    /** How the network recovers between waves. */
    public enum Adaptation {
        NONE, TRIADIC, PREFERENTIAL;

        /** Parses a command-line name. */
        public static Adaptation parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("adaptation must be none, triadic or preferential, got '" + s + "'");
            }
        }
    }

    /**
     * Options.
     *
     * @param strategy      target choice
     * @param waves         number of waves (≥ 1)
     * @param budgetPerWave removals per wave (≥ 1)
     * @param adaptation    recovery rule between waves
     * @param seed          seed of every random choice
     */
    public record Options(Strategy strategy, int waves, int budgetPerWave, Adaptation adaptation, long seed) {
        public Options {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(adaptation, "adaptation");
            if (waves < 1 || budgetPerWave < 1) {
                throw new IllegalArgumentException("waves and budget per wave must be >= 1");
            }
        }
    }

    /**
     * The state after a removal (or the initial state: {@code removed = 0}, {@code node = -1}).
     *
     * @param wave             1-based wave (0 for the initial state)
     * @param removed          removals so far
     * @param node             the node just removed
     * @param sinksReached     sinks reached from a source (all live nodes' count when no sources given)
     * @param flowLeft         weight of live arcs on source→sink routes (all live arcs without sources)
     * @param largestComponent nodes in the largest weakly connected component
     * @param connectedPairs   connected unordered pairs (direction ignored)
     * @param addedArcs        arcs added by recovery so far
     */
    public record Point(int wave, int removed, int node, long sinksReached, double flowLeft, int largestComponent,
                        long connectedPairs, int addedArcs) {
    }

    /** The robustness curve of one strategy: the initial state, then one point per removal. */
    public record Curve(Strategy strategy, Adaptation adaptation, List<Point> points) {
    }

    /**
     * Runs the waves.
     *
     * @param g       the network (directed or not)
     * @param sources source nodes, or null (then sinks must be null too)
     * @param sinks   sink nodes, or null
     * @param tiers   tier per node for {@code TIER} (null entries: unclassified), or null
     */
    public static Curve run(CompactGraph g, int[] sources, int[] sinks, Tier[] tiers, Options o, ProgressListener progress) {
        Objects.requireNonNull(g, "graph");
        if ((sources == null) != (sinks == null)) {
            throw new IllegalArgumentException("give both sources and sinks, or neither");
        }
        if (o.strategy() == Strategy.MIN_CUT && sources == null) {
            throw new IllegalArgumentException("the min-cut strategy needs sources and sinks");
        }
        if (o.strategy() == Strategy.TIER && tiers == null) {
            throw new IllegalArgumentException("the tier strategy needs tiers");
        }
        Net net = new Net(g, sources, sinks);
        SplittableRandom rnd = new SplittableRandom(o.seed());
        List<Point> points = new ArrayList<>();
        points.add(net.measure(0, 0, -1));
        int removed = 0;
        progress.begin("disruption " + o.strategy().key(), (long) o.waves() * o.budgetPerWave());
        for (int wave = 1; wave <= o.waves(); wave++) {
            progress.checkCancelled();
            int[] targets = choose(net, o, tiers, rnd);
            if (targets.length == 0) {
                break;
            }
            List<int[]> lostOut = new ArrayList<>();
            List<int[]> lostIn = new ArrayList<>();
            List<double[]> lostOutW = new ArrayList<>();
            List<double[]> lostInW = new ArrayList<>();
            for (int v : targets) {
                lostOut.add(net.liveOut(v));
                lostOutW.add(net.liveOutWeights(v));
                lostIn.add(net.liveIn(v));
                lostInW.add(net.liveInWeights(v));
                net.remove(v);
                removed++;
                points.add(net.measure(wave, removed, v));
                progress.advance(1);
            }
            if (wave < o.waves() && o.adaptation() != Adaptation.NONE) {
                for (int i = 0; i < targets.length; i++) {
                    net.recover(o.adaptation(), lostIn.get(i), lostInW.get(i), lostOut.get(i), lostOutW.get(i), rnd);
                }
            }
        }
        progress.end();
        return new Curve(o.strategy(), o.adaptation(), points);
    }

    private static int[] choose(Net net, Options o, Tier[] tiers, SplittableRandom rnd) {
        int k = o.budgetPerWave();
        int n = net.n;
        int candidates = 0;
        for (int v = 0; v < n; v++) {
            if (net.removable(v)) {
                candidates++;
            }
        }
        k = Math.min(k, candidates);
        if (k == 0) {
            return new int[0];
        }
        switch (o.strategy()) {
            case DEGREE -> {
                double[] s = new double[n];
                for (int v = 0; v < n; v++) {
                    s[v] = net.degree(v);
                }
                return top(net, s, k);
            }
            case BETWEENNESS -> {
                CompactGraph snap = net.snapshot();
                Betweenness.Options bo = Betweenness.Options.builder().samples(n > 5000 ? 256 : 0)
                        .seed(rnd.nextLong()).threads(1).build();
                return top(net, Betweenness.compute(snap, bo).score(), k);
            }
            case KEY_PLAYERS -> {
                CompactGraph snap = net.snapshot();
                if (net.sources != null) {
                    return live(net, KeyPlayers.betweenSourcesAndSinks(snap, net.sources, net.sinks, k, ProgressListener.NONE).picks());
                }
                int[] set = CriticalNodes.solve(snap, CriticalNodes.Options.steps(k, rnd.nextLong(), 20_000),
                        ProgressListener.NONE).removed();
                return live(net, set);
            }
            case MIN_CUT -> {
                CompactGraph snap = net.snapshot();
                MinVertexCut.Result cut = MinVertexCut.compute(snap, net.sources, net.sinks);
                int[] picks = cut.separable() && cut.cut().length <= k ? cut.cut()
                        : KeyPlayers.betweenSourcesAndSinks(snap, net.sources, net.sinks, k, ProgressListener.NONE).picks();
                return live(net, picks);
            }
            case TIER -> {
                double[] s = new double[n];
                for (int v = 0; v < n; v++) {
                    Tier t = v < tiers.length ? tiers[v] : null;
                    int rank = t == Tier.TRANSIT ? 3 : t == Tier.DISTRIBUTOR ? 2 : t != null ? 1 : 0;
                    s[v] = rank * (double) (n + 1) * 2 + net.degree(v);
                }
                return top(net, s, k);
            }
            default -> {
                int[] pool = new int[candidates];
                int c = 0;
                for (int v = 0; v < n; v++) {
                    if (net.removable(v)) {
                        pool[c++] = v;
                    }
                }
                for (int i = 0; i < k; i++) {
                    int j = i + rnd.nextInt(c - i);
                    int t = pool[i];
                    pool[i] = pool[j];
                    pool[j] = t;
                }
                return Arrays.copyOf(pool, k);
            }
        }
    }

    /** The removable nodes of {@code picks}, in order. */
    private static int[] live(Net net, int[] picks) {
        return Arrays.stream(picks).filter(net::removable).toArray();
    }

    /** The k removable nodes of highest score, ties to the lower node. */
    private static int[] top(Net net, double[] score, int k) {
        Integer[] idx = new Integer[net.n];
        int c = 0;
        for (int v = 0; v < net.n; v++) {
            if (net.removable(v)) {
                idx[c++] = v;
            }
        }
        Integer[] cand = Arrays.copyOf(idx, c);
        Arrays.sort(cand, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        int[] out = new int[Math.min(k, c)];
        for (int i = 0; i < out.length; i++) {
            out[i] = cand[i];
        }
        return out;
    }

    /** The mutable network: live flags and growable arc lists. */
    static final class Net {
        final int n;
        final boolean directed;
        final int[] sources;
        final int[] sinks;
        final boolean[] terminal;
        final boolean[] dead;
        final int[][] out;
        final double[][] outW;
        final int[] outLen;
        final int[][] in;
        final double[][] inW;
        final int[] inLen;
        int added;

        Net(CompactGraph g, int[] sources, int[] sinks) {
            n = g.nodeCount();
            directed = g.isDirected();
            this.sources = sources;
            this.sinks = sinks;
            terminal = new boolean[n];
            if (sources != null) {
                for (int s : sources) {
                    terminal[s] = true;
                }
                for (int t : sinks) {
                    terminal[t] = true;
                }
            }
            dead = new boolean[n];
            out = new int[n][];
            outW = new double[n][];
            outLen = new int[n];
            in = new int[n][];
            inW = new double[n][];
            inLen = new int[n];
            for (int v = 0; v < n; v++) {
                int d = g.outDegree(v);
                out[v] = new int[Math.max(2, d)];
                outW[v] = new double[Math.max(2, d)];
                for (int a = g.outStart(v), i = 0; a < g.outEnd(v); a++, i++) {
                    out[v][i] = g.target(a);
                    outW[v][i] = g.weight(a);
                }
                outLen[v] = d;
                int di = g.inDegree(v);
                in[v] = new int[Math.max(2, di)];
                inW[v] = new double[Math.max(2, di)];
                for (int a = g.inStart(v), i = 0; a < g.inEnd(v); a++, i++) {
                    in[v][i] = g.source(a);
                    inW[v][i] = g.inWeight(a);
                }
                inLen[v] = di;
            }
        }

        boolean removable(int v) {
            return !dead[v] && !terminal[v];
        }

        int degree(int v) {
            int d = 0;
            for (int i = 0; i < outLen[v]; i++) {
                if (!dead[out[v][i]]) {
                    d++;
                }
            }
            if (directed) {
                for (int i = 0; i < inLen[v]; i++) {
                    if (!dead[in[v][i]]) {
                        d++;
                    }
                }
            }
            return d;
        }

        int[] liveOut(int v) {
            return filter(out[v], outLen[v]);
        }

        int[] liveIn(int v) {
            return directed ? filter(in[v], inLen[v]) : liveOut(v);
        }

        double[] liveOutWeights(int v) {
            return filterW(out[v], outW[v], outLen[v]);
        }

        double[] liveInWeights(int v) {
            return directed ? filterW(in[v], inW[v], inLen[v]) : liveOutWeights(v);
        }

        private int[] filter(int[] a, int len) {
            return Arrays.stream(a, 0, len).filter(x -> !dead[x]).toArray();
        }

        private double[] filterW(int[] a, double[] w, int len) {
            double[] r = new double[len];
            int c = 0;
            for (int i = 0; i < len; i++) {
                if (!dead[a[i]]) {
                    r[c++] = w[i];
                }
            }
            return Arrays.copyOf(r, c);
        }

        void remove(int v) {
            dead[v] = true;
        }

        boolean hasArc(int u, int v) {
            for (int i = 0; i < outLen[u]; i++) {
                if (out[u][i] == v) {
                    return true;
                }
            }
            return false;
        }

        void addArc(int u, int v, double w) {
            if (u == v || dead[u] || dead[v] || hasArc(u, v)) {
                return;
            }
            push(u, v, w, true);
            if (directed) {
                push(v, u, w, false);
            } else {
                push(v, u, w, true);
            }
            added++;
        }

        private void push(int u, int v, double w, boolean outList) {
            int[][] lists = outList ? out : in;
            double[][] ws = outList ? outW : inW;
            int[] len = outList ? outLen : inLen;
            if (len[u] == lists[u].length) {
                lists[u] = Arrays.copyOf(lists[u], lists[u].length * 2);
                ws[u] = Arrays.copyOf(ws[u], ws[u].length * 2);
            }
            lists[u][len[u]] = v;
            ws[u][len[u]++] = w;
        }

        void recover(Adaptation a, int[] ins, double[] inWs, int[] outs, double[] outWs, SplittableRandom rnd) {
            if (a == Adaptation.TRIADIC) {
                if (outs.length == 0) {
                    return;
                }
                for (int i = 0; i < ins.length; i++) {
                    int j = rnd.nextInt(outs.length);
                    if (rnd.nextBoolean() && ins[i] != outs[j]) {
                        addArc(ins[i], outs[j], Math.min(inWs[i], outWs[j]));
                    }
                }
                return;
            }
            // preferential: each former neighbour re-links to a live node drawn by degree
            long total = 0;
            int[] deg = new int[n];
            for (int v = 0; v < n; v++) {
                if (!dead[v]) {
                    deg[v] = degree(v) + 1;
                    total += deg[v];
                }
            }
            for (int side = 0; side < 2; side++) {
                int[] nb = side == 0 ? ins : outs;
                double[] w = side == 0 ? inWs : outWs;
                for (int i = 0; i < nb.length; i++) {
                    if (total == 0) {
                        return;
                    }
                    long x = (long) (rnd.nextDouble() * total);
                    int pick = 0;
                    while (pick < n && (dead[pick] || x >= deg[pick])) {
                        if (!dead[pick]) {
                            x -= deg[pick];
                        }
                        pick++;
                    }
                    if (pick >= n) {
                        continue;
                    }
                    if (side == 0) {
                        addArc(nb[i], pick, w[i]); // an in-neighbour sends to a new partner
                    } else {
                        addArc(pick, nb[i], w[i]); // an out-neighbour gets a new supplier
                    }
                }
            }
        }

        /** The live network as a CompactGraph over the same node ints (dead nodes isolated). */
        CompactGraph snapshot() {
            CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
            for (int u = 0; u < n; u++) {
                if (dead[u]) {
                    continue;
                }
                for (int i = 0; i < outLen[u]; i++) {
                    int v = out[u][i];
                    if (!dead[v] && (directed || u <= v)) {
                        b.addEdge(u, v, outW[u][i]);
                    }
                }
            }
            b.ensureNodes(n);
            return b.build();
        }

        Point measure(int wave, int removed, int node) {
            long reached;
            double flow = 0;
            if (sources != null) {
                boolean[] fwd = reach(sources, true);
                boolean[] bwd = reach(sinks, false);
                reached = 0;
                for (int t : sinks) {
                    if (fwd[t]) {
                        reached++;
                    }
                }
                for (int u = 0; u < n; u++) {
                    if (!fwd[u]) {
                        continue;
                    }
                    for (int i = 0; i < outLen[u]; i++) {
                        int v = out[u][i];
                        if (bwd[v] && !dead[v] && (directed || u < v)) {
                            flow += outW[u][i];
                        }
                    }
                }
            } else {
                reached = 0;
                for (int u = 0; u < n; u++) {
                    if (dead[u]) {
                        continue;
                    }
                    reached++;
                    for (int i = 0; i < outLen[u]; i++) {
                        int v = out[u][i];
                        if (!dead[v] && (directed || u < v)) {
                            flow += outW[u][i];
                        }
                    }
                }
            }
            // weak components
            int[] comp = new int[n];
            Arrays.fill(comp, -1);
            int largest = 0;
            long pairs = 0;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            for (int s = 0; s < n; s++) {
                if (dead[s] || comp[s] >= 0) {
                    continue;
                }
                comp[s] = s;
                q.add(s);
                long size = 0;
                while (!q.isEmpty()) {
                    int u = q.poll();
                    size++;
                    for (int side = 0; side < (directed ? 2 : 1); side++) {
                        int[] l = side == 0 ? out[u] : in[u];
                        int len = side == 0 ? outLen[u] : inLen[u];
                        for (int i = 0; i < len; i++) {
                            int v = l[i];
                            if (!dead[v] && comp[v] < 0) {
                                comp[v] = s;
                                q.add(v);
                            }
                        }
                    }
                }
                largest = (int) Math.max(largest, size);
                pairs += size * (size - 1) / 2;
            }
            return new Point(wave, removed, node, reached, flow, largest, pairs, added);
        }

        private boolean[] reach(int[] from, boolean forward) {
            boolean[] seen = new boolean[n];
            ArrayDeque<Integer> q = new ArrayDeque<>();
            for (int s : from) {
                if (!dead[s] && !seen[s]) {
                    seen[s] = true;
                    q.add(s);
                }
            }
            while (!q.isEmpty()) {
                int u = q.poll();
                int[] l = forward || !directed ? out[u] : in[u];
                int len = forward || !directed ? outLen[u] : inLen[u];
                for (int i = 0; i < len; i++) {
                    int v = l[i];
                    if (!dead[v] && !seen[v]) {
                        seen[v] = true;
                        q.add(v);
                    }
                }
            }
            return seen;
        }
    }
}
