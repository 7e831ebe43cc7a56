package org.parcelnet.learn;

import org.parcelnet.eval.Evaluation;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;

/**
 * Glue between a finished {@link Analysis} and a {@link LeadModel}: the rows of its parties, their
 * truth labels, and leads ranked by a model.
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
     * The run with its party leads re-ranked by {@code model} ({@link #rank}); when the run was evaluated,
     * its lead precision is recomputed for the new leads against {@code truth} (the truth the run was
     * evaluated against, with party ids as the run saw them).
     */
    public static AnalysisResult apply(AnalysisResult r, LeadModel model, GroundTruth truth, int threads,
                                       ProgressListener progress) {
        LeadResult leads = rank(r, model, r.options().leadCount(), threads, progress);
        java.util.Optional<Evaluation> evaluation = r.evaluation();
        if (evaluation.isPresent() && truth != null) {
            Evaluation e = evaluation.get();
            int[] truthRing = truth.ringLabels(r.partyGraph().ids());
            java.util.Map<Integer, Double> precision = new java.util.LinkedHashMap<>();
            for (int k : Evaluation.PRECISION_AT) {
                precision.put(k, Evaluation.precisionAt(k, leads.parties(), truthRing));
            }
            evaluation = java.util.Optional.of(new Evaluation(e.truthRings(), e.truthRingParties(), e.ringsFound(), e.ring(),
                    e.communityOnRingParties(), e.tiers(), precision, e.interdiction()));
        }
        return new AnalysisResult(r.options(), r.shipments(), r.read(), r.links(), r.parties(), r.partyGraph(),
                r.communities(), r.chains(), r.rings(), r.members(), r.tiers(), r.betweenness(), r.interdiction(),
                r.disruption(), leads, r.regions(), r.volume(), evaluation, r.times());
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

    /**
     * The run's leads re-ranked by the model ({@link LeadScorer#rankBy}: party scores and order from the
     * model, reasons and ring order from the scorecard), {@code topK} party leads.
     */
    public static LeadResult rank(AnalysisResult r, LeadModel model, int topK, int threads, ProgressListener progress) {
        LeadFeatures f = Analysis.leadFeatures(r);
        LeadVectors.Vectors v = LeadVectors.of(f, model.embedding().dimension() == 0 ? null
                : r.partyGraph().graph().toUndirected(), model.embedding(), threads, progress);
        double[] score = model.score(v, threads);
        return new LeadScorer(r.options().leadWeights()).rankBy(f, score, topK);
    }
}
