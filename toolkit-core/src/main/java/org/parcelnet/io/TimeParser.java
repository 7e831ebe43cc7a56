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
        long fast = parseFast(s);
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

    private long parseFast(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int p = 10;
        if (n > 10) {
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
                return Long.MIN_VALUE;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            p = 16;
            if (n > 16 && s.charAt(16) == ':') {
                if (n < 19) {
                    return Long.MIN_VALUE;
                }
                second = digits(s, 17, 2);
                p = 19;
                if (p < n && s.charAt(p) == '.') {
                    p++;
                    int start = p;
                    while (p < n && Character.isDigit(s.charAt(p))) {
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
        if (day > 28) {
            // leave month-length checks to java.time
            try {
                LocalDate.of(year, month, day);
            } catch (java.time.DateTimeException e) {
                return Long.MIN_VALUE;
            }
        }
        long local = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second;
        if (p == n) {
            if (fixed) {
                return local - fixedOffsetSeconds;
            }
            return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        }
        if (p == 10) {
            return Long.MIN_VALUE;
        }
        char c = s.charAt(p);
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
            oh = digits(s, p + 1, 2);
        } else if (rest == 4) {
            oh = digits(s, p + 1, 2);
            om = digits(s, p + 3, 2);
        } else if (rest == 5 && s.charAt(p + 3) == ':') {
            oh = digits(s, p + 1, 2);
            om = digits(s, p + 4, 2);
        } else {
            return Long.MIN_VALUE;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
            return Long.MIN_VALUE;
        }
        return local - sign * (oh * 3600L + om * 60L);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
