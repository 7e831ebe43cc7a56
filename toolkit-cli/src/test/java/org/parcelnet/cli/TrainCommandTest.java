package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.learn.LeadModel;

class TrainCommandTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainOnAGeneratedFile() {
        for (int seed : new int[] {1, 2}) {
            CliTestSupport.Run g = CliTestSupport.run("generate", "--shipments", "6000", "--rings", "3", "--seed",
                    String.valueOf(seed), "--out", dir.resolve("gen" + seed).toString());
            assertEquals(0, g.exitCode(), g.err());
        }
        model = dir.resolve("leads.pnm");
        CliTestSupport.Run t = CliTestSupport.run("train", "--shipments", dir.resolve("gen1/shipments.csv").toString(),
                "--truth", dir.resolve("gen1").toString(), "--embedding", "8", "--out", model.toString(), "-q");
        assertEquals(0, t.exitCode(), t.err());
        assertTrue(t.out().startsWith("trained logistic on "), t.out());
        assertTrue(t.out().contains("\ntier accuracy on its training files over "), t.out());
    }

    @Test
    void modelFileStartsWithItsHeaderAndRecordsTheColumns() throws IOException {
        String head = new String(Files.readAllBytes(model), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith(LeadModel.MAGIC + " " + LeadModel.FORMAT + "\ntask ring-member\nalgorithm logistic\n"
                + "columns volume,two_carton,border,counterparties,relay,community,betweenness,flagged,scorecard,emb_0,"), head);
        assertTrue(head.contains("\nembedding dimension=8 weights=1.0,1.0,1.0 normalization=0.0 seed=42\n"));
        assertTrue(head.contains("\ntier-columns volume,") && head.contains(",emb_7,tier-sent-log,tier-received-log,"
                + "tier-sent-share,home-entry,home-transit,home-destination\ntier-payload "), head);
    }

    @Test
    void analyzeRanksByTheModelAndWritesTheFullRanking() throws IOException {
        Path out = dir.resolve("with-model");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", dir.resolve("gen2/shipments.csv").toString(),
                "--truth", dir.resolve("gen2").toString(), "--model", model.toString(), "--ranking", "--out",
                out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"lead_model\"") && summary.contains("\"algorithm\": \"logistic\""), summary);
        assertTrue(summary.contains("\"tiers\": \"learned\""), summary);
        List<String> ranking = Files.readAllLines(out.resolve("ranking.csv"));
        assertEquals("rank,party,score,ring", ranking.get(0));
        double last = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ranking.size(); i++) {
            String[] c = ranking.get(i).split(",", -1);
            assertEquals(String.valueOf(i), c[0]);
            double s = Double.parseDouble(c[2]);
            assertTrue(s <= last && s >= 0 && s <= 1, ranking.get(i));
            last = s;
        }
        // every party once: as many rows as the party count in the summary
        assertTrue(summary.contains("\"parties\": " + (ranking.size() - 1)), summary);
        // leads.csv is the head of the ranking
        List<String> leads = Files.readAllLines(out.resolve("leads.csv"));
        String firstLead = leads.get(1);
        assertTrue(firstLead.contains(ranking.get(1).split(",")[1]), firstLead + " vs " + ranking.get(1));

        // the same run without --model: no model in the summary, no ranking.csv
        Path plain = dir.resolve("plain");
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", dir.resolve("gen2/shipments.csv").toString(),
                "--out", plain.toString(), "-q").exitCode());
        assertFalse(Files.readString(plain.resolve("summary.json")).contains("lead_model"));
        assertFalse(Files.exists(plain.resolve("ranking.csv")));
        // and the rest of the pipeline's tables are those of the run with a model
        assertArrayEquals(Files.readAllBytes(plain.resolve("communities.csv")), Files.readAllBytes(out.resolve("communities.csv")));
    }

    @Test
    void aDamagedOrForeignModelIsOneLineAndExitCodeTwo() throws IOException {
        byte[] good = Files.readAllBytes(model);
        Path damaged = dir.resolve("damaged.pnm");
        byte[] bad = good.clone();
        bad[bad.length - 3] ^= 1;
        Files.write(damaged, bad);
        Path foreign = dir.resolve("foreign.pnm");
        Files.writeString(foreign, "party,ring,tier\n");
        Path future = dir.resolve("future.pnm");
        Files.write(future, new String(good, StandardCharsets.ISO_8859_1).replaceFirst(LeadModel.MAGIC + " " + LeadModel.FORMAT,
                LeadModel.MAGIC + " 9").getBytes(StandardCharsets.ISO_8859_1));
        for (Path p : List.of(damaged, foreign, future)) {
            CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", dir.resolve("gen2/shipments.csv").toString(),
                    "--model", p.toString(), "--out", dir.resolve("never").toString(), "-q");
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("parcelnet analyze: " + p + ":"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(dir.resolve("never")));
        }
    }

    @Test
    void noTiersWritesAMembershipOnlyModelThatAnalyzeUsesWithRuleBasedTiers() throws IOException {
        Path plain = dir.resolve("plain.pnm");
        CliTestSupport.Run t = CliTestSupport.run("train", "--shipments", dir.resolve("gen1/shipments.csv").toString(),
                "--truth", dir.resolve("gen1").toString(), "--embedding", "0", "--no-tiers", "--out", plain.toString(), "-q");
        assertEquals(0, t.exitCode(), t.err());
        assertFalse(t.out().contains("tier accuracy"), t.out());
        assertFalse(new String(Files.readAllBytes(plain), StandardCharsets.ISO_8859_1).contains("\ntier-payload "));
        Path out = dir.resolve("plain-model");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", dir.resolve("gen2/shipments.csv").toString(),
                "--truth", dir.resolve("gen2").toString(), "--model", plain.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"tiers\": \"rule-based\""));
    }

    @Test
    void trainRefusesToOverwriteAFileThatIsNotAModel() throws IOException {
        Path precious = dir.resolve("notes.txt");
        Files.writeString(precious, "mine");
        CliTestSupport.Run r = CliTestSupport.run("train", "--shipments", dir.resolve("gen1/shipments.csv").toString(),
                "--truth", dir.resolve("gen1").toString(), "--out", precious.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not a lead model; not replaced"), r.err());
        assertEquals("mine", Files.readString(precious));
        CliTestSupport.Run mismatch = CliTestSupport.run("train", "--shipments", "a.csv", "--shipments", "b.csv",
                "--truth", "t", "--out", dir.resolve("x.pnm").toString());
        assertEquals(2, mismatch.exitCode());
        assertTrue(mismatch.err().contains("give one --truth per --shipments"), mismatch.err());
    }
}
