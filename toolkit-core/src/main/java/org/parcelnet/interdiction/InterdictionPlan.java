package org.parcelnet.interdiction;

import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;

/**
 * The three interdiction answers side by side, as `parcelnet interdict` and `parcelnet analyze`
 * report them: the {@link MinVertexCut minimum vertex cut} between sources and sinks (evaluated pick
 * by pick), the {@link KeyPlayers greedy key players} within a budget, and — for comparison — the
 * budget's worth of parties with the highest score of a centrality (usually betweenness), evaluated
 * the same way. Without sources and sinks only the fragmentation variants apply.
 *
 * <p>Cost: one max-flow on the split graph (see {@link MinVertexCut}), O(k·(n + m)) for the greedy
 * picks, and one reachability search per evaluated pick — so a cut larger than
 * {@link Options#maxEvaluatedCut()} is not evaluated pick by pick (its guarantee gives the final
 * figure, 0 sinks reached, and intermediate figures are reported as -1). Deterministic.
 */
public final class InterdictionPlan {

    private InterdictionPlan() {
    }

    /**
     * Options.
     *
     * @param budget          parties each method may pick (≥ 1; 8 by default, the size of the first wave
     *                        of targets in the case study ParcelNet follows)
     * @param flow            max-flow algorithm of the cut
     * @param maxEvaluatedCut largest cut evaluated pick by pick (≥ 0)
     */
    public record Options(int budget, MinVertexCut.Algorithm flow, int maxEvaluatedCut) {
        public Options {
            if (budget < 1) {
                throw new IllegalArgumentException("budget must be >= 1, got " + budget);
            }
            Objects.requireNonNull(flow, "flow");
            if (maxEvaluatedCut < 0) {
                throw new IllegalArgumentException("maxEvaluatedCut must be >= 0, got " + maxEvaluatedCut);
            }
        }

        /** Budget 8, push-relabel, cuts of up to 64 parties evaluated. */
        public static Options defaults() {
            return new Options(8, MinVertexCut.Algorithm.PUSH_RELABEL, 64);
        }

        public Options withBudget(int k) {
            return new Options(k, flow, maxEvaluatedCut);
        }

        public Options withFlow(MinVertexCut.Algorithm a) {
            return new Options(budget, a, maxEvaluatedCut);
        }
    }

    /**
     * The answers.
     *
     * @param cut        the minimum vertex cut, or null in fragmentation mode
     * @param cutPicks   the cut's parties with reachability after each (-1: not evaluated), or null when
     *                   there is no cut (fragmentation mode, or a source feeds a sink directly)
     * @param greedy     greedy key players
     * @param byScore    the top parties by score, evaluated
     */
    public record Result(MinVertexCut.Result cut, KeyPlayers.Result cutPicks, KeyPlayers.Result greedy,
                         KeyPlayers.Result byScore) {

        /** Reachability before any removal. */
        public long initial() {
            return greedy.initial();
        }
    }

    /**
     * All three methods between {@code sources} and {@code sinks} of the directed graph {@code g}.
     *
     * @param score a score per node (e.g. betweenness) whose top non-terminal parties are evaluated
     */
    public static Result betweenSourcesAndSinks(CompactGraph g, int[] sources, int[] sinks, double[] score,
                                                Options options, ProgressListener progress) {
        checkScore(g, score);
        MinVertexCut.Result cut = MinVertexCut.compute(g, sources, sinks, null, options.flow());
        KeyPlayers.Result greedy = KeyPlayers.betweenSourcesAndSinks(g, sources, sinks, options.budget(), progress);
        KeyPlayers.Result cutPicks = null;
        if (cut.separable()) {
            if (cut.cut().length <= options.maxEvaluatedCut()) {
                cutPicks = KeyPlayers.evaluate(g, sources, sinks, cut.cut());
            } else {
                long[] after = new long[cut.cut().length];
                Arrays.fill(after, -1);
                if (after.length > 0) {
                    after[after.length - 1] = 0;
                }
                cutPicks = new KeyPlayers.Result(cut.cut(), after, greedy.initial(), "sinks_reached");
            }
        }
        boolean[] terminal = new boolean[g.nodeCount()];
        for (int v : sources) {
            terminal[v] = true;
        }
        for (int v : sinks) {
            terminal[v] = true;
        }
        KeyPlayers.Result byScore = KeyPlayers.evaluate(g, sources, sinks, topByScore(score, options.budget(), terminal));
        return new Result(cut, cutPicks, greedy, byScore);
    }

    /** Greedy and top-by-score fragmentation of the whole graph (pairs still connected). */
    public static Result fragmentation(CompactGraph g, double[] score, Options options, ProgressListener progress) {
        checkScore(g, score);
        KeyPlayers.Result greedy = KeyPlayers.fragmentation(g, options.budget(), progress);
        KeyPlayers.Result byScore = KeyPlayers.evaluate(g, topByScore(score, options.budget(), new boolean[g.nodeCount()]));
        return new Result(null, null, greedy, byScore);
    }

    /**
     * The {@code k} nodes of highest score, skipping {@code excluded} ones; ties go to the lower node.
     * One pass keeping a sorted top-k: O(n·k).
     */
    public static int[] topByScore(double[] score, int k, boolean[] excluded) {
        int[] top = new int[Math.max(0, Math.min(k, score.length))];
        int size = 0;
        for (int v = 0; v < score.length; v++) {
            if (excluded[v]) {
                continue;
            }
            // Nodes come in ascending order, so on equal scores an earlier node stays ahead.
            if (size == top.length && (size == 0 || !(score[v] > score[top[size - 1]]))) {
                continue;
            }
            int i = size < top.length ? size++ : size - 1;
            while (i > 0 && score[v] > score[top[i - 1]]) {
                top[i] = top[i - 1];
                i--;
            }
            top[i] = v;
        }
        return Arrays.copyOf(top, size);
    }

    private static void checkScore(CompactGraph g, double[] score) {
        Objects.requireNonNull(score, "score");
        if (score.length != g.nodeCount()) {
            throw new IllegalArgumentException("score has " + score.length + " entries for " + g.nodeCount() + " nodes");
        }
    }
}
