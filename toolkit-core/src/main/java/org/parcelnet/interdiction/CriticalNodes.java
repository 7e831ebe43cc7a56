package org.parcelnet.interdiction;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * The critical node problem (CNP): remove {@code k} nodes from an undirected graph so that the
 * pairwise connectivity left, {@code Σ over components s(s−1)/2}, is as small as possible. This is
 * Borgatti's key-player fragmentation problem; it is NP-hard, so this is a heuristic with a seeded,
 * budgeted search.
 *
 * <p><b>Algorithm.</b> A small population memetic search after Y. Zhou, J.-K. Hao, F. Glover,
 * "Memetic search for identifying critical nodes in sparse graphs", IEEE Trans. Cybernetics 49(10)
 * (2019) 3699–3712, arXiv:1705.04119, with the greedy rules of R. Aringhieri, A. Grosso, P. Hosteins,
 * R. Scatamacchia, "A general evolutionary framework for different classes of critical node problems",
 * Eng. Appl. Artif. Intell. 55 (2016) 128–145, doi:10.1016/j.engappai.2016.06.010:
 * <ol>
 * <li>Initial solutions: the exact greedy of {@link KeyPlayers#fragmentation} (each pick the node whose
 * removal leaves fewest connected pairs, found for all nodes at once by an articulation-point search),
 * and further ones from a random removal set repaired to size {@code k} by the same greedy rules.</li>
 * <li>Component-based local search: each step removes a node from a randomly chosen <em>large</em>
 * component (size at least the mean of the largest and smallest component size), the node whose
 * removal splits that component best (articulation points of the component, ties at random) or, in
 * 30 % of the steps, the node of that component removed longest ago (after the node weighting of
 * Zhou, Hao and Glover, which keeps the search moving where no node splits anything; found from a list
 * of all nodes in order of their last removal, walked from its head, without a pass over the
 * component), then returns
 * to the graph the removed node whose return adds fewest connected pairs (ties at random).
 * Ties decide the search on a plateau, where one large component remains and no single removal
 * splits it (rings of Watts–Strogatz graphs need several adjacent removals before anything falls
 * off): in half of the steps (at random) the removal prefers, among the equally good, the node with
 * fewest live neighbours, i.e. the one next to most removed nodes, so that partial cuts grow into
 * cuts; the return prefers, among the equally cheap, the node with most live neighbours, the one
 * least likely to be part of a cut.
 * Nodes just moved are tabu for a few steps. The search state keeps component labels and sizes
 * incrementally: a removal relabels only the pieces other than the largest (found by the articulation
 * search just run, or else by one breadth-first search per neighbour advanced in turn until at most one
 * is still running), a return relabels the smaller of the merged components. A step costs the
 * articulation search of the chosen component (an age-based step: about n / its size), the pieces cut
 * off and Σ degrees of the removed nodes.</li>
 * <li>After {@code idleSteps} steps without improvement the solution joins the population (replacing
 * its worst member when better) and a child is made from two members, after the double-backbone
 * crossover and the reduce step of Zhou, Li, Hao, Glover, "Detecting critical nodes in sparse graphs
 * via 'reduce-solve-combine' memetic search", INFORMS J. Computing 36(1) (2024),
 * doi:10.1287/ijoc.2022.0130: the union of both parents' removed nodes plus a few random ones, reduced
 * to k by the greedy return rule; the nodes removed in both parents that are still removed are then
 * fixed for the run from that child (never returned), so the run searches the parents' differences.
 * After {@link #STALE_RESTARTS} restarts without a new best the population is renewed: its best member
 * stays, the others are replaced by new reverse-greedy solutions (once the members agree on most
 * nodes, a child is nearly its parents and the reduce step fixes nearly all of it).
 * {@link Options#crossover} selects instead the double-backbone crossover of Zhou, Hao and Glover
 * (the nodes removed in both parents kept, each node removed in one of them inherited with
 * probability {@value Crossover#INHERIT_PERCENT} %, the child repaired to k greedily) or a random mix of
 * both, and {@link Options#poolUpdate} their rank-based pool updating (by quality and by distance to
 * the rest of the pool, {@link #poolUpdate}); on the benchmark the double-backbone child does better on
 * Erdős–Rényi graphs and worse on Watts–Strogatz ones (docs/critical-nodes.md), so the default,
 * {@link Crossover#PORTFOLIO}, gives the independent searches the two crossovers in turn. With a step
 * or work budget its searches pause after {@link #MIGRATE_PERCENT} % of it, and those whose crossover
 * trails take the leading search's crossover and a copy of its population, so that the rest of the
 * budget goes to the crossover that pays on the graph at hand; at {@link #PAUSE_PERCENTS two later
 * pauses} each search that trails takes the leading search's best into its population.</li>
 * </ol>
 *
 * <p><b>Determinism.</b> Every random choice comes from one {@link SplittableRandom} seeded with
 * {@code seed}. With a step budget and no time limit the result is a function of graph, k, seed and
 * budget. A time limit ({@link Options#withTimeLimit}) caps the step budget; only when it stops the
 * search first does the result also depend on machine speed and load. Each search is
 * single-threaded; {@link Options#searches} independent searches (seeds split off the one generator in
 * order) run on a {@link WorkerPool}, and the result depends on their number, not on the worker count.
 *
 * <p>Memory per search: about 60 bytes per node plus the population ({@code populationSize·k} ints).
 */
public final class CriticalNodes {

    private CriticalNodes() {
    }

    /**
     * Options.
     *
     * @param k               nodes to remove (≥ 1; more than the node count removes them all)
     * @param seed            random seed
     * @param maxSteps        local-search steps at most (≥ 0; {@code Long.MAX_VALUE} for none)
     * @param timeLimitMillis wall-clock limit in milliseconds (0: none; then {@code maxSteps} must be finite)
     * @param populationSize  solutions kept for crossover (≥ 1; 1 disables crossover)
     * @param idleSteps       steps without improvement before the search moves to a new solution
     * @param searches        independent searches (≥ 1), each with its own seed drawn from {@code seed} and
     *                        the whole budget, run on the workers of the pool given to
     *                        {@link #solve(CompactGraph, Options, WorkerPool, ProgressListener)}; the best
     *                        solution wins (ties: the first search)
     * @param maxWork         work units per search at most ({@code Long.MAX_VALUE} for none): adjacency
     *                        entries and component ids the search scans, counted as it runs, so that a
     *                        budget takes about the same time on every graph while the result stays a
     *                        function of graph, k, seed and budget
     * @param crossover       how a run's start is made from two members of the population
     * @param poolUpdate      how a run's best enters the population
     */
    public record Options(int k, long seed, long maxSteps, long timeLimitMillis, int populationSize, int idleSteps,
                          int searches, long maxWork, Crossover crossover, PoolUpdate poolUpdate) {
        public Options {
            Objects.requireNonNull(crossover, "crossover");
            Objects.requireNonNull(poolUpdate, "poolUpdate");
            if (searches < 1) {
                throw new IllegalArgumentException("searches must be >= 1, got " + searches);
            }
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1, got " + k);
            }
            if (maxSteps < 0 || timeLimitMillis < 0 || maxWork < 0) {
                throw new IllegalArgumentException("maxSteps, maxWork and timeLimitMillis must be >= 0");
            }
            if (timeLimitMillis == 0 && maxSteps == Long.MAX_VALUE && maxWork == Long.MAX_VALUE) {
                throw new IllegalArgumentException("give a step budget, a work budget or a time limit");
            }
            if (populationSize < 1 || idleSteps < 1) {
                throw new IllegalArgumentException("populationSize and idleSteps must be >= 1");
            }
        }

        /**
         * A reproducible run: {@code steps} local-search steps, no time limit, population 8, and
         * {@link #idleStepsFor(int) max(1000, 15·k)} idle steps before a restart.
         */
        public static Options steps(int k, long seed, long steps) {
            return new Options(k, seed, steps, 0, 8, idleStepsFor(k), 1, Long.MAX_VALUE, Crossover.DEFAULT,
                    PoolUpdate.REPLACE_WORST);
        }

        /**
         * A reproducible run with a work budget: each search stops once it has scanned {@code work}
         * adjacency entries and component ids (see {@link Options}); population and idle steps as
         * {@link #steps}. Unlike a step budget this gives every graph about the same time, since a step
         * costs about the size of the component it searches, which depends on the solution.
         */
        public static Options work(int k, long seed, long work) {
            return new Options(k, seed, Long.MAX_VALUE, 0, 8, idleStepsFor(k), 1, work, Crossover.DEFAULT,
                    PoolUpdate.REPLACE_WORST);
        }

        /** A time-bounded run (not reproducible across machines): population 8, idle steps as {@link #steps}. */
        public static Options timeLimited(int k, long seed, long millis) {
            return new Options(k, seed, Long.MAX_VALUE, millis, 8, idleStepsFor(k), 1, Long.MAX_VALUE, Crossover.DEFAULT,
                    PoolUpdate.REPLACE_WORST);
        }

        /**
         * Steps without improvement before a run restarts: max(1000, 15·k). A run from a crossover child
         * needs time in proportion to the nodes it rearranges; on the 200-node budgets of the benchmark
         * (ER2344, WS1000) 3,000 idle steps ended 12 % and 17 % above the best known value where 1,000
         * ended 15 % and 25 % (one search, same steps).
         */
        static int idleStepsFor(int k) {
            return (int) Math.max(1000, Math.min(Integer.MAX_VALUE, 15L * k));
        }

        /**
         * The same options with a wall-clock cap: the search stops at its step budget or after
         * {@code millis}, whichever comes first (when the cap stops it, the result depends on machine speed).
         */
        public Options withTimeLimit(long millis) {
            return new Options(k, seed, maxSteps, millis, populationSize, idleSteps, searches, maxWork, crossover,
                    poolUpdate);
        }

        /** The same options with crossover {@code c}. */
        public Options withCrossover(Crossover c) {
            return new Options(k, seed, maxSteps, timeLimitMillis, populationSize, idleSteps, searches, maxWork, c,
                    poolUpdate);
        }

        /** The same options with pool update {@code p}. */
        public Options withPoolUpdate(PoolUpdate p) {
            return new Options(k, seed, maxSteps, timeLimitMillis, populationSize, idleSteps, searches, maxWork,
                    crossover, p);
        }

        /** The same options with {@code n} independent searches. */
        public Options withSearches(int n) {
            return new Options(k, seed, maxSteps, timeLimitMillis, populationSize, idleSteps, n, maxWork, crossover,
                    poolUpdate);
        }
    }

    /** How a run's start is made from two parents of the population; each child is then brought to k greedily. */
    public enum Crossover {
        /**
         * Both parents' removed nodes plus a few random ones, reduced to k by the greedy return rule: an
         * intensifying child that keeps the parents' best common structure (the plateau instances of the
         * benchmark, Watts–Strogatz, do best with it).
         */
        UNION,
        /**
         * The double-backbone crossover of Zhou, Hao and Glover (2019): the nodes removed in both parents
         * stay removed, each node removed in only one of them with probability {@value #INHERIT_PERCENT} %,
         * then the greedy rules bring the child to k (a more varied child).
         */
        DOUBLE_BACKBONE,
        /** Each restart draws one of the two with equal probability. */
        MIXED,
        /**
         * The independent searches ({@link Options#searches}) alternate: the first, third, … use
         * {@link #UNION}, the second, fourth, … {@link #DOUBLE_BACKBONE}, and the best wins (a portfolio:
         * each crossover does best on a different kind of graph). With a step or work budget the searches
         * pause after {@link CriticalNodes#MIGRATE_PERCENT} % of it; those whose crossover differs from the
         * best search's then take its crossover and a copy of its population, and at two later pauses
         * ({@link CriticalNodes#PAUSE_PERCENTS}) each search whose best is worse takes the best search's
         * best into its population. With one search it is {@link #UNION}.
         */
        PORTFOLIO;

        /** The crossover search number {@code index} (from 0) runs. */
        Crossover forSearch(int index) {
            return this != PORTFOLIO ? this : index % 2 == 0 ? UNION : DOUBLE_BACKBONE;
        }

        /** Percent of the second backbone (nodes removed in one parent only) a double-backbone child inherits. */
        public static final int INHERIT_PERCENT = 85;

        /** The crossover of {@link Options#steps}, {@link Options#work} and {@link Options#timeLimited}. */
        public static final Crossover DEFAULT = PORTFOLIO;
    }

    /** How a stalled run's best solution enters the population. */
    public enum PoolUpdate {
        /** It replaces the worst member when better and not already present. */
        REPLACE_WORST,
        /**
         * The rank-based pool updating of Zhou, Hao and Glover (2019): it joins, and the member (or
         * itself) of worst rank by quality and distance to the pool leaves ({@link #RANK_QUALITY_WEIGHT}
         * on the quality rank).
         */
        RANK;

        /** Weight of the quality rank against the distance rank in {@link #RANK}. */
        public static final double RANK_QUALITY_WEIGHT = 0.6;
    }

    /**
     * A solution.
     *
     * @param removed          the removed nodes, ascending
     * @param objective        connected pairs left after removing them
     * @param greedyObjective  connected pairs left by the plain greedy
     * @param initial          connected pairs before any removal
     * @param steps            local-search steps run (all searches together)
     * @param bestStep         step of its search at which the returned solution was found (0: the greedy one)
     * @param millis           wall-clock time of the search
     * @param stoppedByTime    whether a search stopped at the time limit before its step or work budget was spent
     *                         (only then does the result depend on machine speed and load)
     * @param searchObjectives the objective each independent search ended with, in search order (none
     *                         when k is at least the node count and no search ran)
     */
    public record Result(int[] removed, long objective, long greedyObjective, long initial, long steps, long bestStep,
                         long millis, boolean stoppedByTime, long[] searchObjectives) {
    }

    /** Connected unordered pairs left after removing {@code removed} (direction ignored, self loops ignored). */
    public static long pairwiseConnectivity(CompactGraph g, boolean[] removed) {
        return KeyPlayers.connectedPairs(g, removed);
    }

    /** Solves the critical node problem on {@code g} (arc directions ignored), searches one after the other. */
    public static Result solve(CompactGraph g, Options o, ProgressListener progress) {
        try (WorkerPool one = WorkerPool.of(1, "critical-nodes")) {
            return solve(g, o, one, progress);
        }
    }

    /**
     * Solves the critical node problem on {@code g} (arc directions ignored), running the
     * {@link Options#searches} independent searches on {@code par}'s workers. With a step budget the
     * result does not depend on the number of workers.
     */
    public static Result solve(CompactGraph g, Options o, WorkerPool par, ProgressListener progress) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(o, "options");
        Objects.requireNonNull(par, "par");
        long start = System.nanoTime();
        long deadline = o.timeLimitMillis() > 0 ? start + o.timeLimitMillis() * 1_000_000L : Long.MAX_VALUE;
        CompactGraph u = g.toUndirected();
        int n = u.nodeCount();
        long initial = KeyPlayers.connectedPairs(u, null);
        if (o.k() >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return new Result(all, 0, 0, initial, 0, 0, (System.nanoTime() - start) / 1_000_000, false, new long[0]);
        }
        Result[] results = eachSearch(u, o, par, deadline, progress);
        Result best = results[0];
        long steps = 0;
        for (Result r : results) {
            steps += r.steps();
            if (r.objective() < best.objective()) {
                best = r;
            }
        }
        boolean stoppedByTime = false;
        long[] searchObjectives = new long[results.length];
        for (int i = 0; i < results.length; i++) {
            stoppedByTime |= results[i].stoppedByTime();
            searchObjectives[i] = results[i].objective();
        }
        return new Result(best.removed(), best.objective(), best.greedyObjective(), initial, steps, best.bestStep(),
                (System.nanoTime() - start) / 1_000_000, stoppedByTime, searchObjectives);
    }

    /**
     * The result of each of the {@link Options#searches} independent searches on undirected {@code u}
     * (more nodes than k), in search order: search i has the i-th seed split off the one generator and
     * runs the crossover {@link Crossover#forSearch forSearch(i)} of the options. With the
     * {@link Crossover#PORTFOLIO portfolio}, two or more searches and a step or work budget, all searches
     * pause after {@link #MIGRATE_PERCENT} % of it; the searches whose crossover differs from that of the
     * best search so far (ties: the first) then take its crossover and a copy of its population and go
     * on with their own generator and current run, so that the rest of the budget goes to the crossover
     * that pays on this graph; at the later {@link #PAUSE_PERCENTS pauses} each search whose best is worse
     * than the best search's takes that best into its population. The pause points are functions of the
     * budget, so the result stays one of graph, k, seed and budget.
     */
    static Result[] eachSearch(CompactGraph u, Options o, WorkerPool par, long deadline, ProgressListener progress) {
        Memetic[] runs = runSearches(u, o, par, deadline, progress);
        Result[] results = new Result[runs.length];
        for (int i = 0; i < runs.length; i++) {
            results[i] = runs[i].result();
        }
        return results;
    }

    /**
     * The searches of {@link #eachSearch}, run to the end of the budget (their state, for tests). With the
     * portfolio the searches pause at each of {@link #PAUSE_PERCENTS}: at the first, those whose
     * crossover differs from the best search's take its crossover and a copy of its population
     * ({@link Memetic#adopt}); at the later ones, each search whose best is worse than the best search's
     * takes that best into its population ({@link Memetic#share}). A search that is best (or tied) at
     * every pause runs exactly as it would alone.
     */
    static Memetic[] runSearches(CompactGraph u, Options o, WorkerPool par, long deadline, ProgressListener progress) {
        int[] greedy = KeyPlayers.fragmentation(u, o.k(), ProgressListener.NONE).picks();
        SplittableRandom root = new SplittableRandom(o.seed());
        SplittableRandom[] seeds = new SplittableRandom[o.searches()];
        seeds[0] = root;
        for (int i = 1; i < seeds.length; i++) {
            seeds[i] = root.split();
        }
        progress.begin("critical nodes", o.maxSteps() == Long.MAX_VALUE ? -1 : o.maxSteps() * o.searches());
        ProgressListener quiet = ProgressListener.cancelledWith(progress); // the other searches only look for cancellation
        Memetic[] runs = new Memetic[o.searches()];
        par.forEach(o.searches(), i -> runs[i] = new Memetic(u, o.withCrossover(o.crossover().forSearch(i)), greedy,
                seeds[i], deadline, i == 0 ? progress : quiet), progress);
        boolean migrate = o.crossover() == Crossover.PORTFOLIO && o.searches() > 1
                && (o.maxWork() != Long.MAX_VALUE || o.maxSteps() != Long.MAX_VALUE);
        if (migrate) {
            for (int p = 0; p < PAUSE_PERCENTS.length; p++) {
                long workPause = o.maxWork() == Long.MAX_VALUE ? Long.MAX_VALUE : o.maxWork() / 100 * PAUSE_PERCENTS[p];
                long stepPause = o.maxSteps() == Long.MAX_VALUE ? Long.MAX_VALUE : o.maxSteps() / 100 * PAUSE_PERCENTS[p];
                par.forEach(o.searches(), i -> runs[i].run(stepPause, workPause), progress);
                Memetic lead = runs[0];
                for (Memetic r : runs) {
                    if (r.bestObj < lead.bestObj) {
                        lead = r;
                    }
                }
                for (Memetic r : runs) {
                    if (p == 0) {
                        if (r.crossover != lead.crossover) {
                            r.adopt(lead);
                        }
                        r.ruinAndRecreate = true;
                    } else if (r.bestObj > lead.bestObj) {
                        r.share(lead);
                    }
                }
            }
        }
        par.forEach(o.searches(), i -> runs[i].run(o.maxSteps(), o.maxWork()), progress);
        progress.end();
        return runs;
    }

    /**
     * Percent of the budget after which the portfolio's searches move to the leading crossover. On the
     * benchmark the better crossover of an instance leads by far long before this point (WS1000:
     * union; ER2344: double-backbone).
     */
    static final int MIGRATE_PERCENT = 33;

    /**
     * Percents of the budget at which the portfolio's searches pause: the move to the leading crossover
     * ({@link #MIGRATE_PERCENT}), then two shares of the best solution (the rest of the budget in thirds).
     * The searches often settle in different basins; a trailing search that takes the best into its
     * population spends the rest of its budget on children of the best and its own members
     * (docs/critical-nodes.md gives the effect per instance).
     */
    static final int[] PAUSE_PERCENTS = {MIGRATE_PERCENT, 55, 77};

    /** One memetic search from the greedy start and {@code populationSize - 1} random ones, run in parts. */
    static final class Memetic {
        private final Options o;
        private final long deadline;
        private final ProgressListener progress;
        private final Search s;
        private final long greedyObjective;
        private final int popSize;
        private final int[][] pop;
        private final long[] popObj;
        Crossover crossover;
        int[] best;
        long bestObj;
        long bestStep;
        long step;
        long runBest;
        int[] runBestSet;
        long idle;
        int stale; // restarts since the best improved
        int sharesTaken; // shares of another search's best taken (see share)
        boolean ruinAndRecreate; // set at the first pause: double-backbone restarts may ruin and recreate the best
        boolean stoppedByTime;
        boolean finished; // nothing left to split, or the time is up

        Memetic(CompactGraph u, Options o, int[] greedy, SplittableRandom rnd, long deadline, ProgressListener progress) {
            this.o = o;
            this.deadline = deadline;
            this.progress = progress;
            this.crossover = o.crossover();
            s = new Search(u, o.k(), rnd);
            s.load(greedy);
            s.repair(); // the greedy stops early once nothing is connected; fill up to k
            greedyObjective = s.objective;
            popSize = o.populationSize();
            pop = new int[popSize][];
            popObj = new long[popSize];
            pop[0] = s.removedNodes();
            popObj[0] = s.objective;
            for (int i = 1; i < popSize; i++) {
                s.randomSolution();
                pop[i] = s.removedNodes();
                popObj[i] = s.objective;
            }
            best = pop[0].clone();
            bestObj = popObj[0];
            for (int i = 1; i < popSize; i++) {
                if (popObj[i] < bestObj) {
                    bestObj = popObj[i];
                    best = pop[i].clone();
                }
            }
            s.load(best);
            runBest = s.objective;
            runBestSet = s.removedNodes();
        }

        /**
         * Takes {@code lead}'s crossover and a copy of its population; the current run, the generator and
         * this search's best go on.
         */
        void adopt(Memetic lead) {
            crossover = lead.crossover;
            for (int i = 0; i < popSize; i++) {
                pop[i] = lead.pop[i].clone();
                popObj[i] = lead.popObj[i];
            }
            stale = 0;
        }

        /**
         * Takes {@code lead}'s best into the population (replacing the worst member when better and not
         * already present); the current run, the generator and this search's best go on. Restarts count
         * from zero again, since the population has a new member.
         */
        void share(Memetic lead) {
            admit(pop, popObj, lead.best, lead.bestObj);
            stale = 0;
            sharesTaken++;
        }

        /** The population's members and objectives (copies, for tests). */
        int[][] population() {
            int[][] copy = new int[popSize][];
            for (int i = 0; i < popSize; i++) {
                copy[i] = pop[i].clone();
            }
            return copy;
        }

        /** Runs until {@code maxSteps} steps or {@code maxWork} work units in all (or the end). */
        void run(long maxSteps, long maxWork) {
            while (!finished && step < maxSteps && s.work < maxWork && bestObj > 0) {
                if ((step & 63) == 0) {
                    if (System.nanoTime() >= deadline) {
                        stoppedByTime = true;
                        finished = true;
                        break;
                    }
                    progress.checkCancelled();
                }
                step++;
                if (!s.step(step)) {
                    finished = true;
                    break; // nothing left to split
                }
                if (s.objective < runBest) {
                    runBest = s.objective;
                    runBestSet = s.removedNodes();
                    idle = 0;
                    if (keepIfBest()) {
                        stale = 0;
                    }
                } else if (++idle >= o.idleSteps()) {
                    restart();
                }
                if ((step & 1023) == 0) {
                    progress.advance(1024);
                }
            }
        }

        /**
         * The run has stalled: keeps its best in the population and starts from a child, or, after the
         * first pause and with the double-backbone crossover, in {@link #RUIN_PERCENT} % of the restarts
         * from the search's best after {@link Search#ruinAndRecreate ruin and recreate}.
         */
        private void restart() {
            if (o.poolUpdate() == PoolUpdate.RANK) {
                poolUpdate(pop, popObj, runBestSet, runBest, PoolUpdate.RANK_QUALITY_WEIGHT);
            } else {
                admit(pop, popObj, runBestSet, runBest);
            }
            if (++stale >= STALE_RESTARTS && popSize > 1) {
                // the population has converged: keep its best, renew the others
                stale = 0;
                int keep = 0;
                for (int i = 1; i < popSize; i++) {
                    if (popObj[i] < popObj[keep]) {
                        keep = i;
                    }
                }
                for (int i = 0; i < popSize; i++) {
                    if (i != keep) {
                        s.randomSolution();
                        pop[i] = s.removedNodes();
                        popObj[i] = s.objective;
                    }
                }
            }
            if (popSize > 1 && ruinAndRecreate && crossover == Crossover.DOUBLE_BACKBONE
                    && s.rnd.nextInt(100) < RUIN_PERCENT) {
                // from the search's best with a few nodes exchanged by the greedy (no nodes fixed)
                s.load(best);
                s.ruinAndRecreate(Math.max(2, o.k() / RUIN_DIVISOR));
            } else if (popSize > 1) {
                int a = s.rnd.nextInt(popSize);
                int b = s.rnd.nextInt(popSize - 1);
                if (b >= a) {
                    b++;
                }
                if (crossover == Crossover.DOUBLE_BACKBONE
                        || (crossover == Crossover.MIXED && s.rnd.nextBoolean())) {
                    s.crossoverDoubleBackbone(pop[a], pop[b], Crossover.INHERIT_PERCENT);
                } else {
                    s.crossover(pop[a], pop[b]);
                }
                s.fixCommon(pop[a], pop[b]); // reduce: the run searches the parents' differences
            } else {
                s.load(runBestSet);
                s.perturb(Math.max(1, o.k() / 10));
            }
            runBest = s.objective;
            runBestSet = s.removedNodes();
            idle = 0;
            keepIfBest();
        }

        /** Keeps the run's best as the search's best when it is better; returns whether it was. */
        private boolean keepIfBest() {
            if (runBest >= bestObj) {
                return false;
            }
            bestObj = runBest;
            best = runBestSet.clone();
            bestStep = step;
            return true;
        }

        Result result() {
            int[] sorted = best.clone();
            Arrays.sort(sorted);
            return new Result(sorted, bestObj, greedyObjective, 0, step, bestStep, 0, stoppedByTime,
                    new long[] {bestObj});
        }
    }

    /**
     * Restarts without a new best after which the population is renewed (its best kept, the others
     * replaced by new reverse-greedy solutions). Once the members agree on most nodes, a child differs
     * little from its parents and the reduce step fixes nearly all of it, so the search stops moving;
     * with 20, single searches of the same work (2e9 units, seed 2) ended ER941 0.2 % above the best
     * known value instead of 4.2 %, WS250 2.3 % instead of 12.0 %, WS500 1.3 % instead of 3.4 %.
     */
    static final int STALE_RESTARTS = 20;

    /**
     * Percent of the double-backbone restarts after the portfolio's first pause that start from the
     * search's best with {@code max(2, k / RUIN_DIVISOR)} random removed nodes returned and as many
     * removed again by the greedy split rule, instead of from a child. On ER2344 (whose best solutions
     * keep one giant component) runs from children end 1–10 % above the best, while a kick of the best
     * keeps the search in its basin; it starts only at the first pause, after the choice of crossover,
     * so that graphs where the union crossover leads (the Watts–Strogatz rings) run as before.
     * docs/critical-nodes.md gives the figures.
     */
    static final int RUIN_PERCENT = 50;

    /** {@code k / RUIN_DIVISOR} nodes (at least 2) are returned by a ruin-and-recreate restart. */
    static final int RUIN_DIVISOR = 20;

    /**
     * Rank-based pool updating after Zhou, Hao and Glover (2019): the pool and the candidate
     * {@code sol} are ranked by objective (lower first) and by distance to the rest of the pool (the
     * fewest nodes in which a member differs from any other, larger first); the one whose score
     * {@code beta · quality rank + (1 − beta) · distance rank} is worst leaves. A candidate equal to a
     * member is dropped. Cost O(p² k) for a pool of p members of k nodes.
     *
     * @return the index the candidate took, or -1 when it was dropped
     */
    static int poolUpdate(int[][] pop, long[] popObj, int[] sol, long obj, double beta) {
        int p = pop.length;
        int[][] all = Arrays.copyOf(pop, p + 1);
        all[p] = sol;
        long[] objs = Arrays.copyOf(popObj, p + 1);
        objs[p] = obj;
        int[][] sorted = new int[p + 1][];
        for (int i = 0; i <= p; i++) {
            sorted[i] = all[i].clone();
            Arrays.sort(sorted[i]);
        }
        long[] dist = new long[p + 1];
        Arrays.fill(dist, Long.MAX_VALUE);
        for (int i = 0; i <= p; i++) {
            for (int j = i + 1; j <= p; j++) {
                long d = difference(sorted[i], sorted[j]);
                dist[i] = Math.min(dist[i], d);
                dist[j] = Math.min(dist[j], d);
            }
        }
        if (dist[p] == 0) {
            return -1;
        }
        int worst = -1;
        double worstScore = 0;
        for (int i = 0; i <= p; i++) {
            int qRank = 0;
            int dRank = 0;
            for (int j = 0; j <= p; j++) {
                if (objs[j] < objs[i]) {
                    qRank++;
                }
                if (dist[j] > dist[i]) {
                    dRank++;
                }
            }
            double score = beta * qRank + (1 - beta) * dRank;
            // ties: the worse objective leaves, then the candidate
            if (worst < 0 || score > worstScore
                    || (score == worstScore && (objs[i] > objs[worst] || (objs[i] == objs[worst] && i == p)))) {
                worstScore = score;
                worst = i;
            }
        }
        if (worst == p) {
            return -1;
        }
        pop[worst] = sol.clone();
        popObj[worst] = obj;
        return worst;
    }

    /** Elements of ascending {@code a} not in ascending {@code b}. */
    static long difference(int[] a, int[] b) {
        long d = 0;
        int j = 0;
        for (int x : a) {
            while (j < b.length && b[j] < x) {
                j++;
            }
            if (j >= b.length || b[j] != x) {
                d++;
            }
        }
        return d;
    }

    /** Replaces the worst member with {@code sol} when better and not already present. */
    private static void admit(int[][] pop, long[] popObj, int[] sol, long obj) {
        int worst = 0;
        int[] sorted = sol.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < pop.length; i++) {
            if (popObj[i] == obj) {
                int[] p = pop[i].clone();
                Arrays.sort(p);
                if (Arrays.equals(p, sorted)) {
                    return;
                }
            }
            if (popObj[i] > popObj[worst]) {
                worst = i;
            }
        }
        if (obj < popObj[worst]) {
            pop[worst] = sol.clone();
            popObj[worst] = obj;
        }
    }

    static long pairs(long s) {
        return s * (s - 1) / 2;
    }

    /** The search state: the removed set, component labels and sizes, kept incrementally. */
    static final class Search {
        private final int n;
        private final int k;
        private final int[] off;
        private final int[] adj;
        final SplittableRandom rnd;
        private final boolean[] removed;
        private final int[] removedList; // first count entries
        private final int[] removedPos;
        private int removedCount;
        private final int[] comp;        // component id of live nodes, -1 for removed
        private final int[] compSize;    // 0: id unused
        private final int[] compRoot;    // a member of each live component
        private final int[] freeIds;
        private int freeCount;
        long objective;
        /** Work units spent: adjacency entries and component ids scanned (see {@link Options#maxWork}). */
        long work;
        private final int[] queue;
        private final int[] mark;
        private int epoch;
        private final int[] compMark;
        private int compEpoch;
        private final long[] tabuUntil;
        // articulation scratch
        private final int[] disc;
        private final int[] low;
        private final int[] sub;
        private final int[] parent;
        private final int[] stackNode;
        private final int[] stackArc;
        private final long[] sepSum;
        private final long[] sepPairs;
        private final int[] order;
        private final int[] large;
        // least-recently-removed order: a doubly linked list of all nodes, the one removed longest ago first
        private final int[] lruPrev;
        private final int[] lruNext;
        private int lruHead;
        private int lruTail;
        private final int[] liveDeg;    // live neighbours, filled by the articulation search
        private int splitEpoch;          // epoch of the last articulation search (its disc/sep data are valid)
        private int returnLive; // live neighbours of the node last priced by returnCost
        // removal probe (one breadth-first search per live neighbour): per node the search that reached
        // it and the next node in that search's list; per search its list, frontier, size and group
        private final int[] owner;
        private final int[] next;
        private int[] probeStart = new int[0];
        private int[] probeTail = new int[0];
        private int[] probeCur = new int[0];
        private int[] probeCount = new int[0];
        private int[] groupOf = new int[0];
        private int[] groupRunning = new int[0];
        private long[] groupSize = new long[0];
        /** Nodes the current run may not return (removed in both parents of its start). */
        private final boolean[] fixed;

        /** Fixes the nodes removed in both {@code a} and {@code b} that are removed now; unfixes the rest. */
        void fixCommon(int[] a, int[] b) {
            Arrays.fill(fixed, false);
            boolean[] inA = new boolean[n]; // once per restart, at least 1000 steps apart
            for (int v : a) {
                inA[v] = true;
            }
            for (int v : b) {
                fixed[v] = inA[v] && removed[v];
            }
        }

        /** Percent of removal steps that take the longest-waiting node instead of the best split. */
        static final int AGE_PERCENT = 30;

        Search(CompactGraph g, int k, SplittableRandom rnd) {
            this.n = g.nodeCount();
            this.k = k;
            this.rnd = rnd;
            off = new int[n + 1];
            int m = 0;
            for (int v = 0; v < n; v++) {
                for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                    if (g.target(a) != v) {
                        m++;
                    }
                }
                off[v + 1] = m;
            }
            adj = new int[m];
            for (int v = 0, i = 0; v < n; v++) {
                for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                    if (g.target(a) != v) {
                        adj[i++] = g.target(a);
                    }
                }
            }
            removed = new boolean[n];
            removedList = new int[n];
            removedPos = new int[n];
            comp = new int[n];
            compSize = new int[n];
            compRoot = new int[n];
            freeIds = new int[n];
            queue = new int[n];
            mark = new int[n];
            compMark = new int[n];
            tabuUntil = new long[n];
            disc = new int[n];
            low = new int[n];
            sub = new int[n];
            parent = new int[n];
            stackNode = new int[n];
            stackArc = new int[n];
            sepSum = new long[n];
            sepPairs = new long[n];
            order = new int[n];
            large = new int[n];
            lruPrev = new int[n];
            lruNext = new int[n];
            for (int v = 0; v < n; v++) {
                lruPrev[v] = v - 1;
                lruNext[v] = v + 1 < n ? v + 1 : -1;
            }
            lruHead = n > 0 ? 0 : -1;
            lruTail = n - 1;
            liveDeg = new int[n];
            owner = new int[n];
            next = new int[n];
            fixed = new boolean[n];
        }

        /** Sets the removed set to {@code nodes} and rebuilds all components. */
        void load(int[] nodes) {
            Arrays.fill(removed, false);
            Arrays.fill(fixed, false);
            removedCount = 0;
            for (int v : nodes) {
                if (!removed[v]) {
                    removed[v] = true;
                    removedPos[v] = removedCount;
                    removedList[removedCount++] = v;
                }
            }
            Arrays.fill(compSize, 0);
            freeCount = 0;
            for (int id = n - 1; id >= 0; id--) {
                freeIds[freeCount++] = id;
            }
            Arrays.fill(comp, -1);
            objective = 0;
            for (int v = 0; v < n; v++) {
                if (!removed[v] && comp[v] < 0) {
                    objective += pairs(flood(v, freeIds[--freeCount]));
                }
            }
            Arrays.fill(tabuUntil, 0);
            splitEpoch = -1;
        }

        int[] removedNodes() {
            return Arrays.copyOf(removedList, removedCount);
        }

        /** Component id of live node {@code v}, -1 when removed (for tests). */
        int componentOf(int v) {
            return comp[v];
        }

        /** Size of component {@code id}, 0 when the id is unused (for tests). */
        int componentSize(int id) {
            return compSize[id];
        }

        /** The member from which searches of component {@code id} start (for tests). */
        int componentMember(int id) {
            return compRoot[id];
        }

        boolean isRemoved(int v) {
            return removed[v];
        }

        /** Labels the live nodes reachable from {@code start} whose label differs from {@code id} with {@code id}. */
        private int flood(int start, int id) {
            int size = relabel(start, id);
            compSize[id] = size;
            compRoot[id] = start;
            return size;
        }

        /**
         * Removes live node {@code v}: its component splits into the pieces left. Only the pieces other
         * than the largest are relabelled (the largest keeps the component's id), so removing a node that
         * cuts a few nodes off a giant component costs the size of what is cut off, not of the giant.
         * The pieces come from the articulation search just run on the component when there is one
         * ({@link #removeKnown}), else from a breadth-first search from each live neighbour in turn
         * ({@link #removeProbe}).
         */
        void remove(int v) {
            int c = comp[v];
            work += off[v + 1] - off[v] + 1;
            boolean fresh = splitEpoch == epoch && mark[v] == epoch;
            splitEpoch = -1;
            if (fresh) {
                removeKnown(v, c);
            } else {
                removeProbe(v, c);
            }
        }

        /** Marks {@code v} removed and appends it to the removed list; labels and sizes untouched. */
        private void markRemoved(int v) {
            removed[v] = true;
            comp[v] = -1;
            removedPos[v] = removedCount;
            removedList[removedCount++] = v;
        }

        /**
         * Removal with the articulation data of the search just run on {@code v}'s component: the pieces
         * are the subtrees of the depth-first children {@code y} with {@code low[y] ≥ disc[v]} (every
         * child when {@code v} is the root) and the rest of the component.
         */
        private void removeKnown(int v, int c) {
            int size = compSize[c];
            boolean root = parent[v] < 0;
            long rest = root ? 0 : size - 1 - sepSum[v];
            if (sepSum[v] == 0 || (root && oneChild(v))) {
                removeLeaf(v, c); // splits nothing
                return;
            }
            markRemoved(v);
            objective -= pairs(size);
            // the largest piece keeps id c: find it first
            int keepStart = root ? -1 : parent[v];
            long keepSize = rest;
            for (int a = off[v]; a < off[v + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && parent[y] == v && mark[y] == epoch && low[y] >= disc[v] && sub[y] > keepSize) {
                    keepSize = sub[y];
                    keepStart = y;
                }
            }
            compSize[c] = (int) keepSize;
            compRoot[c] = keepStart;
            objective += pairs(keepSize);
            // children are visited once: a multi-edge repeats y, but after the first flood comp[y] != c
            for (int a = off[v]; a < off[v + 1]; a++) {
                int y = adj[a];
                if (y != keepStart && !removed[y] && comp[y] == c && parent[y] == v && mark[y] == epoch
                        && low[y] >= disc[v]) {
                    objective += pairs(flood(y, freeIds[--freeCount]));
                }
            }
            if (!root && keepStart != parent[v] && rest > 0) {
                objective += pairs(flood(parent[v], freeIds[--freeCount]));
            }
        }

        /**
         * Removal without articulation data: one breadth-first search from each live neighbour of
         * {@code v}, advanced in turn one node at a time; searches that meet are merged, a group whose
         * searches have all run out is a piece that fell off, and when at most one group is still running
         * it is the rest of the component, which keeps its id unvisited. Cost: about the number of
         * neighbours times the size of the pieces cut off plus what the searches explore before they meet.
         */
        private void removeProbe(int v, int c) {
            int size = compSize[c];
            int d = 0;
            epoch++;
            for (int a = off[v]; a < off[v + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && y != v && mark[y] != epoch) {
                    mark[y] = epoch;
                    d++;
                }
            }
            if (d <= 1) {
                removeLeaf(v, c);
                return;
            }
            markRemoved(v);
            if (probeStart.length < d) {
                growProbe(d);
            }
            epoch++;
            int s = 0;
            for (int a = off[v]; a < off[v + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && mark[y] != epoch) {
                    mark[y] = epoch;
                    owner[y] = s;
                    next[y] = -1;
                    probeStart[s] = y;
                    probeTail[s] = y;
                    probeCur[s] = y;
                    probeCount[s] = 1;
                    groupOf[s] = s;
                    groupRunning[s] = 1;
                    s++;
                }
            }
            int running = d; // groups with a search still running
            while (running > 1) {
                for (int i = 0; i < d && running > 1; i++) {
                    int x = probeCur[i];
                    if (x < 0) {
                        continue;
                    }
                    int gi = findGroup(i);
                    work += off[x + 1] - off[x] + 1;
                    for (int a = off[x]; a < off[x + 1]; a++) {
                        int y = adj[a];
                        if (removed[y]) {
                            continue;
                        }
                        if (mark[y] != epoch) {
                            mark[y] = epoch;
                            owner[y] = i;
                            next[y] = -1;
                            next[probeTail[i]] = y;
                            probeTail[i] = y;
                            probeCount[i]++;
                        } else {
                            int gj = findGroup(owner[y]);
                            if (gj != gi) { // two running searches met (a finished group is closed)
                                groupOf[gj] = gi;
                                groupRunning[gi] += groupRunning[gj];
                                running--;
                            }
                        }
                    }
                    probeCur[i] = next[x];
                    if (probeCur[i] < 0 && --groupRunning[gi] == 0) {
                        running--;
                    }
                }
            }
            // pieces: groups; the running one (if any) is the rest of the component and keeps id c
            int keepGroup = -1;
            long keepSize = -1;
            long cutOff = 0;
            for (int i = 0; i < d; i++) {
                groupSize[i] = 0;
            }
            for (int i = 0; i < d; i++) {
                groupSize[findGroup(i)] += probeCount[i];
            }
            for (int i = 0; i < d; i++) {
                if (groupOf[i] == i) {
                    if (groupRunning[i] > 0) {
                        keepGroup = i;
                        keepSize = Long.MAX_VALUE;
                    } else {
                        cutOff += groupSize[i];
                        if (keepSize != Long.MAX_VALUE && groupSize[i] > keepSize) {
                            keepSize = groupSize[i];
                            keepGroup = i;
                        }
                    }
                }
            }
            objective -= pairs(size);
            if (keepSize == Long.MAX_VALUE) {
                keepSize = size - 1 - cutOff;
            }
            compSize[c] = (int) keepSize;
            compRoot[c] = probeStart[keepGroup];
            objective += pairs(keepSize);
            for (int i = 0; i < d; i++) {
                if (groupOf[i] == i && i != keepGroup) {
                    int id = freeIds[--freeCount];
                    compSize[id] = (int) groupSize[i];
                    compRoot[id] = probeStart[i];
                    objective += pairs(groupSize[i]);
                    for (int j = 0; j < d; j++) {
                        if (findGroup(j) == i) {
                            for (int x = probeStart[j]; x >= 0; x = next[x]) {
                                comp[x] = id;
                            }
                        }
                    }
                }
            }
        }

        private int findGroup(int i) {
            while (groupOf[i] != i) {
                groupOf[i] = groupOf[groupOf[i]];
                i = groupOf[i];
            }
            return i;
        }

        private void growProbe(int d) {
            probeStart = new int[d];
            probeTail = new int[d];
            probeCur = new int[d];
            probeCount = new int[d];
            groupOf = new int[d];
            groupRunning = new int[d];
            groupSize = new long[d];
        }

        /** Whether DFS root {@code r} of the last articulation search has a single child. */
        private boolean oneChild(int r) {
            int children = 0;
            for (int a = off[r]; a < off[r + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && parent[y] == r && mark[y] == epoch) {
                    children++;
                }
            }
            return children <= 1;
        }

        /** Removes {@code v} from component {@code c} that stays connected without it. */
        private void removeLeaf(int v, int c) {
            int size = compSize[c];
            objective -= pairs(size) - pairs(size - 1);
            removed[v] = true;
            comp[v] = -1;
            removedPos[v] = removedCount;
            removedList[removedCount++] = v;
            if (size == 1) {
                compSize[c] = 0;
                freeIds[freeCount++] = c;
                return;
            }
            compSize[c] = size - 1;
            if (compRoot[c] == v) {
                for (int a = off[v]; a < off[v + 1]; a++) {
                    if (!removed[adj[a]]) {
                        compRoot[c] = adj[a];
                        break;
                    }
                }
            }
        }

        /** Connected pairs added by returning removed node {@code u}. */
        long returnCost(int u) {
            compEpoch++;
            work += off[u + 1] - off[u] + 1;
            long sum = 0;
            long within = 0;
            int live = 0;
            for (int a = off[u]; a < off[u + 1]; a++) {
                int y = adj[a];
                if (!removed[y]) {
                    live++;
                    int c = comp[y];
                    if (compMark[c] != compEpoch) {
                        compMark[c] = compEpoch;
                        sum += compSize[c];
                        within += pairs(compSize[c]);
                    }
                }
            }
            returnLive = live;
            return pairs(sum + 1) - within;
        }

        /** Returns removed node {@code u} to the graph, merging its neighbours' components into the largest. */
        void giveBack(int u) {
            splitEpoch = -1;
            work += off[u + 1] - off[u] + 1;
            removed[u] = false;
            int last = removedList[--removedCount];
            removedList[removedPos[u]] = last;
            removedPos[last] = removedPos[u];
            int keep = -1;
            for (int a = off[u]; a < off[u + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && y != u && (keep < 0 || compSize[comp[y]] > compSize[keep])) {
                    keep = comp[y];
                }
            }
            if (keep < 0) {
                int id = freeIds[--freeCount];
                comp[u] = id;
                compSize[id] = 1;
                compRoot[id] = u;
                return;
            }
            objective -= pairs(compSize[keep]);
            comp[u] = keep;
            int size = compSize[keep] + 1;
            for (int a = off[u]; a < off[u + 1]; a++) {
                int y = adj[a];
                if (!removed[y] && comp[y] != keep) {
                    int c = comp[y];
                    objective -= pairs(compSize[c]);
                    size += compSize[c];
                    compSize[c] = 0;
                    freeIds[freeCount++] = c;
                    relabel(y, keep);
                }
            }
            compSize[keep] = size;
            objective += pairs(size);
        }

        /**
         * Labels the live nodes reachable from {@code start} whose label differs from {@code id} with
         * {@code id} (breadth-first) and returns how many were labelled; sizes and roots untouched.
         */
        private int relabel(int start, int id) {
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            comp[start] = id;
            while (head < tail) {
                int x = queue[head++];
                work += off[x + 1] - off[x] + 1;
                for (int a = off[x]; a < off[x + 1]; a++) {
                    int y = adj[a];
                    if (!removed[y] && comp[y] != id) {
                        comp[y] = id;
                        queue[tail++] = y;
                    }
                }
            }
            return tail;
        }

        /**
         * Hopcroft–Tarjan depth-first search over the live nodes reachable from {@code root} not marked
         * with the current epoch: fills disc, low, sub, parent, liveDeg and, per node, the size
         * ({@code sepSum}) and pairs ({@code sepPairs}) of the pieces its removal cuts off below it;
         * {@code order} gets the nodes visited. Returns their number. Work is counted by the caller.
         */
        private int articulate(int root) {
            int time = 0;
            int sp = 0;
            int cnt = 0;
            mark[root] = epoch;
            disc[root] = low[root] = ++time;
            sub[root] = 1;
            parent[root] = -1;
            sepSum[root] = 0;
            sepPairs[root] = 0;
            liveDeg[root] = 0;
            stackNode[sp] = root;
            stackArc[sp++] = off[root];
            order[cnt++] = root;
            while (sp > 0) {
                int x = stackNode[sp - 1];
                int a = stackArc[sp - 1];
                if (a < off[x + 1]) {
                    stackArc[sp - 1] = a + 1;
                    int y = adj[a];
                    if (removed[y]) {
                        continue;
                    }
                    liveDeg[x]++;
                    if (mark[y] != epoch) {
                        mark[y] = epoch;
                        disc[y] = low[y] = ++time;
                        sub[y] = 1;
                        parent[y] = x;
                        sepSum[y] = 0;
                        sepPairs[y] = 0;
                        liveDeg[y] = 0;
                        stackNode[sp] = y;
                        stackArc[sp++] = off[y];
                        order[cnt++] = y;
                    } else if (y != parent[x]) {
                        low[x] = Math.min(low[x], disc[y]);
                    }
                } else {
                    sp--;
                    int p = parent[x];
                    if (p >= 0) {
                        sub[p] += sub[x];
                        low[p] = Math.min(low[p], low[x]);
                        if (low[x] >= disc[p]) {
                            sepSum[p] += sub[x];
                            sepPairs[p] += pairs(sub[x]);
                        }
                    }
                }
            }
            return cnt;
        }

        /**
         * The live node of component {@code c} whose removal leaves fewest pairs in it (Hopcroft–Tarjan
         * articulation points over the component), skipping nodes tabu at {@code step}; ties at random.
         * Returns -1 when every node is tabu.
         */
        int bestInComponent(int c, long step, boolean diversify) {
            if (diversify && rnd.nextInt(100) < AGE_PERCENT) {
                return leastRecentlyRemoved(c, step);
            }
            int size = compSize[c];
            epoch++;
            int cnt = articulate(compRoot[c]);
            splitEpoch = epoch;
            // ties (on a plateau nearly every node leaves the same pairs): in half of the steps the node
            // with fewest live neighbours, i.e. next to most removed ones, so that partial cuts grow into cuts
            boolean byLiveDegree = rnd.nextBoolean();
            int best = -1;
            long bestLeft = Long.MAX_VALUE;
            long bestKey = 0;
            int ties = 0;
            for (int i = 0; i < cnt; i++) {
                int x = order[i];
                work += off[x + 1] - off[x] + 1; // the search above scanned these arcs
                if (tabuUntil[x] > step) {
                    continue;
                }
                long left = sepPairs[x] + pairs(size - 1 - sepSum[x]);
                long key = byLiveDegree ? liveDeg[x] : 0;
                if (left < bestLeft || (left == bestLeft && key < bestKey)) {
                    bestLeft = left;
                    bestKey = key;
                    best = x;
                    ties = 1;
                } else if (left == bestLeft && key == bestKey && rnd.nextInt(++ties) == 0) {
                    best = x;
                }
            }
            return best;
        }

        /**
         * Diversification (after the node weighting of Zhou, Hao and Glover, where the node of the chosen
         * component that has waited longest since its last removal goes next): the live node of component
         * {@code c}, not tabu at {@code step}, removed by a step longest ago (never removed: lowest id
         * first), found by walking the least-recently-removed list from its head. This costs the nodes
         * skipped, about n / |c|, where a pass over the component to age and compare its nodes cost its
         * size. -1 when all are tabu.
         */
        int leastRecentlyRemoved(int c, long step) {
            for (int x = lruHead; x >= 0; x = lruNext[x]) {
                work++;
                if (comp[x] == c && tabuUntil[x] <= step) {
                    return x;
                }
            }
            return -1;
        }

        /** Moves {@code v} to the end of the least-recently-removed list (it was just removed). */
        void touch(int v) {
            if (v == lruTail) {
                return;
            }
            int p = lruPrev[v];
            int q = lruNext[v];
            if (p >= 0) {
                lruNext[p] = q;
            } else {
                lruHead = q;
            }
            lruPrev[q] = p;
            lruPrev[v] = lruTail;
            lruNext[v] = -1;
            lruNext[lruTail] = v;
            lruTail = v;
        }

        /** A random component among the large ones (size ≥ (max + min) / 2 over components of ≥ 2 nodes), or -1. */
        int largeComponent() {
            work += n / 4; // two sequential scans of the size array, cheap next to adjacency reads
            int max = 0;
            int min = Integer.MAX_VALUE;
            for (int id = 0; id < n; id++) {
                int s = compSize[id];
                if (s >= 2) {
                    max = Math.max(max, s);
                    min = Math.min(min, s);
                }
            }
            if (max == 0) {
                return -1;
            }
            int threshold = (max + min + 1) / 2;
            int cnt = 0;
            for (int id = 0; id < n; id++) {
                if (compSize[id] >= threshold) {
                    large[cnt++] = id;
                }
            }
            return large[rnd.nextInt(cnt)];
        }

        /** The removed node (other than {@code except}) whose return adds fewest pairs, ties at random. */
        int cheapestReturn(int except, long step) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            long bestKey = 0;
            int ties = 0;
            for (int i = 0; i < removedCount; i++) {
                int u = removedList[i];
                if (u == except || tabuUntil[u] > step || fixed[u]) {
                    continue;
                }
                long cost = returnCost(u);
                // ties: the node with most live neighbours, which is the least likely to be part of a cut
                long key = -returnLive;
                if (cost < bestCost || (cost == bestCost && key < bestKey)) {
                    bestCost = cost;
                    bestKey = key;
                    best = u;
                    ties = 1;
                } else if (cost == bestCost && key == bestKey && rnd.nextInt(++ties) == 0) {
                    best = u;
                }
            }
            if (best < 0) { // everything tabu: ignore tabu
                for (int i = 0; i < removedCount; i++) {
                    int u = removedList[i];
                    if (u != except) {
                        long cost = returnCost(u);
                        if (cost < bestCost) {
                            bestCost = cost;
                            best = u;
                        }
                    }
                }
            }
            return best;
        }

        /** One swap: remove the best node of a large component, return the cheapest removed node. */
        boolean step(long step) {
            int c = largeComponent();
            if (c < 0) {
                return false;
            }
            int v = bestInComponent(c, step, true);
            if (v < 0) {
                v = compRoot[c];
            }
            remove(v);
            touch(v);
            tabuUntil[v] = step + 1 + rnd.nextInt(3);
            int u = cheapestReturn(v, step);
            giveBack(u);
            tabuUntil[u] = step + 1 + rnd.nextInt(Math.max(3, k / 10));
            return true;
        }

        /**
         * Ruin and recreate (the large-neighbourhood principle of Schrimpf, Schneider, Stamm-Wilbrandt and
         * Dueck, J. Comput. Phys. 159 (2000), doi:10.1006/jcph.1999.6413): returns {@code r}
         * removed nodes drawn at random, then removes nodes by the greedy split rule (the best split of a
         * largest component, one articulation search each) until k are removed again. Cost: r returns
         * and r articulation searches of the largest component.
         */
        void ruinAndRecreate(int r) {
            for (int i = 0; i < r && removedCount > 0; i++) {
                giveBack(removedList[rnd.nextInt(removedCount)]);
            }
            repair();
        }

        /** Brings the removed set to exactly k nodes by the greedy rules. */
        void repair() {
            while (removedCount < k) {
                int c = largeComponent();
                int v;
                if (c < 0) {
                    v = -1;
                    for (int x = 0; x < n && v < 0; x++) {
                        if (!removed[x]) {
                            v = x;
                        }
                    }
                } else {
                    v = bestOverLargest();
                }
                remove(v);
            }
            while (removedCount > k) {
                giveBack(cheapestReturn(-1, 0));
            }
        }

        /** Best node to remove from the largest component (ties at random), no tabu. */
        private int bestOverLargest() {
            int best = -1;
            for (int id = 0; id < n; id++) {
                if (compSize[id] >= 2 && (best < 0 || compSize[id] > compSize[best])) {
                    best = id;
                }
            }
            return bestInComponent(best, 0, false);
        }

        /**
         * A random solution by the reverse greedy of Aringhieri et al.: remove every node outside a
         * random maximal independent set (nothing stays connected), then return nodes one at a time,
         * each the one whose return adds fewest pairs, until k are left removed.
         */
        void randomSolution() {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                int j = rnd.nextInt(i + 1);
                perm[i] = perm[j];
                perm[j] = i;
            }
            boolean[] inSet = new boolean[n];
            int[] out = new int[n];
            int cnt = 0;
            for (int v : perm) {
                boolean free = true;
                for (int a = off[v]; a < off[v + 1] && free; a++) {
                    free = !inSet[adj[a]];
                }
                if (free) {
                    inSet[v] = true;
                } else {
                    out[cnt++] = v;
                }
            }
            load(Arrays.copyOf(out, cnt));
            repair();
        }

        /**
         * Crossover: the union of both parents' removed nodes (nodes removed in both form the backbone),
         * plus a few random nodes, reduced to k by the greedy return rule.
         */
        void crossover(int[] a, int[] b) {
            boolean[] in = new boolean[n];
            int[] child = new int[a.length + b.length + k / 10 + 1];
            int cnt = 0;
            for (int v : a) {
                in[v] = true;
                child[cnt++] = v;
            }
            for (int v : b) {
                if (!in[v]) {
                    in[v] = true;
                    child[cnt++] = v;
                }
            }
            for (int i = 0; i <= k / 10; i++) {
                int v = rnd.nextInt(n);
                if (!in[v]) {
                    in[v] = true;
                    child[cnt++] = v;
                }
            }
            load(Arrays.copyOf(child, cnt));
            repair();
        }

        /**
         * Double-backbone crossover (Zhou, Hao and Glover 2019): the nodes removed in both parents (the
         * first backbone) are removed in the child; each node removed in only one of them (the second
         * backbone) with probability {@code inheritPercent} %; the child is then brought to k nodes by the
         * greedy rules of {@link #repair}.
         */
        void crossoverDoubleBackbone(int[] a, int[] b, int inheritPercent) {
            boolean[] inA = new boolean[n];
            boolean[] taken = new boolean[n];
            int[] child = new int[a.length + b.length];
            int cnt = 0;
            for (int v : a) {
                inA[v] = true;
            }
            for (int v : b) {
                if (inA[v] && !taken[v]) {
                    taken[v] = true;
                    child[cnt++] = v;
                }
            }
            for (int[] parent : new int[][] {a, b}) {
                for (int v : parent) {
                    if (!taken[v]) {
                        taken[v] = true; // decided once, even if repeated
                        if (rnd.nextInt(100) < inheritPercent) {
                            child[cnt++] = v;
                        }
                    }
                }
            }
            load(Arrays.copyOf(child, cnt));
            repair();
        }

        /** Random swaps: return a random removed node, remove a random node of a large component. */
        void perturb(int swaps) {
            for (int i = 0; i < swaps; i++) {
                int c = largeComponent();
                if (c < 0) {
                    return;
                }
                giveBack(removedList[rnd.nextInt(removedCount)]);
                c = largeComponent();
                remove(compRoot[c]);
            }
        }
    }
}
