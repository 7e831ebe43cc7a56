package org.parcelnet.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.InputException;
import org.parcelnet.roles.Tier;

class LeadTierModelTest {

    @TempDir
    Path dir;

    static final List<String> NAMES = LeadVectors.tierNames(LeadVectors.EmbeddingSpec.NONE);
    static final int BASE = LeadVectors.BASE_NAMES.size();

    /**
     * Tier rows with uniform base columns, a random home class and a sent share in [0, 1]; the tier is a
     * rule on them: sent share below 0.3 → retailer, else by home class entry → source, transit → transit,
     * destination → distributor (a rule a linear multi-class model can represent).
     */
    static LeadVectors.Vectors rows(int n, long seed, Tier[] tier) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int c = NAMES.size();
        double[] v = new double[n * c];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < c; k++) {
                v[p * c + k] = k < BASE + 3 ? rnd.nextDouble() : 0;
            }
            int home = rnd.nextInt(3);
            v[p * c + BASE + 3 + home] = 1;
            double share = v[p * c + BASE + 2];
            tier[p] = share < 0.3 ? Tier.RETAILER : home == 0 ? Tier.SOURCE : home == 1 ? Tier.TRANSIT : Tier.DISTRIBUTOR;
        }
        return new LeadVectors.Vectors(NAMES, n, v);
    }

    static LeadModel withTiers() {
        LeadModel base = LeadModelTest.trained(LeadModel.Algorithm.LOGISTIC);
        Tier[] t = new Tier[3000];
        LeadVectors.Vectors r = rows(3000, 11, t);
        t[0] = null; // a row left out of training
        return base.withTiers(List.of(r), List.<Tier[]>of(t), 5);
    }

    @Test
    void learnsATierRuleAndPredictsOnlySelectedRows() {
        LeadModel model = withTiers();
        assertTrue(model.hasTiers());
        assertEquals(NAMES, model.tierColumnNames());
        Tier[] truth = new Tier[1000];
        LeadVectors.Vectors test = rows(1000, 12, truth);
        boolean[] which = new boolean[1000];
        Arrays.fill(which, true);
        which[7] = false;
        Tier[] got = model.predictTiers(test, which);
        assertNull(got[7]);
        int right = 0;
        for (int p = 0; p < 1000; p++) {
            right += got[p] == truth[p] ? 1 : 0;
        }
        assertTrue(right >= 900, "right " + right + " of 999");
        assertThrows(IllegalStateException.class,
                () -> LeadModelTest.trained(LeadModel.Algorithm.LOGISTIC).predictTiers(test, which));
    }

    @Test
    void weightsOfTheSavedTierModelGiveTribuosProbabilitiesAndTiers() throws IOException {
        Path f = dir.resolve("w.pnm");
        withTiers().save(f);
        LeadModel back = LeadModel.load(f);
        Tier[] truth = new Tier[2000];
        LeadVectors.Vectors test = rows(2000, 14, truth);
        double[][] direct = back.tierProbabilities(test);
        double[][] tribuo = back.tierProbabilitiesWithTribuo(test);
        for (int p = 0; p < direct.length; p++) {
            // the same dot products and softmax, summed in another order: equal to rounding
            assertArrayEquals(tribuo[p], direct[p], 1e-9, "row " + p);
            double total = 0;
            for (double x : direct[p]) {
                total += x;
            }
            assertEquals(1.0, total, 1e-12);
        }
        boolean[] which = new boolean[2000];
        for (int p = 0; p < which.length; p++) {
            which[p] = p % 3 != 0;
        }
        assertArrayEquals(back.predictTiersWithTribuo(test, which), back.predictTiers(test, which));
    }

    @Test
    void tierModelRoundTripsThroughTheFile() throws IOException {
        LeadModel model = withTiers();
        Path f = dir.resolve("t.pnm");
        model.save(f);
        String header = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith(LeadModel.MAGIC + " 2\n"));
        assertTrue(header.contains("\ntier-columns " + String.join(",", NAMES) + "\n"));
        LeadModel back = LeadModel.load(f);
        assertTrue(back.hasTiers());
        Tier[] truth = new Tier[400];
        LeadVectors.Vectors test = rows(400, 13, truth);
        boolean[] all = new boolean[400];
        Arrays.fill(all, true);
        assertArrayEquals(model.predictTiers(test, all), back.predictTiers(test, all));
        boolean[] m = new boolean[300];
        LeadVectors.Vectors lead = LeadModelTest.rows(300, 3, m);
        assertArrayEquals(model.score(lead, 1), back.score(lead, 1));
        // a membership-only model, and the same written as format 1, load without a tier model
        Path plain = dir.resolve("p.pnm");
        LeadModelTest.trained(LeadModel.Algorithm.LOGISTIC).save(plain);
        assertFalse(LeadModel.load(plain).hasTiers());
        byte[] old = Files.readAllBytes(plain);
        old[LeadModel.MAGIC.length() + 1] = '1';
        Files.write(plain, old);
        assertFalse(LeadModel.load(plain).hasTiers());
    }

    private String refusal(byte[] content) throws IOException {
        Path f = dir.resolve("bad.pnm");
        Files.write(f, content);
        InputException e = assertThrows(InputException.class, () -> LeadModel.load(f));
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }

    @Test
    void refusesDamagedTierSections() throws IOException {
        Path f = dir.resolve("t.pnm");
        withTiers().save(f);
        byte[] good = Files.readAllBytes(f);
        byte[] flipped = good.clone();
        flipped[flipped.length - 3] ^= 0x40;
        assertTrue(refusal(flipped).contains("tier payload checksum does not match"), refusal(flipped));
        assertTrue(refusal(Arrays.copyOf(good, good.length - 1)).contains("truncated or damaged"));
        String text = new String(good, StandardCharsets.ISO_8859_1);
        byte[] old = text.replaceFirst(LeadModel.MAGIC + " 2", LeadModel.MAGIC + " 1").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(refusal(old).contains("a tier section in a format 1 file"));
        byte[] cols = text.replaceFirst(",home-destination\n", ",home-elsewhere\n").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(refusal(cols).contains("tier model trained on other columns"), refusal(cols));
    }

    @Test
    void needsTwoTiersAndTheTierColumns() {
        LeadModel base = LeadModelTest.trained(LeadModel.Algorithm.LOGISTIC);
        Tier[] t = new Tier[50];
        LeadVectors.Vectors r = rows(50, 1, t);
        Arrays.fill(t, Tier.RETAILER);
        assertThrows(IllegalArgumentException.class, () -> base.withTiers(List.of(r), List.<Tier[]>of(t), 1));
        boolean[] m = new boolean[50];
        assertThrows(IllegalArgumentException.class,
                () -> base.withTiers(List.of(LeadModelTest.rows(50, 1, m)), List.<Tier[]>of(t), 1));
    }
}
