package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {
    @Test
    void normalises() {
        assertEquals("13800138000", PhoneNormalizer.normalize("138 0013 8000"));
        assertEquals("13800138000", PhoneNormalizer.normalize("+86 138-0013-8000"));
        assertEquals("13800138000", PhoneNormalizer.normalize("0086 13800138000"));
        assertEquals("13800138000", PhoneNormalizer.normalize("8613800138000"));
        assertEquals("13800138000", PhoneNormalizer.normalize("１３８００１３８０００"));
        assertEquals("02088886666", PhoneNormalizer.normalize("020-8888 6666"), "landline with area code kept");
        assertEquals("861234", PhoneNormalizer.normalize("861234"), "short numbers starting 86 are not country codes");
        assertEquals("", PhoneNormalizer.normalize("n/a"));
    }

    @Test
    void internationalPrefix00IsThePlusSign() {
        // a Myanmar mobile and a Hong Kong number, each written with + and with the 00 call prefix
        assertEquals("959123456789", PhoneNormalizer.normalize("+95 9 1234 56789"));
        assertEquals("959123456789", PhoneNormalizer.normalize("0095 9 1234 56789"));
        assertEquals("959123456789", PhoneNormalizer.normalize("00959123456789"));
        assertEquals("85221234567", PhoneNormalizer.normalize("+852 2123 4567"));
        assertEquals("85221234567", PhoneNormalizer.normalize("00852-2123-4567"));
        assertEquals("85221234567", PhoneNormalizer.normalize("００８５２２１２３４５６７"));
        assertEquals("13800138000", PhoneNormalizer.normalize("00 86 138 0013 8000"), "mainland code after 00");
        assertEquals("0086", PhoneNormalizer.normalize("0086"), "too short to carry a number");
        assertEquals("02088886666", PhoneNormalizer.normalize("02088886666"), "a single 0 is the trunk prefix");
    }

    private static String normalizeBytes(String raw) {
        byte[] b = ("  " + raw + " ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length];
        int n = PhoneNormalizer.normalize(b, 2, b.length - 1, out);
        return new String(out, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void bytesNormaliseAsStrings() {
        String[][] cases = {
            {"13800138000", "13800138000"}, {"138 0013 8000", "13800138000"}, {"+86 138-0013-8000", "13800138000"},
            {"0086 13800138000", "13800138000"}, {"8613800138000", "13800138000"},
            {"１３８００１３８０００", "13800138000"}, {"００８５２２１２３４５６７", "85221234567"},
            {"0095 9 1234 56789", "959123456789"}, {"0086", "0086"}, {"861234", "861234"}, {"n/a", ""}, {"", ""},
            {"P-ABCDEFGHJKLMN234", "P-ABCDEFGHJKLMN234"}, {"P-abcdefghjklmn234", "234"}, {"1+2", "12"},
            {"++86 138", "138"}, {"电话：138😀0013８000", "13800138000"}, {"０", "0"}, {"８６1", "861"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], PhoneNormalizer.normalize(c[0]), c[0]);
            assertEquals(c[1], normalizeBytes(c[0]), c[0]);
        }
    }

    @Test
    void bytesAgreeWithStringsOnRandomPhones() {
        String[] parts = {"0", "1", "3", "6", "8", "9", "00", "86", "861", "+", " ", "-", "(", ")", "８", "０", "６",
            "＋", "P-", "A", "Z", "2", "7", "号", "😀", "é", "\uFF1A"};
        SplittableRandom r = new SplittableRandom(41);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(16);
            for (int k = 0; k < n; k++) {
                sb.append(parts[r.nextInt(parts.length)]);
            }
            String raw = sb.toString().trim();
            assertEquals(PhoneNormalizer.normalize(raw), normalizeBytes(raw), raw);
        }
    }
}
