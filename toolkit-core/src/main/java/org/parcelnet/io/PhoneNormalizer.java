package org.parcelnet.io;

/**
 * Normalises phone numbers to digits only so that {@code +86 138-0013-8000}, {@code 008613800138000}
 * and {@code 13800138000} are one identifier. A leading country code 86 is dropped when written as
 * {@code +86} or {@code 0086}, or when a 13-digit number starts with {@code 861} (a mainland mobile
 * with the code but without the plus sign).
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
        String trimmed = raw.trim();
        if (isPseudonym(trimmed)) {
            return trimmed;
        }
        int len = raw.length();
        StringBuilder digits = new StringBuilder(len);
        boolean plus = false;
        boolean seenDigit = false;
        for (int i = 0; i < len; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                seenDigit = true;
            } else if (c == '+' && !seenDigit) {
                plus = true;
            } else if (c >= '０' && c <= '９') { // full-width digits, common in Chinese input
                digits.append((char) ('0' + (c - '０')));
                seenDigit = true;
            }
        }
        if (plus && digits.length() > 2 && digits.charAt(0) == '8' && digits.charAt(1) == '6') {
            return digits.substring(2);
        }
        if (digits.length() > 4 && digits.charAt(0) == '0' && digits.charAt(1) == '0' && digits.charAt(2) == '8'
                && digits.charAt(3) == '6') {
            return digits.substring(4);
        }
        if (digits.length() == 13 && digits.charAt(0) == '8' && digits.charAt(1) == '6' && digits.charAt(2) == '1') {
            return digits.substring(2);
        }
        return digits.toString();
    }

    /**
     * Whether {@code s} is ASCII digits only and needs no prefix dropped (not {@code 0086...}, not a
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
        if (n > 4 && s.startsWith("0086")) {
            return false;
        }
        return !(n == 13 && s.startsWith("861"));
    }

    /** Whether {@code s} is a phone pseudonym: {@code P-} followed by 16 RFC 4648 base32 characters. */
    static boolean isPseudonym(String s) {
        if (s.length() != 18 || s.charAt(0) != 'P' || s.charAt(1) != '-') {
            return false;
        }
        for (int i = 2; i < 18; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
