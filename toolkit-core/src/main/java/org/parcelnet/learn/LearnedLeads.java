package org.parcelnet.learn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.parcelnet.eval.Evaluation;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

/**
 * Glue between a finished {@link Analysis} and a {@link LeadModel}: the rows of its parties, their
 * truth labels, leads ranked by a model and, when the model has one, tiers from its tier model.
 */
public final class LearnedLeads {

    private LearnedLeads() {
    }

    /** The rows of the run's parties for {@code spec} (FastRP on the undirected party graph). */
    public static LeadVectors.Vectors vectors(AnalysisResult r, LeadVectors.EmbeddingSpec spec, int threads,
                                              ProgressListener progress) {
        LeadFeatures f = Analysis.leadFeatures(r);
        return LeadVectors.of(f, spec.dimension() == 0 ? null : r.partyGraph().graph().toUndirected(), spec, threads,
                progress);
    }

    /**
     * The run with its party leads re-ranked by {@code model} ({@link LeadScorer#rankBy}: party scores and
     * order from the model, reasons and ring order from the scorecard) and, when the model has a
     * tier model, the tiers of its placed parties replaced by the model's ({@link #learnedTiers}); when
     * the run was evaluated, its lead precision (and tier accuracy) is recomputed against {@code truth}
     * (the truth the run was evaluated against, with party ids as the run saw them). The interdiction
     * plan and the rest of the run are kept as the pipeline computed them; the stage times gain a
     * {@code lead model} entry, the seconds this took.
     */
    public static AnalysisResult apply(AnalysisResult r, LeadModel model, GroundTruth truth, int threads,
                                       ProgressListener progress) {
        long started = System.nanoTime();
        LeadFeatures f;
        CompactGraph undirected = null;
        if (model.embedding().dimension() == 0) {
            f = Analysis.leadFeatures(r);
        } else {
            // the undirected copy of the party graph is built beside the features' pass over the shipments
            try (WorkerPool beside = WorkerPool.beside("lead-model-graph")) {
                WorkerPool.Pending<CompactGraph> graph = beside.submit(() -> r.partyGraph().graph().toUndirected());
                f = Analysis.leadFeatures(r);
                undirected = graph.get();
            } catch (java.io.InterruptedIOException e) {
                throw new CancelledException();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // toUndirected does no I/O
            }
        }
        LeadVectors.Vectors v = LeadVectors.of(f, undirected, model.embedding(), threads, progress);
        LeadResult leads = new LeadScorer(r.options().leadWeights()).rankBy(f, model.score(v, threads),
                r.options().leadCount(), r.stations());
        TierClassifier.Result tiers = model.hasTiers() ? learnedTiers(r, model, v) : r.tiers();
        java.util.Optional<Evaluation> evaluation = r.evaluation();
        if (evaluation.isPresent() && truth != null) {
            Evaluation e = evaluation.get();
            int[] truthRing = truth.ringLabels(r.partyGraph().ids());
            java.util.Map<Integer, Double> precision = new java.util.LinkedHashMap<>();
            for (int k : Evaluation.PRECISION_AT) {
                precision.put(k, Evaluation.precisionAt(k, leads.parties(), truthRing));
            }
            TierClassifier.Accuracy tierAccuracy = model.hasTiers()
                    ? TierClassifier.accuracy(tiers.tier(), truth.tiers(r.partyGraph().ids())) : e.tiers();
            evaluation = java.util.Optional.of(new Evaluation(e.truthRings(), e.truthRingParties(), e.ringsFound(), e.ring(),
                    e.communityOnRingParties(), tierAccuracy, precision, e.interdiction()));
        }
        java.util.Map<String, Double> stages = new java.util.LinkedHashMap<>(r.times().stages());
        stages.put("lead model", (System.nanoTime() - started) / 1e9);
        AnalysisResult.StageTimes times = new AnalysisResult.StageTimes(stages, r.times().linking(),
                r.times().betweennessRun());
        return new AnalysisResult(r.options(), r.shipments(), r.read(), r.links(), r.parties(), r.partyGraph(),
                r.communities(), r.chains(), r.rings(), r.members(), tiers, r.betweenness(), r.interdiction(),
                r.disruption(), leads, r.regions(), r.volume(), r.stations(), evaluation, times);
    }

    /**
     * The run's tiers with every placed party's tier (non-null in {@link AnalysisResult#tiers()})
     * replaced by the model's tier model's prediction; the same parties stay placed, and the
     * sent/received/home features are the rule-based classifier's.
     *
     * @param leadRows the run's lead rows for the model's embedding
     */
    public static TierClassifier.Result learnedTiers(AnalysisResult r, LeadModel model, LeadVectors.Vectors leadRows) {
        TierClassifier.Result rule = r.tiers();
        Tier[] ruleTier = rule.tier();
        int count = 0;
        for (Tier x : ruleTier) {
            count += x != null ? 1 : 0;
        }
        int[] placed = new int[count];
        for (int p = 0, i = 0; p < ruleTier.length; p++) {
            if (ruleTier[p] != null) {
                placed[i++] = p;
            }
        }
        boolean[] every = new boolean[count];
        Arrays.fill(every, true);
        Tier[] predicted = model.predictTiers(LeadVectors.withTierFeatures(leadRows, rule, placed), every);
        Tier[] learned = new Tier[ruleTier.length];
        for (int i = 0; i < count; i++) {
            learned[placed[i]] = predicted[i];
        }
        return new TierClassifier.Result(learned, rule.sent(), rule.received(), rule.home());
    }

    /** The tier model's rows of the run: its lead rows with the rule-based classifier's features. */
    public static LeadVectors.Vectors tierVectors(AnalysisResult r, LeadVectors.Vectors leadRows) {
        return LeadVectors.withTierFeatures(leadRows, r.tiers());
    }

    /**
     * The tier-model training labels of the run: the true tier of every party that is a true ring member
     * and that the pipeline placed in a tier, null for all others.
     */
    public static Tier[] placedTruthTiers(AnalysisResult r, GroundTruth truth) {
        Tier[] t = truth.tiers(r.partyGraph().ids());
        Tier[] placed = r.tiers().tier();
        Tier[] out = new Tier[t.length];
        for (int p = 0; p < t.length; p++) {
            out[p] = placed[p] == null ? null : t[p];
        }
        return out;
    }

    /** Whether each party of the run is a member of a true ring. */
    public static boolean[] members(AnalysisResult r, GroundTruth truth) {
        int[] ring = truth.ringLabels(r.partyGraph().ids());
        boolean[] out = new boolean[ring.length];
        for (int v = 0; v < ring.length; v++) {
            out[v] = ring[v] >= 0;
        }
        return out;
    }

    /** The model's score of every party of the run. */
    public static double[] scores(AnalysisResult r, LeadModel model, int threads, ProgressListener progress) {
        return model.score(vectors(r, model.embedding(), threads, progress), threads);
    }
}
