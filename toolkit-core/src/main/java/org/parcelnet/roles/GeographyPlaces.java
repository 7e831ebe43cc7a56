package org.parcelnet.roles;

import org.parcelnet.synth.Geography;

/**
 * {@link PlaceFacts} of the built-in geography of mainland China ({@link Geography}): border entry
 * towns, border provinces (Yunnan, Guangxi, Xinjiang) and the transit provinces (Yunnan, Guangxi,
 * Guangdong). Place names are the English names the generator writes.
 */
public final class GeographyPlaces implements PlaceFacts, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The shared instance (stateless). */
    public static final GeographyPlaces INSTANCE = new GeographyPlaces();

    private GeographyPlaces() {
    }

    /** Stays the one instance when a task's closure carries it to an executor. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public boolean isBorderEntry(String province, String city) {
        return Geography.isBorderEntry(province, city);
    }

    @Override
    public boolean isBorderProvince(String province) {
        return Geography.isBorderProvince(province);
    }

    @Override
    public boolean isTransitProvince(String province) {
        return Geography.isTransitProvince(province);
    }
}
