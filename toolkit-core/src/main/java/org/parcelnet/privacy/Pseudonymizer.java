package org.parcelnet.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Objects;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.StringDictionary;

/**
 * Keyed pseudonyms for phones, names and addresses.
 *
 * <p>Algorithm: {@code HMAC-SHA256(key, domain(kind) ‖ 0x00 ‖ UTF-8(value))} (RFC 2104, FIPS 198-1;
 * SHA-256 per FIPS 180-4); the first {@value #BODY_BYTES} bytes of the tag are written in RFC 4648
 * base32 (16 characters, no padding) after the kind's prefix: {@code P-…} phones, {@code N-…} names,
 * {@code A-…} addresses. Hence:
 * <ul>
 *   <li>the same value and key always give the same pseudonym, so equality, and with it case linking,
 *       party graphs and communities, is preserved;</li>
 *   <li>without the key a pseudonym cannot be inverted, not even by trying all ~10^11 mobile numbers
 *       (that would need the key: the HMAC is a PRF keyed with ≥ 128 bits);</li>
 *   <li>pseudonyms made under different keys are unrelated (unlinkable);</li>
 *   <li>the domain tag separates kinds: a phone and a name with equal text differ.</li>
 * </ul>
 * Values are hashed exactly as stored (the reader has already normalised phones, trimmed names and
 * collapsed white space in addresses); no further folding, so distinct inputs stay distinct.
 *
 * <p>Collisions: 80-bit pseudonyms; for n distinct values of one kind the chance that any two share a
 * pseudonym is about n²/2⁸¹: 4·10⁻¹¹ for 10 million phones, 4·10⁻⁵ for 10 billion. Because a
 * collision would silently merge two parties, {@link #apply} checks every table it pseudonymises and
 * fails rather than merge.
 *
 * <p>Cost: one HMAC (two SHA-256 blocks plus the value) per distinct value; a table is pseudonymised
 * through its dictionaries, so each distinct phone, name and address is hashed once. When both columns
 * of each kind are treated alike (the usual case) the rows are not touched at all: the result shares
 * the row arrays and only the dictionaries are new (O(distinct values)); otherwise the rows are copied
 * (O(rows)). Thread-safe: each thread gets its own {@link Mac}.
 */
public final class Pseudonymizer {

    /** Bytes of the HMAC tag kept in a pseudonym. */
    public static final int BODY_BYTES = 10;
    /** Base32 characters of a pseudonym's body. */
    public static final int BODY_CHARS = BODY_BYTES * 8 / 5;

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final ThreadLocal<Mac> mac;

    /** A pseudonymiser keyed with {@code key} (the key's bytes are copied into the HMAC key). */
    public Pseudonymizer(PseudonymKey key) {
        Objects.requireNonNull(key, "key");
        byte[] k = key.bytes();
        SecretKeySpec spec = new SecretKeySpec(k, "HmacSHA256");
        Arrays.fill(k, (byte) 0);
        Mac first = newMac(spec);
        this.mac = ThreadLocal.withInitial(() -> newMac(spec));
        this.mac.set(first);
    }

    private static Mac newMac(SecretKeySpec spec) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(spec);
            return m;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The pseudonym of {@code value} as a {@code kind}; {@code null} stays {@code null}. */
    public String pseudonym(PseudonymKind kind, String value) {
        if (value == null) {
            return null;
        }
        Mac m = mac.get();
        m.update(kind.domain());
        m.update((byte) 0);
        byte[] tag = m.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return kind.prefix() + base32(tag, BODY_BYTES);
    }

    /** {@code P-…} pseudonym of a phone. */
    public String phone(String value) {
        return pseudonym(PseudonymKind.PHONE, value);
    }

    /** {@code N-…} pseudonym of a name. */
    public String name(String value) {
        return pseudonym(PseudonymKind.NAME, value);
    }

    /** {@code A-…} pseudonym of an address. */
    public String address(String value) {
        return pseudonym(PseudonymKind.ADDRESS, value);
    }

    /** RFC 4648 base32 of the first {@code n} bytes ({@code n} a multiple of 5: no padding). */
    static String base32(byte[] b, int n) {
        char[] out = new char[n * 8 / 5];
        int o = 0;
        for (int i = 0; i < n; i += 5) {
            long block = 0;
            for (int j = 0; j < 5; j++) {
                block = (block << 8) | (b[i + j] & 0xFF);
            }
            for (int s = 35; s >= 0; s -= 5) {
                out[o++] = BASE32[(int) (block >>> s) & 31];
            }
        }
        return new String(out);
    }

