package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.Csv;

/**
 * The bad-input matrix: one test per way a hostile but fair user can misuse the command line. Each
 * asserts the exit code, the exact one-line message on stderr (no stack trace), and that nothing
 * was written or deleted (a snapshot of the folder before and after).
 */
class BadInputMatrixTest {

    static final Path MINI = AnalyzeCommandTest.MINI;

    @TempDir
    Path dir;

    /** Relative path → size and content digest of every file and folder under {@code root}. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                m.put(rel, Files.isDirectory(p) ? "dir" : Files.size(p) + ":" + digest(Files.readAllBytes(p)));
            }
        }
        return m;
    }

    static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must fail: exit {@code code}, exactly one stderr line, nothing changed under {@link #dir}. */
    CliTestSupport.Run refused(int code, String... args) throws IOException {
        Map<String, String> before = snapshot(dir);
        CliTestSupport.Run r = CliTestSupport.run(args);
        assertEquals(code, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one line on stderr: " + r.err());
        assertTrue(lines.get(0).startsWith("parcelnet " + args[0] + ": "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(before, snapshot(dir), "nothing written or deleted");
        return r;
    }

    static String message(CliTestSupport.Run r, String command) {
        return r.err().strip().substring(("parcelnet " + command + ": ").length());
    }

    // 1. Data loss ---------------------------------------------------------------------------------

    @Test
    void analyzeRefusesAFolderHoldingFilesItDidNotWrite() throws IOException {
        Path p = Files.createDirectory(dir.resolve("p"));
        Files.copy(MINI, p.resolve("s.csv"));
        Files.createDirectory(p.resolve("src"));
        Files.writeString(p.resolve("src").resolve("a.c"), "int main;");
        assertEquals(0, CliTestSupport.run("communities", "--shipments", p.resolve("s.csv").toString(), "--out", p.toString(), "-q").exitCode());
        assertTrue(Files.exists(p.resolve("summary.json")));
        CliTestSupport.Run r = refused(2, "analyze", "--shipments", p.resolve("s.csv").toString(), "--out", p.toString(), "-q");
        assertEquals("--out " + p + " holds 3 file(s) ParcelNet did not write (first: 's.csv'); nothing was changed: "
                + "choose an empty or new folder", message(r, "analyze"));
        assertEquals("int main;", Files.readString(p.resolve("src").resolve("a.c")));
    }

    @Test
    void aCommandNeverOverwritesAUsersFileOfTheSameName() throws IOException {
        Path out = Files.createDirectory(dir.resolve("o"));
        Files.writeString(out.resolve("communities.csv"), "my own notes");
        CliTestSupport.Run r = refused(2, "communities", "--shipments", MINI.toString(), "--out", out.toString(), "-q");
        assertEquals("--out " + out + ": communities.csv is there and ParcelNet did not write it; nothing was changed: "
                + "move it or choose another folder", message(r, "communities"));
    }

    @Test
    void aCommandRewritesItsOwnFilesAndAnalyzeThenReplacesThem() throws IOException {
        Path out = dir.resolve("o");
        assertEquals(0, CliTestSupport.run("communities", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        assertEquals(0, CliTestSupport.run("communities", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(ReportFolder.readManifest(out).contains("report.html"));
        assertEquals(List.of(), ReportFolder.foreignFiles(out));
    }

    @Test
    void aSymbolicLinkAsTheReportFolderIsRefused() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        CliTestSupport.Run r = refused(2, "analyze", "--shipments", MINI.toString(), "--out", link.toString(), "-q");
        assertEquals("--out " + link + " is a symbolic link; give the folder it points to", message(r, "analyze"));
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", real.toString(), "-q").exitCode());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aReportWrittenBeforeManifestsIsReplacedOnlyWhenItHoldsNothingElse() throws IOException {
        Path out = dir.resolve("old");
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        Files.delete(out.resolve(ReportFolder.MANIFEST)); // as an earlier version left it, without the files
        for (String later : List.of("links.csv", "case_networks.csv", "ring_members.csv", "disruption.csv")) { // reports gained later
            Files.delete(out.resolve(later));
        }
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliTestSupport.Run r = refused(2, "analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q");
        assertEquals("--out " + out + " holds 1 file(s) ParcelNet did not write (first: 'notes.txt'); nothing was changed: "
                + "choose an empty or new folder", message(r, "analyze"));
        Files.delete(out.resolve("notes.txt"));
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q").exitCode());
        assertTrue(Files.exists(out.resolve(ReportFolder.MANIFEST)));
    }

    @Test
    void theInputIsNeverTheOutput() throws IOException {
        Path in = dir.resolve("s.csv");
        Files.copy(MINI, in);
        Path key = dir.resolve("key");
        Files.writeString(key, "a test key of enough bytes");
        assertEquals("--out " + in + " is the input file; write the desensitised copy elsewhere", message(refused(2,
                "desensitize", "--in", in.toString(), "--key-file", key.toString(), "--out", in.toString(), "-q"), "desensitize"));
        assertEquals("--rejects " + in + " is the input file; choose another name", message(refused(2,
                "stats", "--lenient", "--rejects", in.toString(), in.toString()), "stats"));
    }

    // 2. Privacy in error messages -------------------------------------------------------------------

    @Test
    void aFileWithoutAHeaderIsReportedWithoutItsValuesEvenWhenDesensitising() throws IOException {
        List<String> lines = Files.readAllLines(MINI);
        Path noHeader = dir.resolve("nohead.csv");
        Files.write(noHeader, lines.subList(6, 20)); // starts with a row holding names, phones, addresses
        Path key = dir.resolve("key");
        Files.writeString(key, "a test key of enough bytes");
        String want = noHeader + ":1: missing required column 'shipment_id'; line 1 has 18 field(s) and none is a known "
                + "column name: is the header row missing? (values not shown)";
        for (String[] args : List.of(
                new String[] {"analyze", "--shipments", noHeader.toString(), "--out", dir.resolve("r").toString(), "-q"},
                new String[] {"analyze", "--shipments", noHeader.toString(), "--desensitize", "--key-file", key.toString(),
                        "--out", dir.resolve("r").toString(), "-q"},
                new String[] {"desensitize", "--in", noHeader.toString(), "--key-file", key.toString(), "--out",
                        dir.resolve("safe.csv").toString(), "-q"},
                new String[] {"stats", noHeader.toString()})) {
            CliTestSupport.Run r = refused(2, args);
            assertEquals(want, message(r, args[0]));
            for (String v : lines.get(6).split(",")) {
                assertFalse(v.length() >= 2 && !v.matches("[0-9.]{1,5}|false|land") && r.err().contains(v), "echoes '" + v + "'");
            }
        }
    }

    @Test
    void aDuplicateNodeIsReportedWithoutItsId() throws IOException {
        Path edges = dir.resolve("e.csv");
        Files.writeString(edges, "source,target\n13812345678,13987654321\n");
        Path nodes = dir.resolve("n.csv");
        Files.writeString(nodes, "node,label\n13812345678,Li Min\n13812345678,Li Min\n");
        CliTestSupport.Run r = refused(2, "centrality", "--graph", edges.toString(), "--nodes", nodes.toString(),
                "--measure", "degree", "--out", dir.resolve("c").toString(), "-q");
        assertFalse(r.err().contains("13812345678"), r.err());
        assertEquals(nodes + ":3:1: duplicate node (value not shown)", message(r, "centrality"));
    }

    // 3. Formula injection ---------------------------------------------------------------------------

    static List<List<String>> cells(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))
                .setFormat(Csv.FORMAT.builder().setTrim(false).get()).get()) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /** Every cell of every CSV under {@code root} that a spreadsheet would run as a formula. */
    static List<String> formulaCells(Path root) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".csv")).toList()) {
                for (List<String> row : cells(f)) {
                    for (String c : row) {
                        if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !c.matches("[+-]?[0-9.eE+-]+|-Infinity")) {
                            bad.add(root.relativize(f) + ": " + c);
                        }
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void noResultCellRunsAsAFormulaAndNodeIdsReadBack() throws IOException {
        Path edges = dir.resolve("e.csv");
        Files.writeString(edges, "source,target,weight\n\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1),1\n@SUM(A1),-cmd,2\n"
                + "-cmd,+x,1\n+x,\"=HYPERLINK(\"\"http://x\"\")\",1\n+x,'quoted,1\n'quoted,-1.5,1\n");
        Path c = dir.resolve("comm");
        assertEquals(0, CliTestSupport.run("communities", "--graph", edges.toString(), "--out", c.toString(), "-q").exitCode());
        Path k = dir.resolve("cent");
        assertEquals(0, CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "degree", "--out", k.toString(), "-q").exitCode());
        assertEquals(List.of(), formulaCells(c));
        assertEquals(List.of(), formulaCells(k));
        List<String> ids = cells(k.resolve("centrality.csv")).stream().skip(1).map(r -> Csv.uncell(r.get(0))).sorted().toList();
        assertEquals(List.of("'quoted", "+x", "-1.5", "-cmd", "=HYPERLINK(\"http://x\")", "@SUM(A1)"), ids);
        // ParcelNet's own node list read back as --sources and --sinks: every id is found
        CliTestSupport.Run r = CliTestSupport.run("interdict", "--graph", edges.toString(), "--directed", "--sources",
                k.resolve("centrality.csv").toString(), "--sinks", k.resolve("centrality.csv").toString(), "--out",
                dir.resolve("i").toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void theReportsTablesAreSafeInASpreadsheet() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(MINI));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replace(",北京,北京,", ",=cmd|' /C calc'!A0,@北京,").replace("中通", "+中通"));
        }
        Path in = dir.resolve("s.csv");
        Files.write(in, lines);
        Path out = dir.resolve("r");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", in.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("leads.csv")).contains("'=cmd|' /C calc'!A0"), "the region is there, neutralised");
        assertEquals(List.of(), formulaCells(out));
    }

