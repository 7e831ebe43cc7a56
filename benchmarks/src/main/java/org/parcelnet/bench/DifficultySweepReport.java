package org.parcelnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parcelnet.eval.DifficultySweep;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.synth.GeneratorConfig;

/**
 * Runs the difficulty sweep ({@link DifficultySweep}) and writes its table and plot:
 * {@code java -Xmx3g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.DifficultySweepReport
 * [shipments] [seeds, e.g. 1,2,3] [docs folder]}. Defaults: 50,000 shipments, 8 rings, generator
 * seeds 1 to 6 (the rules were developed on 1 to 3; 4 to 6 keep them honest), {@code docs/}; writes {@code sweep.md} and {@code img/sweep.svg} there. Every figure
 * in those files comes from this program. {@code -Dsweep.knobs=SHARED_TRANSIT,PHONE_CHURN} runs only
 * those knobs (names as in {@link DifficultySweep.Knob}), for a quick look; write that into a scratch
 * folder, not over the full sweep in {@code docs/}.
 */
public final class DifficultySweepReport {

    private DifficultySweepReport() {
    }

    public static void main(String[] args) throws IOException {
        int shipments = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long[] seeds = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray()
                : new long[] {1, 2, 3, 4, 5, 6};
        Path docs = Path.of(args.length > 2 ? args[2] : "docs");
        GeneratorConfig base = GeneratorConfig.builder().shipments(shipments).rings(8).build();
        Path work = Files.createTempDirectory("parcelnet-sweep");
        String only = System.getProperty("sweep.knobs", "").trim();
        List<DifficultySweep.Knob> knobs = only.isEmpty() ? List.of(DifficultySweep.Knob.values())
                : Arrays.stream(only.split(",")).map(String::trim).map(DifficultySweep.Knob::valueOf).toList();
        long t0 = System.nanoTime();
        List<DifficultySweep.Row> rows = new ArrayList<>();
        for (DifficultySweep.Knob k : knobs) {
            List<DifficultySweep.Row> r = DifficultySweep.run(base, List.of(k), seeds, work);
            rows.addAll(r);
            System.err.printf(Locale.ROOT, "%s done (%.0f s)%n", k.label(), (System.nanoTime() - t0) / 1e9);
        }
        Files.deleteIfExists(work);
        Map<String, double[]> mean = means(rows);
        String table = table(knobs, mean, seeds.length);
        System.out.print(table);
        AtomicFiles.writeString(docs.resolve("img").resolve("sweep.svg"), svg(knobs, mean));
        AtomicFiles.writeString(docs.resolve("sweep.md"), page(shipments, seeds, table, rows));
    }

    private static String key(DifficultySweep.Knob k, double v) {
        return k.name() + "@" + v;
    }

    /** Per knob point: means over seeds of ring F1, Louvain, Leiden, LPA, link P, link R, lead p@50, and the minimum ring F1. */
    private static Map<String, double[]> means(List<DifficultySweep.Row> rows) {
        Map<String, double[]> sum = new LinkedHashMap<>();
        for (DifficultySweep.Row r : rows) {
            double[] s = sum.computeIfAbsent(key(r.knob(), r.value()), x -> {
                double[] a = new double[11];
                a[8] = Double.MAX_VALUE;
                return a;
            });
            DifficultySweep.Scores x = r.scores();
            double[] v = {x.ringF1(), x.louvainF1(), x.leidenF1(), x.lpaF1(), x.linkPrecision(), x.linkRecall(),
                x.leadPrecision50()};
            for (int i = 0; i < v.length; i++) {
                s[i] += v[i];
            }
            s[7]++;
            s[8] = Math.min(s[8], x.ringF1());
            s[9] = Math.max(s[9], x.louvainF1() - x.ringF1());
            s[10] += x.networks();
        }
        for (double[] s : sum.values()) {
            for (int i = 0; i < 7; i++) {
                s[i] /= s[7];
            }
            s[10] /= s[7];
        }
        return sum;
    }

