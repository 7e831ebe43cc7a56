package org.parcelnet.model;

/** How a parcel travelled. */
public enum TransportMode {
    UNKNOWN, LAND, AIR;

    /** Parses {@code land} or {@code air} (case-insensitive); an empty value is {@link #UNKNOWN}. */
    public static TransportMode parse(String text) {
        if (text == null || text.isEmpty()) {
            return UNKNOWN;
        }
        if (text.equalsIgnoreCase("land")) {
            return LAND;
        }
        if (text.equalsIgnoreCase("air")) {
            return AIR;
        }
        throw new IllegalArgumentException("mode must be land or air");
    }

    /** The CSV spelling ({@code land}, {@code air}, or empty). */
    public String csv() {
        return this == UNKNOWN ? "" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
