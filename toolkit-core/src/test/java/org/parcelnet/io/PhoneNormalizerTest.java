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
}
