package org.parcelnet.model;

import java.util.Arrays;

/**
 * Shipments in columnar form: one primitive array per column, strings dictionary-encoded.
 *
 * <p>Row {@code i} is one waybill. Places (province + city) are encoded together as one place code;
 * phones, names, addresses, carriers and goods each have their own {@link StringDictionary}. A missing
 * optional value has code -1 (weight: {@code NaN}).
 *
 * <p>State per shipment, excluding the dictionaries: 8 (time) + 4 × 10 int codes + 4 (pieces) +
 * 4 (float weight) + 1 (mode) + 1 (flagged) = 58 bytes; the waybill id of row {@code i} is code
 * {@code i} of the id dictionary, so it needs no column. The dictionaries keep their strings as
 * bytes ({@link StringDictionary}). Immutable once built; create
 * with {@link Builder}.
 */
public final class ShipmentTable {

    private final int size;
    private final long[] shippedAt;
    private final int[] originPlace;
    private final int[] destinationPlace;
    private final int[] senderPhone;
    private final int[] receiverPhone;
    private final int[] senderName;
    private final int[] receiverName;
    private final int[] senderAddress;
    private final int[] receiverAddress;
    private final int[] carrier;
    private final int[] goods;
    private final int[] pieces;
    private final float[] weightKg;
    private final byte[] mode;
    private final boolean[] flagged;

    private final StringDictionary ids;
    private final StringDictionary places;
    private final Place[] placeByCode;
    private final StringDictionary phones;
    private final StringDictionary names;
    private final StringDictionary addresses;
    private final StringDictionary carriers;
    private final StringDictionary goodsDictionary;

    private ShipmentTable(Builder b) {
        size = b.size;
        shippedAt = Arrays.copyOf(b.shippedAt, size);
        originPlace = Arrays.copyOf(b.originPlace, size);
        destinationPlace = Arrays.copyOf(b.destinationPlace, size);
        senderPhone = Arrays.copyOf(b.senderPhone, size);
        receiverPhone = Arrays.copyOf(b.receiverPhone, size);
        senderName = Arrays.copyOf(b.senderName, size);
        receiverName = Arrays.copyOf(b.receiverName, size);
        senderAddress = Arrays.copyOf(b.senderAddress, size);
        receiverAddress = Arrays.copyOf(b.receiverAddress, size);
        carrier = Arrays.copyOf(b.carrier, size);
        goods = Arrays.copyOf(b.goods, size);
        pieces = Arrays.copyOf(b.pieces, size);
        weightKg = Arrays.copyOf(b.weightKg, size);
        mode = Arrays.copyOf(b.mode, size);
        flagged = Arrays.copyOf(b.flagged, size);
        ids = b.ids;
        places = b.places;
        phones = b.phones;
        names = b.names;
        addresses = b.addresses;
        carriers = b.carriers;
        goodsDictionary = b.goodsDictionary;
        for (StringDictionary d : new StringDictionary[] {ids, places, phones, names, addresses, carriers,
                goodsDictionary}) {
            d.trimToSize();
        }
        // ids, phones, names and addresses are only decoded from here on (row i has id code i): their
        // hash indexes, 8 to 16 bytes per value (about 100 MB on 4.31M generated shipments), come back
        // on the first lookup (rowOf, or a code() on the dictionary)
        for (StringDictionary d : new StringDictionary[] {ids, phones, names, addresses}) {
            d.dropIndex();
        }
        placeByCode = new Place[places.size()];
        for (int c = 0; c < placeByCode.length; c++) {
            String key = places.value(c);
            int tab = key.indexOf('\t');
            placeByCode[c] = new Place(key.substring(0, tab), key.substring(tab + 1));
        }
    }

    /** A copy sharing the base's (immutable) columns except the given ones. */
    private ShipmentTable(ShipmentTable base, long[] shippedAt, float[] weightKg, StringDictionary phones,
                          StringDictionary names, StringDictionary addresses) {
        size = base.size;
        this.shippedAt = shippedAt;
        originPlace = base.originPlace;
        destinationPlace = base.destinationPlace;
        senderPhone = base.senderPhone;
        receiverPhone = base.receiverPhone;
        senderName = base.senderName;
        receiverName = base.receiverName;
        senderAddress = base.senderAddress;
        receiverAddress = base.receiverAddress;
        carrier = base.carrier;
        goods = base.goods;
        pieces = base.pieces;
        this.weightKg = weightKg;
        mode = base.mode;
        flagged = base.flagged;
        ids = base.ids;
        places = base.places;
        placeByCode = base.placeByCode;
        this.phones = phones;
        this.names = names;
        this.addresses = addresses;
        carriers = base.carriers;
        goodsDictionary = base.goodsDictionary;
    }

