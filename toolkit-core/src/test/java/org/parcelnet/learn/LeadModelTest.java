package org.parcelnet.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.eval.RankingMetrics;
import org.parcelnet.io.InputException;

class LeadModelTest {

    @TempDir
    Path dir;

    /**
     * Rows of the nine base columns, uniform in [0, 1]; a row is a member when two-carton share plus
     * border share exceeds 1.5 (about 12.5% of rows): a linear rule both algorithms can learn.
     */
    static LeadVectors.Vectors rows(int n, long seed, boolean[] member) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int c = LeadVectors.BASE_NAMES.size();
        double[] v = new double[n * c];
        for (int p = 0; p < n; p++) {
            for (int k = 0; k < c; k++) {
                v[p * c + k] = rnd.nextDouble();
            }
            member[p] = v[p * c + 1] + v[p * c + 2] > 1.5;
        }
        return new LeadVectors.Vectors(LeadVectors.BASE_NAMES, n, v);
    }

    static LeadModel trained(LeadModel.Algorithm a) {
        boolean[] m = new boolean[2000];
        return LeadModel.train(List.of(rows(2000, 1, m)), List.of(m), a, LeadVectors.EmbeddingSpec.NONE, 7, "test rows");
    }

    @Test
    void learnsALinearRuleAndRanksUnseenRows() {
        for (LeadModel.Algorithm a : LeadModel.Algorithm.values()) {
            LeadModel model = trained(a);
            boolean[] m = new boolean[2000];
            LeadVectors.Vectors test = rows(2000, 2, m);
            RankingMetrics r = RankingMetrics.of(model.score(test, 1), m);
            // the rule is exact and the classes overlap nowhere: a fitted model ranks almost perfectly
            assertTrue(r.auc() > 0.97, a + " AUC " + r.auc());
            assertTrue(r.rPrecision() > 0.85, a + " R-precision " + r.rPrecision());
        }
    }

    @Test
    void savedModelScoresTheSameAfterLoadingAndCarriesProvenance() throws IOException {
        LeadModel model = trained(LeadModel.Algorithm.LOGISTIC);
        Path f = dir.resolve("m.pnm");
        model.save(f);
        LeadModel back = LeadModel.load(f);
        boolean[] m = new boolean[500];
        LeadVectors.Vectors test = rows(500, 3, m);
        assertArrayEquals(model.score(test, 1), back.score(test, 1));
        assertArrayEquals(model.score(test, 1), back.score(test, 3));
        // the logistic model's own evaluation against Tribuo's prediction
        assertArrayEquals(model.scoreWithTribuo(test, 1), model.score(test, 1), 1e-12);
        assertArrayEquals(back.scoreWithTribuo(test, 2), back.score(test, 1), 1e-12);
        assertEquals("test rows", back.trainedOn());
        assertEquals(LeadModel.Algorithm.LOGISTIC, back.algorithm());
        assertTrue(back.provenance().contains("LinearSGDTrainer"), back.provenance());
        assertTrue(back.provenance().contains("test rows"));
    }

    @Test
    void sameRowsAndSeedGiveTheSameModel() {
        boolean[] m = new boolean[500];
        LeadVectors.Vectors test = rows(500, 3, m);
        boolean[] tm = new boolean[1000];
        LeadVectors.Vectors train = rows(1000, 4, tm);
        for (LeadModel.Algorithm a : LeadModel.Algorithm.values()) {
            LeadModel one = LeadModel.train(List.of(train), List.of(tm), a, LeadVectors.EmbeddingSpec.NONE, 7, "x");
            LeadModel two = LeadModel.train(List.of(train), List.of(tm), a, LeadVectors.EmbeddingSpec.NONE, 7, "x");
            assertArrayEquals(one.score(test, 1), two.score(test, 2), a.name());
        }
    }

    private Path saved() throws IOException {
        Path f = dir.resolve("good.pnm");
        trained(LeadModel.Algorithm.LOGISTIC).save(f);
        return f;
    }

    /** The header lines and the payload of a model file. */
    private static Object[] split(byte[] all) {
        int i = 0;
        while (!(all[i] == '\n' && all[i + 1] == '\n')) {
            i++;
        }
        return new Object[] {new String(all, 0, i + 1, StandardCharsets.UTF_8), Arrays.copyOfRange(all, i + 2, all.length)};
    }

    private static byte[] join(String header, byte[] payload) {
        byte[] h = (header + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(h, h.length + payload.length);
        System.arraycopy(payload, 0, out, h.length, payload.length);
        return out;
    }

    private String refusal(byte[] content) throws IOException {
        Path f = dir.resolve("bad.pnm");
        Files.write(f, content);
        InputException e = assertThrows(InputException.class, () -> LeadModel.load(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ":"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        return e.getMessage();
    }

    @Test
    void refusesFilesThatAreNotModelsOfThisVersionOrAreDamaged() throws IOException {
        byte[] good = Files.readAllBytes(saved());
        Object[] parts = split(good);
        String header = (String) parts[0];
        byte[] payload = (byte[]) parts[1];

        assertTrue(refusal("party,ring\n1,2\n".getBytes(StandardCharsets.UTF_8)).endsWith(":1: not a ParcelNet lead model"));
        assertTrue(refusal(new byte[0]).contains("not a ParcelNet lead model"));

        String other = header.replace(LeadModel.MAGIC + " 2\n", LeadModel.MAGIC + " 3\n");
        assertTrue(refusal(join(other, payload)).contains(":1: model format 3, this version reads formats 1 to 2"));

        String columns = header.replace(",scorecard", ",score_v0");
        assertTrue(refusal(join(columns, payload)).contains("trained on other columns than this version computes "
                + "(column 9 is 'score_v0', expected 'scorecard')"));

        // a header that promises an embedding the columns do not have
        String embedded = header.replace("embedding dimension=0", "embedding dimension=4");
        assertTrue(refusal(join(embedded, payload)).contains("trained on other columns"));

        assertTrue(refusal(Arrays.copyOf(good, good.length - 10)).contains("truncated or damaged"));
        assertTrue(refusal(Arrays.copyOf(good, header.length() - 5)).contains("header not terminated"));

        byte[] flipped = good.clone();
        flipped[flipped.length - 20] ^= 0x40;
        assertTrue(refusal(flipped).contains("checksum does not match"));

        // a payload with a matching checksum that is not a Tribuo model
        byte[] junk = new byte[payload.length];
        new SplittableRandom(1).nextBytes(junk);
        CRC32 crc = new CRC32();
        crc.update(junk);
        String rewritten = header.replaceAll("payload (\\d+) [0-9a-f]+", "payload " + junk.length + " "
                + String.format("%08x", crc.getValue()));
        assertTrue(refusal(join(rewritten, junk)).contains("payload is not a readable Tribuo model"));
    }

    @Test
    void rejectsRowsWithOtherColumns() {
        LeadModel model = trained(LeadModel.Algorithm.LOGISTIC);
        LeadVectors.Vectors wrong = new LeadVectors.Vectors(List.of("a"), 1, new double[1]);
        assertThrows(IllegalArgumentException.class, () -> model.score(wrong, 1));
        assertThrows(IllegalArgumentException.class, () -> LeadModel.train(List.of(rows(10, 1, new boolean[10])),
                List.of(new boolean[10]), LeadModel.Algorithm.LOGISTIC, LeadVectors.EmbeddingSpec.NONE, 1, "no members"));
    }
}
