package org.parcelnet.roles;

import java.util.Locale;

/** A party's tier in a smuggling ring, upstream first. */
public enum Tier {
    /** Brings goods across the border and ships them inland. */
    SOURCE,
    /** Relays goods through border or transit provinces. */
    TRANSIT,
    /** Receives in bulk near the markets and ships to retailers. */
    DISTRIBUTOR,
    /** Receives and sells; does not forward. */
    RETAILER;

    /** Lower-case name as in truth files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a lower- or upper-case tier name. */
    public static Tier parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier must be source, transit, distributor or retailer, got '" + s + "'");
        }
    }
}
