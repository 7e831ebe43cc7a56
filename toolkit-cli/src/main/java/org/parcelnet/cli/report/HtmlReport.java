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
 * Builds one self-contained HTML page: inline CSS, no scripts, no fonts, no images or links to load,
 * and a Content-Security-Policy that would block them anyway. Content is added in reading order:
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
            ":root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#ffffff;--bg:#f6f8fa;--accent:#0072b2}",
            "*{box-sizing:border-box}",
            "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,'Segoe UI',"
                    + "'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif}",
            "header{background:#ffffff;border-bottom:1px solid var(--line);padding:24px 32px 12px}",
            "header h1{margin:0 0 4px;font-size:26px}",
            "header p.sub{margin:0 0 8px;color:var(--muted)}",
            "nav ol{margin:8px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}",
            "nav a{color:var(--accent);text-decoration:none}",
            "main{max-width:1280px;margin:0 auto;padding:8px 32px 32px}",
            "section{margin:28px 0}",
            "h2{font-size:20px;margin:0 0 12px;padding-bottom:4px;border-bottom:1px solid var(--line)}",
            "p{max-width:72em}",
            ".stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:12px;margin:12px 0}",
            ".stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px}",
            ".stat .v{font-size:24px;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}",
            ".stat .k{color:var(--muted);font-size:13px}",
            ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:16px;margin:12px 0}",
            "figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}",
            "figure h3{margin:0 0 8px;font-size:15px}",
            "figure svg{width:100%;height:auto;display:block}",
            "figcaption{color:var(--muted);font-size:13px;margin-top:6px}",
            ".tablewrap{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;margin:12px 0}",
            "table{border-collapse:collapse;width:100%;font-size:13px}",
            "caption{text-align:left;font-weight:600;padding:10px 12px 6px}",
            "th,td{padding:5px 12px;border-top:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:break-word}",
            "th{background:#f0f3f6;font-weight:600}",
            "th.num{text-align:right}",
            ".tablewrap.long{max-height:560px;overflow-y:auto}",
            ".tablewrap.long thead th{position:sticky;top:0;z-index:1}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
            "tbody tr:nth-child(even){background:#fafbfc}",
            "p.empty{color:var(--muted);font-style:italic;padding:0 12px}",
            "footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}",
            "@media print{body{background:#ffffff}header,figure,.stat,.tablewrap{border-color:#bbbbbb}"
                    + "section{break-inside:avoid-page}.tablewrap.long{max-height:none;overflow:visible}}");

    /** Tables with more rows scroll inside their card. */
    static final int LONG_TABLE_ROWS = 20;

    private final String title;
    private String subtitle;
    private String footer;
    private final List<Section> sections = new ArrayList<>();

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
        Objects.requireNonNull(chart, "chart");
        StringBuilder sb = new StringBuilder("<figure>");
        if (heading != null) {
            sb.append("<h3>").append(Html.escape(heading)).append("</h3>");
        }
        sb.append(chart.markup());
        if (caption != null) {
            sb.append("<figcaption>").append(Html.escape(caption)).append("</figcaption>");
        }
        current().add(new Block(true, sb.append("</figure>").toString()));
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
        // Long tables scroll inside their card (header row sticky), so the page stays short.
        StringBuilder sb = new StringBuilder(rows.size() > LONG_TABLE_ROWS ? "<div class=\"tablewrap long\"><table>"
                : "<div class=\"tablewrap\"><table>");
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
        current().add(new Block(false, sb.append("</div>").toString()));
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
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"ParcelNet\"/>\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("\n</style>\n</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n");
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
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** Writes the page as UTF-8, atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, render());
    }
}
