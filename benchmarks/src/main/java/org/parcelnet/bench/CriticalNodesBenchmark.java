package org.parcelnet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.interdiction.CnpFormat;
import org.parcelnet.interdiction.CriticalNodes;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Runs the critical node solver on every instance of the CNP benchmark ({@code bkv.csv}) and prints a
 * Markdown table of objective against best known value.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.CriticalNodesBenchmark \
 *     sample-data/reference/cnp WORK MAX_SECONDS SEED [SEARCHES [INSTANCE...]] \
 *     [--crossover=union|double-backbone|mixed|portfolio] [--pool-update=replace-worst|rank]
 * </pre>
 * Each search stops after WORK work units (adjacency entries and component ids scanned, counted by the
 * search, see {@code CriticalNodes.Options.work}), which gives every instance about the same time and
 * makes the result a function of the arguments alone; MAX_SECONDS only caps the time per instance, and a
 * row whose search stopped at the cap before its work was done is marked "(cap)" (it then depends on
 * machine speed and load). WORK written as {@code UNITS/size} gives each search a step budget instead,
 * {@code UNITS / (n + m)} steps (a step costs about the size of the component it searches, so instances
 * then get unequal time; the table in docs/critical-nodes.md uses a plain work budget).
 * SEARCHES independent searches (default 1) run on as many worker threads; "each search" lists the
 * objective each one ended with (with the default portfolio crossover the first runs the union
 * crossover, the second the double-backbone one). Each row shows the wall
 * seconds and the CPU seconds of the process (all threads): on a busy machine the wall time says
 * little, while the CPU time divided by the number of searches approximates the wall time on as many
 * otherwise idle cores.
 */
public final class CriticalNodesBenchmark {

    private CriticalNodesBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        // --crossover=C and --pool-update=P (names of CriticalNodes.Crossover and .PoolUpdate) may come anywhere
        CriticalNodes.Crossover crossover = CriticalNodes.Crossover.DEFAULT;
        CriticalNodes.PoolUpdate poolUpdate = CriticalNodes.PoolUpdate.REPLACE_WORST;
        List<String> plain = new java.util.ArrayList<>();
        for (String a : argv) {
            if (a.startsWith("--crossover=")) {
                crossover = CriticalNodes.Crossover.valueOf(a.substring("--crossover=".length()).toUpperCase(Locale.ROOT).replace('-', '_'));
            } else if (a.startsWith("--pool-update=")) {
                poolUpdate = CriticalNodes.PoolUpdate.valueOf(a.substring("--pool-update=".length()).toUpperCase(Locale.ROOT).replace('-', '_'));
            } else {
                plain.add(a);
            }
        }
        String[] args = plain.toArray(new String[0]);
        if (args.length < 4) {
            System.err.println("usage: CriticalNodesBenchmark CNP_DIR WORK[/size] MAX_SECONDS SEED [SEARCHES [INSTANCE...]]"
                    + " [--crossover=union|double-backbone|mixed|portfolio] [--pool-update=replace-worst|rank]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        boolean perSize = args[1].endsWith("/size");
        double work = Double.parseDouble(perSize ? args[1].substring(0, args[1].length() - "/size".length()) : args[1]);
        long millis = Math.round(Double.parseDouble(args[2]) * 1000);
        long seed = Long.parseLong(args[3]);
        int searches = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        List<String> only = List.of(args).subList(Math.min(5, args.length), args.length);
        List<String> rows = Files.readAllLines(dir.resolve("bkv.csv"));
        System.out.println("| instance | n | m | K | best known | proven | greedy | ParcelNet | gap % | each search "
                + "| steps per search | best found at step | seconds | CPU seconds |");
        System.out.println("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        double gapSynthetic = 0;
        double gapReal = 0;
        int nSynthetic = 0;
        int nReal = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (!only.isEmpty() && !only.contains(f[0])) {
                continue;
            }
            CompactGraph g = CnpFormat.read(dir.resolve(f[1]));
            int k = Integer.parseInt(f[4]);
            long bkv = Long.parseLong(f[5]);
            CriticalNodes.Result r;
            long cpu0 = processCpuNanos();
            try (WorkerPool par = WorkerPool.of(searches, "cnp")) {
                r = CriticalNodes.solve(g, (perSize
                        ? CriticalNodes.Options.steps(k, seed, Math.max(1, Math.round(work / (g.nodeCount() + Long.parseLong(f[3])))))
                        : CriticalNodes.Options.work(k, seed, Math.round(work))).withTimeLimit(millis)
                        .withSearches(searches).withCrossover(crossover).withPoolUpdate(poolUpdate), par, ProgressListener.NONE);
            }
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            double gap = 100.0 * (r.objective() - bkv) / bkv;
            if (f[1].startsWith("synthetic")) {
                gapSynthetic += gap;
                nSynthetic++;
            } else {
                gapReal += gap;
                nReal++;
            }
            boolean capped = r.stoppedByTime();
            long steps = r.steps() / searches;
            StringBuilder each = new StringBuilder(); // the objective of each search, in search order
            for (long objective : r.searchObjectives()) {
                each.append(each.length() == 0 ? "" : " / ").append(objective);
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %d | %d | %.2f | %s | %,d | %,d | %.1f%s | %.1f |%n",
                    f[0], f[2], f[3], k, bkv, f[6].equals("true") ? "yes" : "", r.greedyObjective(), r.objective(),
                    gap, each, steps, r.bestStep(), r.millis() / 1000.0, capped ? " (cap)" : "", cpuSeconds);
        }
        System.out.printf(Locale.ROOT, "%ncrossover %s, pool update %s%n", crossover, poolUpdate);
        System.out.printf(Locale.ROOT, "mean gap: synthetic %.2f %% (%d instances), real-world %.2f %% (%d instances)%n",
                nSynthetic == 0 ? 0 : gapSynthetic / nSynthetic, nSynthetic, nReal == 0 ? 0 : gapReal / nReal, nReal);
    }

    /** CPU time of the whole process (all threads, the JIT and the collector included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
