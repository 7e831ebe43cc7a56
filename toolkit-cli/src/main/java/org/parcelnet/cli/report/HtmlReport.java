package org.parcelnet.cli.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parcelnet.io.AtomicFiles;

/**
 * Builds one self-contained HTML page: inline CSS, one inline script (theme switch, sortable tables
 * and, with {@link #workbench}, a search over JSON embedded in the page), no fonts, no images or links
 * to load, and a Content-Security-Policy that allows only that script (by its SHA-256 hash) and would
 * block anything else. Content is added in reading order:
 * {@link #section} starts a section (listed in the table of contents); {@link #paragraph},
 * {@link #stats} (overview figure tiles), {@link #figure} (a card with an SVG chart from
 * {@link Charts}; consecutive figures share a responsive grid) and {@link #table} fill it.
 *
 * <p>Every string argument is escaped with {@link Html#escape}; only {@link Svg} values (made by
 * {@link Charts}) are inserted as markup. The output is also well-formed XML (void elements are
 * self-closed), so it can be checked with an XML parser. Output is deterministic: nothing (no clock)
 * is added that the caller did not give.
 *
 * <pre>{@code
 * HtmlReport r = new HtmlReport("ParcelNet report").subtitle("shipments.csv, 4,310,000 shipments");
 * r.section("Overview").stats(Map.of("shipments", 4310000, "rings", 40));
 * r.section("Degrees").figure("Degree distribution", Charts.degreeDistribution("Degree", deg), "log-log");
 * r.section("Leads").table("Top leads", List.of("rank", "party", "score"), rows);
 * r.write(outDir.resolve("report.html"));
 * }</pre>
 */
