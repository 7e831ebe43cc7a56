package org.parcelnet.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Route maps of the report: country outlines, border entry towns, transit hubs and destination
 * cities, and relay routes as curved arcs whose stroke width is proportional to their volume,
 * coloured by ring — as inline SVG.
 *
 * <p><b>Projection.</b> Albers equal-area conic on the sphere with standard parallels 25°N and 47°N
 * and central meridian 105°E, the usual parameters for maps of China (Snyder 1987, "Map Projections —
 * A Working Manual", USGS Professional Paper 1395, pp. 98–103, doi:10.3133/pp1395). Cost per point:
 * a square root, a sine and a cosine.
 *
 * <p><b>Outline.</b> Natural Earth 1:50m Admin 0 countries (public domain; Made with Natural Earth),
 * clipped and simplified once into a resource of about 35 KB; {@code tools/natural-earth/README.md}
 * says how. China is filled a shade darker than its neighbours.
 *
 * <p>Every label and title is escaped with {@link Html#escape}; colours come from a fixed palette
 * (never from input). Output is deterministic: the same places and routes give the same markup.
 */
public final class RouteMap {

    /** Width of the SVG viewBox. */
    static final int WIDTH = 760;

    /**
     * Ring colours by ring rank (0 = the best-ranked ring): the Okabe–Ito colour-blind-safe palette
     * (Okabe &amp; Ito 2008, "Color Universal Design"), then repeated.
     */
    private static final String[] PALETTE = {"#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
        "#7f6c00", "#000000"};

    /** Colour of routes outside rings. */
    private static final String NO_RING = "#8c959f";

    private static final double PHI1 = Math.toRadians(25);
    private static final double PHI2 = Math.toRadians(47);
    private static final double LAMBDA0 = Math.toRadians(105);
    private static final double N = (Math.sin(PHI1) + Math.sin(PHI2)) / 2;
    private static final double C = Math.cos(PHI1) * Math.cos(PHI1) + 2 * N * Math.sin(PHI1);
    private static final double RHO0 = Math.sqrt(C) / N; // φ0 = 0

    /** Map window in degrees: lon 72..136, lat 16..54.5 (China with a margin). */
    private static final double[] WINDOW = {72, 136, 16, 54.5};

    private static final Outline OUTLINE = Outline.load("natural-earth-china.txt", "CHN");

    /** What a place on the map is. */
    public enum Kind {
        /** A border entry town (land port), where relay chains start. */
        BORDER_ENTRY,
        /** A transit hub (warehouse city). */
        TRANSIT_HUB,
        /** A destination city, where chains end. */
        DESTINATION
    }

    /**
     * A place to mark.
     *
     * @param label  its name (escaped when drawn)
     * @param lat    latitude, degrees north
     * @param lon    longitude, degrees east
     * @param kind   what it is
     * @param volume chains through it (orders the labels: the busiest are named)
     */
    public record Place(String label, double lat, double lon, Kind kind, double volume) {
        public Place {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A route to draw as one path.
     *
     * @param label     its description, e.g. {@code "Yunnan > Guangdong > Zhejiang"} (escaped when drawn)
     * @param lats      latitude of each stop, in order
     * @param lons      longitude of each stop
     * @param volume    chains along it (stroke width is proportional)
     * @param ringRank  rank of the ring carrying most of its chains (0 = best), or -1 outside rings
     * @param id        a stable identifier written as {@code data-route} (its rank in routes.csv)
     */
    public record Route(String label, double[] lats, double[] lons, double volume, int ringRank, int id) {
        public Route {
            Objects.requireNonNull(label, "label");
            if (lats.length != lons.length || lats.length < 2) {
                throw new IllegalArgumentException("a route needs two or more stops with both coordinates");
            }
            lats = lats.clone();
            lons = lons.clone();
        }
    }

    private RouteMap() {
    }

    /** The colour of a ring rank (a fixed palette; -1: outside rings). */
    public static String ringColour(int ringRank) {
        return ringRank < 0 ? NO_RING : PALETTE[ringRank % PALETTE.length];
    }

    /**
     * Draws the map.
     *
     * @param title      the SVG title (escaped)
     * @param summary    a text alternative: what the map shows, in words (escaped; becomes the SVG's
     *                   {@code <desc>} and {@code aria-label})
     * @param places     places to mark
     * @param routes     routes to draw, any order (drawn widest first, so thin routes stay visible)
     * @param maxLabels  other places named (the busiest hubs and destinations); border towns are always named
     */
    public static Svg draw(String title, String summary, List<Place> places, List<Route> routes, int maxLabels) {
        return draw(title, summary, places, routes, maxLabels, false);
    }

    /**
     * Draws the map as {@link #draw(String, String, List, List, int)}; with {@code zoom}, the view is
     * the places' and routes' extent (with a margin, at least a third of the country across, in the
     * whole map's proportions) instead of the whole country.
     */
    public static Svg draw(String title, String summary, List<Place> places, List<Route> routes, int maxLabels,
                           boolean zoom) {
        double[] full = window();
        int height = (int) Math.ceil((full[3] - full[1]) * WIDTH / (full[2] - full[0]));
        double[] box = zoom ? extent(full, places, routes) : full;
        double scale = WIDTH / (box[2] - box[0]);
        Frame f = new Frame(box[0], box[1] + (box[2] - box[0]) * height / WIDTH, scale);
        StringBuilder sb = new StringBuilder(48_000);
        sb.append("<svg class=\"map\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(summary)).append("\"><title>")
                .append(Html.escape(title)).append("</title><desc>").append(Html.escape(summary)).append("</desc>");
        sb.append("<rect class=\"sea\" x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\"/>");
        graticule(sb, f, height);
        sb.append("<g class=\"land\">");
        for (Outline.Ring ring : OUTLINE.rings()) {
            sb.append("<path class=\"").append(ring.china() ? "china" : "other").append("\" d=\"");
            for (int i = 0; i < ring.lats().length; i++) {
                double[] p = f.point(ring.lats()[i], ring.lons()[i]);
                sb.append(i == 0 ? 'M' : 'L').append(n1(p[0])).append(' ').append(n1(p[1]));
            }
            sb.append("Z\"/>");
        }
        sb.append("</g>");

        double max = 0;
        for (Route r : routes) {
            max = Math.max(max, r.volume());
        }
        List<Route> order = new ArrayList<>(routes);
        order.sort(Comparator.comparingDouble(Route::volume).reversed().thenComparingInt(Route::id));
        sb.append("<g class=\"routes\" fill=\"none\" stroke-linecap=\"round\">");
        for (Route r : order) {
            double w = max <= 0 ? 1 : 0.8 + 9.2 * r.volume() / max;
            String colour = ringColour(r.ringRank());
            sb.append("<path class=\"route\" data-route=\"").append(r.id()).append("\" stroke=\"").append(colour)
                    .append("\" stroke-opacity=\"0.75\" stroke-width=\"").append(n1(w)).append("\" d=\"");
            double[] prev = f.point(r.lats()[0], r.lons()[0]);
            sb.append('M').append(n1(prev[0])).append(' ').append(n1(prev[1]));
            for (int i = 1; i < r.lats().length; i++) {
                double[] p = f.point(r.lats()[i], r.lons()[i]);
                // A quadratic arc bowed to the left of its direction, so opposite flows stay apart.
                double mx = (prev[0] + p[0]) / 2 - (p[1] - prev[1]) * 0.18;
                double my = (prev[1] + p[1]) / 2 + (p[0] - prev[0]) * 0.18;
                sb.append('Q').append(n1(mx)).append(' ').append(n1(my)).append(' ').append(n1(p[0])).append(' ')
                        .append(n1(p[1]));
                prev = p;
            }
            sb.append("\"><title>").append(Html.escape(r.label())).append(": ")
                    .append(HtmlReport.format((long) r.volume())).append(" chains</title></path>");
        }
        sb.append("</g>");

        List<Place> byVolume = new ArrayList<>(places);
        byVolume.sort(Comparator.comparingDouble(Place::volume).reversed().thenComparing(Place::label));
        int destinationsNamed = 0;
        StringBuilder labels = new StringBuilder();
        sb.append("<g class=\"places\">");
        for (Place p : byVolume) {
            double[] xy = f.point(p.lat(), p.lon());
            String x = n1(xy[0]);
            String y = n1(xy[1]);
            switch (p.kind()) {
                case BORDER_ENTRY -> sb.append("<path class=\"border\" d=\"M").append(x).append(' ').append(n1(xy[1] - 6))
                        .append("l5 9h-10z\"><title>border entry: ").append(Html.escape(p.label())).append("</title></path>");
                case TRANSIT_HUB -> sb.append("<rect class=\"hub\" x=\"").append(n1(xy[0] - 4)).append("\" y=\"")
                        .append(n1(xy[1] - 4)).append("\" width=\"8\" height=\"8\"><title>transit hub: ")
                        .append(Html.escape(p.label())).append("</title></rect>");
                default -> sb.append("<circle class=\"dest\" cx=\"").append(x).append("\" cy=\"").append(y)
                        .append("\" r=\"3.5\"><title>destination: ").append(Html.escape(p.label())).append("</title></circle>");
            }
            boolean named = p.kind() == Kind.BORDER_ENTRY || destinationsNamed++ < maxLabels;
            if (named) {
                labels.append("<text x=\"").append(n1(xy[0] + 7)).append("\" y=\"").append(n1(xy[1] + 4)).append("\">")
                        .append(Html.escape(p.label())).append("</text>");
            }
        }
        sb.append("</g><g class=\"labels\">").append(labels).append("</g>");
        legend(sb, height);
        sb.append("<text class=\"credit\" x=\"").append(WIDTH - 6).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"end\">Albers equal-area · outlines: Made with Natural Earth</text>");
        return new Svg(sb.append("</svg>").toString());
    }

    private static void legend(StringBuilder sb, int height) {
        int y = height - 58;
        sb.append("<g class=\"legend\"><path class=\"border\" d=\"M14 ").append(y - 6).append("l5 9h-10z\"/>")
                .append("<text x=\"26\" y=\"").append(y + 2).append("\">border entry town</text>")
                .append("<rect class=\"hub\" x=\"10\" y=\"").append(y + 10).append("\" width=\"8\" height=\"8\"/>")
                .append("<text x=\"26\" y=\"").append(y + 18).append("\">transit hub</text>")
                .append("<circle class=\"dest\" cx=\"14\" cy=\"").append(y + 30).append("\" r=\"3.5\"/>")
                .append("<text x=\"26\" y=\"").append(y + 34).append("\">destination city</text></g>");
    }

    private static void graticule(StringBuilder sb, Frame f, int height) {
        sb.append("<g class=\"graticule\" fill=\"none\"><path d=\"");
        for (int lon = 70; lon <= 140; lon += 10) {
            for (int lat = 10, k = 0; lat <= 60; lat += 2, k++) {
                double[] p = f.point(lat, lon);
                sb.append(k == 0 ? 'M' : 'L').append(n1(p[0])).append(' ').append(n1(p[1]));
            }
        }
        for (int lat = 20; lat <= 50; lat += 10) {
            for (int lon = 66, k = 0; lon <= 144; lon += 2, k++) {
                double[] p = f.point(lat, lon);
                sb.append(k == 0 ? 'M' : 'L').append(n1(p[0])).append(' ').append(n1(p[1]));
            }
        }
        sb.append("\"/></g>");
    }

    /** Projected x, y (unit sphere; y up) of a point, with this map's parameters. */
    static double[] albers(double lat, double lon) {
        double rho = Math.sqrt(C - 2 * N * Math.sin(Math.toRadians(lat))) / N;
        double theta = N * (Math.toRadians(lon) - LAMBDA0);
        return new double[] {rho * Math.sin(theta), RHO0 - rho * Math.cos(theta)};
    }

    /**
     * Albers equal-area conic on the unit sphere (Snyder 1987, equations 14-1 to 14-6): x, y of a point
     * for standard parallels {@code phi1}, {@code phi2}, origin latitude {@code phi0} and central
     * meridian {@code lambda0}, all in degrees.
     */
    static double[] albers(double lat, double lon, double phi1, double phi2, double phi0, double lambda0) {
        double p1 = Math.toRadians(phi1);
        double p2 = Math.toRadians(phi2);
        double n = (Math.sin(p1) + Math.sin(p2)) / 2;
        double c = Math.cos(p1) * Math.cos(p1) + 2 * n * Math.sin(p1);
        double rho0 = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(phi0))) / n;
        double rho = Math.sqrt(c - 2 * n * Math.sin(Math.toRadians(lat))) / n;
        double theta = n * Math.toRadians(lon - lambda0);
        return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }

    /** Projected bounding box of the window: minX, minY, maxX, maxY. */
    private static double[] window() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double lat = WINDOW[2]; lat <= WINDOW[3] + 1e-9; lat += 0.5) {
            for (double lon : new double[] {WINDOW[0], WINDOW[1]}) {
                extend(b, albers(lat, lon));
            }
        }
        for (double lon = WINDOW[0]; lon <= WINDOW[1] + 1e-9; lon += 0.5) {
            for (double lat : new double[] {WINDOW[2], WINDOW[3]}) {
                extend(b, albers(lat, lon));
            }
        }
        // The corners of a conic projection's window flare out; keep the middle 88 % across.
        double w = b[2] - b[0];
        return new double[] {b[0] + 0.06 * w, b[1], b[2] - 0.06 * w, b[3]};
    }

    /** The projected extent of the data within the full window, widened to a third of it, in its proportions. */
    private static double[] extent(double[] full, List<Place> places, List<Route> routes) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Place p : places) {
            extend(b, albers(p.lat(), p.lon()));
        }
        for (Route r : routes) {
            for (int i = 0; i < r.lats().length; i++) {
                extend(b, albers(r.lats()[i], r.lons()[i]));
            }
        }
        if (b[0] > b[2]) {
            return full;
        }
        double fullW = full[2] - full[0];
        double fullH = full[3] - full[1];
        double aspect = fullH / fullW;
        double w = Math.max((b[2] - b[0]) * 1.25, fullW / 3);
        double h = Math.max((b[3] - b[1]) * 1.25 + 0.08 * fullH, w * aspect); // room for the legend below
        w = Math.max(w, h / aspect);
        w = Math.min(w, fullW);
        h = w * aspect;
        double cx = (b[0] + b[2]) / 2;
        double cy = (b[1] + b[3]) / 2 - 0.04 * fullH;
        double x0 = Math.max(full[0], Math.min(cx - w / 2, full[2] - w));
        double y0 = Math.max(full[1], Math.min(cy - h / 2, full[3] - h));
        return new double[] {x0, y0, x0 + w, y0 + h};
    }

    private static void extend(double[] b, double[] p) {
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.min(b[1], p[1]);
        b[2] = Math.max(b[2], p[0]);
        b[3] = Math.max(b[3], p[1]);
    }

    /** Projected coordinates to SVG coordinates (y down). */
    private record Frame(double minX, double maxY, double scale) {
        double[] point(double lat, double lon) {
            double[] p = albers(lat, lon);
            return new double[] {(p[0] - minX) * scale, (maxY - p[1]) * scale};
        }
    }

    /** One decimal, no trailing ".0". */
    static String n1(double v) {
        long tenths = Math.round(v * 10);
        long whole = Math.abs(tenths) / 10;
        long tenth = Math.abs(tenths) % 10;
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }

    /** A vendored outline (see tools/natural-earth/README.md). */
    record Outline(List<Ring> rings) {

        /** One ring; {@code china}: of the country filled darker. */
        record Ring(boolean china, double[] lats, double[] lons) {
        }

        /** Reads resource {@code name}; rings of country {@code darker} (ISO A3, may be null) are marked. */
        static Outline load(String name, String darker) {
            try (InputStream in = RouteMap.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + name + " missing from the build");
                }
                List<Ring> rings = new ArrayList<>();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] parts = line.split(" ");
                    double[] lats = new double[parts.length - 1];
                    double[] lons = new double[parts.length - 1];
                    for (int i = 1; i < parts.length; i++) {
                        int comma = parts[i].indexOf(',');
                        lons[i - 1] = Double.parseDouble(parts[i].substring(0, comma));
                        lats[i - 1] = Double.parseDouble(parts[i].substring(comma + 1));
                    }
                    rings.add(new Ring(parts[0].equals(darker), lats, lons));
                }
                return new Outline(List.copyOf(rings));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