    /**
     * A copy whose phone, name and address dictionaries are replaced code for code (value {@code c} of
     * the old dictionary becomes value {@code c} of the new), every column shared. Used to pseudonymise
     * a table in O(distinct values) instead of rebuilding it row by row. The new dictionaries must have
     * the same sizes as the old, which (dictionaries hold distinct strings) makes the replacement
     * one-to-one, so equal identifiers stay equal and distinct ones distinct.
     *
     * @throws IllegalArgumentException when a size differs
     */
    public ShipmentTable withPersonalDictionaries(StringDictionary newPhones, StringDictionary newNames,
                                                  StringDictionary newAddresses) {
        sameSize("phones", phones, newPhones);
        sameSize("names", names, newNames);
        sameSize("addresses", addresses, newAddresses);
        for (StringDictionary d : new StringDictionary[] {newPhones, newNames, newAddresses}) {
            d.dropIndex(); // decoded only, as in a table that was read; a lookup rebuilds the index
        }
        return new ShipmentTable(this, shippedAt, weightKg, newPhones, newNames, newAddresses);
    }

    private static void sameSize(String what, StringDictionary old, StringDictionary replacement) {
        if (replacement.size() != old.size()) {
            throw new IllegalArgumentException(what + " dictionary has " + replacement.size() + " values, expected "
                    + old.size() + " (a replacement must be one-to-one)");
        }
    }

