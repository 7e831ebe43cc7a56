package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.htmlunit.BrowserVersion;
import org.htmlunit.StringWebResponse;
import org.htmlunit.WebClient;
import org.htmlunit.WebConnection;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;

/**
 * The report as a reader uses it, in HtmlUnit's headless browser engine: it loads with no request
 * but the page's own, its script runs, the search finds the mini file's hand-designed ring members,
 * the map draws every route of routes.csv, tables sort, and script-breaking input stays text.
 */
class ReportBrowserTest {

    static final Path MINI = AnalyzeCommandTest.MINI;
    static final String PAGE = "http://report.invalid/report.html";

    @TempDir
    Path dir;

    /** A browser whose only reachable resource is the page; every request is recorded. */
    static final class Browser implements AutoCloseable {
        final WebClient client = new WebClient(BrowserVersion.FIREFOX);
        final List<String> requests = new ArrayList<>();
        final List<String> alerts = new ArrayList<>();

        Browser(String html) {
            client.getOptions().setThrowExceptionOnScriptError(true);
            client.getOptions().setCssEnabled(true);
            client.setAlertHandler((page, message) -> alerts.add(message));
            client.setWebConnection(new WebConnection() {
                @Override
                public WebResponse getResponse(WebRequest request) {
                    URL url = request.getUrl();
                    requests.add(url.toString());
                    if (!url.toString().equals(PAGE)) {
                        throw new AssertionError("the page asked for " + url);
                    }
                    return new StringWebResponse(html, StandardCharsets.UTF_8, url);
                }

                @Override
                public void close() {
                }
            });
        }

        HtmlPage open() throws IOException {
            HtmlPage page = client.getPage(PAGE);
            client.waitForBackgroundJavaScript(1000);
            return page;
        }

        @Override
        public void close() {
            client.close();
        }
    }

    static HtmlPage search(HtmlPage page, String query) throws IOException {
        HtmlInput q = (HtmlInput) page.getElementById("pn-q");
        q.setValue(query);
        HtmlElement button = page.querySelector("#pn-search button");
        return button.click();
    }

    static String result(HtmlPage page) {
        return page.getElementById("pn-result").asNormalizedText();
    }

    /** The "ring N" of a search result, or "not in a ring". */
    static String ringOf(String resultText) {
        Matcher m = Pattern.compile("ring (\\d+) \\(rank").matcher(resultText);
        return m.find() ? m.group(1) : "not in a ring";
    }

