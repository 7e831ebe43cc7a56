package org.parcelnet.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.parcelnet.io.ShipmentReader;
import org.parcelnet.io.ShipmentWriter;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.privacy.Generalizer;
import org.parcelnet.privacy.PersonalColumn;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.privacy.WeightBands;
import org.parcelnet.progress.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parcelnet desensitize}: replaces phones, names and addresses by keyed pseudonyms and
 * optionally generalises addresses, times and weights, writing a shipments file that is safe to share
 * and still links the same way. The key comes from {@code --key-file} or {@code PARCELNET_KEY}; without
 * one the command refuses to run. The key is never printed, logged or written. See docs/privacy.md.
 */
@Command(name = "desensitize", mixinStandardHelpOptions = true,
        description = {"Keyed pseudonyms (HMAC-SHA256) for phones, names and addresses, plus optional "
                + "generalisation, so that a shipments file can be shared and still analysed.",
                "The key: --key-file FILE (raw bytes or text, >= 16 bytes) or the PARCELNET_KEY variable."})
public final class DesensitizeCommand implements Callable<Integer> {

    /** Environment lookup; replaced in tests. */
    static Function<String, String> environment = System::getenv;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "shipments.csv(.gz) to read")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "shipments file to write (.gz compresses)")
    Path out;

    @Option(names = "--key-file", paramLabel = "FILE", description = "secret key file (default: the PARCELNET_KEY variable)")
    Path keyFile;

    @Option(names = "--keep-columns", split = ",", paramLabel = "COLUMN",
            description = "personal columns to keep in clear (not pseudonymised), e.g. sender_name,receiver_name")
    List<String> keepColumns = new ArrayList<>();

    @Option(names = "--generalize-time", paramLabel = "UNIT", description = "truncate pickup times; UNIT: day")
    String generalizeTime;

    @Option(names = "--weight-bands", arity = "0..1", split = ",", paramLabel = "EDGES", fallbackValue = "",
            description = "replace weights by the lower edge of their band; optional ascending edges in kg "
                    + "(default 0,0.5,1,2,5,10,20,50,100,200,500,1000)")
    List<String> weightBands;

    @Option(names = "--generalize-address", description = "replace addresses by their city (province/city) instead of pseudonyms")
    boolean generalizeAddress;

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
            description = "zone of times without an offset, of --generalize-time days and of the written times (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--map", paramLabel = "COLUMN=NAME", description = "read a shipment column from a differently named one")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--lenient", description = "skip bad rows (written to rejects.csv beside --out) instead of stopping")
    boolean lenient;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, no summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + zone + "'");
        }
        EnumSet<PersonalColumn> pseudonymise = EnumSet.allOf(PersonalColumn.class);
        for (String c : keepColumns) {
            if (!c.isBlank()) {
                pseudonymise.remove(PersonalColumn.ofCsvName(c));
            }
        }
        Generalizer.Options g = Generalizer.Options.none().withZone(z).withAddressToCity(generalizeAddress);
        if (generalizeTime != null) {
            if (!generalizeTime.equalsIgnoreCase("day")) {
                throw new IllegalArgumentException("--generalize-time: only 'day' is supported, got '" + generalizeTime + "'");
            }
            g = g.withTimeToDay(true);
        }
        if (weightBands != null) {
            g = g.withWeightBands(parseBands(weightBands));
        }
        if (generalizeAddress) {
            // The city replaces the address; a pseudonym of it would only hide a public place name.
            pseudonymise.remove(PersonalColumn.SENDER_ADDRESS);
            pseudonymise.remove(PersonalColumn.RECEIVER_ADDRESS);
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; give the shipments file to write");
        }
        if (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException("--out " + out + " is the input file; write the desensitised copy elsewhere");
        }
        if (lenient) {
            ReportFolder.claim(out.toAbsolutePath().getParent(), "rejects.csv");
        }
        // Resolve the key before reading: no key, no work.
        PseudonymKey key = PseudonymKey.resolve(keyFile, environment);
        ProgressListener progress = ConsoleProgress.create(quiet);
        try {
            ShipmentReader.Options ro = ShipmentReader.Options.defaults().withColumnMap(columnMap).withZone(z)
                    .withLenient(lenient).withProgress(progress);
            ShipmentReader.Result read = ShipmentReader.read(in, ro);
            PrintStream err = System.err;
            if (!quiet) {
                err.println(read.stats().summaryLine());
            }
            if (read.stats().rowsRejected() > 0) {
                Path rejects = out.toAbsolutePath().resolveSibling("rejects.csv");
                read.stats().writeRejects(rejects);
                if (!quiet) {
                    err.println("rejected rows written to " + rejects);
                }
            }
            ShipmentTable t = read.table();
            if (!pseudonymise.isEmpty()) {
                t = new Pseudonymizer(key).apply(t, pseudonymise);
            }
            if (g.any()) {
                t = new Generalizer(g).apply(t);
            }
            new ShipmentWriter(z, progress).write(t, out);
            if (!quiet) {
                err.println("desensitised " + t.size() + " shipments to " + out + ": pseudonymised "
                        + names(pseudonymise) + generalised(g));
                EnumSet<PersonalColumn> clear = EnumSet.complementOf(pseudonymise);
                if (generalizeAddress) {
                    clear.remove(PersonalColumn.SENDER_ADDRESS);
                    clear.remove(PersonalColumn.RECEIVER_ADDRESS);
                }
                if (!clear.isEmpty()) {
                    err.println("warning: kept in clear: " + names(clear));
                }
            }
        } finally {
            key.destroy();
        }
        return Cli.OK;
    }

    private static WeightBands parseBands(List<String> edges) {
        List<String> given = new ArrayList<>();
        for (String e : edges) {
            if (!e.isBlank()) {
                given.add(e.trim());
            }
        }
        if (given.isEmpty()) {
            return WeightBands.DEFAULT;
        }
        double[] v = new double[given.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Double.parseDouble(given.get(i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--weight-bands: not a number: '" + given.get(i) + "'");
            }
        }
        try {
            return new WeightBands(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--weight-bands: " + e.getMessage());
        }
    }

    private static String names(EnumSet<PersonalColumn> cols) {
        if (cols.isEmpty()) {
            return "nothing";
        }
        StringBuilder sb = new StringBuilder();
        for (PersonalColumn c : cols) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.csvName());
        }
        return sb.toString();
    }

    private static String generalised(Generalizer.Options g) {
        List<String> parts = new ArrayList<>();
        if (g.addressToCity()) {
            parts.add("addresses to cities");
        }
        if (g.timeToDay()) {
            parts.add("times to days (" + g.zone().getId() + ")");
        }
        if (g.weightBands() != null) {
            parts.add("weights to bands");
        }
        return parts.isEmpty() ? "" : "; generalised " + String.join(", ", parts).toLowerCase(Locale.ROOT);
    }
}
