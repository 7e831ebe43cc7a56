package org.parcelnet.synth;

/**
 * How people write the same name or address differently on different waybills: the variants that
 * {@code GeneratorConfig.nameNoise} and {@code addressNoise} apply to a rendered field. Each variant
 * is chosen by a hash of the row, so the output stays independent of threads.
 *
 * <p>Names: one letter changed (a typo), the space dropped, or all in lower case. Addresses: lower
 * case with the full stop dropped ({@code no12 jinhua road …}: the same address once case and
 * punctuation are ignored), the street word abbreviated ({@code Road} → {@code Rd}: a different
 * string to an exact comparison), or the building and room left out (a different address).
 */
final class Noise {

    private Noise() {
    }

    /** A noisy variant of the name bytes {@code b}; {@code h} picks the variant. */
    static byte[] name(byte[] b, long h) {
        int variant = (int) Math.floorMod(h, 3L);
        switch (variant) {
            case 0 -> {
                // a typo: one lower-case letter replaced by the next one in the alphabet
                int letters = 0;
                for (byte x : b) {
                    letters += x >= 'a' && x <= 'z' ? 1 : 0;
                }
                if (letters == 0) {
                    return b;
                }
                int k = (int) Math.floorMod(h >>> 8, (long) letters);
                byte[] out = b.clone();
                for (int i = 0; i < out.length; i++) {
                    if (out[i] >= 'a' && out[i] <= 'z' && k-- == 0) {
                        out[i] = (byte) (out[i] == 'z' ? 'a' : out[i] + 1);
                        break;
                    }
                }
                return out;
            }
            case 1 -> {
                return remove(b, (byte) ' ');
            }
            default -> {
                return lower(b);
            }
        }
    }

    /** A noisy variant of the address bytes {@code b}; {@code h} picks the variant. */
    static byte[] address(byte[] b, long h) {
        int variant = (int) Math.floorMod(h, 3L);
        String s = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        String out = switch (variant) {
            case 0 -> s.toLowerCase(java.util.Locale.ROOT).replace(".", "");
            case 1 -> s.replace(" Road", " Rd").replace(" Street", " St").replace(" Avenue", " Ave")
                    .replace(" Lane", " Ln");
            default -> {
                int bldg = s.indexOf(" Bldg ");
                if (bldg < 0) {
                    yield s.replace(" Road", " Rd").replace(" Street", " St");
                }
                int room = s.indexOf(" Room ", bldg);
                int end = room < 0 ? -1 : s.indexOf(' ', room + 6);
                yield end < 0 ? s.substring(0, bldg) : s.substring(0, bldg) + s.substring(end);
            }
        };
        return ByteSink.ascii(out);
    }

    private static byte[] remove(byte[] b, byte c) {
        int n = 0;
        byte[] out = new byte[b.length];
        for (byte x : b) {
            if (x != c) {
                out[n++] = x;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static byte[] lower(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = (byte) (out[i] + 32);
            }
        }
        return out;
    }
}
