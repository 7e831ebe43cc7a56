package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
