package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportTest {

    static final String XSS = ChartsTest.XSS;

    @TempDir
    Path dir;

    @Test
    void escapeCoversMarkupCharactersAndControlCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape(XSS));
        assertEquals("a &amp; b &quot;c&quot; &#39;d&#39;", Html.escape("a & b \"c\" 'd'"));
        assertEquals("tab\tnl\n\uFFFD\uFFFD", Html.escape("tab\tnl\n\u0000\u0007"));
        assertEquals("\uFFFDx", Html.escape("\uD800x"), "lone surrogate");
        assertEquals("😀 云南", Html.escape("😀 云南"), "pairs and CJK untouched");
        assertEquals("", Html.escape(null));
        String plain = "plain text";
        assertTrue(plain == Html.escape(plain), "no copy when nothing to escape");
    }

    @Test
    void cellFormatting() {
        assertEquals("1,234,567", HtmlReport.format(1_234_567));
        assertEquals("1,234,567", HtmlReport.format(1_234_567.0));
        assertEquals("0.1235", HtmlReport.format(0.123456));
        assertEquals("12,345.7", HtmlReport.format(12_345.67));
        assertEquals("\u2014", HtmlReport.format(Double.NaN));
        assertEquals("\u2014", HtmlReport.format(null));
        assertEquals("\u221E", HtmlReport.format(Double.POSITIVE_INFINITY));
        assertEquals("P-ABC", HtmlReport.format("P-ABC"));
    }

    static HtmlReport fullReport() {
        HtmlReport r = new HtmlReport("ParcelNet report " + XSS).subtitle("input " + XSS).footer("parcelnet test " + XSS);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("shipments", 4_310_000);
        stats.put("modularity", 0.8123);
        stats.put(XSS, XSS);
        r.section("Overview").stats(stats).paragraph("Modularity compares " + XSS);
        r.section("Structure")
                .figure("Degrees", Charts.degreeDistribution("Degree distribution", new double[] {1, 2, 2, 3, 8}), "log-log")
                .figure("Sizes", Charts.communitySizes("Community sizes", new int[] {40, 12, 3, 1, 1}), null)
                .figure("Flows", Charts.flowHeatMap("Province flows", List.of("云南", XSS), new double[][] {{1, 2}, {3, 4}}), XSS)
                .figure("Ring 1", Charts.ringDiagram("Ring 1", ChartsTest.ring(XSS), ChartsTest.TIERS, 1), "coloured by tier")
                .figure("Empty", Charts.degreeDistribution("Degree distribution", new double[0]), "no data");
        r.section("Leads").table("Top leads", List.of("rank", "party", "score", "reasons"),
                List.of(List.of(1, XSS, 0.93, "volume; 2-carton share"), List.of(2, "P-ABC", 0.5, "betweenness")));
        r.section("Interdiction " + XSS).table("Targets", List.of("node", "before", "after"), List.of());
        return r;
    }

    @Test
    void reportIsWellFormedSelfContainedAndEscaped() throws Exception {
        String html = fullReport().render();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Document doc = XmlCheck.parse(html);
        assertEquals("html", doc.getDocumentElement().getTagName());
        XmlCheck.assertSelfContained(html);
        assertFalse(html.contains(XSS));
        assertEquals(1, XmlCheck.count(html, "<script"), "the page's own script only");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("Content-Security-Policy"));
        assertEquals(5, XmlCheck.count(html, "<figure>"));
        assertEquals(1, XmlCheck.count(html, "<div class=\"grid\">"), "consecutive figures share one grid");
        assertEquals(4, XmlCheck.count(html, "<section id="));
        assertTrue(html.contains("<a href=\"#s4\">Interdiction &lt;script"));
        assertTrue(html.contains("<td class=\"num\">0.93</td>"));
        assertTrue(html.contains("<th scope=\"col\" class=\"num\">score</th><th scope=\"col\">reasons</th>"),
                "numeric columns right-aligned, header too");
        assertTrue(html.contains("<p class=\"empty\">none</p>"));
        assertTrue(html.contains("4,310,000"));
        assertEquals(2, XmlCheck.count(html, "<div class=\"tablewrap\">"), "short tables do not scroll");
    }

    @Test
    void renderingIsDeterministicAndWrittenAtomically() throws Exception {
        String a = fullReport().render();
        assertEquals(a, fullReport().render());
        Path out = dir.resolve("sub").resolve("report.html");
        fullReport().write(out);
        assertEquals(a, Files.readString(out, StandardCharsets.UTF_8));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void longTablesScrollInsideTheirCard() throws Exception {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < HtmlReport.LONG_TABLE_ROWS + 1; i++) {
            rows.add(List.of(i));
        }
        String html = new HtmlReport("t").table("long", List.of("n"), rows).render();
        XmlCheck.parse(html);
        assertTrue(html.contains("<div class=\"tablewrap long\">"));
        assertEquals(HtmlReport.LONG_TABLE_ROWS + 1, XmlCheck.count(html, "<td class=\"num\">"), "every row is in the page");
    }

    @Test
    void contentBeforeAnySectionAndBadRows() throws Exception {
        HtmlReport r = new HtmlReport("t").paragraph("intro");
        String html = r.render();
        XmlCheck.parse(html);
        assertFalse(html.contains("<nav>"), "no table of contents without titled sections");
        assertThrows(IllegalArgumentException.class,
                () -> new HtmlReport("t").table("x", List.of("a", "b"), List.of(List.of(1))));
    }
}
