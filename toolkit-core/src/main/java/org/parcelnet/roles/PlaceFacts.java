package org.parcelnet.roles;

/**
 * What the classifier needs to know about places: where goods enter the country and which provinces
 * they cross on the way to the markets. Implemented over the generator's geography or over any
 * reference list an investigator supplies.
 */
public interface PlaceFacts {

    /** Whether {@code city} in {@code province} is a border entry point (a land port or crossing). */
    boolean isBorderEntry(String province, String city);

    /** Whether the province lies on a land border. */
    boolean isBorderProvince(String province);

    /** Whether goods typically cross this province between the border and the markets. */
    boolean isTransitProvince(String province);

    /** How a place is classed for flow positions. */
    enum PlaceClass {
        /** A border entry city. */
        ENTRY,
        /** A border province (not an entry city) or a transit province. */
        TRANSIT,
        /** Anywhere else: where goods are sold. */
        DESTINATION
    }

    /** The class of a place. */
    default PlaceClass classify(String province, String city) {
        if (isBorderEntry(province, city)) {
            return PlaceClass.ENTRY;
        }
        if (isBorderProvince(province) || isTransitProvince(province)) {
            return PlaceClass.TRANSIT;
        }
        return PlaceClass.DESTINATION;
    }
}
