package org.parcelnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parcelnet.eval.DifficultySweep;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.eval.RankingMetrics;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.learn.LeadModel;
import org.parcelnet.learn.LeadVectors;
import org.parcelnet.learn.LearnedLeads;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * Hand-weighted versus trained lead scoring across the difficulty sweep's regimes, and the table of
 * {@code docs/leads-learned.md}:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.LearnedLeadsReport
 * [shipments] [train seed] [test seed] [docs folder]} (defaults 50,000, 1, 2, {@code docs/}).
 *
 * <p>Training: generator seed {@code train seed} at the default point and at the third point of every
 * knob ({@link DifficultySweep.Knob#points()}[2]). Testing: generator seed {@code test seed} at every
 * point, so the second and fourth points of each knob are regimes the models never saw, and the others
 * are seen regimes on new data. Every model is a {@link LeadModel} trained on all training rows;
 * scores are over all parties of the test file (ring members positive). Every figure in the page comes
 * from this program.
 */
public final class LearnedLeadsReport {

    private LearnedLeadsReport() {
    }

    /**
     * One analysed file: its rows (with the embedding), labels, scorecard scores, the rule-based tier
     * accuracy, and for the tier model its rows, the true tiers of placed ring members (training labels),
     * which parties the pipeline placed, and every party's true tier.
     */
    record Point(DifficultySweep.Knob knob, double value, boolean heldOut, LeadVectors.Vectors rows, boolean[] member,
                 double[] scorecard, double tierAccuracy, LeadVectors.Vectors tierRows, Tier[] placedTruth,
                 boolean[] placed, Tier[] truthTier) {

        /** The tier accuracy of {@code model}'s tier model on this file's placed ring members. */
        double learnedTierAccuracy(LeadModel model) {
            return TierClassifier.accuracy(model.predictTiers(tierRows, placed), truthTier).accuracy();
        }
    }

    /** The variant that carries the tier model. */
    static final String TIER_VARIANT = "logistic + FastRP";

    /** The model variants compared. */
    record Variant(String label, LeadModel.Algorithm algorithm, boolean embedding) {
    }

    static final int DIMENSION = 16;
    static final List<Variant> VARIANTS = List.of(
            new Variant("logistic", LeadModel.Algorithm.LOGISTIC, false),
            new Variant("logistic + FastRP", LeadModel.Algorithm.LOGISTIC, true),
            new Variant("forest", LeadModel.Algorithm.FOREST, false),
            new Variant("forest + FastRP", LeadModel.Algorithm.FOREST, true));

    public static void main(String[] args) throws IOException {
        int shipments = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long trainSeed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long testSeed = args.length > 2 ? Long.parseLong(args[2]) : 2;
        Path docs = Path.of(args.length > 3 ? args[3] : "docs");
        GeneratorConfig base = GeneratorConfig.builder().shipments(shipments).rings(8).build();
        LeadVectors.EmbeddingSpec spec = LeadVectors.EmbeddingSpec.of(DIMENSION);
        Path work = Files.createTempDirectory("parcelnet-learned");
        long t0 = System.nanoTime();
        List<Point> train = new ArrayList<>();
        train.add(analyse(base.toBuilder().seed(trainSeed).build(), null, 0, false, spec, work));
        for (DifficultySweep.Knob k : DifficultySweep.Knob.values()) {
            double v = k.points()[Math.min(2, k.points().length - 1)];
            train.add(analyse(k.at(base.toBuilder().seed(trainSeed).build(), v), k, v, false, spec, work));
        }
        System.err.printf(Locale.ROOT, "training files analysed (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        Map<Variant, LeadModel> models = new LinkedHashMap<>();
        for (Variant variant : VARIANTS) {
            LeadVectors.EmbeddingSpec s = variant.embedding() ? spec : LeadVectors.EmbeddingSpec.NONE;
            List<LeadVectors.Vectors> rows = new ArrayList<>();
            List<boolean[]> labels = new ArrayList<>();
            for (Point p : train) {
                LeadVectors.Vectors v = variant.embedding() ? p.rows() : slice(p.rows());
                boolean[] m = p.member();
                if (variant.algorithm() == LeadModel.Algorithm.FOREST) {
                    // Tribuo's CART is slow on 200,000 rows: every member and a seeded tenth of the others
                    boolean[] keep = sample(m, 0.1, 42);
                    v = subset(v, keep);
                    m = subset(m, keep);
                }
                rows.add(v);
                labels.add(m);
            }
            LeadModel model = LeadModel.train(rows, labels, variant.algorithm(), s, 42, "generator seed " + trainSeed
                    + ", " + shipments + " shipments, 8 rings, default and third sweep point of every knob");
            if (variant.label().equals(TIER_VARIANT)) {
                List<LeadVectors.Vectors> tierRows = new ArrayList<>();
                List<Tier[]> tiers = new ArrayList<>();
                for (Point p : train) {
                    tierRows.add(p.tierRows());
                    tiers.add(p.placedTruth());
                }
                model = model.withTiers(tierRows, tiers, 42);
            }
            models.put(variant, model);
            System.err.printf(Locale.ROOT, "%s trained (%.0f s)%n", variant.label(), (System.nanoTime() - t0) / 1e9);
        }
        System.err.printf(Locale.ROOT, "models trained (%.0f s)%n", (System.nanoTime() - t0) / 1e9);
        List<String[]> table = new ArrayList<>();
        double[][] sums = new double[1 + VARIANTS.size()][2];
        double[][] heldSums = new double[1 + VARIANTS.size()][2];
        int heldOut = 0;
        int tests = 0;
        boolean[][] okAuc = new boolean[VARIANTS.size()][1];
        int[] worseAt = new int[VARIANTS.size()];
        LeadModel tierModel = models.values().stream().filter(LeadModel::hasTiers).findFirst().orElseThrow();
        double[] tierSums = new double[2];
        double[] heldTierSums = new double[2];
        for (DifficultySweep.Knob k : DifficultySweep.Knob.values()) {
            double[] pts = k.points();
            for (int i = 0; i < pts.length; i++) {
                boolean held = i == 1 || i == 3;
                Point p = analyse(k.at(base.toBuilder().seed(testSeed).build(), pts[i]), k, pts[i], held, spec, work);
                RankingMetrics hand = RankingMetrics.of(p.scorecard(), p.member());
                List<RankingMetrics> learned = new ArrayList<>();
                for (Variant variant : VARIANTS) {
                    LeadVectors.Vectors rows = variant.embedding() ? p.rows() : slice(p.rows());
                    learned.add(RankingMetrics.of(models.get(variant).score(rows, 2), p.member()));
                }
                List<RankingMetrics> all = new ArrayList<>();
                all.add(hand);
                all.addAll(learned);
                for (int m = 0; m < all.size(); m++) {
                    sums[m][0] += all.get(m).auc();
                    sums[m][1] += all.get(m).rPrecision();
                    if (held) {
                        heldSums[m][0] += all.get(m).auc();
                        heldSums[m][1] += all.get(m).rPrecision();
                    }
                }
                for (int m = 0; m < learned.size(); m++) {
                    if (held && (learned.get(m).auc() < hand.auc() || learned.get(m).rPrecision() < hand.rPrecision())) {
                        worseAt[m]++;
                    }
                }
                double learnedTier = p.learnedTierAccuracy(tierModel);
                tierSums[0] += p.tierAccuracy();
                tierSums[1] += learnedTier;
                if (held) {
                    heldTierSums[0] += p.tierAccuracy();
                    heldTierSums[1] += learnedTier;
                }
                tests++;
                heldOut += held ? 1 : 0;
                table.add(row(k, pts[i], held, p, all, learnedTier));
                System.err.printf(Locale.ROOT, "%s %s (%.0f s)%n", k.label(), label(k, pts[i]), (System.nanoTime() - t0) / 1e9);
            }
        }
        AtomicFiles.deleteTree(work);
        String page = page(shipments, trainSeed, testSeed, table, sums, heldSums, tests, heldOut, worseAt, models)
                + String.format(Locale.ROOT, "%nMean tier accuracy, pipeline / learned: %.3f / %.3f over all %d test points,"
                        + " %.3f / %.3f over the %d held-out points.%n", tierSums[0] / tests, tierSums[1] / tests, tests,
                        heldTierSums[0] / heldOut, heldTierSums[1] / heldOut, heldOut);
        System.out.print(page);
        AtomicFiles.writeString(docs.resolve("leads-learned.md"), page);
    }

    /** Every positive and a seeded share of the negatives. */
    static boolean[] sample(boolean[] member, double share, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        boolean[] keep = new boolean[member.length];
        for (int i = 0; i < member.length; i++) {
            keep[i] = member[i] || rnd.nextDouble() < share;
        }
        return keep;
    }

    static LeadVectors.Vectors subset(LeadVectors.Vectors v, boolean[] keep) {
        int c = v.names().size();
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] out = new double[n * c];
        int j = 0;
        for (int p = 0; p < v.rows(); p++) {
            if (keep[p]) {
                System.arraycopy(v.values(), p * c, out, j++ * c, c);
            }
        }
        return new LeadVectors.Vectors(v.names(), n, out);
    }

    static boolean[] subset(boolean[] m, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        boolean[] out = new boolean[n];
        int j = 0;
        for (int p = 0; p < m.length; p++) {
            if (keep[p]) {
                out[j++] = m[p];
            }
        }
        return out;
    }

    /** The rows without the embedding columns. */
    static LeadVectors.Vectors slice(LeadVectors.Vectors v) {
        int base = LeadVectors.BASE_NAMES.size();
        int c = v.names().size();
        double[] out = new double[v.rows() * base];
        for (int p = 0; p < v.rows(); p++) {
            System.arraycopy(v.values(), p * c, out, p * base, base);
        }
        return new LeadVectors.Vectors(LeadVectors.BASE_NAMES, v.rows(), out);
    }

    static Point analyse(GeneratorConfig cfg, DifficultySweep.Knob k, double v, boolean held,
                         LeadVectors.EmbeddingSpec spec, Path work) throws IOException {
        Path dir = work.resolve("run");
        AtomicFiles.deleteTree(dir);
        Files.createDirectories(dir);
        new NetworkGenerator(cfg).writeTo(dir, false, 1);
        ShipmentTable t = ShipmentReader.read(dir.resolve("shipments.csv")).table();
        GroundTruth truth = GroundTruth.read(dir);
        AnalysisResult r = Analysis.run(t, truth, AnalysisOptions.builder().seed(42).threads(2).build(),
                ProgressListener.NONE);
        LeadVectors.Vectors rows = LearnedLeads.vectors(r, spec, 2, ProgressListener.NONE);
        AtomicFiles.deleteTree(dir);
        Tier[] rule = r.tiers().tier();
        boolean[] placed = new boolean[rule.length];
        for (int p = 0; p < placed.length; p++) {
            placed[p] = rule[p] != null;
        }
        return new Point(k, v, held, rows, LearnedLeads.members(r, truth), r.leads().partyScores(),
                r.evaluation().orElseThrow().tiers().accuracy(), LearnedLeads.tierVectors(r, rows),
                LearnedLeads.placedTruthTiers(r, truth), placed, truth.tiers(r.partyGraph().ids()));
    }

    private static String[] row(DifficultySweep.Knob k, double v, boolean held, Point p, List<RankingMetrics> all,
                                double learnedTier) {
        List<String> cells = new ArrayList<>();
        cells.add(k.label());
        cells.add(label(k, v) + (held ? " (held out)" : ""));
        cells.add(String.valueOf(all.get(0).positives()));
        for (RankingMetrics m : all) {
            cells.add(String.format(Locale.ROOT, "%.3f / %.3f", m.auc(), m.rPrecision()));
        }
        cells.add(String.format(Locale.ROOT, "%.2f / %.2f", all.get(0).precisionAt(50), all.get(0).precisionAt(100)));
        RankingMetrics best = all.get(2);
        cells.add(String.format(Locale.ROOT, "%.2f / %.2f", best.precisionAt(50), best.precisionAt(100)));
        cells.add(String.format(Locale.ROOT, "%.3f", p.tierAccuracy()));
        cells.add(String.format(Locale.ROOT, "%.3f", learnedTier));
        return cells.toArray(new String[0]);
    }

    private static String page(int shipments, long trainSeed, long testSeed, List<String[]> table, double[][] sums,
                               double[][] heldSums, int tests, int heldOut, int[] worseAt, Map<Variant, LeadModel> models) {
        StringBuilder b = new StringBuilder();
        b.append("# Trained lead scoring across regimes\n\n");
        b.append("Generated by `org.parcelnet.bench.LearnedLeadsReport` (benchmarks module); do not edit by hand.\n");
        b.append(String.format(Locale.ROOT, """
                Data: `NetworkGenerator`, %,d shipments, 8 rings. Models trained on generator seed %d at the default
                point and at the third point of every knob of the difficulty sweep (docs/sweep.md); tested on
                generator seed %d at every point, so each knob's second and fourth points are regimes no model saw
                ("held out") and the rest are seen regimes on new data. Pipeline seeded with 42. Scores are over
                all parties of the test file, the planted ring members being the positives.

                - **AUC / R-P**: ring-member AUC and R-precision (precision at R, R the number of ring members:
                  column R) of the hand-weighted scorecard (`LeadScorer`, default weights) and of each
                  `LeadModel`: logistic regression or a random forest, on the scorecard's nine columns alone or
                  with a %d-dimensional FastRP embedding of the party graph (feature-initialised, docs/leads.md).
                  Logistic regression is trained on every party of the training files, the forests on every
                  ring member and a seeded tenth of the other parties (Tribuo's trees are slow on all rows).
                - **p@50 / p@100**: precision of the top 50 and 100 parties, scorecard and logistic + FastRP.
                - **tier acc.**: tier accuracy over the true ring members the pipeline placed in a tier: the
                  pipeline's `TierClassifier` (flow rules, then depth below the ring's sources), and the tier model of the logistic + FastRP file
                  (multinomial logistic regression on its columns plus the classifier's sent/received/home
                  features, trained on the placed ring members of the training files, docs/leads.md).

                """, shipments, trainSeed, testSeed, DIMENSION));
        b.append("| knob | value | R | scorecard AUC / R-P |");
        for (Variant v : VARIANTS) {
            b.append(' ').append(v.label()).append(" |");
        }
        b.append(" scorecard p@50 / p@100 | logistic + FastRP p@50 / p@100 | tier acc. pipeline | tier acc. learned |\n|");
        b.append("---|".repeat(4 + VARIANTS.size() + 4)).append('\n');
        for (String[] r : table) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "%nMeans (AUC / R-precision) over all %d test points and over the %d held-out"
                + " points:%n%n| scorer | all points | held out | held-out points where AUC or R-P is below the scorecard's |%n"
                + "|---|---|---|---|%n", tests, heldOut));
        b.append(String.format(Locale.ROOT, "| scorecard | %.3f / %.3f | %.3f / %.3f | |%n", sums[0][0] / tests,
                sums[0][1] / tests, heldSums[0][0] / heldOut, heldSums[0][1] / heldOut));
        for (int m = 0; m < VARIANTS.size(); m++) {
            b.append(String.format(Locale.ROOT, "| %s | %.3f / %.3f | %.3f / %.3f | %d of %d |%n", VARIANTS.get(m).label(),
                    sums[m + 1][0] / tests, sums[m + 1][1] / tests, heldSums[m + 1][0] / heldOut,
                    heldSums[m + 1][1] / heldOut, worseAt[m], heldOut));
        }
        return b.toString();
    }

    private static String label(DifficultySweep.Knob k, double v) {
        if (k == null) {
            return "default";
        }
        return switch (k) {
            case NO_FLAGGED_COLUMN -> v == 0 ? "present" : "absent";
            case MISSING_COLUMNS -> v == 0 ? "none" : v == 1 ? "weight, goods" : "+ names, addresses";
            default -> {
                String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
                yield s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            }
        };
    }
}
