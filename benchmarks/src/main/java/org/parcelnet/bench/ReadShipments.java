package org.parcelnet.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

/**
 * Times one read of a shipments file, as a command reads it (one read per JVM, so the figure includes
 * the JIT's warm-up, as the command's does): prints the rows, the read's wall seconds and a checksum
 * of the table's columns, so that two builds can be compared on the same file. Run it under
 * {@code /usr/bin/time -v} for the process's CPU seconds.
 *
 * <p>Usage: {@code ReadShipments FILE [lenient]}.
 */
public final class ReadShipments {

    private ReadShipments() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReadShipments FILE [lenient]");
            System.exit(2);
        }
        ShipmentReader.Options options = ShipmentReader.Options.defaults()
                .withLenient(args.length > 1 && args[1].equals("lenient"));
        long t0 = System.nanoTime();
        ShipmentReader.Result r = ShipmentReader.read(Path.of(args[0]), options);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ShipmentTable t = r.table();
        System.out.printf("rows %d  rejected %d  read %.2f s  checksum %016x%n", t.size(),
                r.stats().rowsRejected(), seconds, checksum(t));
    }

    /** A hash over every row's encoded values: equal tables give equal sums. */
    static long checksum(ShipmentTable t) {
        long h = 0;
        for (int i = 0; i < t.size(); i++) {
            long row = t.shippedAt(i);
            row = row * 31 + t.originPlace(i);
            row = row * 31 + t.destinationPlace(i);
            row = row * 31 + t.senderPhone(i);
            row = row * 31 + t.receiverPhone(i);
            row = row * 31 + t.senderName(i);
            row = row * 31 + t.receiverName(i);
            row = row * 31 + t.senderAddress(i);
            row = row * 31 + t.receiverAddress(i);
            row = row * 31 + t.carrier(i);
            row = row * 31 + t.mode(i).ordinal();
            row = row * 31 + t.pieces(i);
            row = row * 31 + Double.doubleToLongBits(t.weightKg(i));
            row = row * 31 + t.goods(i);
            row = row * 31 + (t.flagged(i) ? 1 : 0);
            h = h * 0x9E3779B97F4A7C15L + row;
        }
        return h;
    }
}