    // 4. Reproducibility -----------------------------------------------------------------------------

    @Test
    void theRecordedParametersReproduceEveryTableByteForByte() throws IOException {
        Path first = dir.resolve("first");
        assertEquals(0, CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", first.toString(), "-q").exitCode());
        String summary = Files.readString(first.resolve("summary.json"));
        String params = summary.substring(summary.indexOf("\"parameters\""), summary.indexOf('}', summary.indexOf("\"parameters\"")));
        // Leiden and betweenness ran on one thread: that is what is recorded, not the machine's cores.
        assertEquals("1", value(params, "threads"));
        List<String> args = new ArrayList<>(List.of("analyze", "--shipments", MINI.toString(), "--out", dir.resolve("second").toString(), "-q"));
        for (String[] o : new String[][] {{"seed", "--seed"}, {"resolution", "--resolution"}, {"threads", "--threads"},
                {"party_key", "--party-key"}, {"window_days", "--window-days"}, {"hub_threshold", "--hub-threshold"},
                {"budget", "--budget"}, {"samples", "--samples"}, {"leads", "--leads"}, {"top_rings", "--top-rings"},
                {"lead_weights", "--lead-weights"}, {"zone", "--zone"}}) {
            args.add(o[1]);
            args.add(value(params, o[0]));
        }
        CliTestSupport.Run r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Path second = dir.resolve("second");
        List<String> tables;
        try (Stream<Path> s = Files.walk(first)) {
            tables = s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".graphml")).map(p -> first.relativize(p).toString()).sorted().toList();
        }
        assertTrue(tables.size() > 10, tables.toString());
        for (String t : tables) {
            assertEquals(digest(Files.readAllBytes(first.resolve(t))), digest(Files.readAllBytes(second.resolve(t))), t);
        }
    }

    static String value(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (\"[^\"]*\"|[^,\\n]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        String v = m.group(1).trim();
        return v.startsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    // 5. Region names as file names ------------------------------------------------------------------

    @Test
    void regionsGetUniqueBoundedFileNamesAndAnIndex() throws IOException {
        String longName = "省".repeat(100);
        List<String> lines = new ArrayList<>(Files.readAllLines(MINI));
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replace(",四川,", ",A/B,").replace(",广东,", ",A?B,").replace(",河南,", "," + longName + ","));
        }
        Path in = dir.resolve("s.csv");
        Files.write(in, lines);
        Path out = dir.resolve("r");
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", in.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<List<String>> index = cells(out.resolve("leads").resolve("index.csv"));
        assertEquals(List.of("region", "file", "rows"), index.get(0));
        Map<String, String> fileOf = new TreeMap<>();
        int total = 0;
        for (List<String> row : index.subList(1, index.size())) {
            fileOf.put(row.get(0), row.get(1));
            int rows = Integer.parseInt(row.get(2));
            assertEquals(rows + 1, cells(out.resolve("leads").resolve(row.get(1))).size(), row.toString());
            total += rows;
        }
        assertEquals("A_B.csv", fileOf.get("A/B"));
        assertEquals("A_B-2.csv", fileOf.get("A?B"));
        assertEquals("省".repeat(org.parcelnet.io.SafeFileNames.MAX_STEM) + ".csv", fileOf.get(longName));
        assertEquals(cells(out.resolve("leads.csv")).size() - 1, total, "every lead in exactly one region file");
        assertEquals(fileOf.size(), new java.util.HashSet<>(fileOf.values()).size(), "files unique");
    }

    // 6. Staging folders of killed runs ----------------------------------------------------------------

    @Test
    void stagingFoldersOfKilledRunsAreRemovedAndRunningOnesKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = Files.createDirectories(dir.resolve(".rep.staging-" + gone.pid() + "-123").resolve("leads"));
        Files.writeString(dead.resolve("x.csv"), "half");
        Path oldForm = Files.createDirectory(dir.resolve(".rep.staging-8123456789"));
        Files.setLastModifiedTime(oldForm, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path freshOldForm = Files.createDirectory(dir.resolve(".rep.staging-9123456789"));
        Path running = Files.createDirectory(dir.resolve(".rep.staging-" + ProcessHandle.current().pid() + "-77"));
        Path other = Files.createDirectory(dir.resolve(".other.staging-1-2"));
        CliTestSupport.Run r = CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", dir.resolve("rep").toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(dead.getParent()), "killed run's staging removed");
        assertFalse(Files.exists(oldForm), "old-form staging older than an hour removed");
        assertTrue(Files.exists(freshOldForm), "a recent old-form staging may belong to a running run");
        assertTrue(Files.exists(running), "a running process's staging kept");
        assertTrue(Files.exists(other), "another target's staging untouched");
    }

    @Test
    void aPreviousReportMovedAsideByAKilledRunIsPutBack() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path target = dir.resolve("rep");
        Path aside = Files.createDirectory(dir.resolve(".rep.old-" + gone.pid() + "-5"));
        Files.writeString(aside.resolve("report.html"), "previous");
        Files.writeString(aside.resolve(ReportFolder.MANIFEST), "report.html\n");
        assertEquals(List.of(aside), ReportFolder.removeStaleStaging(target));
        assertEquals("previous", Files.readString(target.resolve("report.html")), "the previous report is back");
        assertFalse(Files.exists(aside));
        // with the target in place, a leftover moved-aside report is only removed
        Path again = Files.createDirectory(dir.resolve(".rep.old-" + gone.pid() + "-6"));
        Files.writeString(again.resolve("report.html"), "older");
        ReportFolder.removeStaleStaging(target);
        assertFalse(Files.exists(again));
        assertEquals("previous", Files.readString(target.resolve("report.html")));
    }

    // 7. Unterminated quote --------------------------------------------------------------------------

    @Test
    void anUnterminatedQuoteNamesTheLineAndColumnWhereItOpened() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(MINI).subList(0, 10));
        lines.set(7, lines.get(7).replace(",李敏,", ",\"李敏,"));
        Path in = dir.resolve("q.csv");
        Files.write(in, lines);
        CliTestSupport.Run r = refused(2, "stats", in.toString());
        assertEquals(in + ":8:9: unterminated quoted field: the quote opened here never closes", message(r, "stats"));
        Path edges = dir.resolve("e.csv");
        Files.writeString(edges, "source,target\na,b\nc,\"d\ne,f\n");
        r = refused(2, "stats", "--graph", edges.toString());
        assertEquals(edges + ":3:2: unterminated quoted field: the quote opened here never closes", message(r, "stats"));
    }

    // 8. Errors name the path ------------------------------------------------------------------------

    @Test
    void aFolderGivenAsAFileIsNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path key = dir.resolve("key");
        Files.writeString(key, "a test key of enough bytes");
        assertEquals(folder + ": is a folder, not a file",
                message(refused(2, "stats", folder.toString()), "stats"));
        assertEquals(folder + ": is a folder, not a file",
                message(refused(2, "analyze", "--shipments", folder.toString(), "--out", dir.resolve("r").toString(), "-q"), "analyze"));
        assertEquals(folder + ": is a folder, not a key file", message(refused(2, "desensitize", "--in", MINI.toString(),
                "--key-file", folder.toString(), "--out", dir.resolve("s.csv").toString(), "-q"), "desensitize"));
        assertEquals(folder + ": is a folder, not a key file", message(refused(2, "analyze", "--shipments", MINI.toString(),
                "--desensitize", "--key-file", folder.toString(), "--out", dir.resolve("r").toString(), "-q"), "analyze"));
    }

    @Test
    void anOutputFolderGivenAsAFileIsNamed() throws IOException {
        Path file = dir.resolve("taken");
        Files.writeString(file, "mine");
        assertEquals("--out " + file + " is a file, not a folder", message(refused(2, "communities", "--shipments",
                MINI.toString(), "--out", file.toString(), "-q"), "communities"));
        assertEquals("--out " + file + " is a file, not a folder", message(refused(2, "generate", "--shipments", "2000",
                "--rings", "2", "--out", file.toString(), "-q"), "generate"));
        assertEquals("--out " + file + " is a file, not a folder", message(refused(2, "analyze", "--shipments",
                MINI.toString(), "--out", file.toString(), "-q"), "analyze"));
    }

    // 9. Options checked before any input is read ----------------------------------------------------

    @Test
    void badOptionValuesAreReportedBeforeTheInputIsRead() throws IOException {
        // An input that fails on reading: the option error must come first.
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "source,target\n\"a,b\n");
        String g = broken.toString();
        String o = dir.resolve("o").toString();
        assertEquals("--samples must be >= 0 (0: exact), got -1", message(refused(2, "centrality", "--graph", g,
                "--measure", "betweenness", "--samples", "-1", "--out", o), "centrality"));
        assertEquals("--damping must be in [0, 1], got 1.5", message(refused(2, "centrality", "--graph", g,
                "--measure", "pagerank", "--damping", "1.5", "--out", o), "centrality"));
        assertEquals("give --source NODE (or --relay)", message(refused(2, "paths", "--graph", g, "--out", o), "paths"));
        assertEquals("--cost km needs --nodes FILE with lat,lon columns", message(refused(2, "paths", "--graph", g,
                "--source", "a", "--cost", "km", "--out", o), "paths"));
        assertEquals("--flow must be push-relabel or dinic, got 'magic'", message(refused(2, "interdict", "--graph", g,
                "--flow", "magic", "--out", o), "interdict"));
        assertEquals("--samples must be >= 1, got -1", message(refused(2, "analyze", "--shipments", g,
                "--samples", "-1", "--out", o), "analyze"));
        assertEquals("--zone: unknown zone 'Mars/Olympus'", message(refused(2, "analyze", "--shipments", g,
                "--zone", "Mars/Olympus", "--out", o), "analyze"));
        assertTrue(message(refused(2, "analyze", "--shipments", g, "--lead-weights", "bogus=1", "--out", o), "analyze")
                .startsWith("lead weights: unknown feature 'bogus'"));
        assertEquals("--volume must be shipments or pieces, got 'kg'", message(refused(2, "communities", "--shipments", g,
                "--volume", "kg", "--out", o), "communities"));
    }

    // 11. stats --lenient never writes into the current folder unasked ------------------------------

    @Test
    void statsLenientNeedsAnExplicitRejectsFile() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, Files.readAllLines(MINI).get(0) + "\nX,never,a,b,c,d,1,2,,,,,,,,,,\n");
        boolean existed = Files.exists(Path.of("rejects.csv"));
        assertEquals("--lenient needs --rejects FILE here (this command has no output folder)",
                message(refused(2, "stats", "--lenient", bad.toString()), "stats"));
        assertEquals(existed, Files.exists(Path.of("rejects.csv")), "nothing written to the current folder");
        Path rejects = dir.resolve("my-rejects.csv");
        CliTestSupport.Run r = CliTestSupport.run("stats", "--lenient", "--rejects", rejects.toString(), bad.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("line,column,reason,value\n2,2,unparseable date-time,never\n", Files.readString(rejects));
    }
}
