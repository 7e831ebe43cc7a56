package org.parcelnet.privacy;

import java.util.Locale;

/** The personal columns of shipments.csv (docs/data-format.md) and the kind of pseudonym each takes. */
public enum PersonalColumn {
    SENDER_PHONE(PseudonymKind.PHONE),
    RECEIVER_PHONE(PseudonymKind.PHONE),
    SENDER_NAME(PseudonymKind.NAME),
    RECEIVER_NAME(PseudonymKind.NAME),
    SENDER_ADDRESS(PseudonymKind.ADDRESS),
    RECEIVER_ADDRESS(PseudonymKind.ADDRESS);

    private final PseudonymKind kind;

    PersonalColumn(PseudonymKind kind) {
        this.kind = kind;
    }

    /** The kind of pseudonym for this column. */
    public PseudonymKind kind() {
        return kind;
    }

    /** The CSV column name, e.g. {@code sender_phone}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The column of a CSV name.
     *
     * @throws IllegalArgumentException for a name that is not a personal column
     */
    public static PersonalColumn ofCsvName(String name) {
        for (PersonalColumn c : values()) {
            if (c.csvName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("not a personal column: '" + name + "' (personal columns: sender_phone, "
                + "receiver_phone, sender_name, receiver_name, sender_address, receiver_address)");
    }
}
