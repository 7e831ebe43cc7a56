package org.parcelnet.io;

import java.util.List;

/** The column names of shipments.csv (docs/data-format.md). */
public final class ShipmentColumns {
    public static final String SHIPMENT_ID = "shipment_id";
    public static final String SHIPPED_AT = "shipped_at";
    public static final String ORIGIN_PROVINCE = "origin_province";
    public static final String ORIGIN_CITY = "origin_city";
    public static final String DESTINATION_PROVINCE = "destination_province";
    public static final String DESTINATION_CITY = "destination_city";
    public static final String SENDER_PHONE = "sender_phone";
    public static final String RECEIVER_PHONE = "receiver_phone";
    public static final String SENDER_NAME = "sender_name";
    public static final String RECEIVER_NAME = "receiver_name";
    public static final String SENDER_ADDRESS = "sender_address";
    public static final String RECEIVER_ADDRESS = "receiver_address";
    public static final String CARRIER = "carrier";
    public static final String MODE = "mode";
    public static final String PIECES = "pieces";
    public static final String WEIGHT_KG = "weight_kg";
    public static final String DECLARED_GOODS = "declared_goods";
    public static final String FLAGGED = "flagged";

    /** Required columns in schema order. */
    public static final List<String> REQUIRED = List.of(SHIPMENT_ID, SHIPPED_AT, ORIGIN_PROVINCE, ORIGIN_CITY,
            DESTINATION_PROVINCE, DESTINATION_CITY, SENDER_PHONE, RECEIVER_PHONE);

    /** Optional columns in schema order. */
    public static final List<String> OPTIONAL = List.of(SENDER_NAME, RECEIVER_NAME, SENDER_ADDRESS, RECEIVER_ADDRESS,
            CARRIER, MODE, PIECES, WEIGHT_KG, DECLARED_GOODS, FLAGGED);

    /** All columns in schema order. */
    public static final List<String> ALL = concat();

    /** Columns holding personal data: their values never appear in messages. */
    public static final List<String> PERSONAL = List.of(SENDER_PHONE, RECEIVER_PHONE, SENDER_NAME, RECEIVER_NAME,
            SENDER_ADDRESS, RECEIVER_ADDRESS);

    private ShipmentColumns() {
    }

    private static List<String> concat() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(REQUIRED);
        all.addAll(OPTIONAL);
        return List.copyOf(all);
    }
}
