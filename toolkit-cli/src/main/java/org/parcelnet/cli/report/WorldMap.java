package org.parcelnet.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A network on a world map, as inline SVG: every node with coordinates as a dot, every link as a
 * straight line in the projection (a link crossing the 180th meridian is cut there and continued from
 * the other edge), and the highlighted nodes (chokepoints) as one labelled marker each.
 *
 * <p><b>Projection.</b> Equal Earth, an equal-area pseudocylindrical projection (Šavrič, Patterson
 * &amp; Jenny 2019, "The Equal Earth map projection", International Journal of Geographical Information
 * Science 33(3):454–465, doi:10.1080/13658816.2018.1504949). Cost per point: an arcsine, a sine and
 * two short polynomials.
 *
 * <p><b>Outline.</b> Natural Earth 1:110m Admin 0 countries (public domain; Made with Natural Earth),
 * simplified once into a resource of about 70 KB without Antarctica; {@code tools/natural-earth/README.md}
 * says how. Lines are not great circles: a route from Los Angeles to Sydney is drawn across the
 * Pacific edge of the map, not along its shortest path on the globe.
 *
 * <p>Size: about 24 bytes per link and 14 per node (links and nodes are each one {@code path}), so
 * the OpenFlights network (3,214 airports, about 19,000 airport pairs) takes about 0.5 MB. Every
 * label and title is escaped with {@link Html#escape}; colours come from the page's style. Output
 * is deterministic.
 */
public final class WorldMap {

    /** Width of the SVG viewBox. */
    static final int WIDTH = 1000;

    private static final double A1 = 1.340264;
    private static final double A2 = -0.081106;
    private static final double A3 = 0.000893;
    private static final double A4 = 0.003796;
    private static final double M = Math.sqrt(3) / 2;

    /** Latitudes shown: the outline's window (no Antarctica). */
    static final double LAT_MIN = -58;
    static final double LAT_MAX = 84;

    private static final RouteMap.Outline OUTLINE = RouteMap.Outline.load("natural-earth-world.txt", null);

    /** Why a node is highlighted (its marker's colour and legend entry). */
    public enum Why {
        /** Among the top nodes by betweenness only. */
        CENTRAL("top by betweenness"),
        /** Picked by a removal method (key players, critical nodes, min cut) only. */
        KEY_PLAYER("picked for removal"),
        /** Both. */
        BOTH("both");

        private final String legend;

        Why(String legend) {
            this.legend = legend;
        }

        String css() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A highlighted node.
     *
     * @param id     its id, written as {@code data-node} and as its label on the map (escaped)
     * @param detail its tooltip, e.g. name and ranks (escaped)
     * @param lat    latitude, degrees north
     * @param lon    longitude, degrees east
     * @param why    why it is highlighted
     */
    public record Marker(String id, String detail, double lat, double lon, Why why) {
        public Marker {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(why, "why");
        }
    }

    private WorldMap() {
    }

    /**
     * Draws the map.
     *
     * @param title    the SVG title (escaped)
     * @param summary  a text alternative: what the map shows, in words (escaped; the SVG's {@code desc}
     *                 and {@code aria-label})
     * @param lat      latitude per node (NaN: unknown, not drawn)
     * @param lon      longitude per node (NaN: unknown)
     * @param links    node pairs to join, {@code links[2i]} and {@code links[2i+1]}; pairs with a node
     *                 without coordinates are skipped (the caller says how many in the summary)
     * @param markers  highlighted nodes, drawn in the given order (later on top), each exactly once
     */
    public static Svg draw(String title, String summary, double[] lat, double[] lon, int[] links, List<Marker> markers) {
        if (lat.length != lon.length) {
            throw new IllegalArgumentException("lat has " + lat.length + " entries but lon has " + lon.length);
        }
        if (links.length % 2 != 0) {
            throw new IllegalArgumentException("links must hold pairs, got " + links.length + " entries");
        }
        double[] top = project(LAT_MAX, 0);
        double[] bottom = project(LAT_MIN, 0);
        double xMax = project(0, 180)[0];
        double scale = WIDTH / (2 * xMax);
        int height = (int) Math.ceil((top[1] - bottom[1]) * scale);
        Frame f = new Frame(xMax, top[1], scale);
        StringBuilder sb = new StringBuilder(64_000 + 26 * links.length / 2 + 16 * lat.length);
        sb.append("<svg class=\"map world\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(summary)).append("\"><title>")
                .append(Html.escape(title)).append("</title><desc>").append(Html.escape(summary)).append("</desc>");
        // The sea is the projection's outline: the meridians ±180° are its left and right edges.
        sb.append("<path class=\"sea\" d=\"");
        for (int k = 0; k <= 71; k++) {
            double la = LAT_MIN + (LAT_MAX - LAT_MIN) * k / 71;
            double[] p = f.point(la, -180);
            sb.append(k == 0 ? 'M' : 'L').append(RouteMap.n1(p[0])).append(' ').append(RouteMap.n1(p[1]));
        }
        for (int k = 71; k >= 0; k--) {
            double la = LAT_MIN + (LAT_MAX - LAT_MIN) * k / 71;
            double[] p = f.point(la, 180);
            sb.append('L').append(RouteMap.n1(p[0])).append(' ').append(RouteMap.n1(p[1]));
        }
        sb.append("Z\"/>");
        graticule(sb, f);
        sb.append("<g class=\"land\">");
        for (RouteMap.Outline.Ring ring : OUTLINE.rings()) {
            sb.append("<path class=\"other\" d=\"");
            for (int i = 0; i < ring.lats().length; i++) {
                double[] p = f.point(ring.lats()[i], ring.lons()[i]);
                sb.append(i == 0 ? 'M' : 'L').append(RouteMap.n1(p[0])).append(' ').append(RouteMap.n1(p[1]));
            }
            sb.append("Z\"/>");
        }
        sb.append("</g>");

        sb.append("<path class=\"links\" d=\"");
        for (int i = 0; i < links.length; i += 2) {
            int u = links[i];
            int v = links[i + 1];
            if (!known(lat, lon, u) || !known(lat, lon, v)) {
                continue;
            }
            link(sb, f, lat[u], lon[u], lat[v], lon[v]);
        }
        sb.append("\"/>");
        // Every node as a zero-length segment with round caps: a dot, one path for all.
        sb.append("<path class=\"nodes\" d=\"");
        for (int v = 0; v < lat.length; v++) {
            if (known(lat, lon, v)) {
                double[] p = f.point(lat[v], lon[v]);
                sb.append('M').append(RouteMap.n1(p[0])).append(' ').append(RouteMap.n1(p[1])).append("h0");
            }
        }
        sb.append("\"/>");

        StringBuilder labels = new StringBuilder();
        sb.append("<g class=\"chokepoints\">");
        for (Marker m : markers) {
            if (!(Double.isFinite(m.lat()) && Double.isFinite(m.lon()))) {
                throw new IllegalArgumentException("marker " + m.id() + " has no coordinates");
            }
            double[] p = f.point(m.lat(), m.lon());
            String x = RouteMap.n1(p[0]);
            String y = RouteMap.n1(p[1]);
            sb.append("<g class=\"choke ").append(m.why().css()).append("\" data-node=\"").append(Html.escape(m.id()))
                    .append("\"><title>").append(Html.escape(m.detail())).append("</title><circle cx=\"").append(x)
                    .append("\" cy=\"").append(y).append("\" r=\"6\"/></g>");
            labels.append("<text x=\"").append(RouteMap.n1(p[0] + 8)).append("\" y=\"").append(RouteMap.n1(p[1] + 4))
                    .append("\">").append(Html.escape(m.id())).append("</text>");
        }
        sb.append("</g><g class=\"labels\">").append(labels).append("</g>");
        legend(sb, height, markers);
        sb.append("<text class=\"credit\" x=\"").append(WIDTH - 6).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"end\">Equal Earth projection · outlines: Made with Natural Earth</text>");
        return new Svg(sb.append("</svg>").toString());
    }

    private static boolean known(double[] lat, double[] lon, int v) {
        return Double.isFinite(lat[v]) && Double.isFinite(lon[v]);
    }

    /**
     * One link: a straight segment in the projection, or, when the shorter way round in longitude
     * crosses the 180th meridian, two segments meeting the map's left and right edges at the latitude
     * interpolated in longitude.
     */
    private static void link(StringBuilder sb, Frame f, double la1, double lo1, double la2, double lo2) {
        double d = lo2 - lo1;
        if (Math.abs(d) <= 180) {
            segment(sb, f, la1, lo1, la2, lo2);
            return;
        }
        // Unwrap the second end by ±360 so the pair is less than 180 degrees apart, then cut at ±180.
        double lo2u = d > 0 ? lo2 - 360 : lo2 + 360;
        double edge = d > 0 ? -180 : 180;
        double t = (edge - lo1) / (lo2u - lo1);
        double laCut = la1 + t * (la2 - la1);
        segment(sb, f, la1, lo1, laCut, edge);
        segment(sb, f, laCut, -edge, la2, lo2);
    }

    private static void segment(StringBuilder sb, Frame f, double la1, double lo1, double la2, double lo2) {
        double[] a = f.point(la1, lo1);
        double[] b = f.point(la2, lo2);
        sb.append('M').append(RouteMap.n1(a[0])).append(' ').append(RouteMap.n1(a[1])).append('L')
                .append(RouteMap.n1(b[0])).append(' ').append(RouteMap.n1(b[1]));
    }

    private static void graticule(StringBuilder sb, Frame f) {
        sb.append("<g class=\"graticule\" fill=\"none\"><path d=\"");
        for (int lo = -150; lo <= 150; lo += 30) {
            for (int k = 0; k <= 20; k++) {
                double[] p = f.point(LAT_MIN + (LAT_MAX - LAT_MIN) * k / 20, lo);
                sb.append(k == 0 ? 'M' : 'L').append(RouteMap.n1(p[0])).append(' ').append(RouteMap.n1(p[1]));
            }
        }
        for (int la = -30; la <= 60; la += 30) {
            double[] a = f.point(la, -180);
            double[] b = f.point(la, 180);
            sb.append('M').append(RouteMap.n1(a[0])).append(' ').append(RouteMap.n1(a[1])).append('L')
                    .append(RouteMap.n1(b[0])).append(' ').append(RouteMap.n1(b[1]));
        }
        sb.append("\"/></g>");
    }

    private static void legend(StringBuilder sb, int height, List<Marker> markers) {
        List<Why> used = new ArrayList<>();
        for (Why w : Why.values()) {
            if (markers.stream().anyMatch(m -> m.why() == w)) {
                used.add(w);
            }
        }
        used.sort(Comparator.naturalOrder());
        int y = height - 14 - 16 * used.size();
        sb.append("<g class=\"legend\">");
        for (Why w : used) {
            sb.append("<g class=\"choke-key ").append(w.css()).append("\"><circle cx=\"14\" cy=\"").append(y).append("\" r=\"6\"/></g>")
                    .append("<text x=\"26\" y=\"").append(y + 4).append("\">").append(w.legend).append("</text>");
            y += 16;
        }
        sb.append("</g>");
    }

    /**
     * Equal Earth on the unit sphere (Šavrič et al. 2019, equations 1–2): x, y of a point, in the
     * projection's units (x in about ±2.7066, y in about ±1.3174).
     */
    static double[] project(double lat, double lon) {
        double theta = Math.asin(M * Math.sin(Math.toRadians(lat)));
        double t2 = theta * theta;
        double t6 = t2 * t2 * t2;
        double x = 2 * Math.sqrt(3) * Math.toRadians(lon) * Math.cos(theta)
                / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1));
        double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return new double[] {x, y};
    }

    /** Projected coordinates to SVG coordinates (origin top left, y down). */
    private record Frame(double halfWidth, double top, double scale) {
        double[] point(double lat, double lon) {
            double[] p = project(Math.max(LAT_MIN, Math.min(LAT_MAX, lat)), lon);
            return new double[] {(p[0] + halfWidth) * scale, (top - p[1]) * scale};
        }
    }
}