    private static String label(DifficultySweep.Knob k, double v) {
        return switch (k) {
            case NO_FLAGGED_COLUMN -> v == 0 ? "present" : "absent";
            case MISSING_COLUMNS -> v == 0 ? "none" : v == 1 ? "weight, goods" : "+ names, addresses";
            default -> fmt(v);
        };
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String table(List<DifficultySweep.Knob> knobs, Map<String, double[]> mean, int seeds) {
        StringBuilder b = new StringBuilder();
        b.append("| knob | value | ring F1 (min) | Louvain F1 | Leiden F1 | LPA F1 | link precision | link recall |"
                + " case networks | lead p@50 |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (DifficultySweep.Knob k : knobs) {
            for (double v : k.points()) {
                double[] m = mean.get(key(k, v));
                b.append(String.format(Locale.ROOT, "| %s | %s | %.3f (%.3f) | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f | %.2f |%n",
                        k.label(), label(k, v), m[0], m[8], m[1], m[2], m[3], m[4], m[5], m[10], m[6]));
            }
        }
        return b.toString();
    }

    private static String page(int shipments, long[] seeds, String table, List<DifficultySweep.Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("# Difficulty sweep\n\n");
        b.append("Generated by `org.parcelnet.bench.DifficultySweepReport` (benchmarks module); do not edit by hand.\n");
        b.append(String.format(Locale.ROOT, "Data: `NetworkGenerator` with %,d shipments, 8 rings, every other knob at its"
                + " default, generator seeds %s; one knob moved at a time (docs/generator.md). Pipeline and baselines"
                + " seeded with 42. Means over the seeds; ring F1 also gives the lowest seed in brackets.%n%n", shipments,
                Arrays.toString(seeds)));
        b.append("""
                - **ring F1**: the pipeline's rings, members only (`RingMembers`), against the planted rings: mean
                  best-match F1, every party a found ring holds counting (docs/community.md).
                - **Louvain / Leiden / LPA F1**: the same score for plain seeded Louvain, Leiden and label
                  propagation on the undirected party graph, with their communities as found sets.
                - **link precision / recall**: case networks (`CaseNetworks`, flagged cases; every shipment when
                  the file has no flagged column) against the truth: same-ring pairs among linked case pairs that
                  touch a ring case, and the linked share of same-ring case pairs.
                - **lead p@50**: planted ring members among the top 50 party leads (leads score members only).

                ![ring F1, Louvain F1, linking precision and recall, lead precision@50 per knob](img/sweep.svg)

                """);
        b.append(table);
        b.append("\nPer run (knob, value, generator seed: ring F1, Louvain F1, link precision, link recall, lead p@50,"
                + " rings found, customers):\n\n```\n");
        for (DifficultySweep.Row r : rows) {
            DifficultySweep.Scores s = r.scores();
            b.append(String.format(Locale.ROOT, "%-22s %-8s seed %d: %.3f %.3f %.3f %.3f %.2f rings %d customers %d%n",
                    r.knob().label(), label(r.knob(), r.value()), r.seed(), s.ringF1(), s.louvainF1(), s.linkPrecision(),
                    s.linkRecall(), s.leadPrecision50(), s.ringsFound(), s.customers()));
        }
        b.append("```\n");
        return b.toString();
    }

    private static final String[] SERIES = {"ring F1", "Louvain F1", "link precision", "link recall", "lead p@50"};
    private static final int[] SERIES_INDEX = {0, 1, 4, 5, 6};
    private static final String[] COLOURS = {"#1b6ca8", "#999999", "#d1495b", "#edae49", "#00798c"};

    private static String svg(List<DifficultySweep.Knob> knobs, Map<String, double[]> mean) {
        int cols = 3;
        int w = 300;
        int h = 190;
        int rowsN = (knobs.size() + cols - 1) / cols;
        int width = cols * w;
        int height = rowsN * h + 40;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int s = 0; s < SERIES.length; s++) {
            int x = 10 + s * 150;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"15\" x2=\"%d\" y2=\"15\" stroke=\"%s\" stroke-width=\"2\"/>"
                    + "<text x=\"%d\" y=\"19\">%s</text>%n", x, x + 20, COLOURS[s], x + 25, SERIES[s]));
        }
        for (int i = 0; i < knobs.size(); i++) {
            DifficultySweep.Knob k = knobs.get(i);
            int ox = (i % cols) * w;
            int oy = 40 + (i / cols) * h;
            int px = ox + 40;
            int py = oy + 20;
            int pw = w - 60;
            int ph = h - 60;
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", px, oy + 12,
                    k.label()));
            // y axis 0.5 .. 1
            for (double yv : new double[] {0.5, 0.75, 0.9, 1.0}) {
                double y = py + ph - (yv - 0.5) / 0.5 * ph;
                b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", px, y, px + pw, y, px - 4, y + 4,
                        fmt(yv)));
            }
            double[] pts = k.points();
            for (int p = 0; p < pts.length; p++) {
                double x = px + (pts.length == 1 ? pw / 2.0 : p * (double) pw / (pts.length - 1));
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                        py + ph + 14, escape(label(k, pts[p]))));
            }
            for (int s = 0; s < SERIES.length; s++) {
                StringBuilder line = new StringBuilder();
                for (int p = 0; p < pts.length; p++) {
                    double v = Math.max(0.5, mean.get(key(k, pts[p]))[SERIES_INDEX[s]]);
                    double x = px + (pts.length == 1 ? pw / 2.0 : p * (double) pw / (pts.length - 1));
                    double y = py + ph - (v - 0.5) / 0.5 * ph;
                    line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
                b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                        COLOURS[s], line.toString().trim()));
            }
        }
        b.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" fill=\"#555555\">values below 0.5 drawn at 0.5</text>%n",
                height - 6));
        b.append("</svg>\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
