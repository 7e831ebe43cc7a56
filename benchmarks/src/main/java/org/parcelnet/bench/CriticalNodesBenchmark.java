package org.parcelnet.bench;

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
 *     sample-data/reference/cnp SECONDS_PER_INSTANCE SEED [SEARCHES [INSTANCE...]]
 * </pre>
 * SEARCHES independent searches (default 1) run on as many worker threads.
 */
public final class CriticalNodesBenchmark {

    private CriticalNodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CriticalNodesBenchmark CNP_DIR SECONDS SEED [SEARCHES [INSTANCE...]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long millis = Math.round(Double.parseDouble(args[1]) * 1000);
        long seed = Long.parseLong(args[2]);
        int searches = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String> only = List.of(args).subList(Math.min(4, args.length), args.length);
        List<String> rows = Files.readAllLines(dir.resolve("bkv.csv"));
        System.out.println("| instance | n | m | K | best known | proven | greedy | ParcelNet | gap % | best found at s | steps |");
        System.out.println("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
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
            try (WorkerPool par = WorkerPool.of(searches, "cnp")) {
                r = CriticalNodes.solve(g, CriticalNodes.Options.timeLimited(k, seed, millis).withSearches(searches), par,
                        ProgressListener.NONE);
            }
            double gap = 100.0 * (r.objective() - bkv) / bkv;
            if (f[1].startsWith("synthetic")) {
                gapSynthetic += gap;
                nSynthetic++;
            } else {
                gapReal += gap;
                nReal++;
            }
            // steps of all searches together; the winning search ran about 1/searches of them
            double foundAt = r.steps() == 0 ? 0 : Math.min(r.millis() / 1000.0, r.millis() / 1000.0 * r.bestStep() * searches / r.steps());
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %d | %d | %.2f | %.1f | %,d |%n",
                    f[0], f[2], f[3], k, bkv, f[6].equals("true") ? "yes" : "", r.greedyObjective(), r.objective(),
                    gap, foundAt, r.steps());
        }
        System.out.printf(Locale.ROOT, "%nmean gap: synthetic %.2f %% (%d instances), real-world %.2f %% (%d instances)%n",
                nSynthetic == 0 ? 0 : gapSynthetic / nSynthetic, nSynthetic, nReal == 0 ? 0 : gapReal / nReal, nReal);
    }
}
