package org.parcelnet.linking;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.model.ShipmentTable;

/**
 * The explanation of a {@link CaseNetworks.Result}: per network a summary (cases, parties,
 * identifiers, time span, provinces) and per link the identifiers that make it. {@code links.csv}
 * holds personal data (phones, addresses, names): share it only as case files are shared.
 */
public final class CaseNetworkFiles {

    private CaseNetworkFiles() {
    }

    /**
     * One case network.
     *
     * @param network     its id (0 = largest)
     * @param cases       cases in it
     * @param parties     distinct phones on its cases
     * @param identifiers distinct identifiers on its links' paths
     * @param links       links inside it
     * @param first       earliest case (epoch seconds)
     * @param last        latest case (epoch seconds)
     * @param provinces   origin and destination provinces of its cases, sorted
     */
    public record Summary(int network, int cases, int parties, int identifiers, int links, long first, long last,
                          List<String> provinces) {
        /** Days between the first and the last case. */
        public double spanDays() {
            return (last - first) / 86_400.0;
        }
    }

    /** Summaries of every network, largest first. O(cases + path identifiers). */
    public static List<Summary> summaries(ShipmentTable t, CaseNetworks.Result r) {
        int k = r.sizes().length;
        List<TreeSet<Integer>> parties = new ArrayList<>();
        List<TreeSet<Integer>> ids = new ArrayList<>();
        List<TreeSet<String>> provinces = new ArrayList<>();
        long[] first = new long[k];
        long[] last = new long[k];
        int[] links = new int[k];
        for (int n = 0; n < k; n++) {
            parties.add(new TreeSet<>());
            ids.add(new TreeSet<>());
            provinces.add(new TreeSet<>());
            first[n] = Long.MAX_VALUE;
            last[n] = Long.MIN_VALUE;
        }
        int[] rows = r.caseRows();
        int[] net = r.network();
        for (int c = 0; c < rows.length; c++) {
            int n = net[c];
            int i = rows[c];
            parties.get(n).add(t.senderPhone(i));
            parties.get(n).add(t.receiverPhone(i));
            provinces.get(n).add(t.place(t.originPlace(i)).province());
            provinces.get(n).add(t.place(t.destinationPlace(i)).province());
            first[n] = Math.min(first[n], t.shippedAt(i));
            last[n] = Math.max(last[n], t.shippedAt(i));
        }
        for (CaseNetworks.Link l : r.links()) {
            int n = net[l.a()];
            links[n]++;
            for (int x : l.path()) {
                ids.get(n).add(x);
            }
        }
        List<Summary> out = new ArrayList<>(k);
        for (int n = 0; n < k; n++) {
            out.add(new Summary(n, r.sizes()[n], parties.get(n).size(), ids.get(n).size(), links[n], first[n], last[n],
                    List.copyOf(provinces.get(n))));
        }
        return out;
    }

    /** Writes {@code case_networks.csv}: one row per network with two or more cases, largest first. */
    public static void writeSummaries(List<Summary> summaries, Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write("network,cases,parties,identifiers,links,first,last,span_days,provinces\n");
            for (Summary s : summaries) {
                if (s.cases() < 2) {
                    continue;
                }
                w.write(s.network() + "," + s.cases() + "," + s.parties() + "," + s.identifiers() + "," + s.links() + ","
                        + Instant.ofEpochSecond(s.first()) + "," + Instant.ofEpochSecond(s.last()) + ","
                        + String.format(Locale.ROOT, "%.1f", s.spanDays()) + ","
                        + cell(String.join(";", s.provinces())) + "\n");
            }
        });
    }

    /**
     * Writes {@code links.csv}: {@code case_a,case_b,network,identifiers,weight}, where identifiers is
     * the best path, {@code kind:value} joined by {@code >} from a's side to b's (a single identifier:
     * they share it), and weight its evidence.
     */
    public static void writeLinks(ShipmentTable t, CaseNetworks.Result r, Path target) throws IOException {
        CaseNetworks.Identifiers ids = r.identifiers();
        AtomicFiles.writeText(target, w -> {
            w.write("case_a,case_b,network,identifiers,weight\n");
            for (CaseNetworks.Link l : r.links()) {
                StringBuilder path = new StringBuilder();
                for (int x : l.path()) {
                    if (path.length() > 0) {
                        path.append('>');
                    }
                    path.append(ids.kind(x).name().toLowerCase(Locale.ROOT)).append(':').append(ids.value(x));
                }
                w.write(cell(t.shipmentId(r.caseRows()[l.a()])) + "," + cell(t.shipmentId(r.caseRows()[l.b()])) + ","
                        + r.network()[l.a()] + "," + cell(path.toString()) + ","
                        + String.format(Locale.ROOT, "%.4f", l.evidence()) + "\n");
            }
        });
    }

    /** Writes {@code networks.csv}: {@code shipment_id,network} of every case. */
    public static void writeNetworks(ShipmentTable t, CaseNetworks.Result r, Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write("shipment_id,network\n");
            for (int c = 0; c < r.caseRows().length; c++) {
                w.write(cell(t.shipmentId(r.caseRows()[c])) + "," + r.network()[c] + "\n");
            }
        });
    }

    /** A spreadsheet-safe CSV cell ({@link Csv#cell}). */
    static String cell(String s) {
        return Csv.cell(s);
    }
}
