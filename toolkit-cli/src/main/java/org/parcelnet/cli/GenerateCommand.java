package org.parcelnet.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parcelnet generate}: a synthetic shipment network with planted smuggling rings and its
 * ground truth ({@code shipments.csv}, {@code truth_parties.csv}, {@code truth_rings.csv},
 * {@code truth_shipments.csv}), written atomically. Knobs not given keep the defaults of
 * {@link GeneratorConfig} (see docs/generator.md). Same knobs and seed give byte-identical files
 * whatever {@code --threads}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Synthetic shipment network with planted smuggling rings and ground truth.",
                "Writes shipments.csv (or .csv.gz), truth_parties.csv, truth_rings.csv and truth_shipments.csv "
                        + "into --out. Unset knobs keep their defaults (docs/generator.md)."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created)")
    Path out;

    @Option(names = "--shipments", paramLabel = "N", description = "shipments to write (default 50000)")
    Integer shipments;

    @Option(names = "--rings", paramLabel = "R", description = "planted rings (default 8)")
    Integer rings;

    @Option(names = "--seed", paramLabel = "S", description = "seed of every random choice (default 1)")
    Long seed;

    @Option(names = "--gzip", description = "write shipments.csv.gz instead of shipments.csv")
    boolean gzip;

    @Option(names = "--min-ring-size", paramLabel = "K", description = "smallest ring (default 20)")
    Integer minRingSize;

    @Option(names = "--max-ring-size", paramLabel = "K", description = "largest ring (default 150)")
    Integer maxRingSize;

    @Option(names = "--ring-share", paramLabel = "X", description = "share of shipments that are ring parcels (default 0.05)")
    Double ringShare;

    @Option(names = "--innocent-share", paramLabel = "X",
            description = "innocent parcels of ring members per ring parcel (default 0.05)")
    Double innocentShare;

    @Option(names = "--flagged-share", paramLabel = "X", description = "share of ring parcels flagged (default 0.02)")
    Double flaggedShare;

    @Option(names = "--hubs", paramLabel = "K", description = "courier stations (default 100)")
    Integer hubs;

    @Option(names = "--hub-share", paramLabel = "X",
            description = "share of individuals' parcels dropped off at a courier station (default 0.3)")
    Double hubShare;

    @Option(names = "--phone-churn", paramLabel = "X",
            description = "phone rotations per ring member per 30 days (default 0.1)")
    Double phoneChurn;

    @Option(names = "--mixing", paramLabel = "X",
            description = "probability that a ring parcel links outside its ring (default 0.01)")
    Double mixing;

    @Option(names = "--relay-days", paramLabel = "D", description = "a relay forwards within D days (default 4)")
    Integer relayDays;

    @Option(names = "--start", paramLabel = "DATE", description = "first day, e.g. 2024-01-01 (default 2024-01-01)")
    String start;

    @Option(names = "--span-days", paramLabel = "D", description = "days covered (default 365)")
    Integer spanDays;

    @Option(names = "--merchants", paramLabel = "K", description = "background merchants (default: shipments / 150)")
    Integer merchants;

    @Option(names = "--individuals", paramLabel = "K", description = "background individuals (default: shipments / 2)")
    Integer individuals;

    @Option(names = "--customer-leakage", paramLabel = "X",
            description = "ring parcels distributors sell to one-off buyers, per parcel to a retailer (default 0)")
    Double customerLeakage;

    @Option(names = "--member-purchases", paramLabel = "X",
            description = "ordinary online purchases received by ring members, per ring parcel (default 0)")
    Double memberPurchases;

    @Option(names = "--station-hand-in", paramLabel = "X",
            description = "share of ring parcels handed in at a courier station (default 0)")
    Double stationHandIn;

    @Option(names = "--shared-transit", paramLabel = "X",
            description = "probability that a ring uses a transit warehouse of an earlier ring (default 0)")
    Double sharedTransit;

    @Option(names = "--false-flags", paramLabel = "X",
            description = "share of ordinary parcels flagged by mistake (default 0)")
    Double falseFlags;

    @Option(names = "--no-flagged-column", description = "leave the flagged column out of shipments.csv")
    boolean noFlaggedColumn;

    @Option(names = "--name-noise", paramLabel = "X", description = "probability that a name is misspelt (default 0)")
    Double nameNoise;

    @Option(names = "--address-noise", paramLabel = "X",
            description = "probability that an address is written differently (default 0)")
    Double addressNoise;

    @Option(names = "--omit-columns", paramLabel = "COLS", split = ",",
            description = "optional columns to leave out, e.g. sender_name,receiver_address,weight_kg")
    java.util.List<String> omitColumns;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads; does not change the output (default: cores, at most 4)")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar, no summary line")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        GeneratorConfig cfg = config();
        int t = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        if (t < 1 || t > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256, got " + t);
        }
        ReportFolder.claim(out, gzip ? "shipments.csv.gz" : "shipments.csv", "truth_shipments.csv", "truth_parties.csv",
                "truth_rings.csv");
        long t0 = System.nanoTime();
        NetworkGenerator.Summary s = new NetworkGenerator(cfg).writeTo(out, gzip, t, ConsoleProgress.create(quiet));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!quiet) {
            System.out.println(String.format(Locale.ROOT,
                    "generated %,d shipments (%,d ring parcels in %,d rings, %,d flagged; %,d parties, %,d in rings) "
                            + "to %s in %.1f s (%,.0f shipments/s)",
                    s.shipments(), s.ringShipments(), s.rings(), s.flagged(), s.parties(), s.ringParties(), out,
                    seconds, s.shipments() / Math.max(seconds, 1e-9)));
        }
        return Cli.OK;
    }

    /** The configuration from the options (defaults for unset knobs); bad values throw with the option name. */
    GeneratorConfig config() {
        GeneratorConfig.Builder b = GeneratorConfig.builder();
        if (shipments != null) {
            b.shipments(shipments);
        }
        if (rings != null) {
            b.rings(rings);
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (minRingSize != null) {
            b.minRingSize(minRingSize);
        }
        if (maxRingSize != null) {
            b.maxRingSize(maxRingSize);
        }
        if (ringShare != null) {
            b.ringShare(ringShare);
        }
        if (innocentShare != null) {
            b.innocentShare(innocentShare);
        }
        if (flaggedShare != null) {
            b.flaggedShare(flaggedShare);
        }
        if (hubs != null) {
            b.hubs(hubs);
        }
        if (hubShare != null) {
            b.hubShare(hubShare);
        }
        if (phoneChurn != null) {
            b.phoneChurn(phoneChurn);
        }
        if (mixing != null) {
            b.mixing(mixing);
        }
        if (relayDays != null) {
            b.relayMaxDays(relayDays);
        }
        if (start != null) {
            try {
                b.startDate(LocalDate.parse(start.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--start must be a date like 2024-01-01, got " + start);
            }
        }
        if (spanDays != null) {
            b.spanDays(spanDays);
        }
        if (merchants != null) {
            b.merchants(merchants);
        }
        if (individuals != null) {
            b.individuals(individuals);
        }
        if (customerLeakage != null) {
            b.customerLeakage(customerLeakage);
        }
        if (memberPurchases != null) {
            b.memberPurchases(memberPurchases);
        }
        if (stationHandIn != null) {
            b.stationHandIn(stationHandIn);
        }
        if (sharedTransit != null) {
            b.sharedTransit(sharedTransit);
        }
        if (falseFlags != null) {
            b.falseFlagShare(falseFlags);
        }
        b.flaggedColumn(!noFlaggedColumn);
        if (nameNoise != null) {
            b.nameNoise(nameNoise);
        }
        if (addressNoise != null) {
            b.addressNoise(addressNoise);
        }
        if (omitColumns != null) {
            b.omittedColumns(new java.util.HashSet<>(omitColumns));
        }
        return b.build();
    }
}
