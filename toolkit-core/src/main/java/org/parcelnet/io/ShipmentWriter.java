package org.parcelnet.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.StringDictionary;
import org.parcelnet.progress.ProgressListener;

/**
 * Writes a {@link ShipmentTable} as {@code shipments.csv} (docs/data-format.md): all eighteen schema
 * columns in schema order, RFC 4180 quoting, UTF-8, {@code \n} line ends; gzip when the file name ends
 * in {@code .gz}. The file is written atomically ({@link AtomicFiles}): a failure leaves the previous
 * file or none, never half a file. {@link ShipmentReader} reads the output back to an equal table
 * (times to the second; weights as stored, in float precision).
 *
 * <p>{@code shipped_at} is ISO-8601 with offset in {@link #zone} ({@code 2024-03-01T08:15:00Z} for
 * UTC); missing optional values are empty fields; {@code mode} is {@code land}, {@code air} or empty;
 * {@code flagged} is {@code true}/{@code false}. Cost: one pass, O(rows × columns). Not thread-safe
 * (a writer caches the last date it formatted); use one per thread.
 */
public final class ShipmentWriter {

    private final ZoneId zone;
    private final ProgressListener progress;
    private final DateTimeFormatter format;
    private final int fixedOffset; // seconds, or Integer.MIN_VALUE for zones with rules
    private final String offsetText;
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    /** A writer giving times in UTC, without progress. */
    public ShipmentWriter() {
        this(ZoneOffset.UTC, ProgressListener.NONE);
    }

    /**
     * A writer.
     *
     * @param zone     zone whose offset the times are written with
     * @param progress receives rows written
     */
    public ShipmentWriter(ZoneId zone, ProgressListener progress) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        if (zone.getRules().isFixedOffset()) {
            java.time.ZoneOffset off = zone.getRules().getOffset(Instant.EPOCH);
            this.fixedOffset = off.getTotalSeconds();
            this.offsetText = off.getId(); // "Z" or "+08:00" (as the formatter writes it, seconds only if non-zero)
        } else {
            this.fixedOffset = Integer.MIN_VALUE;
            this.offsetText = null;
        }
    }

    /** The zone times are written in. */
    public ZoneId zone() {
        return zone;
    }

    /** Writes {@code table} to {@code file} atomically (gzip for {@code .gz}). */
    public void write(ShipmentTable table, Path file) throws IOException {
        AtomicFiles.writeText(file, w -> write(table, w));
    }

    /** Writes {@code table} as CSV text to {@code out} (not closed). */
    public void write(ShipmentTable table, Writer out) throws IOException {
        int n = table.size();
        progress.begin("write shipments", n);
        try {
            for (int c = 0; c < ShipmentColumns.ALL.size(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                out.write(ShipmentColumns.ALL.get(c));
            }
            out.write('\n');
            StringDictionary phones = table.phones();
            StringDictionary names = table.names();
            StringDictionary addresses = table.addresses();
            for (int i = 0; i < n; i++) {
                Place o = table.place(table.originPlace(i));
                Place d = table.place(table.destinationPlace(i));
                field(out, table.shipmentId(i), true);
                field(out, time(table.shippedAt(i)), false);
                field(out, o.province(), false);
                field(out, o.city(), false);
                field(out, d.province(), false);
                field(out, d.city(), false);
                field(out, phones.value(table.senderPhone(i)), false);
                field(out, phones.value(table.receiverPhone(i)), false);
                field(out, names.value(table.senderName(i)), false);
                field(out, names.value(table.receiverName(i)), false);
                field(out, addresses.value(table.senderAddress(i)), false);
                field(out, addresses.value(table.receiverAddress(i)), false);
                field(out, table.carriers().value(table.carrier(i)), false);
                field(out, table.mode(i).csv(), false);
                field(out, Integer.toString(table.pieces(i)), false);
                field(out, weight(table.weightKg(i)), false);
                field(out, table.goodsDictionary().value(table.goods(i)), false);
                field(out, table.flagged(i) ? "true" : "false", false);
                out.write('\n');
                if ((i & 0xFFFF) == 0xFFFF) {
                    progress.advance(0x10000);
                    progress.checkCancelled();
                }
            }
            progress.advance(n & 0xFFFF);
        } finally {
            progress.end();
        }
    }

    /**
     * ISO-8601 with offset. For a fixed-offset zone (UTC, +08:00, …) the text is assembled by hand with
     * the date part cached per day (the formatter costs about a microsecond per row); other zones, and
     * years outside 1000–9999, go through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
     */
    String time(long epochSeconds) {
        if (fixedOffset == Integer.MIN_VALUE) {
            return format.format(Instant.ofEpochSecond(epochSeconds));
        }
        long local = epochSeconds + fixedOffset;
        long day = Math.floorDiv(local, 86_400L);
        if (day != cachedDay) {
            java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
            if (d.getYear() < 1000 || d.getYear() > 9999) {
                return format.format(Instant.ofEpochSecond(epochSeconds));
            }
            cachedDay = day;
            cachedDate = d + "T";
        }
        int sod = (int) Math.floorMod(local, 86_400L);
        char[] hms = {(char) ('0' + sod / 36_000), (char) ('0' + sod / 3_600 % 10), ':',
            (char) ('0' + sod % 3_600 / 600), (char) ('0' + sod % 600 / 60), ':',
            (char) ('0' + sod % 60 / 10), (char) ('0' + sod % 10)};
        return cachedDate + new String(hms) + offsetText;
    }

    /** A weight as a plain decimal (no exponent), shortest form that reads back to the same float. */
    static String weight(double kg) {
        if (Double.isNaN(kg)) {
            return "";
        }
        float f = (float) kg;
        if (f == Math.rint(f) && Math.abs(f) < 1e9f) {
            return Long.toString((long) f);
        }
        String s = Float.toString(f);
        if (s.indexOf('E') >= 0) {
            s = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        return s;
    }

    private static void field(Writer out, String value, boolean first) throws IOException {
        if (!first) {
            out.write(',');
        }
        if (value != null) {
            out.write(Csv.quote(value));
        }
    }
}
