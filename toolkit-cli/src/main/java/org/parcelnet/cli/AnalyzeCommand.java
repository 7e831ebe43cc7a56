package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.eval.Evaluation;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.learn.LeadModel;
import org.parcelnet.learn.LearnedLeads;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.synth.SampleData;
import org.parcelnet.table.TableFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parcelnet analyze}: options → {@link Analysis} (the pipeline in toolkit-core) → the output
 * folder ({@link AnalyzeOutputs}: CSV tables, ring graphs, summary.json, the HTML report). With no
 * {@code --shipments} it analyses the bundled synthetic sample and its ground truth.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline on a shipments file and write a self-contained HTML report with "
                + "CSV tables. With no --shipments, analyses the bundled synthetic sample and its ground truth.",
                "Outputs (in --out): report.html, summary.json, networks.csv (case networks of the flagged shipments), "
                        + "links.csv, case_networks.csv, communities.csv, tiers.csv, ring_members.csv, routes.csv, "
                        + "interdiction.csv, disruption.csv, leads.csv, leads/<region>.csv, leads/index.csv, rings.csv, "
                        + "rings/ring-<k>.graphml|.gexf; with --ranking, ranking.csv."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--shipments", paramLabel = "FILE", description = "shipments.csv(.gz); default: the bundled sample")
    Path shipments;

    @Option(names = "--truth", paramLabel = "DIR|FILE", description = "ground truth: a folder with truth_parties.csv "
            + "(and truth_shipments.csv), or a truth_parties.csv; adds an evaluation section")
    Path truth;

    @Option(names = "--out", defaultValue = "parcelnet-report", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE}); a previous report there is replaced, a folder holding files ParcelNet did not write is refused")
    Path out;

    @Option(names = "--desensitize", description = "replace phones, names and addresses by keyed pseudonyms before anything else")
    boolean desensitize;

    @Option(names = "--key-file", paramLabel = "FILE", description = "pseudonym key (>= 16 bytes); or set PARCELNET_KEY")
    Path keyFile;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of every randomised step (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--resolution", defaultValue = "1.0", paramLabel = "G", description = "Leiden resolution (default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "worker threads of Leiden and betweenness; does not change the results (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--budget", defaultValue = "8", paramLabel = "K", description = "interdiction budget: parties to remove (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--window-days", defaultValue = "3", paramLabel = "D", description = "relay window: a receiver forwarding within D days continues a chain (default: ${DEFAULT-VALUE})")
    double windowDays;

    @Option(names = "--hub-threshold", defaultValue = "" + CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES, paramLabel = "K", description = "case linking ignores identifiers with more than K distinct counterparties (default: ${DEFAULT-VALUE})")
    int hubThreshold;

    @Option(names = "--station-words", split = ",", paramLabel = "WORDS", description = "words that mark a courier station's"
            + " or parcel locker's address, comma-separated; a party sending from such addresses is a place, kept out of"
            + " ring members and leads (default: courier station, 驿站, 快递超市 and others, docs/community.md;"
            + " --station-words= for none)")
    List<String> stationWords;

    @Option(names = "--lead-weights", paramLabel = "SPEC", description = "lead feature weights, e.g. volume=1,relay=2 (see docs/leads.md)")
    String leadWeights;

    @Option(names = "--leads", defaultValue = "100", paramLabel = "N", description = "party leads to list (default: ${DEFAULT-VALUE})")
    int leadCount;

    @Option(names = "--top-rings", defaultValue = "4", paramLabel = "N", description = "rings drawn in the report and exported as GraphML/GEXF (default: ${DEFAULT-VALUE})")
    int topRings;

    @Option(names = "--samples", defaultValue = "256", paramLabel = "K", description = "betweenness pivots when the party graph has more than 20000 parties (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--party-key", defaultValue = "phone", paramLabel = "KEY", description = "what identifies a party: phone, phone+name or address (default: ${DEFAULT-VALUE})")
    String partyKey;

    @Option(names = "--map", paramLabel = "COLUMN=NAME", description = "read a shipment column from a differently named one")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "zone of times without an offset (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--lenient", description = "reject bad rows (counted, written to rejects.csv) instead of stopping at the first")
    boolean lenient;

    @Option(names = "--model", paramLabel = "FILE", description = "rank party leads by a trained lead model "
            + "(from 'parcelnet train') instead of the hand-weighted scorecard; reasons and ring order stay the scorecard's")
    Path model;

    @Option(names = "--ranking", description = "also write ranking.csv: every party, ranked by the lead score in use")
    boolean ranking;

    @Option(names = "--places", paramLabel = "FILE", description = "province,city,kind list of entry/border/transit places, "
            + "for data whose border crossings the built-in geography does not know (docs/data-format.md)")
    Path places;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        AnalysisOptions.Builder options = options();
        if (places != null) {
            options.places(CommandSupport.placeFacts(places));
        }
        ShipmentReader.Options readOptions = readOptions();
        if (topRings < 0) {
            throw new IllegalArgumentException("--top-rings must be >= 0, got " + topRings);
        }
        if (keyFile != null && !desensitize) {
            throw new IllegalArgumentException("--key-file only makes sense with --desensitize");
        }
        // a bad model file fails here, before any work
        LeadModel leadModel = model == null ? null : LeadModel.load(model);
        long started = System.nanoTime();
        ProgressListener bar = ConsoleProgress.create(quiet);
        Path staging = ReportFolder.prepare(out);
        boolean ok = false;
        Path tempSample = null;
        PseudonymKey key = null;
        TableFiles.Preload tablesaw = TableFiles.preloadBeside();
        try {
            Path input = shipments;
            Path truthPath = truth;
            if (input == null) {
                tempSample = Files.createTempDirectory("parcelnet-sample");
                input = SampleData.copyTo(tempSample);
                if (truthPath == null) {
                    truthPath = tempSample;
                }
            }
            GroundTruth groundTruth = truthPath == null ? null : readTruth(truthPath);
            if (desensitize) {
                key = PseudonymKey.resolve(keyFile, System::getenv);
                options.pseudonymizer(new Pseudonymizer(key));
            }
            AnalysisOptions built = options.build();
            AnalysisResult result = Analysis.run(input, readOptions, groundTruth, built, bar);
            if (leadModel != null) {
                bar.begin("lead model", -1);
                GroundTruth seen = groundTruth == null || !desensitize ? groundTruth
                        : groundTruth.withPartyIds(built.pseudonymizer()::phone);
                result = LearnedLeads.apply(result, leadModel, seen, threads, bar);
                bar.end();
            }
            if (key != null) {
                key.destroy();
                key = null;
            }
            String inputLabel = shipments == null ? "bundled sample (sample-data/shipments.csv.gz)" : input.toString();
            AnalyzeOutputs outputs = new AnalyzeOutputs(result, inputLabel, topRings, bar)
                    .withReadParameters(zone, columnMap, lenient);
            if (leadModel != null) {
                outputs.withLeadModel(model.getFileName().toString(), leadModel.algorithm().name().toLowerCase(Locale.ROOT),
                        leadModel.embedding().dimension(), leadModel.trainedOn(), leadModel.hasTiers());
            }
            outputs.write(staging);
            if (ranking) {
                writeRanking(result, staging.resolve("ranking.csv"));
            }
            ReportFolder.commit(staging, out);
            ok = true;
            bar.end();
            printSummary(result, inputLabel, (System.nanoTime() - started) / 1e9);
            if (result.chains().chainCount() == 0 && !anyEntryPlace(result.shipments(), built.places())) {
                System.err.println("note: no place in the shipments is a known border entry place, so no relay chain "
                        + "starts and no ring can be found; name the entry places with --places FILE (docs/data-format.md)");
            }
            return Cli.OK;
        } finally {
            tablesaw.close();
            bar.end();
            if (key != null) {
                key.destroy();
            }
            if (!ok) {
                ReportFolder.discard(staging);
            }
            if (tempSample != null) {
                AtomicFiles.deleteTree(tempSample);
            }
        }
    }

    /** Whether any pickup or delivery place of the table is an entry place of {@code facts}. */
    private static boolean anyEntryPlace(ShipmentTable table, PlaceFacts facts) {
        for (int c = 0; c < table.placeCount(); c++) {
            if (facts.isBorderEntry(table.place(c).province(), table.place(c).city())) {
                return true;
            }
        }
        return false;
    }

    /** Every party, best first (ties by party index): rank, party, score, found ring (empty outside rings). */
    static void writeRanking(AnalysisResult r, Path file) throws IOException {
        double[] score = r.leads().partyScores();
        int[] ring = r.rings().ringOf();
        java.util.List<String> ids = r.partyGraph().ids().ids();
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        AtomicFiles.writeText(file, w -> {
            w.write("rank,party,score,ring\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < order.length; i++) {
                int p = order[i];
                line.setLength(0);
                line.append(i + 1).append(',').append(Csv.cell(ids.get(p))).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", score[p])).append(',')
                        .append(ring[p] < 0 ? "" : Integer.toString(ring[p])).append('\n');
                w.write(line.toString());
            }
        });
    }

    /** The pipeline options, validated before any input is read. */
    AnalysisOptions.Builder options() {
        AnalysisOptions.Builder b = AnalysisOptions.builder().seed(seed).resolution(resolution).threads(threads)
                .partyKey(PartyKey.parse(partyKey)).windowDays(windowDays).hubThreshold(hubThreshold).budget(budget)
                .leadWeights(leadWeights == null ? LeadWeights.DEFAULTS : LeadWeights.parse(leadWeights))
                .leadCount(leadCount).betweennessSamples(samples);
        if (stationWords != null) {
            b.stationWords(stationWords.stream().filter(w -> !w.isBlank()).toList());
        }
        try {
            b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(optionName(e.getMessage()));
        }
        return b;
    }

    /** Maps the core's parameter names in a validation message to this command's option names. */
    private static String optionName(String message) {
        String[][] names = {{"threads", "--threads"}, {"windowDays", "--window-days"}, {"hubThreshold", "--hub-threshold"},
                {"budget", "--budget"}, {"leadCount", "--leads"}, {"betweennessSamples", "--samples"},
                {"resolution", "--resolution"}};
        for (String[] n : names) {
            if (message.startsWith(n[0] + " ")) {
                return n[1] + message.substring(n[0].length());
            }
        }
        return message;
    }

    private ShipmentReader.Options readOptions() {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + zone + "'");
        }
        return ShipmentReader.Options.defaults().withColumnMap(columnMap).withZone(z).withLenient(lenient);
    }

    /**
     * The parties' truth of a folder or file. A generator folder's truth_shipments.csv has one row
     * per shipment and would cost hundreds of MB at millions of rows, so it is not read.
     */
    private static GroundTruth readTruth(Path truthPath) throws IOException {
        Path parties = Files.isDirectory(truthPath) ? truthPath.resolve("truth_parties.csv") : truthPath;
        if (!Files.exists(parties)) {
            throw new IllegalArgumentException("--truth " + truthPath + ": no truth_parties.csv there");
        }
        return GroundTruth.read(parties);
    }

    private void printSummary(AnalysisResult r, String inputLabel, double seconds) {
        java.io.PrintStream o = System.out;
        o.printf(Locale.ROOT, "%s: %,d shipments (%,d rejected), %,d parties, %,d case networks, %,d communities "
                        + "(modularity %.3f), %,d rings, %,d relay chains%n", inputLabel, r.shipments().size(),
                r.read().rowsRejected(), r.partyGraph().graph().nodeCount(), r.links().networkCount(),
                r.communities().communityCount(), r.communities().modularity(), r.rings().ringCount(),
                r.chains().chainCount());
        RingInterdiction.Result plan = r.interdiction();
        RingInterdiction.Picks greedy = plan.picks("greedy");
        if (greedy != null) {
            o.printf(Locale.ROOT, "interdiction (rings' network): %,d sources, %,d sinks, %,d sinks reached; "
                            + "after %,d greedy picks %,d%n", plan.sources().length, plan.sinks().length, plan.initialReach(),
                    budget, greedy.finalReachability());
        }
        if (!r.leads().parties().isEmpty()) {
            PartyLead top = r.leads().parties().get(0);
            o.printf(Locale.ROOT, "top lead: %s (score %.3f): %s%n", top.id(), top.score(), top.reasonText());
        }
        if (r.evaluation().isPresent()) {
            Evaluation e = r.evaluation().get();
            if (e.truthRings() == 0) {
                o.println("vs truth: the truth has no rings (nothing to recover); rings found: " + r.rings().ringCount());
            } else {
                o.printf(Locale.ROOT, "vs truth: ring F1 %.3f, NMI %.3f, tier accuracy %.3f, lead precision@8/50/100 "
                                + "%.2f/%.2f/%.2f%n", e.ring().meanF1(), e.ring().nmi(), e.tiers().accuracy(),
                        e.leadPrecision().get(8), e.leadPrecision().get(50), e.leadPrecision().get(100));
            }
        }
        o.printf(Locale.ROOT, "report: %s (%.1f s)%n", out.resolve("report.html"), seconds);
    }
}
