package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import java.util.List;

import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.eval.DifficultySweep;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.linking.CaseNetworkFiles;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.linking.CaseRule;
import org.parcelnet.model.PartyKey;
import org.parcelnet.roles.RingFinder;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.linking.LinkResult;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.table.TableFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet link}: case networks of shipments that share identifiers. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Case linking. Default (--mode evidence): cases are the flagged shipments (else those --case-rule "
                + "selects, else all) linked on weighted evidence through shared identifiers and intermediate records, "
                + "networks split by Leiden communities of the party graph; writes networks.csv (cases), links.csv "
                + "(case_a,case_b,network,identifiers,weight), case_networks.csv (per network: cases, parties, "
                + "identifiers, time span, provinces), hubs.csv and summary.json. --mode closure links every shipment "
                + "sharing any identifier (union-find) into networks.csv.",
                "Identifiers with more than --hub-threshold distinct counterparties (or more than --hub-shipments "
                        + "shipments) are hubs: not used, listed in hubs.csv. With --truth (the generator's folder) the "
                        + "summary adds pairwise precision and recall of 'same ring'. links.csv and hubs.csv hold personal data."})
public final class LinkCommand implements Callable<Integer> {

    @Option(names = "--mode", defaultValue = "evidence", paramLabel = "MODE",
            description = "evidence (cases, weighted links, split by communities) or closure (every shipment, any shared identifier) (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--cases", defaultValue = "auto", paramLabel = "WHICH",
            description = "auto (flagged shipments if any, else --case-rule, else all), flagged, rule or all (default: ${DEFAULT-VALUE})")
    String cases;

    @Option(names = "--case-rule", paramLabel = "RULE",
            description = "conditions joined by ';', e.g. origin_province=Yunnan;pieces>=2 (columns: docs/community.md)")
    String caseRule;

    @Option(names = "--min-evidence", defaultValue = "0.1", paramLabel = "E",
            description = "evidence a link needs, in (0, 1] (default: ${DEFAULT-VALUE})")
    double minEvidence;

    @Option(names = "--max-path", defaultValue = "4", paramLabel = "K",
            description = "identifiers on a linking path; 1 = shared identifiers only (default: ${DEFAULT-VALUE})")
    int maxPath;

    @Option(names = "--time-scale-days", defaultValue = "30", paramLabel = "D",
            description = "time factor scale: cases D days apart count 0.5 + 0.5/e (default: ${DEFAULT-VALUE})")
    double timeScaleDays;