    @Test
    void loadsOfflineFindsTheHandDesignedRingsAndDrawsEveryRoute() throws Exception {
        Path out = dir.resolve("r");
        CliTestSupport.Run run = CliTestSupport.run("analyze", "--shipments", MINI.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        try (Browser b = new Browser(html)) {
            HtmlPage page = b.open();
            assertEquals(List.of(PAGE), b.requests, "no request but the page itself");
            assertEquals("1", page.getDocumentElement().getAttribute("data-ready"), "the script ran to the end");

            // Ring A's source, written "+86 138-7000-0001" in the file (sample-data/README.md)
            page = search(page, "+86 138-7000-0001");
            String source = result(page);
            assertTrue(source.contains("Party 13870000001"), source);
            assertTrue(source.contains("source"), source);
            String ringA = ringOf(source);
            assertNotEquals("not in a ring", ringA, source);
            assertTrue(source.contains("Parcels on a time line"));
            // its 24 parcels (all sent, to the Kunming warehouse), each a tick on the time line
            assertEquals(24, page.querySelectorAll("#pn-result svg.timeline line.tick").size());

            // the Kunming warehouse is in the same ring; Ring B's source in another
            String warehouse = result(search(page, "13870000002"));
            assertEquals(ringA, ringOf(warehouse), warehouse);
            assertTrue(warehouse.contains("transit"), warehouse);
            String ringBSource = result(search(page, "0086 139 7100 0001"));
            assertNotEquals("not in a ring", ringOf(ringBSource), ringBSource);
            assertNotEquals(ringA, ringOf(ringBSource), ringBSource);

            // a waybill of ring A and a place
            String waybill = result(search(page, "WB000001"));
            assertTrue(waybill.contains("Waybill WB000001") && waybill.contains("13870000001"), waybill);
            String place = result(search(page, "瑞丽"));
            assertTrue(place.contains("Place 云南/瑞丽") && place.contains("云南 > 四川"), place);
            String nothing = result(search(page, "no-such-thing"));
            assertTrue(nothing.contains("Nothing in the page matches"), nothing);

            // the map of all routes: one arc per route of routes.csv, ids 1..n
            List<String> routes = Files.readAllLines(out.resolve("routes.csv"));
            List<DomNode> arcs = page.querySelectorAll("figure.wide svg.map path.route");
            assertEquals(routes.size() - 1, arcs.size(), "one arc per route in routes.csv");
            List<String> ids = new ArrayList<>();
            for (DomNode arc : arcs) {
                ids.add(((DomElement) arc).getAttribute("data-route"));
            }
            for (int i = 1; i < routes.size(); i++) {
                assertTrue(ids.contains(Integer.toString(i)), "route " + i + " drawn");
            }

            // a click on a column header sorts the table, numbers as numbers
            DomElement table = (DomElement) page.querySelectorAll("table.sortable").stream()
                    .filter(t -> t.asNormalizedText().startsWith("Relay routes (routes.csv")).findFirst().orElseThrow();
            HtmlElement chainsHeader = (HtmlElement) table.querySelectorAll("th").get(3);
            chainsHeader.click();
            chainsHeader.click(); // descending
            assertEquals("descending", chainsHeader.getAttribute("aria-sort"));
            List<DomNode> firstCells = table.querySelectorAll("tbody tr td:nth-child(4)");
            for (int i = 1; i < firstCells.size(); i++) {
                assertTrue(Integer.parseInt(firstCells.get(i - 1).asNormalizedText()) >= Integer.parseInt(firstCells.get(i)
                        .asNormalizedText()));
            }

            // the theme switch; no chart of the page keeps a fixed white background or black text,
            // so in the dark style none stays a white card (their frames use the page's properties)
            page.getHtmlElementById("pn-theme").click();
            assertTrue(List.of("dark", "light").contains(page.getDocumentElement().getAttribute("data-theme")));
            List<DomNode> charts = page.querySelectorAll("figure svg");
            assertTrue(charts.size() >= 8, "charts: " + charts.size());
            for (DomNode svg : charts) {
                String markup = ((DomElement) svg).asXml().replace(" ", "").replace("\n", "");
                for (String fixed : new String[] {"fill:rgb(255,255,255)", "fill=\"#ffffff\"", "fill:rgb(0,0,0)",
                    "fill=\"#000000\""}) {
                    assertFalse(markup.contains(fixed), fixed + " in a chart");
                }
            }
            assertTrue(b.alerts.isEmpty());
            assertEquals(List.of(PAGE), b.requests, "still no other request");
        }
    }

    @Test
    void scriptBreakingInputStaysText() throws Exception {
        String hostile = "WB</script><!--\u2028<img src=x onerror=alert(1)>";
        List<String> lines = new ArrayList<>(Files.readAllLines(MINI));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("WB000001,")) {
                lines.set(i, "\"" + hostile + "\"" + lines.get(i).substring("WB000001".length()));
            }
        }
        Path in = dir.resolve("hostile.csv");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("r");
        CliTestSupport.Run run = CliTestSupport.run("analyze", "--shipments", in.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("</script><!--"), "never raw in the page");
        assertFalse(html.contains("\u2028"), "U+2028 escaped");
        assertFalse(html.contains("<img"));
        try (Browser b = new Browser(html)) {
            HtmlPage page = b.open();
            assertEquals("1", page.getDocumentElement().getAttribute("data-ready"), "the script ran");
            page = search(page, hostile);
            assertFalse(page.getDocumentElement().getAttribute("data-index-ms").isEmpty(), "the data block parsed");
            String text = page.getElementById("pn-result").getTextContent();
            assertTrue(text.contains("Waybill " + hostile), text);
            assertEquals(0, page.querySelectorAll("#pn-result img").size(), "shown as text, not markup");
            assertTrue(b.alerts.isEmpty(), "no script ran: " + b.alerts);
            assertEquals(List.of(PAGE), b.requests);
        }
    }

    @Test
    void showsLinkingEvidenceAndRolesWhenTheFolderHasThem() throws Exception {
        AnalysisResult result = Analysis.run(MINI, AnalysisOptions.builder().build());
        Path out = dir.resolve("with-links");
        Files.createDirectories(out);
        // analyze writes links.csv and ring_members.csv itself; the report reads them back
        new AnalyzeOutputs(result, "mini", 4, ProgressListener.NONE).write(out);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("role and confidence from ring_members.csv"));
        List<String> members = Files.readAllLines(out.resolve("ring_members.csv"));
        String[] first = members.get(1).split(",");
        List<String> links = Files.readAllLines(out.resolve("links.csv"));
        try (Browser b = new Browser(html)) {
            HtmlPage page = search(b.open(), first[0]);
            String text = result(page);
            assertTrue(text.contains(first[3]) && text.contains(String.format(java.util.Locale.ROOT, "%.3f",
                    Double.parseDouble(first[4]))), text);
            if (links.size() > 1) {
                String caseA = links.get(1).split(",")[0];
                String found = result(search(b.open(), caseA));
                assertTrue(found.contains("Linking evidence"), found);
            }
        }
    }
}