    /**
     * A copy with new pickup times and weights (one per row; weights stored as float, {@code NaN} for
     * missing), every other column shared. Used to generalise times and weights without a rebuild.
     */
    public ShipmentTable withTimesAndWeights(long[] newShippedAt, double[] newWeightKg) {
        if (newShippedAt.length != size || newWeightKg.length != size) {
            throw new IllegalArgumentException("need " + size + " times and weights, got " + newShippedAt.length
                    + " and " + newWeightKg.length);
        }
        float[] w = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) newWeightKg[i];
        }
        return new ShipmentTable(this, newShippedAt.clone(), w, phones, names, addresses);
    }

    /** Number of shipments. */
    public int size() {
        return size;
    }

    /** Waybill id of row {@code i}. */
    public String shipmentId(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size);
        }
        return ids.value(i);
    }

    /** Row of a waybill id, or -1. */
    public int rowOf(String shipmentId) {
        return ids.code(shipmentId);
    }

    /** Pickup time, epoch seconds. */
    public long shippedAt(int i) {
        return shippedAt[i];
    }

    /** Place code of the pickup place. */
    public int originPlace(int i) {
        return originPlace[i];
    }

    /** Place code of the delivery place. */
    public int destinationPlace(int i) {
        return destinationPlace[i];
    }

    /** Phone code of the sender (never -1). */
    public int senderPhone(int i) {
        return senderPhone[i];
    }

    /** Phone code of the receiver (never -1). */
    public int receiverPhone(int i) {
        return receiverPhone[i];
    }

    /** Name code of the sender, or -1. */
    public int senderName(int i) {
        return senderName[i];
    }

    /** Name code of the receiver, or -1. */
    public int receiverName(int i) {
        return receiverName[i];
    }

    /** Address code of the sender, or -1. */
    public int senderAddress(int i) {
        return senderAddress[i];
    }

    /** Address code of the receiver, or -1. */
    public int receiverAddress(int i) {
        return receiverAddress[i];
    }

    /** Carrier code, or -1. */
    public int carrier(int i) {
        return carrier[i];
    }

    /** Declared-goods code, or -1. */
    public int goods(int i) {
        return goods[i];
    }

    /** Number of cartons (≥ 1). */
    public int pieces(int i) {
        return pieces[i];
    }

    /** Weight in kg, or {@code NaN} when not given. */
    public double weightKg(int i) {
        return weightKg[i];
    }

    /** Transport mode. */
    public TransportMode mode(int i) {
        return MODES[mode[i]];
    }

    /** {@link TransportMode#values()} once: each call of it copies the array. */
    private static final TransportMode[] MODES = TransportMode.values();

    /** Whether the parcel was found to carry contraband. */
    public boolean flagged(int i) {
        return flagged[i];
    }

    /** The place of a place code. */
    public Place place(int placeCode) {
        return placeByCode[placeCode];
    }

    /** Number of distinct places. */
    public int placeCount() {
        return placeByCode.length;
    }

    /** Phone dictionary (normalised digits). */
    public StringDictionary phones() {
        return phones;
    }

    /** Name dictionary. */
    public StringDictionary names() {
        return names;
    }

    /** Address dictionary. */
    public StringDictionary addresses() {
        return addresses;
    }

    /** Carrier dictionary. */
    public StringDictionary carriers() {
        return carriers;
    }

    /** Declared-goods dictionary. */
    public StringDictionary goodsDictionary() {
        return goodsDictionary;
    }

    /**
     * Bytes held per shipment by the column arrays (excluding the dictionaries). The waybill id needs
     * no column: row {@code i} holds id code {@code i}.
     */
    public static int bytesPerShipment() {
        return 8 + 4 * 10 + 4 + 4 + 1 + 1;
    }

    /** Bytes held by the dictionaries (arenas, offsets, hash tables) and the place table. */
    public long dictionaryBytes() {
        long b = 0;
        for (StringDictionary d : new StringDictionary[] {ids, places, phones, names, addresses, carriers,
                goodsDictionary}) {
            b += d.memoryBytes();
        }
        return b + 40L * placeByCode.length;
    }

    /** The place dictionary's key of a province and city. */
    public static String placeKey(String province, String city) {
        return province + '\t' + city;
    }

    /** Appends rows; {@link #build()} freezes them into a table. Not thread-safe. */
    public static final class Builder {
        private int size;
        private long[] shippedAt = new long[64];
        private int[] originPlace = new int[64];
        private int[] destinationPlace = new int[64];
        private int[] senderPhone = new int[64];
        private int[] receiverPhone = new int[64];
        private int[] senderName = new int[64];
        private int[] receiverName = new int[64];
        private int[] senderAddress = new int[64];
        private int[] receiverAddress = new int[64];
        private int[] carrier = new int[64];
        private int[] goods = new int[64];
        private int[] pieces = new int[64];
        private float[] weightKg = new float[64];
        private byte[] mode = new byte[64];
        private boolean[] flagged = new boolean[64];

        private final StringDictionary ids = new StringDictionary();
        private final StringDictionary places = new StringDictionary();
        private final StringDictionary phones = new StringDictionary();
        private final StringDictionary names = new StringDictionary();
        private final StringDictionary addresses = new StringDictionary();
        private final StringDictionary carriers = new StringDictionary();
        private final StringDictionary goodsDictionary = new StringDictionary();

        /** Number of rows so far. */
        public int size() {
            return size;
        }

        /** Whether a shipment id was already added. */
        public boolean containsShipment(String id) {
            return ids.code(id) >= 0;
        }

        /**
         * Appends a shipment. Phones must already be normalised and non-empty; optional strings may be
         * {@code null} or empty; {@code weightKg} may be {@code NaN}.
         *
         * @throws IllegalArgumentException when the shipment id was already added
         */
        public Builder add(String id, long epochSeconds, String originProvince, String originCity,
                           String destinationProvince, String destinationCity, String senderPhoneValue,
                           String receiverPhoneValue, String senderNameValue, String receiverNameValue,
                           String senderAddressValue, String receiverAddressValue, String carrierValue,
                           TransportMode modeValue, int piecesValue, double weight, String goodsValue,
                           boolean flaggedValue) {
            if (!tryAdd(id, epochSeconds, originProvince, originCity, destinationProvince, destinationCity,
                    senderPhoneValue, receiverPhoneValue, senderNameValue, receiverNameValue, senderAddressValue,
                    receiverAddressValue, carrierValue, modeValue, piecesValue, weight, goodsValue, flaggedValue)) {
                throw new IllegalArgumentException("duplicate shipment_id " + id);
            }
            return this;
        }

        /**
         * Appends a shipment unless its id was already added (one dictionary lookup for both the
         * check and the insert).
         *
         * @return false, adding nothing, when {@code id} is a duplicate
         */
        public boolean tryAdd(String id, long epochSeconds, String originProvince, String originCity,
                              String destinationProvince, String destinationCity, String senderPhoneValue,
                              String receiverPhoneValue, String senderNameValue, String receiverNameValue,
                              String senderAddressValue, String receiverAddressValue, String carrierValue,
                              TransportMode modeValue, int piecesValue, double weight, String goodsValue,
                              boolean flaggedValue) {
            int before = ids.size();
            int idCode = ids.intern(id);
            if (ids.size() == before) {
                return false;
            }
            if (size == shippedAt.length) {
                grow();
            }
            int i = size++;
            assert idCode == i : "id codes are row numbers";
            shippedAt[i] = epochSeconds;
            originPlace[i] = places.intern(placeKey(originProvince, originCity));
            destinationPlace[i] = places.intern(placeKey(destinationProvince, destinationCity));
            senderPhone[i] = phones.intern(senderPhoneValue);
            receiverPhone[i] = phones.intern(receiverPhoneValue);
            senderName[i] = optional(names, senderNameValue);
            receiverName[i] = optional(names, receiverNameValue);
            senderAddress[i] = optional(addresses, senderAddressValue);
            receiverAddress[i] = optional(addresses, receiverAddressValue);
            carrier[i] = optional(carriers, carrierValue);
            goods[i] = optional(goodsDictionary, goodsValue);
            mode[i] = (byte) (modeValue == null ? 0 : modeValue.ordinal());
            pieces[i] = piecesValue;
            weightKg[i] = (float) weight;
            flagged[i] = flaggedValue;
            return true;
        }

        private static int optional(StringDictionary d, String v) {
            return v == null || v.isEmpty() ? -1 : d.intern(v);
        }

        /**
         * Appends a shipment whose values are already encoded with this builder's dictionaries
         * ({@link #placeKeys()}, {@link #phones()}, ...; -1 for a missing optional value), for bulk
         * loaders that intern values themselves. The caller first interns the waybill id into
         * {@link #ids()}, where it must be new (so a duplicate is caught before any other value is
         * interned, as {@link #tryAdd} does); rows take the id codes in order (row {@code i}, id code
         * {@code i}), so ids may be interned ahead of their rows.
         *
         * @throws IllegalStateException when this row's id was not interned
         */
        public void appendEncoded(long epochSeconds, int originPlaceCode, int destinationPlaceCode,
                                  int senderPhoneCode, int receiverPhoneCode, int senderNameCode,
                                  int receiverNameCode, int senderAddressCode, int receiverAddressCode,
                                  int carrierCode, TransportMode modeValue, int piecesValue, double weight,
                                  int goodsCode, boolean flaggedValue) {
            if (size >= ids.size()) {
                throw new IllegalStateException("intern the row's new waybill id first (" + ids.size() + " ids, "
                        + size + " rows)");
            }
            if (size == shippedAt.length) {
                grow();
            }
            int i = size++;
            shippedAt[i] = epochSeconds;
            originPlace[i] = originPlaceCode;
            destinationPlace[i] = destinationPlaceCode;
            senderPhone[i] = senderPhoneCode;
            receiverPhone[i] = receiverPhoneCode;
            senderName[i] = senderNameCode;
            receiverName[i] = receiverNameCode;
            senderAddress[i] = senderAddressCode;
            receiverAddress[i] = receiverAddressCode;
            carrier[i] = carrierCode;
            goods[i] = goodsCode;
            mode[i] = (byte) (modeValue == null ? 0 : modeValue.ordinal());
            pieces[i] = piecesValue;
            weightKg[i] = (float) weight;
            flagged[i] = flaggedValue;
        }

        /** Waybill id dictionary: id code {@code i} is row {@code i}. */
        public StringDictionary ids() {
            return ids;
        }

        /** Place dictionary; keys are {@link #placeKey(String, String)}. */
        public StringDictionary placeKeys() {
            return places;
        }

        /** Phone dictionary (normalised phones). */
        public StringDictionary phones() {
            return phones;
        }

        /** Name dictionary. */
        public StringDictionary names() {
            return names;
        }

        /** Address dictionary. */
        public StringDictionary addresses() {
            return addresses;
        }

        /** Carrier dictionary. */
        public StringDictionary carriers() {
            return carriers;
        }

        /** Declared-goods dictionary. */
        public StringDictionary goods() {
            return goodsDictionary;
        }

        /** Rows the builder holds before it must grow. */
        public int capacity() {
            return shippedAt.length;
        }

        /**
         * Makes room for at least {@code rows} rows at once: a reader that can estimate its row count
         * saves the regrowth copies (each doubling allocates the columns anew, 58 bytes a row).
         */
        public void ensureCapacity(int rows) {
            if (rows > shippedAt.length) {
                resize(rows);
            }
        }

        private void grow() {
            resize((int) Math.min(Integer.MAX_VALUE - 8, 2L * shippedAt.length));
        }

        private void resize(int cap) {
            shippedAt = Arrays.copyOf(shippedAt, cap);
            originPlace = Arrays.copyOf(originPlace, cap);
            destinationPlace = Arrays.copyOf(destinationPlace, cap);
            senderPhone = Arrays.copyOf(senderPhone, cap);
            receiverPhone = Arrays.copyOf(receiverPhone, cap);
            senderName = Arrays.copyOf(senderName, cap);
            receiverName = Arrays.copyOf(receiverName, cap);
            senderAddress = Arrays.copyOf(senderAddress, cap);
            receiverAddress = Arrays.copyOf(receiverAddress, cap);
            carrier = Arrays.copyOf(carrier, cap);
            goods = Arrays.copyOf(goods, cap);
            pieces = Arrays.copyOf(pieces, cap);
            weightKg = Arrays.copyOf(weightKg, cap);
            mode = Arrays.copyOf(mode, cap);
            flagged = Arrays.copyOf(flagged, cap);
        }

        /** Freezes the rows into a table. */
        public ShipmentTable build() {
            return new ShipmentTable(this);
        }
    }
}
