package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

class AnalyzeCommandTest {

    static final Path MINI = Path.of("..", "sample-data", "shipments-mini.csv");

    @TempDir
    Path dir;

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void analysesTheMiniSampleAndWritesEveryOutput() throws IOException {
        Path out = dir.resolve("report");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> f = files(out);
        for (String want : List.of("report.html", "summary.json", "networks.csv", "communities.csv", "tiers.csv",
                "routes.csv", "interdiction.csv", "leads.csv", "rings.csv")) {
            assertTrue(f.contains(want), want + " in " + f);
        }
        assertTrue(f.stream().anyMatch(x -> x.startsWith("leads/")), "per-region lead files");
        assertTrue(f.stream().anyMatch(x -> x.startsWith("rings/") && x.endsWith(".graphml")));
        assertTrue(f.stream().anyMatch(x -> x.startsWith("rings/") && x.endsWith(".gexf")));
        for (String want : List.of("links.csv", "case_networks.csv", "ring_members.csv")) {
            assertTrue(f.contains(want), want + " in " + f);
        }
        // networks.csv lists the cases: the flagged shipments of the mini file
        List<String> mini = Files.readAllLines(MINI);
        int flaggedColumn = List.of(mini.get(0).split(",")).indexOf("flagged");
        long flagged = mini.stream().skip(1).filter(l -> l.split(",")[flaggedColumn].equals("true")).count();
        assertTrue(flagged > 0);
        String networks = Files.readString(out.resolve("networks.csv"));
        assertEquals(flagged + 1, networks.lines().count(), "one row per case plus header");
        List<String> members = Files.readAllLines(out.resolve("ring_members.csv"));
        assertEquals("party,ring,tier,role,confidence", members.get(0));
        assertTrue(members.size() > 1 && members.stream().skip(1).allMatch(l -> l.matches(".+,\\d+,[a-z]*,(member|customer),[01]\\.\\d\\d")),
                members.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(2, html.split("<script", -1).length - 1, "the page's script and its data block only");
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch");
        // Both hand-designed rings start at border entry towns (Ruili, Dongxing) and relay inland.
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"rings\": 2"), summary);
        assertTrue(r.out().contains("report: "), r.out());
    }

    /**
     * The mini sample with its two border crossings renamed to places the built-in geography does not
     * know: no ring can start, and the command says why; with the crossings (and the built-in border and
     * transit provinces) named in a --places file, the rings, members, tiers and communities are the
     * original's, byte for byte.
     */
    @Test
    void entryPlacesFromAPlacesFile() throws IOException {
        Path original = dir.resolve("original");
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", original.toString(), "-q")
                .exitCode());
        Path renamed = dir.resolve("renamed.csv");
        Files.writeString(renamed, Files.readString(MINI).replace("云南,瑞丽", "云南,甲口").replace("广西,东兴", "广西,乙口"));
        Path unknown = dir.resolve("unknown");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", renamed.toString(), "--out", unknown.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(unknown.resolve("summary.json")).contains("\"rings\": 0"));
        assertTrue(r.err().contains("no place in the shipments is a known border entry place"), r.err());
        assertTrue(r.err().contains("--places"), r.err());
        Path places = dir.resolve("places.csv");
        Files.writeString(places, "province,city,kind\n云南,甲口,entry\n广西,乙口,entry\n新疆,,border\n"
                + "云南,,transit\n广西,,transit\n广东,,transit\n");
        Path named = dir.resolve("named");
        r = CliTestSupport.run("analyze", "--shipments", renamed.toString(), "--places", places.toString(),
                "--out", named.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("note:"), r.err());
        for (String f : List.of("rings.csv", "ring_members.csv", "tiers.csv", "communities.csv", "leads.csv")) {
            assertEquals(Files.readString(original.resolve(f)), Files.readString(named.resolve(f)), f);
        }
        // a bad places file names its line and column
        Files.writeString(places, "province,city,kind\n云南,,entry\n");
        r = CliTestSupport.run("analyze", "--shipments", renamed.toString(), "--places", places.toString(),
                "--out", dir.resolve("bad").toString(), "-q");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("places.csv:2:2: an entry place needs a city"), r.err());
    }

    @Test
    void escapesInputInTheReport() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(MINI));
        // Give the Ruili ring's source a hostile name and a hostile address on every parcel.
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("+86 138-7000-0001")) {
                lines.set(i, lines.get(i).replaceFirst("(李明|李敏|黎明)", "<script>alert(1)</script>"));
            }
        }
        Path in = dir.resolve("hostile.csv");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("r");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", in.toString(), "--out", out.toString(),
                "--party-key", "phone+name", "-q");
        assertEquals(0, r.exitCode(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped");
        assertFalse(html.contains("<script>alert"), "never as markup");
    }

    @Test
    void desensitisedRunLeavesNoRawPersonalDataInAnyOutput() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "a test key of more than sixteen bytes");
        Path out = dir.resolve("safe");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--desensitize",
                "--key-file", key.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        ShipmentTable raw = ShipmentReader.read(MINI).table();
        Set<String> personal = new HashSet<>();
        for (int c = 0; c < raw.phones().size(); c++) {
            personal.add(raw.phones().value(c));
        }
        for (int c = 0; c < raw.names().size(); c++) {
            personal.add(raw.names().value(c));
        }
        for (int c = 0; c < raw.addresses().size(); c++) {
            personal.add(raw.addresses().value(c));
        }
        assertTrue(personal.size() > 300);
        for (String f : files(out)) {
            String text = Files.readString(out.resolve(f));
            for (String p : personal) {
                assertFalse(text.contains(p), f + " contains a raw identifier");
            }
            assertFalse(text.contains("a test key"), f + " contains the key");
        }
        for (String p : personal) {
            assertFalse(r.out().contains(p) || r.err().contains(p), "console shows a raw identifier");
        }
    }

    @Test
    void rerunReplacesTheReportAndAFailureKeepsTheOldOne() throws IOException {
        Path out = dir.resolve("again");
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        // A region file of an earlier run (listed in the manifest) that this run does not write.
        Files.writeString(out.resolve("leads").resolve("Stale.csv"), "stale");
        Files.writeString(out.resolve(ReportFolder.MANIFEST), "leads/Stale.csv\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        assertFalse(Files.exists(out.resolve("leads").resolve("Stale.csv")), "nothing of the earlier run survives");
        String before = Files.readString(out.resolve("summary.json"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readAllLines(MINI).get(0) + "\nX,never,a,b,c,d,1,2,,,,,,,,,,\n");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", bad.toString(), "--out", out.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(bad + ":2:2: unparseable date-time (never)"), r.err());
        assertEquals(before, Files.readString(out.resolve("summary.json")), "previous report untouched");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("staging")), "no staging folder left");
        }
    }

    @Test
    void refusesToOverwriteAForeignFolder() throws IOException {
        Path foreign = dir.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", foreign.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }
}
