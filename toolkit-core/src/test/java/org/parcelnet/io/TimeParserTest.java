package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimeParserTest {

    @Test
    void fastPathAgreesWithJavaTime() {
        SplittableRandom rnd = new SplittableRandom(1);
        TimeParser shanghai = new TimeParser(ZoneId.of("Asia/Shanghai"));
        TimeParser newYork = new TimeParser(ZoneId.of("America/New_York"));
        for (int k = 0; k < 2000; k++) {
            LocalDateTime t = LocalDateTime.of(1990 + rnd.nextInt(60), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                    rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
            String s = t.toString().length() == 16 ? t + ":00" : t.toString();
            assertEquals(t.atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond(), shanghai.parse(s), s);
            assertEquals(t.atZone(ZoneId.of("America/New_York")).toEpochSecond(), newYork.parse(s), s);
            ZoneOffset off = ZoneOffset.ofHoursMinutes(rnd.nextInt(-11, 14), 0);
            String withOffset = s + off.getId().replace("Z", "+00:00");
            assertEquals(OffsetDateTime.of(t, off).toEpochSecond(), shanghai.parse(withOffset), withOffset);
        }
    }

    @Test
    void acceptedSpellings() {
        TimeParser utc = TimeParser.utc();
        long base = 1740787200L; // 2025-03-01T00:00:00Z
        assertEquals(base, utc.parse("2025-03-01"));
        assertEquals(base + 8 * 3600 + 15 * 60, utc.parse("2025-03-01 08:15"));
        assertEquals(base + 8 * 3600 + 15 * 60 + 30, utc.parse("2025-03-01T08:15:30.250Z"));
        assertEquals(base, utc.parse("2025-03-01T08:00:00+0800"));
        assertEquals(base, utc.parse("2025-03-01T08:00:00+08"));
        assertEquals(base, utc.parse(" 2025-03-01T08:00:00+08:00 "));
    }

    @Test
    void rejectsNonsense() {
        TimeParser utc = TimeParser.utc();
        for (String bad : new String[] {"", "yesterday", "2025-02-30", "2025-03-01T25:00", "01/03/2025", "2025-03-01T08:00+"}) {
            assertThrows(IllegalArgumentException.class, () -> utc.parse(bad), bad);
        }
    }
}
