package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph commands on the bundled OpenFlights graph (sample-data/openflights, from OpenFlights.org,
 * ODbL 1.0) with {@code --nodes}: labels and regions reach the outputs, {@code --cost km} is the
 * great-circle distance of the coordinates, summaries group by region; and the bundled files are
 * what {@code convert openflights} makes of the reference snapshot.
 */
class OpenFlightsCliTest {

    static final Path SAMPLE = Path.of("..", "sample-data", "openflights");
    static final Path REFERENCE = SAMPLE.resolve("raw");
    static final String EDGES = SAMPLE.resolve("edges.csv").toString();
    static final String NODES = SAMPLE.resolve("nodes.csv").toString();

    @TempDir
    Path dir;

    /** node → CSV record of nodes.csv, read with Commons CSV (names hold commas and quotes). */
    private static Map<String, CSVRecord> nodes() throws IOException {
        Map<String, CSVRecord> m = new HashMap<>();
        try (Reader r = Files.newBufferedReader(Path.of(NODES));
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord rec : p) {
                m.put(rec.get("node"), rec);
            }
        }
        return m;
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv);
             CSVParser p = CSVParser.builder().setReader(r)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return p.getRecords();
        }
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    /** Great-circle km by the spherical law of cosines (not the haversine form the code uses). */
    private static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double c = Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(Math.toRadians(lon2 - lon1));
        return 6371.0088 * Math.acos(Math.max(-1, Math.min(1, c)));
    }

    @Test
    void kmRouteIsTheGreatCircleOfTheDirectFlightAndCarriesLabels() throws IOException {
        Path out = dir.resolve("paths");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--graph", EDGES, "--directed", "--nodes", NODES, "--source", "KMG",
                "--target", "XIY", "--k", "2", "--cost", "km", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, CSVRecord> n = nodes();
        double expected = greatCircleKm(Double.parseDouble(n.get("KMG").get("lat")), Double.parseDouble(n.get("KMG").get("lon")),
                Double.parseDouble(n.get("XIY").get("lat")), Double.parseDouble(n.get("XIY").get("lon")));
        assertTrue(expected > 1150 && expected < 1210, "Kunming-Xi'an is about 1,180 km: " + expected);
        List<CSVRecord> routes = rows(out.resolve("paths.csv"));
        assertEquals(2, routes.size());
        CSVRecord first = routes.get(0);
        assertEquals("KMG > XIY", first.get("path"), "the direct flight is the shortest by km");
        assertEquals(expected, Double.parseDouble(first.get("cost")), 1e-6);
        assertEquals(n.get("KMG").get("label") + " > " + n.get("XIY").get("label"), first.get("labels"));
        assertEquals("Kunming Changshui International Airport > Xi'an Xianyang International Airport", first.get("labels"));
        assertEquals("Asia > Asia", first.get("regions"));
        assertTrue(Double.parseDouble(routes.get(1).get("cost")) >= expected, "triangle inequality on the sphere");
    }

    @Test
    void kmDistancesWithoutNodesAreRefused() {
        CliTestSupport.Run r = CliTestSupport.run("paths", "--graph", EDGES, "--directed", "--source", "KMG", "--cost", "km",
                "--out", dir.resolve("x").toString(), "-q");
        assertEquals(Cli.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("--nodes"), r.err());
    }

    @Test
    void degreeRankingCarriesLabelsAndRegionGroups() throws IOException {
        Path out = dir.resolve("degree");
        CliTestSupport.Run r = CliTestSupport.run("centrality", "--graph", EDGES, "--directed", "--nodes", NODES, "--measure",
                "degree", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("node,score,label,region", Files.readAllLines(out.resolve("centrality.csv")).get(0));
        CSVRecord top = rows(out.resolve("centrality.csv")).get(0);
        assertEquals("FRA", top.get("node"));
        assertEquals("Frankfurt am Main Airport", top.get("label"));
        assertEquals("Europe", top.get("region"));
        // Degree of a directed node = arcs in + arcs out, counted independently from edges.csv.
        long arcs = Files.readAllLines(Path.of(EDGES)).stream().skip(1).map(l -> l.split(","))
                .filter(f -> f[0].equals("FRA") || f[1].equals("FRA")).count();
        assertEquals(arcs, Long.parseLong(top.get("score")));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"by_region\""), summary);
        assertTrue(summary.contains("\"label\": \"Frankfurt am Main Airport\""), summary);
    }

    @Test
    void leidenSummaryComparesCommunitiesWithRegions() throws IOException {
        Path out = dir.resolve("leiden");
        CliTestSupport.Run r = CliTestSupport.run("communities", "--graph", EDGES, "--directed", "--nodes", NODES,
                "--algorithm", "leiden", "--seed", "42", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("node,community,label,region", Files.readAllLines(out.resolve("communities.csv")).get(0));
        String summary = Files.readString(out.resolve("summary.json"));
        assertEquals(3185, (int) number(summary, "labelled_nodes"), "airports with routes and a region");
        double nmi = number(summary, "nmi");
        assertTrue(nmi > 0.4 && nmi < 1.0, "communities follow regions loosely: NMI " + nmi);
        assertTrue(summary.contains("\"Oceania\": {"), summary);
    }

    @Test
    void statsGroupNodesByRegion() {
        CliTestSupport.Run r = CliTestSupport.run("stats", "--graph", EDGES, "--directed", "--nodes", NODES, "--json", "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"largest_weak_component\": 3188"), r.out());
        assertTrue(r.out().contains("\"largest_strong_component\": 3147"), r.out());
        Matcher m = Pattern.compile("\"Europe\": \\{\\s*\"nodes\": (\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals("566", m.group(1));
    }

    @Test
    void bundledFilesAreTheConversionOfTheReference() throws IOException {
        Path out = dir.resolve("convert");
        CliTestSupport.Run r = CliTestSupport.run("convert", "openflights", "--in", REFERENCE.toString(), "--out",
                out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("edges.csv", "nodes.csv", "rejects.csv", "regions.csv")) {
            assertEquals(-1L, Files.mismatch(out.resolve(f), SAMPLE.resolve(f)), f);
        }
        String made = Files.readString(out.resolve("summary.json")).replaceAll(",\\s*\"seconds\": [0-9.eE+-]+", "");
        assertEquals(Files.readString(SAMPLE.resolve("summary.json")).strip(), made.strip());
        assertEquals(3186, Files.readAllLines(out.resolve("regions.csv")).size(), "header + 3,185 airports");
    }
}
