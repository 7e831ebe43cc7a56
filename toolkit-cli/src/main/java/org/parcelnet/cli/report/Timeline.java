package org.parcelnet.cli.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A time line of parcels in lanes (e.g. a ring's parcels by the sender's tier: source, transit,
 * distributor, retailer), as inline SVG: each lane is a histogram of pickup times over the same bins,
 * so waves moving down the tiers show as bars shifting right from lane to lane. Bar heights share one
 * scale across lanes (square-root, so a lane of a few parcels stays visible beside a busy one).
 *
 * <p>Cost: O(parcels + lanes × bins). Lane names are escaped with {@link Html#escape}.
 */
public final class Timeline {

    /** Bins across the time range. */
    static final int BINS = 72;

    private Timeline() {
    }

    /**
     * Draws the lanes.
     *
     * @param title  the SVG title (escaped)
     * @param alt    the text alternative (escaped; the SVG's {@code desc} and {@code aria-label})
     * @param lanes  lane names, top to bottom
     * @param times  per lane, pickup times (epoch seconds), any order
     */
    public static Svg draw(String title, String alt, List<String> lanes, List<long[]> times) {
        Objects.requireNonNull(lanes, "lanes");
        if (lanes.size() != times.size()) {
            throw new IllegalArgumentException(lanes.size() + " lanes but " + times.size() + " time lists");
        }
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        for (long[] ts : times) {
            for (long t : ts) {
                t0 = Math.min(t0, t);
                t1 = Math.max(t1, t);
            }
        }
        int left = 92;
        int right = 12;
        int laneHeight = 40;
        int width = 720;
        int height = 24 + lanes.size() * laneHeight + 22;
        StringBuilder sb = new StringBuilder(8_000);
        sb.append("<svg class=\"lanes\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(alt)).append("\"><title>")
                .append(Html.escape(title)).append("</title><desc>").append(Html.escape(alt)).append("</desc>");
        if (t0 > t1) {
            sb.append("<text x=\"").append(width / 2).append("\" y=\"").append(height / 2)
                    .append("\" text-anchor=\"middle\">no parcels</text>");
            return new Svg(sb.append("</svg>").toString());
        }
        long span = Math.max(1, t1 - t0 + 1);
        int[][] counts = new int[lanes.size()][BINS];
        int max = 0;
        for (int l = 0; l < lanes.size(); l++) {
            for (long t : times.get(l)) {
                int b = (int) Math.min(BINS - 1, (t - t0) * BINS / span);
                max = Math.max(max, ++counts[l][b]);
            }
        }
        double binWidth = (width - left - right) / (double) BINS;
        for (int l = 0; l < lanes.size(); l++) {
            int base = 24 + (l + 1) * laneHeight - 4;
            sb.append("<g class=\"lane\" data-lane=\"").append(l).append("\"><text x=\"4\" y=\"").append(base - 10)
                    .append("\">").append(Html.escape(lanes.get(l))).append("</text><text x=\"4\" y=\"").append(base)
                    .append("\">").append(HtmlReport.format(times.get(l).length)).append(" parcels</text>")
                    .append("<line x1=\"").append(left).append("\" x2=\"").append(width - right).append("\" y1=\"")
                    .append(base).append("\" y2=\"").append(base).append("\"/>");
            for (int b = 0; b < BINS; b++) {
                if (counts[l][b] == 0) {
                    continue;
                }
                double h = (laneHeight - 8) * Math.sqrt(counts[l][b] / (double) max);
                sb.append("<rect x=\"").append(RouteMap.n1(left + b * binWidth)).append("\" y=\"")
                        .append(RouteMap.n1(base - h)).append("\" width=\"").append(RouteMap.n1(Math.max(1, binWidth - 1)))
                        .append("\" height=\"").append(RouteMap.n1(h)).append("\" fill=\"").append(laneColour(lanes.get(l)))
                        .append("\"><title>").append(Html.escape(lanes.get(l))).append(": ").append(counts[l][b])
                        .append(" parcels from ").append(day(t0 + span * b / BINS)).append("</title></rect>");
            }
            sb.append("</g>");
        }
        sb.append("<text x=\"").append(left).append("\" y=\"").append(height - 6).append("\">").append(day(t0))
                .append("</text><text x=\"").append(width - right).append("\" y=\"").append(height - 6)
                .append("\" text-anchor=\"end\">").append(day(t1)).append("</text><text x=\"").append(left).append("\" y=\"14\">")
                .append("parcels sent per ").append(binText(span)).append(", by the sender's tier</text>");
        return new Svg(sb.append("</svg>").toString());
    }

    /** The ring diagram's tier colours (source, transit, distributor, retailer); grey otherwise. */
    static String laneColour(String lane) {
        return switch (lane) {
            case "source" -> "#d55e00";
            case "transit" -> "#e69f00";
            case "distributor" -> "#0072b2";
            case "retailer" -> "#009e73";
            default -> "#8c959f";
        };
    }

    /** The time a bin covers, in words. */
    private static String binText(long span) {
        double hours = span / (double) BINS / 3600;
        return hours < 48 ? Math.max(1, Math.round(hours)) + " h" : Math.round(hours / 24) + " days";
    }

    static String day(long epoch) {
        return Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
