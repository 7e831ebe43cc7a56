package org.parcelnet.paths;

import java.util.Locale;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;

/**
 * What the length of an arc is for shortest-path algorithms. In ParcelNet graphs a weight is usually
 * a <em>volume</em> (shipments or cartons: bigger = stronger tie), which is not a length; so path
 * algorithms never read weights implicitly but take one of these.
 *
 * <ul>
 *   <li>{@link #ONE}: every arc costs 1 (hop count);</li>
 *   <li>{@link #WEIGHT}: the arc weight is already a length (e.g. an edge list of distances);</li>
 *   <li>{@link #INVERSE}: {@code 1 / weight}, so heavy-volume ties are short; a weight of 0 gives an
 *       infinite cost (the arc is not usable);</li>
 *   <li>{@link #KM}: kilometres per arc supplied by the caller (e.g. great-circle distance between
 *       the cities of the location graph).</li>
 * </ul>
 */
public enum Cost {
    /** Every arc costs 1. */
    ONE,
    /** The arc weight is the cost. */
    WEIGHT,
    /** The cost is 1 / weight (weights are volumes). */
    INVERSE,
    /** The cost is a caller-supplied km per arc. */
    KM;

    /** Parses {@code one|weight|inverse|km} (case-insensitive). */
    public static Cost parse(String s) {
        Objects.requireNonNull(s, "cost");
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "one" -> ONE;
            case "weight" -> WEIGHT;
            case "inverse" -> INVERSE;
            case "km" -> KM;
            default -> throw new IllegalArgumentException("cost must be one, weight, inverse or km, got '" + s + "'");
        };
    }

    /** Lower-case name as used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The cost of every out-arc of {@code g}, indexed like {@code g}'s out-arcs (a fresh array owned by
     * the caller; 8 bytes per arc).
     *
     * @param kmPerArc km of each out-arc, required for {@link #KM} and ignored otherwise
     * @throws IllegalArgumentException when {@link #KM} has no or a wrongly sized array, or a km value is
     *                                  negative or NaN
     */
    public double[] arcCosts(CompactGraph g, double[] kmPerArc) {
        Objects.requireNonNull(g, "graph");
        int arcs = g.arcCount();
        double[] c = new double[arcs];
        switch (this) {
            case ONE -> java.util.Arrays.fill(c, 1.0);
            case WEIGHT -> {
                for (int a = 0; a < arcs; a++) {
                    c[a] = g.weight(a);
                }
            }
            case INVERSE -> {
                for (int a = 0; a < arcs; a++) {
                    double w = g.weight(a);
                    c[a] = w > 0 ? 1.0 / w : Double.POSITIVE_INFINITY;
                }
            }
            case KM -> {
                if (kmPerArc == null) {
                    throw new IllegalArgumentException("cost km needs km per arc (coordinates of the nodes)");
                }
                if (kmPerArc.length != arcs) {
                    throw new IllegalArgumentException("km array has " + kmPerArc.length + " entries for " + arcs + " arcs");
                }
                for (int a = 0; a < arcs; a++) {
                    double k = kmPerArc[a];
                    if (!(k >= 0)) {
                        throw new IllegalArgumentException("km of arc " + a + " must be >= 0, got " + k);
                    }
                    c[a] = k;
                }
            }
            default -> throw new AssertionError(this);
        }
        return c;
    }

    /** {@link #arcCosts(CompactGraph, double[])} for the costs that need no km. */
    public double[] arcCosts(CompactGraph g) {
        return arcCosts(g, null);
    }
}
