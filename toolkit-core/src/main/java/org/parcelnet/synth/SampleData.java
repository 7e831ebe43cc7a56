package org.parcelnet.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled synthetic sample (50,000 shipments with 8 planted rings and their ground truth, CC0;
 * described in the repository's sample-data/README.md), carried on the library's classpath so that a
 * program needs no clone of the repository to try the pipeline.
 */
public final class SampleData {

    /** Files of the sample, as named in sample-data/. */
    public static final List<String> FILES = List.of("shipments.csv.gz", "truth_parties.csv", "truth_rings.csv");

    private static final String RESOURCES = "/org/parcelnet/sample/";

    private SampleData() {
    }

    /**
     * Copies the sample into {@code dir} (shipments.csv.gz, truth_parties.csv, truth_rings.csv) and
     * returns the shipments file; {@code dir} then serves as a ground-truth folder too.
     *
     * @throws IOException when copying fails or the sample is missing from this build
     */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : FILES) {
            try (InputStream in = SampleData.class.getResourceAsStream(RESOURCES + f)) {
                if (in == null) {
                    throw new IOException("the bundled sample is missing from this build (" + f + ")");
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve(FILES.get(0));
    }

    /** Copies the sample into a new temporary folder (deleted by the caller) and returns the shipments file. */
    public static Path shipments() throws IOException {
        return copyTo(Files.createTempDirectory("parcelnet-sample"));
    }
}
