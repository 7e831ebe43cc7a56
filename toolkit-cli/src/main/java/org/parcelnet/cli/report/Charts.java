package org.parcelnet.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.parcelnet.interdiction.Disruption;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;

/**
 * Charts of the report as inline SVG, from plain data. The statistical charts are JFreeChart charts
 * drawn onto a JFreeSVG {@code SVGGraphics2D}; the ring diagram is laid out by {@link ForceLayout}
 * (Fruchterman &amp; Reingold 1991, "Graph drawing by force-directed placement", Software: Practice
 * and Experience 21(11), doi:10.1002/spe.4380211102) and written as SVG directly.
 *
 * <p>Every chart renders for empty data too (a "no data" message). Text that came from input (labels,
 * titles) is escaped: by JFreeSVG inside JFreeChart charts, by {@link Html#escape} in the ring diagram.
 * Output is deterministic: the same data (and seed) give the same markup; ids inside an SVG (clip
 * paths, markers) carry a prefix derived from the chart's content, so several charts can share one
 * page. The root {@code <svg>} has a {@code viewBox} and no fixed size (it scales with its card) and no
 * namespace attributes (inline SVG in HTML needs none), so the page holds no URL at all.
 *
 * <p>AWT runs headless ({@code java.awt.headless=true} is set when this class loads).
 */
public final class Charts {

    static {
        System.setProperty("java.awt.headless", "true");
        // Rotated labels as SVG <text> (the browser then picks a font with CJK glyphs), not as glyph
        // outlines from a JVM font that may lack them.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
        org.jfree.chart.text.TextUtils.setDrawStringsWithFontAttributes(false);
    }

    /** Default chart width in SVG user units. */
    public static final int WIDTH = 640;
    /** Default chart height in SVG user units. */
    public static final int HEIGHT = 400;
    /** The ring diagram draws at most this many nodes (the strongest by weighted degree). */
    public static final int MAX_RING_NODES = 200;
    /** Fruchterman–Reingold iterations of the ring layout (100 is common; more settles small rings better). */
    static final int RING_LAYOUT_ITERATIONS = 300;
    /**
     * FR normalisation factor C of the ideal edge length C·sqrt(area / n). A C of 0.5 pushes the leaves
     * of a star-like ring against the frame; 0.2 keeps them near their hub.
     */
    static final double RING_LAYOUT_NORMALIZATION = 0.2;
    /** Rings with more nodes label only their sources, transits and strongest nodes (all have tooltips). */
    static final int RING_LABEL_ALL_UP_TO = 30;
    static final int RING_LABELLED_STRONGEST = 24;

    /** Colour-blind-safe tier colours (Okabe &amp; Ito palette). */
    private static final Map<String, Color> TIER_COLOURS = new LinkedHashMap<>();
    private static final Color[] EXTRA = {new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};
    private static final Color UNKNOWN_TIER = new Color(0x999999);
    private static final Color BAR = new Color(0x0072B2);
    private static final Color BAR_AFTER = new Color(0xE69F00);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final String PLACEHOLDER = "PNDEFSX";

    static {
        TIER_COLOURS.put("source", new Color(0xD55E00));
        TIER_COLOURS.put("transit", new Color(0xE69F00));
        TIER_COLOURS.put("distributor", new Color(0x0072B2));
        TIER_COLOURS.put("retailer", new Color(0x009E73));
    }

    private Charts() {
    }

    // ---------------------------------------------------------------- degree distribution

