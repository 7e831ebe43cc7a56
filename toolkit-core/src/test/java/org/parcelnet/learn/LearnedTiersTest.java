package org.parcelnet.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/** The tier model end to end on generated data: trained on one generator seed, applied to another. */
class LearnedTiersTest {

    @TempDir
    Path dir;

    record Run(AnalysisResult result, GroundTruth truth) {
    }

    private Run run(long seed) throws IOException {
        Path d = dir.resolve("seed" + seed);
        Files.createDirectories(d);
        new NetworkGenerator(GeneratorConfig.builder().shipments(20_000).rings(8).seed(seed).build()).writeTo(d, false, 1);
        GroundTruth truth = GroundTruth.read(d);
        AnalysisResult r = Analysis.run(ShipmentReader.read(d.resolve("shipments.csv")).table(), truth,
                AnalysisOptions.builder().seed(42).threads(2).build(), ProgressListener.NONE);
        return new Run(r, truth);
    }

    @Test
    void learnedTiersReplacePlacedTiersAndTheirAccuracyIsRecomputed() throws IOException {
        Run train = run(1);
        LeadVectors.EmbeddingSpec spec = LeadVectors.EmbeddingSpec.NONE;
        LeadVectors.Vectors trainRows = LearnedLeads.vectors(train.result(), spec, 2, ProgressListener.NONE);
        Tier[] labels = LearnedLeads.placedTruthTiers(train.result(), train.truth());
        Tier[] truthTrain = train.truth().tiers(train.result().partyGraph().ids());
        Tier[] placedTrain = train.result().tiers().tier();
        for (int p = 0; p < labels.length; p++) {
            // labelled exactly when a true ring member was placed, with its true tier
            assertEquals(truthTrain[p] != null && placedTrain[p] != null ? truthTrain[p] : null, labels[p]);
        }
        LeadModel model = LeadModel.train(List.of(trainRows), List.of(LearnedLeads.members(train.result(), train.truth())),
                LeadModel.Algorithm.LOGISTIC, spec, 7, "generator seed 1")
                .withTiers(List.of(LearnedLeads.tierVectors(train.result(), trainRows)), List.<Tier[]>of(labels), 7);
        Path f = dir.resolve("m.pnm");
        model.save(f);
        LeadModel back = LeadModel.load(f);

        Run test = run(2);
        AnalysisResult rule = test.result();
        AnalysisResult learned = LearnedLeads.apply(rule, back, test.truth(), 2, ProgressListener.NONE);
        AnalysisResult fromMemory = LearnedLeads.apply(rule, model, test.truth(), 2, ProgressListener.NONE);
        assertArrayEquals(fromMemory.tiers().tier(), learned.tiers().tier(), "the model round-trips through the file");
        // the pipeline's stages, then the model's own
        List<String> stages = List.copyOf(learned.times().stages().keySet());
        assertEquals(List.copyOf(rule.times().stages().keySet()), stages.subList(0, stages.size() - 1));
        assertEquals("lead model", stages.get(stages.size() - 1));
        assertTrue(learned.times().stages().get("lead model") >= 0);

        Tier[] ruleTier = rule.tiers().tier();
        Tier[] learnedTier = learned.tiers().tier();
        for (int p = 0; p < ruleTier.length; p++) {
            // the same parties placed, nothing else
            assertEquals(ruleTier[p] == null, learnedTier[p] == null);
        }
        assertArrayEquals(rule.tiers().sent(), learned.tiers().sent());
        // the reported accuracy is recomputed independently from the confusion of truth and learned tiers
        Tier[] truthTier = test.truth().tiers(rule.partyGraph().ids());
        int compared = 0;
        int right = 0;
        for (int p = 0; p < truthTier.length; p++) {
            if (truthTier[p] != null && learnedTier[p] != null) {
                compared++;
                right += truthTier[p] == learnedTier[p] ? 1 : 0;
            }
        }
        TierClassifier.Accuracy acc = learned.evaluation().orElseThrow().tiers();
        TierClassifier.Accuracy ruleAcc = rule.evaluation().orElseThrow().tiers();
        assertTrue(compared > 0);
        assertEquals(compared, acc.compared());
        assertEquals(ruleAcc.compared(), acc.compared(), "the same placed ring members are compared");
        assertEquals((double) right / compared, acc.accuracy(), 1e-12);
        assertTrue(acc.accuracy() >= 0 && acc.accuracy() <= 1);
        int confusionTotal = 0;
        int diagonal = 0;
        for (int t = 0; t < acc.confusion().length; t++) {
            for (int q = 0; q < acc.confusion()[t].length; q++) {
                confusionTotal += acc.confusion()[t][q];
                diagonal += t == q ? acc.confusion()[t][q] : 0;
            }
        }
        assertEquals(compared, confusionTotal);
        assertEquals(right, diagonal);
        System.out.printf("tier accuracy on generator seed 2 (20,000 shipments): rule-based %.3f, learned %.3f over %d"
                + " placed ring members%n", ruleAcc.accuracy(), acc.accuracy(), compared);

        // without a tier model, apply keeps the rule-based tiers and accuracy
        LeadModel plain = LeadModel.load(saveMembershipOnly(train, trainRows, spec));
        AnalysisResult same = LearnedLeads.apply(rule, plain, test.truth(), 2, ProgressListener.NONE);
        assertArrayEquals(ruleTier, same.tiers().tier());
        assertEquals(ruleAcc.accuracy(), same.evaluation().orElseThrow().tiers().accuracy());
        assertNotNull(same.leads());
    }

    private Path saveMembershipOnly(Run train, LeadVectors.Vectors rows, LeadVectors.EmbeddingSpec spec) throws IOException {
        Path f = dir.resolve("plain.pnm");
        LeadModel.train(List.of(rows), List.of(LearnedLeads.members(train.result(), train.truth())),
                LeadModel.Algorithm.LOGISTIC, spec, 7, "generator seed 1").save(f);
        return f;
    }
}
