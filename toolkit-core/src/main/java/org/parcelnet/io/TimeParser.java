package org.parcelnet.io;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;

/**
 * Parses ISO-8601 date-times to epoch seconds. Accepts {@code 2024-03-01T08:15:00},
 * {@code 2024-03-01 08:15}, fractions of a second, {@code Z} or {@code ±HH:mm}/{@code ±HHmm}/{@code ±HH}
 * offsets, and a bare date (midnight). Values without an offset are read in the given zone. The
 * common fixed layouts are parsed by hand (ingest speed); anything else goes through
 * {@link DateTimeFormatter#ISO_DATE_TIME}.
 */
public final class TimeParser {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final int fixedOffsetSeconds;
    private final boolean fixed;

    /** A parser reading offset-less values in {@code zone}. */
    public TimeParser(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffsetSeconds = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
    }

    /**
     * Epoch seconds of {@code text}.
     *
     * @throws IllegalArgumentException when it is not an ISO-8601 date or date-time
     */
    public long parse(String text) {
        String s = text.trim();
        long fast = Long.MIN_VALUE;
        if (isAscii(s)) { // the fixed layouts are ASCII; the rest goes to java.time
            byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            fast = parseFast(b, 0, b.length);
        }
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s.replace(' ', 'T'),
                    OffsetDateTime::from, LocalDateTime::from);
            if (t instanceof OffsetDateTime odt) {
                return odt.toEpochSecond();
            }
            return ((LocalDateTime) t).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException | ClassCastException e) {
            throw new IllegalArgumentException("unparseable date-time");
        }
    }

    /**
     * {@link #parse(String)} of the UTF-8 text {@code b[from, to)}, without a {@code String} when the
     * text is ASCII in one of the fixed layouts (the same hand parse); anything else is decoded and
     * parsed as a string, so results and exceptions are those of {@code parse(String)}.
     */
    long parse(byte[] b, int from, int to) {
        int f = Bytes.trimStart(b, from, to);
        int t = Bytes.trimEnd(b, f, to);
        long fast = parseFast(b, f, t);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        return parse(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The hand parse of the fixed layouts on ASCII bytes {@code b[o, end)}: epoch seconds, or
     * {@code Long.MIN_VALUE} when the text is in none of them (left to java.time).
     */
    private long parseFast(byte[] b, int o, int end) {
        int n = end - o;
        if (n < 10 || b[o + 4] != '-' || b[o + 7] != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, o, 4);
        int month = digits(b, o + 5, 2);
        int day = digits(b, o + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int p = 10;
        if (n > 10) {
            byte sep = b[o + 10];
            if ((sep != 'T' && sep != ' ') || n < 16 || b[o + 13] != ':') {
                return Long.MIN_VALUE;
            }
            hour = digits(b, o + 11, 2);
            minute = digits(b, o + 14, 2);
            p = 16;
            if (n > 16 && b[o + 16] == ':') {
                if (n < 19) {
                    return Long.MIN_VALUE;
                }
                second = digits(b, o + 17, 2);
                p = 19;
                if (p < n && b[o + p] == '.') {
                    p++;
                    int start = p;
                    while (p < n && b[o + p] >= '0' && b[o + p] <= '9') {
                        p++;
                    }
                    if (p == start) {
                        return Long.MIN_VALUE;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return Long.MIN_VALUE;
            }
        }
        if (day > 28 && day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE; // left to java.time, which rejects it
        }
        long local = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        if (p == n) {
            if (fixed) {
                return local - fixedOffsetSeconds;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        }
        if (p == 10) {
            return Long.MIN_VALUE;
        }
        byte c = b[o + p];
        if (c == 'Z' && p + 1 == n) {
            return local;
        }
        if (c != '+' && c != '-') {
            return Long.MIN_VALUE;
        }
        int sign = c == '+' ? 1 : -1;
        int rest = n - p - 1;
        int oh;
        int om = 0;
        if (rest == 2) {
            oh = digits(b, o + p + 1, 2);
        } else if (rest == 4) {
            oh = digits(b, o + p + 1, 2);
            om = digits(b, o + p + 3, 2);
        } else if (rest == 5 && b[o + p + 3] == ':') {
            oh = digits(b, o + p + 1, 2);
            om = digits(b, o + p + 4, 2);
        } else {
            return Long.MIN_VALUE;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
            return Long.MIN_VALUE;
        }
        return local - sign * (oh * 3600L + om * 60L);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * Days from 1970-01-01 to the proleptic Gregorian date (year 0 to 9999, a valid day): the
     * arithmetic of {@link LocalDate#toEpochDay()}, without the object.
     */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528L;
    }

    /** The zone for values without an offset. */
    public ZoneId zone() {
        return zone;
    }

    /** UTC. */
    public static TimeParser utc() {
        return new TimeParser(ZoneOffset.UTC);
    }
}
