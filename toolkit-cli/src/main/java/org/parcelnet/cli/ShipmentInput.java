package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.parcelnet.io.ReadStats;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.ProgressListener;

import picocli.CommandLine.Option;

/**
 * Input options of commands that read only a shipments file (not an edge list), shared through
 * {@code @Mixin}, so that their help lists only options that apply. Read counts go to stderr; in
 * lenient mode rejected rows are written to {@code --rejects} or the output folder.
 */
public final class ShipmentInput {

    @Option(names = "--shipments", required = true, paramLabel = "FILE", description = "shipments.csv(.gz)")
    Path shipments;

    @Option(names = "--map", paramLabel = "COLUMN=NAME", description = "read a shipment column from a differently named one, e.g. shipped_at=pickup_time")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "zone of times without an offset (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--lenient", description = "reject bad rows (counted, written to rejects.csv) instead of stopping at the first")
    boolean lenient;

    @Option(names = "--rejects", paramLabel = "FILE", description = "where --lenient writes rejected rows (default: rejects.csv in the output folder)")
    Path rejects;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, no read counts")
    boolean quiet;

    /** The shipments file. */
    public Path file() {
        return shipments;
    }

    /** The progress listener for these options. */
    public ProgressListener progress() {
        return ConsoleProgress.create(quiet);
    }

    /** Reads the shipments; {@code outDir} is where rejects.csv goes by default. */
    public ShipmentTable load(Path outDir) throws IOException {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + zone + "'");
        }
        ShipmentReader.Options o = ShipmentReader.Options.defaults().withColumnMap(columnMap).withZone(z)
                .withLenient(lenient).withProgress(progress());
        ShipmentReader.Result r = ShipmentReader.read(shipments, o);
        ReadStats stats = r.stats();
        if (!quiet) {
            System.err.println(stats.summaryLine());
        }
        if (stats.rowsRejected() > 0) {
            Path target = rejects != null ? rejects : outDir.resolve("rejects.csv");
            stats.writeRejects(target);
            if (!quiet) {
                System.err.println("rejected rows written to " + target);
            }
        }
        return r.table();
    }
}