    /**
     * Degree distribution on log–log axes: one point per distinct positive degree d, at (d, number of
     * nodes with degree d). Nodes of degree 0 cannot be placed on a log axis; their count is given in a
     * subtitle. Cost O(n log n).
     *
     * @param degrees one degree per node (may be empty)
     */
    public static Svg degreeDistribution(String title, double[] degrees) {
        double[] d = degrees.clone();
        Arrays.sort(d);
        XYSeries series = new XYSeries("nodes", true, false);
        int zero = 0;
        int i = 0;
        while (i < d.length) {
            int j = i;
            while (j < d.length && d[j] == d[i]) {
                j++;
            }
            if (d[i] > 0 && Double.isFinite(d[i])) {
                series.add(d[i], j - i);
            } else {
                zero += j - i;
            }
            i = j;
        }
        XYSeriesCollection data = new XYSeriesCollection(series);
        LogAxis x = logAxis("degree");
        LogAxis y = logAxis("nodes");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDrawOutlines(false); // filled dots only: an outline in the same colour doubled the markup
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesPaint(0, BAR);
        XYPlot plot = new XYPlot(data, x, y, r);
        styleXY(plot);
        JFreeChart chart = chart(title, plot, false);
        if (zero > 0) {
            chart.addSubtitle(new TextTitle(zero + " node" + (zero == 1 ? "" : "s") + " of degree 0 not shown (log axes)"));
        }
        return render(chart, WIDTH, HEIGHT);
    }

