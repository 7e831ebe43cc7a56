package org.parcelnet.model;

/** What identifies a party (a sender or receiver) when shipments are projected to a party graph. */
public enum PartyKey {
    /** The normalised phone (default). */
    PHONE,
    /** Phone and name together: one phone used under two names makes two parties. */
    PHONE_NAME,
    /** The address; rows without an address fall back to the phone. */
    ADDRESS;

    /** Parses {@code phone}, {@code phone+name} or {@code address}. */
    public static PartyKey parse(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "phone":
                return PHONE;
            case "phone+name":
            case "phone_name":
                return PHONE_NAME;
            case "address":
                return ADDRESS;
            default:
                throw new IllegalArgumentException("party key must be phone, phone+name or address, got '" + text + "'");
        }
    }
}
