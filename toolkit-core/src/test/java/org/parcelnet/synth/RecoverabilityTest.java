package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.LocalMoveMode;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.roles.Tier;

/**
 * The default knobs must plant rings that a standard method recovers: Leiden communities on the
 * party graph (keyed by phone) against the truth rings, and tiers from flow position inside them.
 */
class RecoverabilityTest {

    @Test
    void defaultRingsAreRecoverableByLeidenAndFlowPosition(@TempDir Path dir) throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().shipments(50_000).rings(8).seed(3).build();
        new NetworkGenerator(cfg).writeTo(dir, false, 2);
        LabeledGraph g = Projections.partyGraph(ShipmentReader.read(dir.resolve("shipments.csv")).table());
        GroundTruth truth = GroundTruth.read(dir);
        CompactGraph d = g.graph();
        // One fixed Leiden run: the sequential move mode and seed 1, the run the thresholds below were
        // set on (over Leiden seeds 1-10 both move modes reach a mean best-match F1 of 0.95-0.96 here).
        int[] found = new Leiden(LeidenParams.builder().seed(1).moveMode(LocalMoveMode.SEQUENTIAL).build())
                .run(d.toUndirected()).partition().membership();
        PartitionComparison.Comparison c = PartitionComparison.compare(truth.ringLabels(g.ids()), found);
        assertTrue(c.meanF1() >= 0.9, "mean best-match F1 " + c.meanF1());

        // tiers from flow position among members of the same community
        int n = d.nodeCount();
        int[] in = new int[n];
        int[] out = new int[n];
        for (int v = 0; v < n; v++) {
            for (int e = d.outStart(v); e < d.outEnd(v); e++) {
                int w = d.target(e);
                if (w != v && found[w] == found[v]) {
                    out[v]++;
                    in[w]++;
                }
            }
        }
        Tier[] tiers = truth.tiers(g.ids());
        int right = 0;
        int total = 0;
        for (int v = 0; v < n; v++) {
            if (tiers[v] == null) {
                continue;
            }
            String guess;
            if (in[v] == 0) {
                guess = "source";
            } else if (out[v] == 0) {
                guess = "retailer";
            } else {
                boolean fedBySource = false;
                for (int e = d.inStart(v); e < d.inEnd(v); e++) {
                    int u = d.source(e);
                    fedBySource |= found[u] == found[v] && in[u] == 0 && out[u] > 0;
                }
                guess = fedBySource ? "transit" : "distributor";
            }
            total++;
            if (tiers[v].name().equalsIgnoreCase(guess)) {
                right++;
            }
        }
        assertTrue(total > 200, "ring parties " + total);
        assertTrue(right >= 0.8 * total, "tier accuracy " + (double) right / total);
    }
}