    @Option(names = "--no-split", description = "keep links across communities (no community split)")
    boolean noSplit;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Leiden seed of the split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--communities", paramLabel = "FILE",
            description = "split by this party partition (node,community, e.g. communities.csv of parcelnet-spark or "
                    + "'parcelnet communities') instead of computing one; a party missing from it is a community of its own")
    Path communities;

    @Mixin
    ShipmentInput input;

    @Option(names = "--hub-threshold", defaultValue = "" + CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES, paramLabel = "K",
            description = "identifiers with more than K distinct counterparties are hubs (default: ${DEFAULT-VALUE})")
    int hubThreshold;

    @Option(names = "--hub-shipments", defaultValue = "" + CaseLinker.Params.DEFAULT_MAX_SHIPMENTS, paramLabel = "S",
            description = "identifiers on more than S shipments are hubs (default: ${DEFAULT-VALUE})")
    int hubShipments;

    @Option(names = "--no-addresses", description = "do not link by address")
    boolean noAddresses;

    @Option(names = "--no-name-phone", description = "do not link by name+phone")
    boolean noNamePhone;

    @Option(names = "--truth", paramLabel = "PATH", description = "the generator's output folder (truth_parties.csv + truth_shipments.csv)")
    Path truth;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        switch (mode) {
            case "evidence" -> {
                return evidence();
            }
            case "closure" -> {
                return closure();
            }
            default -> throw new IllegalArgumentException("--mode must be evidence or closure, got '" + mode + "'");
        }
    }

    private int evidence() throws Exception {
        CaseNetworks.Params params = new CaseNetworks.Params(hubThreshold, hubShipments, !noAddresses, !noNamePhone,
                minEvidence, maxPath, timeScaleDays, CaseNetworks.Params.DEFAULTS.maxLinksPerCase());
        if (!List.of("auto", "flagged", "rule", "all").contains(cases)) {
            throw new IllegalArgumentException("--cases must be auto, flagged, rule or all, got '" + cases + "'");
        }
        CaseRule rule = caseRule == null ? null : CaseRule.parse(caseRule);
        if (cases.equals("rule") && rule == null) {
            throw new IllegalArgumentException("--cases rule needs --case-rule");
        }
        if (noSplit && communities != null) {
            throw new IllegalArgumentException("give --no-split or --communities, not both");
        }
        input.validate(out);
        ReportFolder.claim(out, input.outputs("networks.csv", "links.csv", "case_networks.csv", "hubs.csv",
                "summary.json"));
        long started = System.nanoTime();
        ShipmentTable t = input.load(out);
        GroundTruth gt = truth == null ? null : GroundTruth.read(truth);
        if (gt != null && !gt.hasShipments()) {
            throw new IllegalArgumentException("--truth must be the generator's folder with truth_shipments.csv");
        }
        boolean anyFlag = false;
        for (int i = 0; i < t.size() && !anyFlag; i++) {
            anyFlag = t.flagged(i);
        }
        CaseNetworks.CaseMode caseMode;
        boolean[] isCase;
        if (cases.equals("flagged") || (cases.equals("auto") && anyFlag)) {
            caseMode = CaseNetworks.CaseMode.FLAGGED;
            isCase = new boolean[t.size()];
            for (int i = 0; i < isCase.length; i++) {
                isCase[i] = t.flagged(i);
            }
        } else if (rule != null && !cases.equals("all")) {
            caseMode = CaseNetworks.CaseMode.RULE;
            isCase = rule.select(t);
        } else {
            caseMode = CaseNetworks.CaseMode.ALL;
            isCase = new boolean[t.size()];
            Arrays.fill(isCase, true);
        }
        long linkStarted = System.nanoTime();
        int[] rowCommunity = null;
        int partiesWithoutCommunity = 0;
        if (communities != null) {
            PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
            int[] community = GroundTruth.read(communities).ringLabels(parties.parties());
            // The file's communities are numbered 0, 1, ...; a party it does not list gets a label past them.
            int next = 0;
            for (int c : community) {
                next = Math.max(next, c + 1);
            }
            for (int v = 0; v < community.length; v++) {
                if (community[v] < 0) {
                    community[v] = next++;
                    partiesWithoutCommunity++;
                }
            }
            rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(), community, null);
        } else if (!noSplit) {
            // communities of the party graph without hub parties (RingFinder.withoutHubs), as analyze uses for rings
            PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
            CompactGraph und = Projections.partyGraph(t, parties, Projections.Volume.SHIPMENTS).graph().toUndirected();
            int[] community = new Leiden(LeidenParams.builder().seed(seed).build())
                    .run(RingFinder.withoutHubs(und, hubThreshold), input.progress()).partition().membership();
            rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(), community, null);
        }
        CaseNetworks.Result r = new CaseNetworks(params).link(t, isCase, caseMode, rowCommunity, input.progress());
        double linkSeconds = (System.nanoTime() - linkStarted) / 1e9;
        List<CaseNetworkFiles.Summary> summaries = CaseNetworkFiles.summaries(t, r);
        CaseNetworkFiles.writeNetworks(t, r, out.resolve("networks.csv"));
        CaseNetworkFiles.writeLinks(t, r, out.resolve("links.csv"));
        CaseNetworkFiles.writeSummaries(summaries, out.resolve("case_networks.csv"));
        writeHubs(r.hubs());
        Map<String, Object> summary = Json.object();
        summary.put("command", "link");
        summary.put("mode", "evidence");
        summary.put("input", input.file().toString());
        summary.put("shipments", t.size());
        summary.put("cases", r.caseRows().length);
        summary.put("case_selection", caseMode.name().toLowerCase(Locale.ROOT));
        if (rule != null) {
            summary.put("case_rule", rule.toString());
        }
        Map<String, Object> p = Json.object();
        p.put("hub_threshold_counterparties", params.maxCounterparties());
        p.put("hub_threshold_shipments", params.maxShipments());
        p.put("addresses", params.useAddresses());
        p.put("name_phone", params.useNamePhone());
        p.put("min_evidence", params.minEvidence());
        p.put("max_path_identifiers", params.maxPathIdentifiers());
        p.put("time_scale_days", params.timeScaleDays());
        p.put("max_links_per_case", params.maxLinksPerCase());
        p.put("split_by_communities", !noSplit);
        if (communities != null) {
            p.put("communities", communities.toString());
            p.put("parties_without_community", partiesWithoutCommunity);
        } else {
            p.put("seed", seed);
        }
        summary.put("parameters", p);
        summary.put("links", r.links().size());
        summary.put("links_split_off", r.splitLinks());
        summary.put("hubs", r.hubs().size());
        summary.put("networks", r.sizes().length);
        summary.put("linked_networks", r.linkedNetworkCount());
        summary.put("largest_sizes", Arrays.copyOf(r.sizes(), Math.min(10, r.sizes().length)));
        summary.put("unlinked_cases", r.sizes().length - r.linkedNetworkCount());
        if (gt != null) {
            double[] pr = DifficultySweep.linkScores(t, gt, r);
            Map<String, Object> e = Json.object();
            e.put("pair_precision", pr[0]);
            e.put("pair_recall", pr[1]);
            summary.put("truth", e);
            System.err.printf(Locale.ROOT, "same-ring case pairs: precision %.4f recall %.4f%n", pr[0], pr[1]);
        }
        summary.put("link_seconds", linkSeconds);
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.printf(Locale.ROOT, "%d cases (%s) in %d networks (%d with 2+ cases, largest %d), %d links, %d split off,"
                        + " %d hubs suppressed; written to %s%n", r.caseRows().length,
                caseMode.name().toLowerCase(Locale.ROOT), r.sizes().length, r.linkedNetworkCount(),
                r.sizes().length == 0 ? 0 : r.sizes()[0], r.links().size(), r.splitLinks(), r.hubs().size(), out);
        return Cli.OK;
    }

    private void writeHubs(List<LinkResult.Hub> hubs) throws java.io.IOException {
        AtomicFiles.writeText(out.resolve("hubs.csv"), w -> {
            w.write("kind,identifier,shipments,counterparties\n");
            for (LinkResult.Hub h : hubs) {
                w.write(h.kind().name().toLowerCase(Locale.ROOT));
                w.write(',');
                w.write(Csv.cell(h.value()));
                w.write(',');
                w.write(Integer.toString(h.shipments()));
                w.write(',');
                w.write(Integer.toString(h.counterparties()));
                w.write('\n');
            }
        });
    }

    private int closure() throws Exception {
        CaseLinker.Params params = new CaseLinker.Params(hubThreshold, hubShipments, !noAddresses, !noNamePhone);
        input.validate(out);
        ReportFolder.claim(out, input.outputs("networks.csv", "hubs.csv", "summary.json"));
        long started = System.nanoTime();
        ShipmentTable t = input.load(out);
        GroundTruth gt = truth == null ? null : GroundTruth.read(truth);
        if (gt != null && !gt.hasShipments()) {
            throw new IllegalArgumentException("--truth must be the generator's folder with truth_shipments.csv");
        }
        long linkStarted = System.nanoTime();
        LinkResult r = new CaseLinker(params).link(t);
        double linkSeconds = (System.nanoTime() - linkStarted) / 1e9;
        TableFiles.writeNetworks(t, r.network(), out.resolve("networks.csv"));
        writeHubs(r.hubs());
        Map<String, Object> summary = Json.object();
        summary.put("command", "link");
        summary.put("mode", "closure");
        summary.put("input", input.file().toString());
        summary.put("shipments", t.size());
        Map<String, Object> p = Json.object();
        p.put("hub_threshold_counterparties", params.maxCounterparties());
        p.put("hub_threshold_shipments", params.maxShipments());
        p.put("addresses", params.useAddresses());
        p.put("name_phone", params.useNamePhone());
        summary.put("parameters", p);
        summary.put("identifiers", r.identifiers());
        summary.put("hubs", r.hubs().size());
        summary.put("networks", r.networkCount());
        summary.put("linked_networks", r.linkedNetworkCount());
        int[] sizes = r.sizes();
        summary.put("largest_sizes", Arrays.copyOf(sizes, Math.min(10, sizes.length)));
        summary.put("singletons", r.networkCount() - r.linkedNetworkCount());
        if (gt != null) {
            int[] ring = ringOfShipments(t, gt);
            PartitionComparison.PairScores with = PartitionComparison.pairwise(ring, r.network());
            LinkResult none = new CaseLinker(new CaseLinker.Params(Integer.MAX_VALUE, Integer.MAX_VALUE,
                    params.useAddresses(), params.useNamePhone())).link(t);
            PartitionComparison.PairScores without = PartitionComparison.pairwise(ring, none.network());
            Map<String, Object> e = Json.object();
            e.put("ring_shipments", countLabelled(ring));
            e.put("precision", with.precision());
            e.put("recall", with.recall());
            e.put("precision_without_hub_suppression", without.precision());
            e.put("recall_without_hub_suppression", without.recall());
            e.put("largest_network_without_hub_suppression", none.sizes().length == 0 ? 0 : none.sizes()[0]);
            summary.put("truth", e);
            System.err.printf(Locale.ROOT, "same-ring pairs: precision %.4f recall %.4f (without hub suppression: %.4f / %.4f)%n",
                    with.precision(), with.recall(), without.precision(), without.recall());
        }
        summary.put("link_seconds", linkSeconds);
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.printf(Locale.ROOT, "%,d shipments in %,d networks (%,d with 2+ shipments), %,d hubs suppressed; written to %s%n",
                t.size(), r.networkCount(), r.linkedNetworkCount(), r.hubs().size(), out.resolve("networks.csv"));
        return Cli.OK;
    }

    /** Dense ring label of each shipment row, -1 for background shipments. */
    static int[] ringOfShipments(ShipmentTable t, GroundTruth gt) {
        int[] out = new int[t.size()];
        java.util.HashMap<String, Integer> dense = new java.util.HashMap<>();
        for (int i = 0; i < out.length; i++) {
            String ring = gt.shipmentRing(t.shipmentId(i));
            out[i] = ring == null || ring.isEmpty() ? -1 : dense.computeIfAbsent(ring, x -> dense.size());
        }
        return out;
    }

    private static int countLabelled(int[] labels) {
        int c = 0;
        for (int l : labels) {
            if (l >= 0) {
                c++;
            }
        }
        return c;
    }
}
