package org.parcelnet.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.cli.report.Charts;
import org.parcelnet.interdiction.Disruption;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;
import org.parcelnet.io.Json;
import org.parcelnet.roles.Tier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet disrupt}: strike waves by several strategies against a network that may rewire. */
@Command(name = "disrupt", mixinStandardHelpOptions = true,
        description = {"Removes targets wave by wave (each wave's targets chosen on the network as it stands), lets the "
                + "network recover between waves (--adapt), and records after every removal the sinks still reached "
                + "from the sources, the flow volume left on source-to-sink routes, the largest component and the "
                + "connected pairs. Writes curves.csv, robustness.svg (all strategies on one chart) and summary.json.",
                "Without --sources/--sinks the measures are over the whole network (sinks = live nodes, flow = live "
                        + "arc weight); min-cut then does not apply, and tier needs --tiers."})
public final class DisruptCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--sources", paramLabel = "FILE", description = "party ids where goods enter")
    Path sourcesFile;

    @Option(names = "--sinks", paramLabel = "FILE", description = "party ids where goods end up")
    Path sinksFile;

    @Option(names = "--tiers", paramLabel = "FILE", description = "party,tier (e.g. tiers.csv of 'parcelnet interdict --communities')")
    Path tiersFile;

    @Option(names = "--strategy", defaultValue = "all", paramLabel = "S",
            description = "comma-separated: degree, betweenness, key-players, min-cut, tier, random, or all that apply (default: ${DEFAULT-VALUE})")
    String strategy;

    @Option(names = "--waves", defaultValue = "4", paramLabel = "W", description = "waves (default: ${DEFAULT-VALUE})")
    int waves;

    @Option(names = "--budget-per-wave", defaultValue = "8", paramLabel = "K", description = "removals per wave (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--adapt", defaultValue = "none", paramLabel = "A", description = "recovery between waves: none, triadic or preferential (default: ${DEFAULT-VALUE})")
    String adapt;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of random targets and recovery (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        if ((sourcesFile == null) != (sinksFile == null)) {
            throw new IllegalArgumentException("give both --sources and --sinks, or neither");
        }
        Disruption.Adaptation adaptation = Disruption.Adaptation.parse(adapt);
        if (waves < 1 || budget < 1) {
            throw new IllegalArgumentException("--waves and --budget-per-wave must be >= 1");
        }
        input.validate(out);
        ReportFolder.claim(out, input.outputs("curves.csv", "robustness.svg", "summary.json"));
        LabeledGraph g = input.loadGraph(out);
        int[] sources = sourcesFile == null ? null : CommandSupport.readNodes(sourcesFile, g, "source");
        int[] sinks = sinksFile == null ? null : CommandSupport.readNodes(sinksFile, g, "sink");
        Tier[] tiers = tiersFile == null ? null : readTiers(tiersFile, g);
        List<Disruption.Strategy> strategies = new ArrayList<>();
        if (strategy.trim().equalsIgnoreCase("all")) {
            for (Disruption.Strategy s : Disruption.Strategy.values()) {
                if ((s != Disruption.Strategy.MIN_CUT || sources != null) && (s != Disruption.Strategy.TIER || tiers != null)) {
                    strategies.add(s);
                }
            }
        } else {
            for (String s : strategy.split(",")) {
                strategies.add(Disruption.Strategy.parse(s));
            }
        }
        List<Disruption.Curve> curves = new ArrayList<>();
        for (Disruption.Strategy s : strategies) {
            curves.add(Disruption.run(g.graph(), sources, sinks, tiers,
                    new Disruption.Options(s, waves, budget, adaptation, seed), input.progress()));
        }
        writeCurves(out.resolve("curves.csv"), curves, g::label);
        boolean terminals = sources != null;
        AtomicFiles.writeString(out.resolve("robustness.svg"), chart(curves, terminals, adaptation));
        Map<String, Object> summary = Json.object();
        summary.put("command", "disrupt");
        summary.put("input", input.file().toString());
        summary.put("graph", CommandSupport.graphSummary(g));
        summary.put("waves", waves);
        summary.put("budget_per_wave", budget);
        summary.put("adapt", adaptation.name().toLowerCase(Locale.ROOT));
        summary.put("seed", seed);
        Map<String, Object> end = Json.object();
        for (Disruption.Curve c : curves) {
            Disruption.Point first = c.points().get(0);
            Disruption.Point last = c.points().get(c.points().size() - 1);
            Map<String, Object> m = Json.object();
            m.put("removed", last.removed());
            m.put("sinks_reached", last.sinksReached() + " of " + first.sinksReached());
            m.put("flow_left_share", first.flowLeft() == 0 ? 0 : last.flowLeft() / first.flowLeft());
            m.put("largest_component", last.largestComponent());
            m.put("connected_pairs", last.connectedPairs());
            m.put("added_arcs", last.addedArcs());
            end.put(c.strategy().key(), m);
        }
        summary.put("after_last_wave", end);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.println(curves.size() + " strategies, curves written to " + out.resolve("curves.csv"));
        return Cli.OK;
    }

    /** party,tier columns; unknown tiers are bad input. */
    private static Tier[] readTiers(Path file, LabeledGraph g) throws IOException {
        Tier[] t = new Tier[g.graph().nodeCount()];
        Csv.Opened opened = Csv.open(file);
        try (Reader r = opened.reader();
             CSVParser p = CSVParser.builder().setReader(r).setFormat(Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (String col : new String[] {"party", "tier"}) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new InputException(file.toString(), 1, 1, "missing column '" + col + "'", "");
                }
            }
            int tierCol = p.getHeaderMap().get("tier") + 1;
            for (CSVRecord rec : p) {
                int v = g.node(rec.get("party"));
                if (v < 0 || rec.get("tier").isBlank()) {
                    continue; // parties outside the graph (e.g. filtered) have no target value
                }
                try {
                    t[v] = Tier.parse(rec.get("tier"));
                } catch (IllegalArgumentException e) {
                    throw new InputException(file.toString(), rec.getRecordNumber() + 1, tierCol, e.getMessage(), rec.get("tier"));
                }
            }
        }
        return t;
    }

    /**
     * Writes {@code strategy,adapt,wave,removed,party,sinks_reached,flow_left,largest_component,
     * connected_pairs,added_arcs}, one row per point of every curve, atomically.
     */
    static void writeCurves(Path file, List<Disruption.Curve> curves, java.util.function.IntFunction<String> label)
            throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("strategy,adapt,wave,removed,party,sinks_reached,flow_left,largest_component,connected_pairs,added_arcs\n");
            for (Disruption.Curve c : curves) {
                for (Disruption.Point p : c.points()) {
                    w.write(c.strategy().key() + "," + c.adaptation().name().toLowerCase(Locale.ROOT) + "," + p.wave() + ","
                            + p.removed() + "," + (p.node() < 0 ? "" : Csv.cell(label.apply(p.node()))) + ","
                            + p.sinksReached() + "," + CommandSupport.number(p.flowLeft()) + "," + p.largestComponent()
                            + "," + p.connectedPairs() + "," + p.addedArcs() + "\n");
                }
            }
        });
    }

    /** Every strategy's curve on one chart (a standalone SVG file). */
    static String chart(List<Disruption.Curve> curves, boolean terminals, Disruption.Adaptation adaptation) {
        JFreeChart chart = Charts.robustnessChart(curves, terminals, adaptation);
        SVGGraphics2D g2 = new SVGGraphics2D(640, 400);
        chart.draw(g2, new Rectangle2D.Double(0, 0, 640, 400));
        return g2.getSVGDocument();
    }
}