    private static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setSmallestValue(0.5);
        a.setAutoTickUnitSelection(false);
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0), false, false); // one tick per decade
        a.setMinorTickMarksVisible(true);
        a.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return a;
    }

    // ---------------------------------------------------------------- community sizes

    /**
     * Community-size distribution as a histogram with doubling bins (1, 2, 3–4, 5–8, …): the height of
     * a bar is the number of communities whose size falls in the bin. Cost O(k) for k communities.
     *
     * @param sizes one size (≥ 1) per community (may be empty)
     */
    public static Svg communitySizes(String title, int[] sizes) {
        int maxBin = -1;
        long[] counts = new long[33];
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("community size must be >= 1, got " + s);
            }
            int bin = binOf(s);
            counts[bin]++;
            maxBin = Math.max(maxBin, bin);
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int b = 0; b <= maxBin; b++) {
            data.addValue(counts[b], "communities", binLabel(b));
        }
        CategoryPlot plot = barPlot(data, "community size (nodes)", "communities", PlotOrientation.VERTICAL, true);
        return render(chart(title, plot, false), WIDTH, HEIGHT);
    }

    /** Bin of a size: 0 ↔ 1, 1 ↔ 2, b ↔ (2^(b-1), 2^b]. */
    static int binOf(int size) {
        return size == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(size - 1);
    }

    /** Label of a bin: "1", "2", "3–4", "5–8", … */
    static String binLabel(int bin) {
        if (bin <= 1) {
            return Integer.toString(bin + 1);
        }
        long lo = (1L << (bin - 1)) + 1;
        long hi = 1L << bin;
        return lo + "\u2013" + hi;
    }

    // ---------------------------------------------------------------- generic bars

    /**
     * Horizontal bars, one per label, in the order given (e.g. top leads by score).
     *
     * @param labels one label per bar (escaped)
     * @param values one value per label
     */
    public static Svg barChart(String title, String valueLabel, List<String> labels, double[] values) {
        requireSameLength(labels.size(), values.length, "labels", "values");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            data.addValue(values[i], valueLabel, unique(labels.get(i), seen));
        }
        CategoryPlot plot = barPlot(data, null, valueLabel, PlotOrientation.HORIZONTAL, false);
        int h = Math.max(HEIGHT / 2, 90 + 22 * values.length);
        return render(chart(title, plot, false), WIDTH, h);
    }

    /**
     * Paired horizontal bars per label, "before" and "after" (e.g. reachability of sinks from sources
     * before and after removing an interdiction target).
     */
    public static Svg beforeAfter(String title, String valueLabel, List<String> labels, double[] before, double[] after) {
        requireSameLength(labels.size(), before.length, "labels", "before");
        requireSameLength(labels.size(), after.length, "labels", "after");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < before.length; i++) {
            String l = unique(labels.get(i), seen);
            data.addValue(before[i], "before", l);
            data.addValue(after[i], "after", l);
        }
        CategoryPlot plot = barPlot(data, null, valueLabel, PlotOrientation.HORIZONTAL, false);
        ((BarRenderer) plot.getRenderer()).setSeriesPaint(1, BAR_AFTER);
        int h = Math.max(HEIGHT / 2, 110 + 36 * before.length);
        return render(chart(title, plot, true), WIDTH, h);
    }

    /** Category labels must be distinct in a JFreeChart dataset; repeated labels get " (2)", " (3)", … */
    private static String unique(String label, Map<String, Integer> seen) {
        String l = label == null ? "" : label;
        int k = seen.merge(l, 1, Integer::sum);
        return k == 1 ? l : l + " (" + k + ")";
    }

    private static CategoryPlot barPlot(DefaultCategoryDataset data, String categoryLabel, String valueLabel,
                                        PlotOrientation orientation, boolean integerCounts) {
        CategoryAxis cat = new CategoryAxis(categoryLabel);
        if (orientation == PlotOrientation.VERTICAL) {
            cat.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        cat.setMaximumCategoryLabelWidthRatio(0.4f);
        NumberAxis val = new NumberAxis(valueLabel);
        if (integerCounts) {
            val.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        }
        val.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, BAR);
        r.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(orientation);
        if (orientation == PlotOrientation.HORIZONTAL) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // values below the bars, not above
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("no data");
        return plot;
    }

    // ---------------------------------------------------------------- flow heat map

    /**
     * Province × province flow heat map: cell (origin i, destination j) is coloured by
     * {@code log10(flow[i][j])} on a light-to-dark ramp (white = no flow; flows below 1 count as 1), with
     * a legend in shipments. JFreeChart {@link XYBlockRenderer}
     * with {@link SymbolAxis} labels; origins along x, destinations along y. Cost O(p²).
     *
     * @param labels one label per province (escaped)
     * @param flow   p × p non-negative flows (e.g. shipments), flow[origin][destination]
     */
    public static Svg flowHeatMap(String title, List<String> labels, double[][] flow) {
        int p = labels.size();
        requireSameLength(p, flow.length, "labels", "flow rows");
        double max = 0;
        int cells = 0;
        for (double[] row : flow) {
            requireSameLength(p, row.length, "labels", "flow columns");
            for (double v : row) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("flows must be finite and >= 0, got " + v);
                }
                if (v > 0) {
                    cells++;
                    max = Math.max(max, v);
                }
            }
        }
        double[][] xyz = new double[3][cells];
        int k = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                if (flow[i][j] > 0) {
                    xyz[0][k] = i;
                    xyz[1][k] = j;
                    xyz[2][k] = Math.log10(Math.max(1, flow[i][j])); // colour on a log scale; flows < 1 as 1
                    k++;
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        if (cells > 0) {
            data.addSeries("flow", xyz);
        }
        String[] names = labels.stream().map(s -> s == null ? "" : s).toArray(String[]::new);
        int fontSize = p > 40 ? 8 : 10;
        // Reserve label space from the characters (CJK glyphs ~1 em wide, others ~0.62 em), not from JVM
        // font metrics: the JVM may lack CJK fonts that the browser has.
        double longest = 1;
        for (String s : names) {
            longest = Math.max(longest, ems(s));
        }
        double labelSpace = 12 + Math.min(40, longest) * fontSize;
        SymbolAxis x = new SymbolAxis("origin", names);
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis("destination", names);
        y.setInverted(true);
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            a.setGridBandsVisible(false);
            a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
            a.setLowerMargin(0);
            a.setUpperMargin(0);
            a.setAutoRange(false);
            a.setRange(-0.5, Math.max(0.5, p - 0.5));
            a.setFixedDimension(labelSpace + 22); // + the axis title
        }
        double top = Math.max(1, Math.log10(Math.max(1, max)));
        LogPaintScale scale = new LogPaintScale(top);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessage("no data");
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = chart(title, plot, false);
        if (cells > 0) {
            NumberAxis legendAxis = new NumberAxis("shipments (log scale)");
            legendAxis.setRange(0, top);
            legendAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
            legendAxis.setNumberFormatOverride(new PowerOfTenFormat());
            PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
            legend.setSubdivisionCount(64);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            legend.setMargin(new RectangleInsets(10, 10, 10, 10));
            legend.setStripWidth(12);
            chart.addSubtitle(legend);
        }
        int side = Math.max(HEIGHT, 160 + 16 * p);
        return render(chart, Math.max(WIDTH, side + 120), side);
    }

    /** Approximate width of a label in ems: 1 per CJK or full-width character, 0.62 per other character. */
    static double ems(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += cp >= 0x2E80 ? 1.0 : 0.62;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Light yellow to dark red, linear over [0, max] (the heat map feeds it log10 of flows). */
    static final class LogPaintScale implements PaintScale {
        private static final Color[] RAMP = {new Color(0xFEE8C8), new Color(0xFDD49E), new Color(0xFC8D59),
                new Color(0xD7301F), new Color(0x7F0000)};
        private final double max;

        LogPaintScale(double max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value / max));
            double pos = t * (RAMP.length - 1);
            int i = Math.min(RAMP.length - 2, (int) pos);
            double f = pos - i;
            Color a = RAMP[i];
            Color b = RAMP[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }

    /** Formats an exponent k as 10^k with thousands separators (1, 10, 100, 1,000, …). */
    static final class PowerOfTenFormat extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            double v = Math.pow(10, number);
            return toAppendTo.append(v >= 1e15 ? String.format(Locale.ROOT, "%.0e", v)
                    : String.format(Locale.ROOT, "%,d", Math.round(v)));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, java.text.FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition parsePosition) {
            throw new UnsupportedOperationException();
        }
    }

    // ---------------------------------------------------------------- ring diagram

    /**
     * A node–link diagram of one ring: positions from a Fruchterman–Reingold layout ({@link ForceLayout},
     * {@value #RING_LAYOUT_ITERATIONS} iterations, seeded), nodes coloured by tier ({@code source}, {@code transit},
     * {@code distributor}, {@code retailer}; other names get further colours, null/empty grey) and
     * labelled by their id (a pseudonym after desensitisation; cut to 10 characters, the full id in a
     * tooltip; rings over {@value #RING_LABEL_ALL_UP_TO} nodes label only sources, transits and the
     * {@value #RING_LABELLED_STRONGEST} strongest nodes). Edge width grows with log(weight); directed graphs get arrowheads. Rings larger than
     * {@value #MAX_RING_NODES} nodes are drawn as the induced subgraph of the strongest nodes (noted on
     * the diagram). Cost O(iterations · n²) for the layout (all repulsions are computed).
     *
     * @param ring  the ring as a graph with node ids
     * @param tiers one tier name per node ({@code tiers.get(v)} for node v), entries may be null
     * @param seed  seed of the layout's random start
     */
    public static Svg ringDiagram(String title, LabeledGraph ring, List<String> tiers, long seed) {
        Objects.requireNonNull(ring, "ring");
        requireSameLength(ring.graph().nodeCount(), tiers.size(), "ring nodes", "tiers");
        int n0 = ring.graph().nodeCount();
        int[] keep = strongest(ring.graph(), MAX_RING_NODES);
        LabeledGraph g = keep.length == n0 ? ring : induced(ring, keep);
        List<String> tier = new ArrayList<>(keep.length);
        for (int v : keep) {
            tier.add(tiers.get(v));
        }
        CompactGraph cg = g.graph();
        int n = cg.nodeCount();
        int w = WIDTH;
        int h = 480;
        double top = 56;
        double pad = 28;
        double padRight = 96; // room for labels right of the nodes
        double[] px = new double[n];
        double[] py = new double[n];
        if (n == 1) {
            px[0] = w / 2.0;
            py[0] = (top + h) / 2.0;
        } else if (n > 1) {
            double[] at = ForceLayout.layout(cg, RING_LAYOUT_ITERATIONS, RING_LAYOUT_NORMALIZATION, 1000, 1000, seed);
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < n; v++) {
                px[v] = at[2 * v];
                py[v] = at[2 * v + 1];
                minX = Math.min(minX, px[v]);
                maxX = Math.max(maxX, px[v]);
                minY = Math.min(minY, py[v]);
                maxY = Math.max(maxY, py[v]);
            }
            double sx = (w - pad - padRight) / Math.max(1e-9, maxX - minX);
            double sy = (h - top - 2 * pad - 20) / Math.max(1e-9, maxY - minY); // 20: legend row
            for (int v = 0; v < n; v++) {
                px[v] = maxX - minX < 1e-9 ? w / 2.0 : pad + (px[v] - minX) * sx;
                py[v] = maxY - minY < 1e-9 ? (top + h) / 2.0 : top + pad + (py[v] - minY) * sy;
            }
        }
        Map<String, Color> colours = tierColours(tier);
        StringBuilder sb = new StringBuilder(4096 + 300 * n);
        sb.append("<svg viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" font-family=\"sans-serif\">");
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        boolean directed = cg.isDirected();
        if (directed) {
            sb.append("<defs><marker id=\"").append(PLACEHOLDER).append("arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                    .append("markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                    .append("<path d=\"M0,0L10,5L0,10z\" fill=\"#777777\"/></marker></defs>");
        }
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h).append("\" style=\"fill:var(--card,#ffffff)\"/>");
        sb.append("<text x=\"").append(w / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" style=\"fill:var(--ink,#1f2328)\">")
                .append(Html.escape(title)).append("</text>");
        String note = n + " node" + (n == 1 ? "" : "s") + ", " + cg.edgeCount() + " link" + (cg.edgeCount() == 1 ? "" : "s")
                + (n < n0 ? " (the " + n + " strongest of " + n0 + ")" : "");
        sb.append("<text x=\"").append(w / 2).append("\" y=\"40\" text-anchor=\"middle\" font-size=\"11\" style=\"fill:var(--muted,#59636e)\">")
                .append(Html.escape(n == 0 ? "no data" : note)).append("</text>");
        // legend
        double lx = 8;
        for (Map.Entry<String, Color> e : colours.entrySet()) {
            sb.append("<circle cx=\"").append(fmt(lx + 5)).append("\" cy=\"").append(h - 12).append("\" r=\"5\" fill=\"")
                    .append(hex(e.getValue())).append("\"/>");
            sb.append("<text x=\"").append(fmt(lx + 13)).append("\" y=\"").append(h - 8).append("\" font-size=\"11\" style=\"fill:var(--ink,#1f2328)\">")
                    .append(Html.escape(e.getKey())).append("</text>");
            lx += 22 + 6.5 * e.getKey().length();
        }
        // edges
        double maxW = 0;
        for (int a = 0; a < cg.arcCount(); a++) {
            maxW = Math.max(maxW, cg.weight(a));
        }
        double[] radius = new double[n];
        double maxDeg = 1;
        for (int v = 0; v < n; v++) {
            maxDeg = Math.max(maxDeg, cg.strength(v));
        }
        for (int v = 0; v < n; v++) {
            radius[v] = 4 + 8 * Math.sqrt(cg.strength(v) / maxDeg);
        }
        sb.append("<g stroke=\"#777777\" stroke-opacity=\"0.7\">");
        for (int u = 0; u < n; u++) {
            for (int a = cg.outStart(u); a < cg.outEnd(u); a++) {
                int v = cg.target(a);
                if (!directed && v < u) {
                    continue;
                }
                if (u == v) {
                    continue;
                }
                double dx = px[v] - px[u];
                double dy = py[v] - py[u];
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                double x2 = px[v] - dx / len * (radius[v] + 1);
                double y2 = py[v] - dy / len * (radius[v] + 1);
                double sw = 0.8 + 2.2 * Math.log1p(cg.weight(a)) / Math.log1p(Math.max(1, maxW));
                sb.append("<line x1=\"").append(fmt(px[u])).append("\" y1=\"").append(fmt(py[u])).append("\" x2=\"")
                        .append(fmt(directed ? x2 : px[v])).append("\" y2=\"").append(fmt(directed ? y2 : py[v]))
                        .append("\" stroke-width=\"").append(fmt(sw)).append('"');
                if (directed) {
                    sb.append(" marker-end=\"url(#").append(PLACEHOLDER).append("arrow)\"");
                }
                sb.append("/>");
            }
        }
        sb.append("</g>");
        // nodes and labels; large rings label only their sources, transits and strongest nodes
        boolean[] labelled = new boolean[n];
        if (n <= RING_LABEL_ALL_UP_TO) {
            Arrays.fill(labelled, true);
        } else {
            for (int v : strongest(cg, RING_LABELLED_STRONGEST)) {
                labelled[v] = true;
            }
            for (int v = 0; v < n; v++) {
                labelled[v] |= "source".equals(tier.get(v)) || "transit".equals(tier.get(v));
            }
        }
        for (int v = 0; v < n; v++) {
            String id = g.label(v);
            String t = tier.get(v);
            sb.append("<g><title>").append(Html.escape(id)).append(t == null || t.isEmpty() ? "" : " (" + Html.escape(t) + ")")
                    .append("</title><circle cx=\"").append(fmt(px[v])).append("\" cy=\"").append(fmt(py[v]))
                    .append("\" r=\"").append(fmt(radius[v])).append("\" fill=\"").append(hex(colourOf(t, colours)))
                    .append("\" style=\"stroke:var(--card,#ffffff)\" stroke-width=\"1\"/>");
            if (labelled[v]) {
                String shortId = id.length() > 10 ? id.substring(0, 10) + "\u2026" : id;
                sb.append("<text x=\"").append(fmt(px[v] + radius[v] + 2)).append("\" y=\"").append(fmt(py[v] + 3.5))
                        .append("\" font-size=\"9\" style=\"fill:var(--ink,#1f2328)\">").append(Html.escape(shortId)).append("</text>");
            }
            sb.append("</g>");
        }
        sb.append("</svg>");
        return new Svg(withPrefix(sb.toString()));
    }

    /** Nodes of the strongest {@code max} (by total weight, ties by index), in index order. */
    private static int[] strongest(CompactGraph g, int max) {
        int n = g.nodeCount();
        if (n <= max) {
            int[] all = new int[n];
            for (int v = 0; v < n; v++) {
                all[v] = v;
            }
            return all;
        }
        Integer[] order = new Integer[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(g.strength(b), g.strength(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] keep = new int[max];
        for (int i = 0; i < max; i++) {
            keep[i] = order[i];
        }
        Arrays.sort(keep);
        return keep;
    }

    private static LabeledGraph induced(LabeledGraph ring, int[] keep) {
        CompactGraph g = ring.graph();
        int[] map = new int[g.nodeCount()];
        Arrays.fill(map, -1);
        IdMap<String> ids = new IdMap<>(keep.length);
        for (int i = 0; i < keep.length; i++) {
            map[keep[i]] = i;
            ids.intern(ring.label(keep[i]));
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(g.isDirected(), keep.length);
        for (int u : keep) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                int v = g.target(a);
                if (map[v] >= 0 && (g.isDirected() || u <= v)) {
                    b.addEdge(map[u], map[v], g.weight(a));
                }
            }
        }
        return new LabeledGraph(b.build(), ids);
    }

    private static Map<String, Color> tierColours(List<String> tiers) {
        Map<String, Color> used = new LinkedHashMap<>();
        for (Map.Entry<String, Color> e : TIER_COLOURS.entrySet()) {
            if (tiers.contains(e.getKey())) {
                used.put(e.getKey(), e.getValue());
            }
        }
        int extra = 0;
        boolean unknown = false;
        for (String t : tiers) {
            if (t == null || t.isEmpty()) {
                unknown = true;
            } else if (!used.containsKey(t)) {
                used.put(t, extra < EXTRA.length ? EXTRA[extra] : UNKNOWN_TIER);
                extra++;
            }
        }
        if (unknown) {
            used.put("no tier", UNKNOWN_TIER);
        }
        return used;
    }

    private static Color colourOf(String tier, Map<String, Color> colours) {
        return tier == null || tier.isEmpty() ? UNKNOWN_TIER : colours.getOrDefault(tier, UNKNOWN_TIER);
    }

    // ---------------------------------------------------------------- rendering

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static void styleXY(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        plot.setNoDataMessage("no data");
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    }

    private static final Color[] ROBUSTNESS_PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x555555)};

    /**
     * Robustness curves of strike waves (see {@link Disruption}): for each strategy the share of the
     * initial sinks reached ({@code terminals}) or connected pairs left, against removals.
     */
    public static JFreeChart robustnessChart(List<Disruption.Curve> curves, boolean terminals, Disruption.Adaptation adaptation) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Disruption.Curve c : curves) {
            XYSeries s = new XYSeries(c.strategy().key(), false, true);
            double first = terminals ? c.points().get(0).sinksReached() : c.points().get(0).connectedPairs();
            for (Disruption.Point p : c.points()) {
                double v = terminals ? p.sinksReached() : p.connectedPairs();
                s.add(p.removed(), first == 0 ? 0 : v / first);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("removals");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(terminals ? "sinks still reached (share)" : "connected pairs left (share)");
        y.setRange(0, 1.02);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            r.setSeriesPaint(i, ROBUSTNESS_PALETTE[i % ROBUSTNESS_PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart("Robustness (recovery: " + adaptation.name().toLowerCase(Locale.ROOT) + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Removal curves: for each method, a measure (e.g. connected pairs, sinks reached) after removing
     * its first k picks, k = 0 (the value before any removal, shared) up to its number of picks; one
     * line with points per method, in the given order and the robustness palette.
     *
     * @param methods one name per curve (escaped)
     * @param after   per method, the measure after each of its picks (may be empty)
     * @param before  the measure before any removal
     */
    public static Svg removalCurves(String title, String measure, List<String> methods, List<long[]> after, long before) {
        requireSameLength(methods.size(), after.size(), "methods", "curves");
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            XYSeries s = new XYSeries(unique(methods.get(i), seen), false, true);
            s.add(0, before);
            for (int k = 0; k < after.get(i).length; k++) {
                s.add(k + 1, after.get(i)[k]);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("removals");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        NumberAxis y = new NumberAxis(measure);
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < methods.size(); i++) {
            r.setSeriesPaint(i, ROBUSTNESS_PALETTE[i % ROBUSTNESS_PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        styleXY(plot);
        return render(chart(title, plot, true), WIDTH, HEIGHT);
    }

    /** {@link #robustnessChart} as inline SVG for the report. */
    public static Svg robustness(List<Disruption.Curve> curves, boolean terminals, Disruption.Adaptation adaptation) {
        return render(robustnessChart(curves, terminals, adaptation), 640, 400);
    }

    private static Svg render(JFreeChart chart, int w, int h) {
        themeable(chart);
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        g2.setDefsKeyPrefix(PLACEHOLDER);
        // Two decimals of an SVG unit are far below a screen pixel; full doubles made a degree
        // distribution of 1,900 points 1.2 MB.
        g2.setGeomDoubleConverter(Charts::geometry);
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        String el = g2.getSVGElement(null, false, new ViewBox(0, 0, w, h), PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        return new Svg(withPrefix(themed(stripNamespaces(el))));
    }

    // ---------------------------------------------------------------- light and dark

    /*
     * A chart follows the page's light or dark style: its frame (backgrounds, text, axes, grid lines)
     * is drawn in sentinel colours used nowhere else, and the SVG's sentinels are then replaced by CSS
     * custom properties of the page (var(--card) and so on) with the light colour as fallback, so the
     * chart looks the same outside the page. Data colours (bars, points, curves) stay as they are.
     */
    private static final Color FRAME_BACKGROUND = new Color(254, 254, 253);
    private static final Color FRAME_INK = new Color(1, 2, 3);
    private static final Color FRAME_MUTED = new Color(121, 122, 123);
    private static final Color FRAME_GRID = new Color(222, 223, 224);

    /** Sentinel {@code rgb(...)} as JFreeSVG writes it, and the theme property replacing it. */
    private static final String[][] FRAME_STYLES = {
        {rgb(FRAME_BACKGROUND), "var(--card,#ffffff)"},
        {rgb(FRAME_INK), "var(--ink,#1f2328)"},
        {rgb(FRAME_MUTED), "var(--muted,#59636e)"},
        {rgb(FRAME_GRID), "var(--line,#d1d9e0)"},
    };

    private static String rgb(Color c) {
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** Paints the frame of the chart (titles, legends, plot, axes) in the sentinel colours. */
    static void themeable(JFreeChart chart) {
        chart.setBackgroundPaint(FRAME_BACKGROUND);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(FRAME_INK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            org.jfree.chart.title.Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                tt.setPaint(FRAME_INK);
            } else if (t instanceof org.jfree.chart.title.LegendTitle lt) {
                lt.setItemPaint(FRAME_INK);
                lt.setBackgroundPaint(FRAME_BACKGROUND);
            } else if (t instanceof PaintScaleLegend psl) {
                psl.setBackgroundPaint(FRAME_BACKGROUND);
                psl.setStripOutlinePaint(FRAME_MUTED);
                themeable(psl.getAxis());
            }
        }
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        plot.setBackgroundPaint(FRAME_BACKGROUND);
        plot.setNoDataMessagePaint(FRAME_INK);
        plot.setOutlinePaint(FRAME_MUTED);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(FRAME_GRID);
            xy.setRangeGridlinePaint(FRAME_GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                themeable(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                themeable(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cp) {
            cp.setDomainGridlinePaint(FRAME_GRID);
            cp.setRangeGridlinePaint(FRAME_GRID);
            for (int i = 0; i < cp.getDomainAxisCount(); i++) {
                themeable(cp.getDomainAxis(i));
            }
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                themeable(cp.getRangeAxis(i));
            }
        }
    }

    private static void themeable(org.jfree.chart.axis.Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelPaint(FRAME_INK);
        a.setTickLabelPaint(FRAME_INK);
        a.setAxisLinePaint(FRAME_MUTED);
        a.setTickMarkPaint(FRAME_MUTED);
    }

    /** Replaces the frame's sentinel colours by the page's theme properties. */
    static String themed(String svg) {
        String s = svg;
        for (String[] r : FRAME_STYLES) {
            s = s.replace(r[0], r[1]);
        }
        return s;
    }

    /** A coordinate with at most two decimals, no trailing zeros, no exponent. */
    static String geometry(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        long hundredths = Math.round(v * 100);
        if (hundredths == 0) {
            return "0";
        }
        String sign = hundredths < 0 ? "-" : "";
        long a = Math.abs(hundredths);
        long whole = a / 100;
        int frac = (int) (a % 100);
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + (frac % 10 == 0 ? "." + frac / 10 : (frac < 10 ? ".0" : ".") + frac);
    }

    /** Removes {@code xmlns} attributes of the root tag: inline SVG in HTML needs none, and they are URLs. */
    static String stripNamespaces(String svg) {
        int end = svg.indexOf('>');
        if (end < 0) {
            return svg;
        }
        String root = svg.substring(0, end).replaceAll("\\s+xmlns(:[A-Za-z0-9_-]+)?=(\"[^\"]*\"|'[^']*')", "");
        return root + svg.substring(end);
    }

    /** Replaces the id placeholder by a prefix derived from the content (stable, distinct per chart). */
    private static String withPrefix(String svg) {
        int h = svg.hashCode();
        String prefix = "c" + Integer.toHexString(h) + "-";
        return svg.replace(PLACEHOLDER, prefix);
    }

    private static void requireSameLength(int a, int b, String what, String other) {
        if (a != b) {
            throw new IllegalArgumentException(what + " has " + a + " entries but " + other + " has " + b);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
