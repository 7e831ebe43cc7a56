package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parcelnet-spark analyze --places}: the mini sample with its two border crossings renamed to
 * places the built-in geography does not know starts no relay chain; with the crossings (and the
 * built-in border and transit provinces) in a places file, the chains and leads are the original's.
 */
class PlacesTest {

    @TempDir
    Path dir;

    private static String relayChains(Path out) throws IOException {
        String summary = Files.readString(out.resolve("summary.json"));
        int at = summary.indexOf("\"relay_chains\"");
        assertTrue(at >= 0, summary);
        return summary.substring(at, summary.indexOf(',', at));
    }

    @Test
    void entryPlacesFromAPlacesFile() throws IOException {
        Path mini = TestSpark.sampleData().resolve("shipments-mini.csv");
        Path original = dir.resolve("original");
        String[] r = TestSpark.runMain("analyze", "--shipments", mini.toString(), "--out", original.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(relayChains(original).endsWith(" 0"), relayChains(original));

        Path renamed = dir.resolve("renamed.csv");
        Files.writeString(renamed, Files.readString(mini).replace("云南,瑞丽", "云南,甲口").replace("广西,东兴", "广西,乙口"));
        Path unknown = dir.resolve("unknown");
        r = TestSpark.runMain("analyze", "--shipments", renamed.toString(), "--out", unknown.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(relayChains(unknown).endsWith(" 0"), relayChains(unknown));

        Path places = dir.resolve("places.csv");
        Files.writeString(places, "province,city,kind\n云南,甲口,entry\n广西,乙口,entry\n新疆,,border\n"
                + "云南,,transit\n广西,,transit\n广东,,transit\n");
        Path named = dir.resolve("named");
        r = TestSpark.runMain("analyze", "--shipments", renamed.toString(), "--places", places.toString(),
                "--out", named.toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(relayChains(original), relayChains(named));
        assertEquals(Files.readString(original.resolve("leads.csv")), Files.readString(named.resolve("leads.csv")));

        // a bad places file names its line and column, before any work; link has no relay chains to start
        Files.writeString(places, "province,city,kind\n云南,,entry\n");
        Path bad = dir.resolve("bad");
        r = TestSpark.runMain("analyze", "--shipments", renamed.toString(), "--places", places.toString(),
                "--out", bad.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("places.csv:2:2: an entry place needs a city"), r[2]);
        assertFalse(Files.exists(bad));
        r = TestSpark.runMain("link", "--shipments", renamed.toString(), "--places", places.toString(),
                "--out", bad.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--places belongs to analyze"), r[2]);
    }
}
