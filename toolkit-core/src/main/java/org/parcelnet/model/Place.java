package org.parcelnet.model;

/** A province-level division and a city in it. */
public record Place(String province, String city) {

    /** A one-string label, {@code "province/city"}. */
    public String label() {
        return province + "/" + city;
    }
}
