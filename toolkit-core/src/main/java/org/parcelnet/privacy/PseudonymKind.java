package org.parcelnet.privacy;

import java.nio.charset.StandardCharsets;

/**
 * What a pseudonym stands for. Each kind has its own HMAC domain tag, so a phone and a name with the
 * same text get unrelated pseudonyms, and its own readable prefix.
 */
public enum PseudonymKind {
    /** Phone numbers: {@code P-…}. */
    PHONE("P-", "parcelnet/pseudonym/v1/phone"),
    /** Person or company names: {@code N-…}. */
    NAME("N-", "parcelnet/pseudonym/v1/name"),
    /** Street addresses: {@code A-…}. */
    ADDRESS("A-", "parcelnet/pseudonym/v1/address");

    private final String prefix;
    private final byte[] domain;

    PseudonymKind(String prefix, String domain) {
        this.prefix = prefix;
        this.domain = domain.getBytes(StandardCharsets.US_ASCII);
    }

    /** The readable prefix, e.g. {@code "P-"}. */
    public String prefix() {
        return prefix;
    }

    /** The domain tag fed to the HMAC before the value (copy). */
    byte[] domain() {
        return domain.clone();
    }

    /** Whether {@code s} has the form of a pseudonym of this kind (prefix + 16 base32 characters). */
    public boolean matches(String s) {
        if (s == null || s.length() != prefix.length() + Pseudonymizer.BODY_CHARS || !s.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
