package org.parcelnet.io;

/**
 * Normalises phone numbers to digits only so that {@code +86 138-0013-8000}, {@code 008613800138000}
 * and {@code 13800138000} are one identifier. A leading {@code 00} is the international call prefix
 * (ITU-T E.164 recommends it; mainland China and most countries dial it), written where {@code +}
 * stands for it: it is dropped like the plus sign, so that {@code 0095 9 1234 5678} and
 * {@code +95 9 1234 5678} are one foreign number. No mainland number starts with {@code 00} (trunk
 * prefix {@code 0} and an area code from 1 to 9). A leading country code 86 is then dropped when
 * written as {@code +86} or {@code 0086}, or when a 13-digit number starts with {@code 861} (a
 * mainland mobile with the code but without the plus sign).
 */
public final class PhoneNormalizer {

    private PhoneNormalizer() {
    }

    /** The normalised phone; empty when {@code raw} has no digits. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        if (plainDigits(raw)) {
            return raw; // already normalised: no copy (the common case while reading)
        }
        // the byte form's rules on the text's UTF-8 (whose ASCII bytes are the ASCII characters and
        // EF BC 90..99 the full-width digits): one statement of the prefixes
        byte[] b = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int from = Bytes.trimStart(b, 0, b.length);
        int to = Bytes.trimEnd(b, from, b.length);
        byte[] out = new byte[to - from];
        int n = normalize(b, from, to, out);
        return new String(out, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The normal form of the well-formed UTF-8 text {@code b[from, to)}, already trimmed of
     * characters up to U+0020 (as a reader's field is): writes it, always ASCII,
     * to {@code out} (room for {@code to - from} bytes) and returns its length, 0 when there are no
     * digits. No {@code String} is made. UTF-8 being self-synchronising, each ASCII byte is its own
     * character and the three bytes {@code EF BC 90..99} are exactly the full-width digits; any other
     * character is skipped here as there.
     */
    static int normalize(byte[] b, int from, int to, byte[] out) {
        int n = to - from;
        if (isNormal(b, from, to)) {
            System.arraycopy(b, from, out, 0, n);
            return n;
        }
        int len = 0;
        boolean plus = false;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                out[len++] = (byte) c;
            } else if (c == '+' && len == 0) {
                plus = true;
            } else if (c == (byte) 0xEF && i + 2 < to && b[i + 1] == (byte) 0xBC
                    && b[i + 2] >= (byte) 0x90 && b[i + 2] <= (byte) 0x99) {
                out[len++] = (byte) ('0' + (b[i + 2] - (byte) 0x90));
                i += 2;
            }
        }
        int skip = 0;
        if (len > 4 && out[0] == '0' && out[1] == '0') {
            skip = 2; // international call prefix, as '+'
            plus = true;
        }
        if (plus && len > skip + 2 && out[skip] == '8' && out[skip + 1] == '6') {
            skip += 2;
        } else if (skip == 0 && len == 13 && out[0] == '8' && out[1] == '6' && out[2] == '1') {
            skip = 2;
        }
        if (skip > 0) {
            System.arraycopy(out, skip, out, 0, len - skip);
        }
        return len - skip;
    }

    /**
     * Whether the trimmed text {@code b[from, to)} is its own non-empty normal form (plain digits
     * without a prefix to drop, or a pseudonym): then {@link #normalize(byte[], int, int, byte[])}
     * copies it unchanged.
     */
    static boolean isNormal(byte[] b, int from, int to) {
        return plainDigits(b, from, to) || isPseudonym(b, from, to);
    }

    /** {@link #plainDigits(String)} of ASCII bytes (any other byte is not a digit). */
    private static boolean plainDigits(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        if (n > 4 && b[from] == '0' && b[from + 1] == '0') {
            return false;
        }
        return !(n == 13 && b[from] == '8' && b[from + 1] == '6' && b[from + 2] == '1');
    }

    /** Whether {@code b[from, to)} is a phone pseudonym: {@code P-} followed by 16 RFC 4648 base32 characters. */
    private static boolean isPseudonym(byte[] b, int from, int to) {
        if (to - from != 18 || b[from] != 'P' || b[from + 1] != '-') {
            return false;
        }
        for (int i = from + 2; i < to; i++) {
            int c = b[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} is ASCII digits only and needs no prefix dropped (not {@code 00...}, not a
     * 13-digit {@code 861...}); such a phone is its own normal form.
     */
    private static boolean plainDigits(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (n > 4 && s.charAt(0) == '0' && s.charAt(1) == '0') {
            return false;
        }
        return !(n == 13 && s.startsWith("861"));
    }
}
