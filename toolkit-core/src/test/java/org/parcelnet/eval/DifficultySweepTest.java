package org.parcelnet.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.synth.GeneratorConfig;

/**
 * The small sweep: the goals at default difficulty (ring F1 ≥ 0.95 and not below plain Louvain,
 * linking pair precision ≥ 0.9 and recall ≥ 0.8, lead precision@50 ≥ 0.95), and the pipeline's
 * advantage where plain community detection fails (customer leakage), on a generator seed the
 * rules were not developed on.
 */
class DifficultySweepTest {

    private static final GeneratorConfig BASE = GeneratorConfig.builder().shipments(50_000).rings(8).seed(4).build();

    @Test
    void goalsHoldAtDefaultDifficulty(@TempDir Path dir) throws IOException {
        DifficultySweep.Scores s = DifficultySweep.evaluate(BASE, dir);
        assertEquals(CaseNetworks.CaseMode.FLAGGED, s.caseMode());
        assertTrue(s.ringF1() >= 0.95, "ring F1 " + s);
        assertTrue(s.ringF1() >= s.louvainF1(), "below Louvain " + s);
        assertTrue(s.linkPrecision() >= 0.9 && s.linkRecall() >= 0.8, "linking " + s);
        assertTrue(s.leadPrecision50() >= 0.95, "leads " + s);
    }

    @Test
    void customersAreNotCountedAsMembers(@TempDir Path dir) throws IOException {
        DifficultySweep.Scores s = DifficultySweep.evaluate(DifficultySweep.Knob.CUSTOMER_LEAKAGE.at(BASE, 1), dir);
        // the buyers join their distributors' communities: plain Louvain's F1 collapses, members hold
        assertTrue(s.louvainF1() < 0.6, "Louvain " + s);
        assertTrue(s.ringF1() >= 0.9, "ring F1 " + s);
        assertTrue(s.customers() > 100, "customers " + s);
    }
}
