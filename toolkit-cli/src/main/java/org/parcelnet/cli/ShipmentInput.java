package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private GraphInput reader;

    /** The shipments file. */
    public Path file() {
        return shipments;
    }

    /** The progress listener for these options. */
    public ProgressListener progress() {
        return ConsoleProgress.create(quiet);
    }

    /**
     * These options as a {@link GraphInput} that names only a shipments file, so that validation,
     * reading and rejects follow the graph commands' rules exactly.
     */
    private GraphInput reader() {
        if (reader == null) {
            GraphInput g = new GraphInput();
            g.source = new GraphInput.Source();
            g.source.shipments = shipments;
            g.columnMap = columnMap;
            g.zone = zone;
            g.partyKey = "phone";
            g.volume = "shipments";
            g.sourceColumn = "source";
            g.targetColumn = "target";
            g.weightColumn = "weight";
            g.lenient = lenient;
            g.rejects = rejects;
            g.quiet = quiet;
            reader = g;
        }
        return reader;
    }

    /** Checks every option without reading anything (see {@link GraphInput#validate}). */
    public void validate(Path outDir) {
        reader().validate(outDir);
    }

    /** {@code names} plus {@code rejects.csv} when rejected rows may be written into the output folder. */
    public String[] outputs(String... names) {
        return reader().outputs(names);
    }

    /** Reads the shipments; {@code outDir} is where rejects.csv goes by default. */
    public ShipmentTable load(Path outDir) throws IOException {
        return reader().loadShipments(outDir);
    }
}
