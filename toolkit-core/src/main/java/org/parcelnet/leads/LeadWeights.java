package org.parcelnet.leads;

/**
 * Weights of the lead features; a lead's score is the weighted mean of its normalised features, so
 * only the ratios between weights matter. Immutable; all weights finite and ≥ 0, at least one > 0.
 *
 * <p>Defaults ({@link #DEFAULTS}) and why:
 * <ul>
 *   <li>{@code flagged = 3}: a seized parcel in the party's case network is the strongest evidence we
 *       have;</li>
 *   <li>{@code twoCarton = 2}, {@code border = 2}: the packing and the routing (from border-entry or
 *       transit provinces) of smuggled goods;</li>
 *   <li>{@code relay = 2}, {@code community = 2}: forwarding parcels along time-respecting chains and
 *       belonging to a detected ring are the structure of a distribution network;</li>
 *   <li>{@code volume = 1}, {@code counterparties = 1}, {@code betweenness = 1}: size and centrality
 *       matter, but honest businesses are large and central too, so they only break ties.</li>
 * </ul>
 */
public record LeadWeights(double volume, double twoCarton, double border, double counterparties, double relay,
                          double community, double betweenness, double flagged) {

    /** The documented defaults: 1, 2, 2, 1, 2, 2, 1, 3 in {@link Feature} order. */
    public static final LeadWeights DEFAULTS = new LeadWeights(1, 2, 2, 1, 2, 2, 1, 3);

    public LeadWeights {
        double[] w = {volume, twoCarton, border, counterparties, relay, community, betweenness, flagged};
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            if (!Double.isFinite(w[k]) || w[k] < 0) {
                throw new IllegalArgumentException("lead weight " + Feature.values()[k].name().toLowerCase(java.util.Locale.ROOT)
                        + " must be a finite number >= 0, got " + w[k]);
            }
            sum += w[k];
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one lead weight must be > 0");
        }
    }

    /** The weights in {@link Feature} order (a new array). */
    public double[] asArray() {
        return new double[] {volume, twoCarton, border, counterparties, relay, community, betweenness, flagged};
    }

    /** The weight of one feature. */
    public double weight(Feature f) {
        return asArray()[f.ordinal()];
    }

    /** A copy with one weight changed. */
    public LeadWeights with(Feature f, double value) {
        double[] w = asArray();
        w[f.ordinal()] = value;
        return new LeadWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    /**
     * Parses {@code feature=weight} pairs separated by commas (e.g. {@code flagged=5,volume=0}) on top
     * of the defaults; feature names as in {@link Feature}, case-insensitive, {@code -} or {@code _}.
     */
    public static LeadWeights parse(String spec) {
        LeadWeights w = DEFAULTS;
        if (spec == null || spec.isBlank()) {
            return w;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("lead weights: expected feature=weight, got '" + part.trim() + "'");
            }
            String name = part.substring(0, eq).trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            Feature f;
            try {
                f = Feature.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("lead weights: unknown feature '" + part.substring(0, eq).trim()
                        + "' (known: volume, two_carton, border, counterparties, relay, community, betweenness, flagged)");
            }
            double v;
            try {
                v = Double.parseDouble(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("lead weights: not a number for " + name.toLowerCase(java.util.Locale.ROOT)
                        + ": '" + part.substring(eq + 1).trim() + "'");
            }
            w = w.with(f, v);
        }
        return w;
    }
}
