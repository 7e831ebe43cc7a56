package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.community.PartitionComparison;
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
        description = {"Case linking to networks.csv (shipment_id,network; 0 = largest), hubs.csv and summary.json.",
                "Shipments sharing a phone (either side), a normalised address or a name+phone pair are linked; "
                        + "identifiers with more than --hub-threshold distinct counterparties (or more than "
                        + "--hub-shipments shipments) are hubs: not used, listed in hubs.csv. With --truth (the "
                        + "generator's folder or truth_shipments.csv) the summary adds pairwise precision and recall "
                        + "of 'same ring' among ring shipments, with and without hub suppression."})
public final class LinkCommand implements Callable<Integer> {

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
        AtomicFiles.writeText(out.resolve("hubs.csv"), w -> {
            w.write("kind,identifier,shipments,counterparties\n");
            for (LinkResult.Hub h : r.hubs()) {
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
        Map<String, Object> summary = Json.object();
        summary.put("command", "link");
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