public final class HtmlReport {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final String CSS = String.join("\n",
            ":root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#ffffff;--bg:#f6f8fa;--accent:#0072b2;"
                    + "--head:#ffffff;--th:#f0f3f6;--stripe:#fafbfc;--sea:#eef4f8;--land:#f4f1ea;--china:#e3dccb;"
                    + "--coast:#a39e93;--grat:#d7e2ea;--flag:#c0392b;color-scheme:light dark}",
            "@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--ink:#e6edf3;--muted:#9da7b1;"
                    + "--line:#3d444d;--card:#161b22;--bg:#0d1117;--accent:#58a6ff;--head:#161b22;--th:#1f2630;"
                    + "--stripe:#12171e;--sea:#0f1a24;--land:#1f232a;--china:#2d3440;--coast:#59616b;--grat:#1b2733;"
                    + "--flag:#ff7b72}}",
            ":root[data-theme=dark]{--ink:#e6edf3;--muted:#9da7b1;--line:#3d444d;--card:#161b22;--bg:#0d1117;"
                    + "--accent:#58a6ff;--head:#161b22;--th:#1f2630;--stripe:#12171e;--sea:#0f1a24;--land:#1f232a;"
                    + "--china:#2d3440;--coast:#59616b;--grat:#1b2733;--flag:#ff7b72}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,'Segoe UI',"
                    + "'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif}",
            "header{background:var(--head);border-bottom:1px solid var(--line);padding:24px 32px 12px;position:relative}",
            "header h1{margin:0 0 4px;font-size:26px}",
            "header p.sub{margin:0 0 8px;color:var(--muted)}",
            "#pn-theme{position:absolute;right:32px;top:24px;background:var(--card);color:var(--ink);border:1px solid var(--line);"
                    + "border-radius:6px;padding:4px 10px;font:inherit;font-size:13px;cursor:pointer}",
            "nav ol{margin:8px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}",
            "a{color:var(--accent)}nav a{text-decoration:none}",
            "main{max-width:1280px;margin:0 auto;padding:8px 32px 32px}",
            "section{margin:28px 0}",
            "h2{font-size:20px;margin:0 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}",
            "h3.sub{font-size:17px;margin:24px 0 8px}",
            "p{max-width:72em}",
            ".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin:12px 0}",
            ".stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}",
            ".stat .v{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}",
            ".stat .k{color:var(--muted);font-size:13px}",
            ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:16px;margin:12px 0}",
            "figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}",
            "figure.wide{grid-column:1/-1}",
            "figure h3{margin:0 0 8px;font-size:15px}",
            "figure svg{width:100%;height:auto;display:block}",
            "figure.wide svg.map{max-width:980px;margin:0 auto}",
            "figcaption{color:var(--muted);font-size:13px;margin-top:6px}",
            ".tablewrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;margin:12px 0}",
            "table{border-collapse:collapse;width:100%;font-size:13px}",
            "caption{text-align:left;font-weight:600;padding:10px 12px 6px}",
            "th,td{padding:5px 12px;border-top:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}",
            "th{background:var(--th);font-weight:600}",
            "th.num{text-align:right}",
            "th.sort{cursor:pointer}th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}",
            ".tablewrap.long{max-height:560px;overflow-y:auto}",
            ".tablewrap.long thead th{position:sticky;top:0;z-index:1}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "tbody tr:nth-child(even){background:var(--stripe)}",
            "p.empty{color:var(--muted);font-style:italic;padding:0 12px}",
            "details{margin:8px 0}details>summary{cursor:pointer;color:var(--accent);font-size:14px}",
            "svg .sea{fill:var(--sea)}svg .land path{stroke:var(--coast);stroke-width:0.6}svg .land .other{fill:var(--land)}"
                    + "svg .land .china{fill:var(--china)}svg .graticule{stroke:var(--grat);stroke-width:0.6}",
            "svg .places .border,svg .legend .border{fill:#d55e00;stroke:var(--card)}svg .hub{fill:#0072b2;stroke:var(--card)}"
                    + "svg .dest{fill:var(--ink);stroke:var(--card)}",
            "svg .links{fill:none;stroke:var(--muted);stroke-opacity:.22;stroke-width:.4}"
                    + "svg .nodes{fill:none;stroke:var(--ink);stroke-opacity:.55;stroke-width:2.2;stroke-linecap:round}"
                    + "svg .choke circle,svg .choke-key circle{stroke:var(--card);stroke-width:1.5}"
                    + "svg .central circle{fill:#0072b2}svg .key-player circle{fill:#d55e00}svg .both circle{fill:#cc79a7}",
            "figure.wide svg.map.world{max-width:1240px}",
            "svg.map text{font-size:11px;fill:var(--ink);paint-order:stroke;stroke:var(--card);stroke-width:2.5px}"
                    + "svg.map text.credit{font-size:9px;fill:var(--muted)}",
            "svg.timeline,svg.ego{width:100%;height:auto;display:block;background:var(--card);border:1px solid var(--line);border-radius:8px}",
            "svg .axis{stroke:var(--muted)}svg .tick{stroke:var(--accent);stroke-width:1.5}svg .tick.flagged{stroke:var(--flag)}"
                    + "svg .lane{font-size:11px;fill:var(--muted)}svg .edge{stroke:var(--muted);stroke-opacity:.6}"
                    + "svg .node{stroke:var(--card);stroke-width:1.5;cursor:pointer}svg .node.me{stroke:var(--ink)}",
            "svg .lanes text{font-size:11px;fill:var(--muted)}svg .lanes line{stroke:var(--line)}",
            "#search{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0}",
            "#pn-search{display:flex;gap:8px;flex-wrap:wrap}#pn-search input{flex:1;min-width:220px;font:inherit;padding:6px 10px;"
                    + "border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--ink)}",
            "#pn-search button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid var(--accent);"
                    + "background:var(--accent);color:#ffffff;cursor:pointer}",
            "#pn-result h3{margin:16px 0 8px}#pn-result h4{margin:14px 0 6px;font-size:14px}",
            "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0;font-size:14px}"
                    + "dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}",
            ".egorow{display:grid;grid-template-columns:minmax(220px,320px) 1fr;gap:16px;align-items:start}",
            ".swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline}",
            "p.note{color:var(--muted);font-size:13px}ul.matches{columns:3 220px;font-size:14px}",
            ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
            "footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}",
            "@media print{:root{--ink:#000000;--muted:#444444;--line:#bbbbbb;--card:#ffffff;--bg:#ffffff;--head:#ffffff;"
                    + "--th:#eeeeee;--stripe:#ffffff;--sea:#ffffff;--land:#f2f2f2;--china:#dddddd;--grat:#eeeeee}"
                    + "#pn-theme,#search,nav{display:none}"
                    + "section{break-inside:avoid-page}figure{break-inside:avoid}.tablewrap.long{max-height:none;overflow:visible}"
                    + "details>*{display:block}}");

    /** Tables with more rows scroll inside their card. */
    static final int LONG_TABLE_ROWS = 20;

    private final String title;
    private String subtitle;
    private String footer;
    private final List<Section> sections = new ArrayList<>();
    private String workbenchJson;
    private String workbenchHolds;

    private record Section(String title, List<Block> blocks) {
    }

    /** A piece of rendered markup; figures are grouped into grids. */
    private record Block(boolean figure, String html) {
    }

    /** A report with this page title. */
    public HtmlReport(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** A line under the title (e.g. input file and size). */
    public HtmlReport subtitle(String text) {
        this.subtitle = text;
        return this;
    }

    /** A line at the foot of the page (e.g. version, parameters, run time). */
    public HtmlReport footer(String text) {
        this.footer = text;
        return this;
    }

    /** Starts a new section; later content goes into it. */
    public HtmlReport section(String sectionTitle) {
        sections.add(new Section(Objects.requireNonNull(sectionTitle, "sectionTitle"), new ArrayList<>()));
        return this;
    }

    private List<Block> current() {
        if (sections.isEmpty()) {
            sections.add(new Section(null, new ArrayList<>()));
        }
        return sections.get(sections.size() - 1).blocks();
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        current().add(new Block(false, "<p>" + Html.escape(text) + "</p>"));
        return this;
    }

    /**
     * Overview figures as tiles, in the map's iteration order (use a {@code LinkedHashMap}); values are
     * formatted like table cells.
     */
    public HtmlReport stats(Map<String, ?> figures) {
        StringBuilder sb = new StringBuilder("<div class=\"stats\">");
        for (Map.Entry<String, ?> e : figures.entrySet()) {
            sb.append("<div class=\"stat\"><div class=\"v\">").append(Html.escape(format(e.getValue())))
                    .append("</div><div class=\"k\">").append(Html.escape(e.getKey())).append("</div></div>");
        }
        current().add(new Block(false, sb.append("</div>").toString()));
        return this;
    }

    /** A figure card: heading, chart, caption (either text may be null). */
    public HtmlReport figure(String heading, Svg chart, String caption) {
        return figure(heading, chart, caption, null, false);
    }

    /**
     * A figure card with a text alternative: {@code alt} says in words what the chart shows (read out
     * by screen readers as the chart's label; shown when the page is read without pictures). A wide
     * figure takes the whole row of the grid (maps).
     */
    public HtmlReport figure(String heading, Svg chart, String caption, String alt, boolean wide) {
        Objects.requireNonNull(chart, "chart");
        StringBuilder sb = new StringBuilder(wide ? "<figure class=\"wide\">" : "<figure>");
        if (heading != null) {
            sb.append("<h3>").append(Html.escape(heading)).append("</h3>");
        }
        if (alt != null) {
            sb.append("<div role=\"img\" aria-label=\"").append(Html.escape(alt)).append("\">").append(chart.markup())
                    .append("</div>");
        } else {
            sb.append(chart.markup());
        }
        if (caption != null) {
            sb.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
        }
        current().add(new Block(true, sb.append("</figure>").toString()));
        return this;
    }

    /** A heading inside the current section (e.g. one ring), with an anchor id made of letters, digits and '-'. */
    public HtmlReport subheading(String text, String anchor) {
        if (anchor != null && !anchor.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("anchor must be letters, digits and '-', got " + anchor);
        }
        current().add(new Block(false, "<h3 class=\"sub\"" + (anchor == null ? "" : " id=\"" + anchor + "\"") + ">"
                + Html.escape(text) + "</h3>"));
        return this;
    }

    /**
     * Adds the search workbench: a search box at the top of the page and the data it searches, embedded
     * as JSON ({@link ScriptJson}: script-safe). The page's script reads it; nothing is fetched.
     *
     * @param data     the searchable data (see {@code docs/report.md} for its shape)
     * @param holds    one sentence saying what the embedded data includes and what it leaves out
     */
    public HtmlReport workbench(Object data, String holds) {
        this.workbenchJson = ScriptJson.write(Objects.requireNonNull(data, "data"));
        this.workbenchHolds = Objects.requireNonNull(holds, "holds");
        return this;
    }

    /**
     * A table. Cells may be any objects: numbers are right-aligned and formatted (integers with
     * thousands separators, other values to 4 significant digits, NaN and null as a dash, infinity as
     * ∞); everything else is {@code String.valueOf} and escaped. An empty row list shows "none". A
     * table of more than {@value #LONG_TABLE_ROWS} rows scrolls inside its card (all rows are in the
     * page, and printed in full).
     */
    public HtmlReport table(String caption, List<String> header, List<? extends List<?>> rows) {
        return table(caption, header, rows, false);
    }

    /**
     * A table as {@link #table(String, List, List)}, folded away under its caption when
     * {@code collapsed} (a click opens it; printing opens every folded table).
     */
    public HtmlReport table(String caption, List<String> header, List<? extends List<?>> rows, boolean collapsed) {
        // Long tables scroll inside their card (header row sticky), so the page stays short.
        StringBuilder sb = new StringBuilder();
        if (collapsed) {
            sb.append("<details><summary>").append(Html.escape(caption == null ? "table" : caption)).append(" (")
                    .append(format(rows.size())).append(rows.size() == 1 ? " row" : " rows").append(")</summary>");
        }
        sb.append(rows.size() > LONG_TABLE_ROWS ? "<div class=\"tablewrap long\"><table class=\"sortable\">"
                : "<div class=\"tablewrap\"><table class=\"sortable\">");
        if (caption != null) {
            sb.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        // A column whose cells are all numbers (or empty) is right-aligned, header included.
        boolean[] numeric = new boolean[header.size()];
        java.util.Arrays.fill(numeric, !rows.isEmpty());
        for (List<?> row : rows) {
            for (int c = 0; c < Math.min(row.size(), numeric.length); c++) {
                numeric[c] &= row.get(c) == null || row.get(c) instanceof Number;
            }
        }
        sb.append("<thead><tr>");
        for (int c = 0; c < header.size(); c++) {
            sb.append(numeric[c] ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .append(Html.escape(header.get(c))).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table row has " + row.size() + " cells for " + header.size() + " columns");
            }
            sb.append("<tr>");
            for (Object cell : row) {
                sb.append(cell instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.escape(format(cell))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (rows.isEmpty()) {
            sb.append("<p class=\"empty\">none</p>");
        }
        sb.append("</div>");
        if (collapsed) {
            sb.append("</details>");
        }
        current().add(new Block(false, sb.toString()));
        return this;
    }

    /** The display text of a cell value. */
    static String format(Object v) {
        if (v == null) {
            return "\u2014";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return "\u2014";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "\u221E" : "\u2212\u221E";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            if (Math.abs(d) >= 1000) {
                return String.format(Locale.ROOT, "%,.1f", d);
            }
            return new BigDecimal(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /** The whole page. */
    public String render() {
        String script = "//<![CDATA[\n" + script() + "//]]>\n";
        StringBuilder sb = new StringBuilder((1 << 16) + (workbenchJson == null ? 0 : workbenchJson.length()));
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("script-src '").append(sha256(script)).append("'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"ParcelNet\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<button id=\"pn-theme\" type=\"button\" aria-pressed=\"false\" title=\"switch light/dark\">")
                .append("light / dark</button>\n");
        if (subtitle != null) {
            sb.append("<p class=\"sub\">").append(Html.escape(subtitle)).append("</p>\n");
        }
        boolean toc = false;
        for (Section s : sections) {
            toc |= s.title() != null;
        }
        if (toc) {
            sb.append("<nav><ol>");
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i).title() != null) {
                    sb.append("<li><a href=\"#s").append(i + 1).append("\">").append(Html.escape(sections.get(i).title()))
                            .append("</a></li>");
                }
            }
            sb.append("</ol></nav>\n");
        }
        sb.append("</header>\n<main>\n");
        if (workbenchJson != null) {
            sb.append("<section id=\"search\" aria-label=\"search\"><form id=\"pn-search\" role=\"search\">")
                    .append("<label for=\"pn-q\" class=\"visually-hidden\">Search</label>")
                    .append("<input id=\"pn-q\" type=\"search\" autocomplete=\"off\" ")
                    .append("placeholder=\"phone or pseudonym, waybill id, or place\"/>")
                    .append("<button type=\"submit\">Search</button></form>")
                    .append("<p class=\"note\">").append(Html.escape(workbenchHolds)).append("</p>")
                    .append("<div id=\"pn-result\" aria-live=\"polite\"></div></section>\n");
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            sb.append("<section id=\"s").append(i + 1).append("\">\n");
            if (s.title() != null) {
                sb.append("<h2>").append(Html.escape(s.title())).append("</h2>\n");
            }
            boolean inGrid = false;
            for (Block block : s.blocks()) {
                boolean fig = block.figure();
                if (fig && !inGrid) {
                    sb.append("<div class=\"grid\">\n");
                } else if (!fig && inGrid) {
                    sb.append("</div>\n");
                }
                inGrid = fig;
                sb.append(block.html()).append('\n');
            }
            if (inGrid) {
                sb.append("</div>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</main>\n");
        if (footer != null) {
            sb.append("<footer>").append(Html.escape(footer)).append("</footer>\n");
        }
        if (workbenchJson != null) {
            sb.append("<script type=\"application/json\" id=\"pn-data\">").append(workbenchJson).append("</script>\n");
        }
        sb.append("<script>").append(script).append("</script>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The page's script (theme switch, sortable tables, search), from the jar. */
    static String script() {
        try (var in = HtmlReport.class.getResourceAsStream("report.js")) {
            if (in == null) {
                throw new IllegalStateException("report.js missing from the build");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A CSP source expression allowing exactly this inline script ('sha256-' + base64 of its UTF-8 digest). */
    static String sha256(String script) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256-" + java.util.Base64.getEncoder().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Writes the page as UTF-8, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, render());
    }
}