    /**
     * A copy of {@code table} with the chosen personal columns replaced by pseudonyms. Phones are
     * pseudonymised as one dictionary, so a party that both sends and receives keeps one pseudonym;
     * likewise names and addresses. Everything else (ids, times, places, carrier, goods, pieces,
     * weight, mode, flag) is copied unchanged.
     *
     * @param columns which columns to pseudonymise; the others are copied in clear
     * @throws IllegalStateException when two distinct values of a kind would share a pseudonym (the
     *                               odds are in the class comment); the table is then not changed
     */
    public ShipmentTable apply(ShipmentTable table, Set<PersonalColumn> columns) {
        EnumSet<PersonalColumn> cols = columns.isEmpty() ? EnumSet.noneOf(PersonalColumn.class) : EnumSet.copyOf(columns);
        if (pairs(cols, PersonalColumn.SENDER_PHONE, PersonalColumn.RECEIVER_PHONE)
                && pairs(cols, PersonalColumn.SENDER_NAME, PersonalColumn.RECEIVER_NAME)
                && pairs(cols, PersonalColumn.SENDER_ADDRESS, PersonalColumn.RECEIVER_ADDRESS)) {
            // Both columns of each kind alike: replace the dictionaries code for code, share the rows.
            return table.withPersonalDictionaries(
                    cols.contains(PersonalColumn.SENDER_PHONE) ? dictionary(table.phones(), PseudonymKind.PHONE) : table.phones(),
                    cols.contains(PersonalColumn.SENDER_NAME) ? dictionary(table.names(), PseudonymKind.NAME) : table.names(),
                    cols.contains(PersonalColumn.SENDER_ADDRESS) ? dictionary(table.addresses(), PseudonymKind.ADDRESS)
                            : table.addresses());
        }
        String[] phones = cols.contains(PersonalColumn.SENDER_PHONE) || cols.contains(PersonalColumn.RECEIVER_PHONE)
                ? mapAll(table.phones(), PseudonymKind.PHONE) : null;
        String[] names = cols.contains(PersonalColumn.SENDER_NAME) || cols.contains(PersonalColumn.RECEIVER_NAME)
                ? mapAll(table.names(), PseudonymKind.NAME) : null;
        String[] addresses = cols.contains(PersonalColumn.SENDER_ADDRESS) || cols.contains(PersonalColumn.RECEIVER_ADDRESS)
                ? mapAll(table.addresses(), PseudonymKind.ADDRESS) : null;
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0, n = table.size(); i < n; i++) {
            Place o = table.place(table.originPlace(i));
            Place d = table.place(table.destinationPlace(i));
            b.add(table.shipmentId(i), table.shippedAt(i), o.province(), o.city(), d.province(), d.city(),
                    pick(table.phones(), table.senderPhone(i), cols.contains(PersonalColumn.SENDER_PHONE) ? phones : null),
                    pick(table.phones(), table.receiverPhone(i), cols.contains(PersonalColumn.RECEIVER_PHONE) ? phones : null),
                    pick(table.names(), table.senderName(i), cols.contains(PersonalColumn.SENDER_NAME) ? names : null),
                    pick(table.names(), table.receiverName(i), cols.contains(PersonalColumn.RECEIVER_NAME) ? names : null),
                    pick(table.addresses(), table.senderAddress(i), cols.contains(PersonalColumn.SENDER_ADDRESS) ? addresses : null),
                    pick(table.addresses(), table.receiverAddress(i), cols.contains(PersonalColumn.RECEIVER_ADDRESS) ? addresses : null),
                    table.carriers().value(table.carrier(i)), table.mode(i), table.pieces(i), table.weightKg(i),
                    table.goodsDictionary().value(table.goods(i)), table.flagged(i));
        }
        return b.build();
    }

    /** {@link #apply(ShipmentTable, Set)} on all six personal columns. */
    public ShipmentTable apply(ShipmentTable table) {
        return apply(table, EnumSet.allOf(PersonalColumn.class));
    }

    private static String pick(StringDictionary d, int code, String[] mapped) {
        if (code < 0) {
            return null;
        }
        return mapped == null ? d.value(code) : mapped[code];
    }

    private static boolean pairs(Set<PersonalColumn> cols, PersonalColumn a, PersonalColumn b) {
        return cols.contains(a) == cols.contains(b);
    }

    /** A dictionary holding the pseudonym of entry c at code c (checked one-to-one by {@link #mapAll}). */
    private StringDictionary dictionary(StringDictionary d, PseudonymKind kind) {
        String[] mapped = mapAll(d, kind);
        StringDictionary out = new StringDictionary();
        for (String v : mapped) {
            out.intern(v);
        }
        return out;
    }

    /** Pseudonyms of every dictionary entry, checked for collisions. */
    private String[] mapAll(StringDictionary d, PseudonymKind kind) {
        int n = d.size();
        String[] out = new String[n];
        HashMap<String, Integer> seen = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
        for (int c = 0; c < n; c++) {
            out[c] = pseudonym(kind, d.value(c));
            Integer prev = seen.putIfAbsent(out[c], c);
            if (prev != null) {
                // Never name the colliding values: they are personal data.
                throw new IllegalStateException("pseudonym collision between two distinct "
                        + kind.name().toLowerCase(java.util.Locale.ROOT) + " values (" + n
                        + " distinct); refusing to merge them");
            }
        }
        return out;
    }

    /** Reveals nothing about the key. */
    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA256, key hidden]";
    }
}
