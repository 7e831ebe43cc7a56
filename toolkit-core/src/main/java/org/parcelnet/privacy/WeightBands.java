package org.parcelnet.privacy;

import java.util.Arrays;

/**
 * Weight bands given by ascending lower edges; a weight is replaced by the lower edge of its band
 * ({@code [edge_k, edge_k+1)}, the last band open-ended). A weight below the first edge falls in the
 * first band. Immutable.
 */
public final class WeightBands {

    /** Default edges in kg: 0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000. */
    public static final WeightBands DEFAULT = new WeightBands(0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000);

    private final double[] edges;

    /**
     * Bands with these lower edges.
     *
     * @throws IllegalArgumentException when empty, not finite, negative or not strictly ascending
     */
    public WeightBands(double... edges) {
        if (edges.length == 0) {
            throw new IllegalArgumentException("weight bands need at least one edge");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || edges[i] < 0) {
                throw new IllegalArgumentException("weight band edge must be a finite number >= 0: " + edges[i]);
            }
            if (i > 0 && edges[i] <= edges[i - 1]) {
                throw new IllegalArgumentException("weight band edges must be strictly ascending");
            }
        }
        this.edges = edges.clone();
    }

    /** The lower edges (copy). */
    public double[] edges() {
        return edges.clone();
    }

    /** The lower edge of the band holding {@code kg}; {@code NaN} stays {@code NaN}. O(log bands). */
    public double band(double kg) {
        if (Double.isNaN(kg)) {
            return kg;
        }
        int i = Arrays.binarySearch(edges, kg);
        if (i >= 0) {
            return edges[i];
        }
        int below = -i - 2; // index of the last edge < kg
        return edges[Math.max(0, below)];
    }

    @Override
    public String toString() {
        return "WeightBands" + Arrays.toString(edges);
    }
}
