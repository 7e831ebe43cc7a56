package org.parcelnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parcelnet.eval.GroundTruth;
import org.parcelnet.eval.RankingMetrics;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.learn.LeadModel;
import org.parcelnet.learn.LeadVectors;
import org.parcelnet.learn.LearnedLeads;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parcelnet train}: runs the pipeline on labelled shipments (generator output with its truth),
 * turns every party into a row of {@link LeadVectors} and trains a {@link LeadModel} of ring membership
 * and (unless {@code --no-tiers}) a tier model on the true ring members the pipeline placed in a tier;
 * {@code analyze --model} then uses it to rank leads and to tier the placed parties.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a lead model (ring member or not, and the tier of placed ring members) on shipments with "
                + "ground truth, for analyze --model.",
                "Each --shipments file is analysed like analyze does (same --seed); its parties, labelled by the "
                        + "--truth given in the same position, become the training rows."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--shipments", required = true, paramLabel = "FILE", description = "shipments.csv(.gz); repeat for several files")
    List<Path> shipments;

    @Option(names = "--truth", required = true, paramLabel = "DIR|FILE", description = "ground truth of the file in the same position (a folder with truth_parties.csv, or the file)")
    List<Path> truth;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "model file to write (conventionally .pnm); an existing file is replaced only if it is a lead model")
    Path out;

    @Option(names = "--algorithm", defaultValue = "logistic", paramLabel = "A", description = "logistic (logistic regression) or forest (random forest) (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--embedding", defaultValue = "16", paramLabel = "D", description = "FastRP embedding dimension added to the features; 0 for none (default: ${DEFAULT-VALUE})")
    int embedding;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of the pipeline and the trainer (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "worker threads; do not change the model (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-tiers", description = "train the ring-member model only, without the tier model")
    boolean noTiers;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        LeadModel.Algorithm alg = LeadModel.Algorithm.parse(algorithm);
        if (shipments.size() != truth.size()) {
            throw new IllegalArgumentException("give one --truth per --shipments (got " + shipments.size() + " and "
                    + truth.size() + ")");
        }
        if (embedding < 0 || embedding > 1024) {
            throw new IllegalArgumentException("--embedding must be in 0..1024, got " + embedding);
        }
        checkReplaceable(out);
        AnalysisOptions options = AnalysisOptions.builder().seed(seed).threads(threads).build();
        LeadVectors.EmbeddingSpec spec = LeadVectors.EmbeddingSpec.of(embedding);
        ProgressListener bar = ConsoleProgress.create(quiet);
        List<LeadVectors.Vectors> rows = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<LeadVectors.Vectors> tierRows = new ArrayList<>();
        List<Tier[]> tierLabels = new ArrayList<>();
        List<Tier[]> truthTiers = new ArrayList<>();
        List<Tier[]> ruleTiers = new ArrayList<>();
        int members = 0;
        int parties = 0;
        try {
            for (int i = 0; i < shipments.size(); i++) {
                Path t = truth.get(i);
                GroundTruth g = GroundTruth.read(Files.isDirectory(t) ? t.resolve("truth_parties.csv") : t);
                AnalysisResult r = Analysis.run(shipments.get(i), ShipmentReader.Options.defaults(), g, options, bar);
                bar.begin("lead rows", -1);
                LeadVectors.Vectors v = LearnedLeads.vectors(r, spec, threads, bar);
                rows.add(v);
                boolean[] m = LearnedLeads.members(r, g);
                labels.add(m);
                if (!noTiers) {
                    tierRows.add(LearnedLeads.tierVectors(r, v));
                    tierLabels.add(LearnedLeads.placedTruthTiers(r, g));
                    truthTiers.add(g.tiers(r.partyGraph().ids()));
                    ruleTiers.add(r.tiers().tier());
                }
                bar.end();
                parties += m.length;
                for (boolean b : m) {
                    members += b ? 1 : 0;
                }
            }
            bar.begin("train", -1);
            List<String> names = new ArrayList<>();
            for (Path p : shipments) {
                names.add(p.getFileName().toString());
            }
            LeadModel model = LeadModel.train(rows, labels, alg, spec, seed, String.format(Locale.ROOT,
                    "%d file(s) (%s), %d parties, %d ring members, pipeline seed %d", shipments.size(),
                    String.join(" ", names), parties, members, seed));
            if (!noTiers) {
                try {
                    model = model.withTiers(tierRows, tierLabels, seed);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + " (--no-tiers trains the ring-member model only)");
                }
            }
            bar.end();
            model.save(out);
            bar.end();
            // fit on the training rows (optimistic: a model is judged on data it did not see, docs/leads.md)
            double auc = 0;
            double rp = 0;
            for (int i = 0; i < rows.size(); i++) {
                RankingMetrics m = RankingMetrics.of(model.score(rows.get(i), threads), labels.get(i));
                auc += m.auc() / rows.size();
                rp += m.rPrecision() / rows.size();
            }
            System.out.printf(Locale.ROOT, "trained %s on %,d parties (%,d ring members) from %d file(s), %d columns: %s%n",
                    alg.name().toLowerCase(Locale.ROOT), parties, members, shipments.size(), model.columnNames().size(), out);
            System.out.printf(Locale.ROOT, "on its training files: AUC %.3f, R-precision %.3f%n", auc, rp);
            if (!noTiers) {
                int compared = 0;
                int rightLearned = 0;
                int rightRule = 0;
                for (int i = 0; i < tierRows.size(); i++) {
                    Tier[] rule = ruleTiers.get(i);
                    boolean[] placed = new boolean[rule.length];
                    for (int p = 0; p < placed.length; p++) {
                        placed[p] = rule[p] != null;
                    }
                    TierClassifier.Accuracy learned = TierClassifier.accuracy(model.predictTiers(tierRows.get(i), placed),
                            truthTiers.get(i));
                    TierClassifier.Accuracy ruled = TierClassifier.accuracy(rule, truthTiers.get(i));
                    compared += learned.compared();
                    rightLearned += correct(learned);
                    rightRule += correct(ruled);
                }
                System.out.printf(Locale.ROOT, "tier accuracy on its training files over %,d placed ring members: "
                        + "learned %.3f, rule-based %.3f%n", compared, (double) rightLearned / compared,
                        (double) rightRule / compared);
            }
            return Cli.OK;
        } finally {
            bar.end();
        }
    }

    private static int correct(TierClassifier.Accuracy a) {
        int right = 0;
        for (int t = 0; t < a.confusion().length; t++) {
            right += a.confusion()[t][t];
        }
        return right;
    }

    /** Refuses to replace a file that is not a lead model. */
    private static void checkReplaceable(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a folder; give a file name");
        }
        if (Files.exists(out)) {
            byte[] head = new byte[LeadModel.MAGIC.length()];
            int n;
            try (InputStream in = Files.newInputStream(out)) {
                n = in.readNBytes(head, 0, head.length);
            }
            if (n < head.length || !new String(head, StandardCharsets.UTF_8).equals(LeadModel.MAGIC)) {
                throw new IllegalArgumentException("--out " + out + ": exists and is not a lead model; not replaced");
            }
        }
    }
}
