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

    /** {@link TimeParser#parse(byte[], int, int)} of {@code text} in a larger buffer; the exception's message, or the value. */
    private static String parseBytes(TimeParser p, String text) {
        byte[] b = ("x," + text + ",y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return Long.toString(p.parse(b, 2, b.length - 2));
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String parseString(TimeParser p, String text) {
        try {
            return Long.toString(p.parse(text));
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void bytesParseAsStrings() {
        TimeParser utc = TimeParser.utc();
        long base = 1740787200L; // 2025-03-01T00:00:00Z, hand-checked: 20148 days since 1970-01-01
        assertEquals(Long.toString(base), parseBytes(utc, "2025-03-01"));
        assertEquals(Long.toString(base - 8 * 3600), parseBytes(utc, "2025-03-01T00:00:00+08:00"));
        assertEquals(Long.toString(base + 8 * 3600 + 15 * 60), parseBytes(utc, " 2025-03-01 08:15\t"));
        assertEquals(Long.toString(base - 86_400), parseBytes(utc, "2025-02-28"));
        assertEquals(Long.toString(951_782_400L), parseBytes(utc, "2000-02-29"), "a leap day of a century divisible by 400");
        assertEquals(Long.toString(0), parseBytes(utc, "1970-01-01T00:00:00Z"));
        assertEquals(Long.toString(-1), parseBytes(utc, "1969-12-31T23:59:59Z"));
        String[] texts = {"", " ", "2025-03-01", "2025-03-01T08:15", "2025-03-01T08:15:30", "2025-03-01T08:15:30.5",
            "2025-03-01T08:15:30.Z", "2025-03-01T08:15:30.123456789Z", "2025-03-01T08:15:30,5Z", "2025-03-01T08:15:30+08",
            "2025-03-01T08:15:30+0830", "2025-03-01T08:15:30-05:00", "2025-03-01T08:15:30+19:00", "2025-03-01T08:15:30+08:60",
            "2025-03-01T08:15:30+08:0", "2025-03-01T08:15:30z", "2025-03-01t08:15:30Z", "2025-02-29", "2024-02-29",
            "1900-02-29", "2000-02-29", "2025-04-31", "2025-12-31T23:59:59Z", "2025-13-01", "2025-00-10", "2025-01-00",
            "2025-03-01T24:00", "2025-03-01T23:60", "2025-03-01T23:59:60", "+2025-03-01", "-2025-03-01", "2025-3-01",
            "2025-03-01T08", "2025-03-01T08:1", "2025-03-01T08:15:3", "2025-03-01 08:15:30Z", "2025-03-01T08:15:30.٣Z",
            "２０２５-03-01", "2025-03-01T08:15:30+08:00[Asia/Shanghai]", "0000-01-01", "9999-12-31T23:59:59Z",
            "2025-03-01T08:15:30 +08:00", "2025-03-01T08:15:30\uFFFD", "yesterday", "2025-03-01T08:15:30.250+05:30"};
        TimeParser[] parsers = {utc, new TimeParser(ZoneId.of("Asia/Shanghai")), new TimeParser(ZoneId.of("America/New_York"))};
        for (TimeParser p : parsers) {
            for (String t : texts) {
                assertEquals(parseString(p, t), parseBytes(p, t), t);
            }
        }
        // around a daylight-saving gap: offset-less times in a zone with transitions
        TimeParser ny = parsers[2];
        assertEquals(parseString(ny, "2025-03-09T02:30:00"), parseBytes(ny, "2025-03-09T02:30:00"));
        assertEquals(parseString(ny, "2025-11-02T01:30:00"), parseBytes(ny, "2025-11-02T01:30:00"));
    }

    @Test
    void epochDayIsJavaTimes() {
        for (int year : new int[] {0, 1, 4, 99, 100, 400, 1582, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 1; month <= 12; month++) {
                int days = java.time.YearMonth.of(year, month).lengthOfMonth();
                for (int day = 1; day <= days; day++) {
                    assertEquals(java.time.LocalDate.of(year, month, day).toEpochDay(), TimeParser.epochDay(year, month, day),
                            year + "-" + month + "-" + day);
                }
            }
        }
    }
}
