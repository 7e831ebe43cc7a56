package org.parcelnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graphalytics.Dataset;
import org.parcelnet.graphalytics.Graphalytics;
import org.parcelnet.graphalytics.Validation;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parcelnet graphalytics}: one LDBC Graphalytics kernel on a Graphalytics dataset. */
@Command(name = "graphalytics", mixinStandardHelpOptions = true,
        description = {"Runs an LDBC Graphalytics kernel (bfs, pr, wcc, cdlp, lcc, sssp) on a dataset (NAME.v, NAME.e, "
                + "NAME.properties) with the parameters of its properties, writes OUT/NAME-ALGORITHM ('vertex value' per "
                + "line, as the specification's output) and summary.json, and reports EVPS ((vertices + edges) per second "
                + "of kernel time). --validate compares with a reference output by the specification's rules; a "
                + "mismatch exits 1."})
public final class GraphalyticsCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, paramLabel = "DIR/NAME", description = "dataset folder and name")
    Path dataset;

    @Option(names = "--properties", paramLabel = "FILE", description = "properties file (default: DIR/NAME.properties)")
    Path properties;

    @Option(names = "--algorithm", required = true, paramLabel = "A", description = "bfs, pr, wcc, cdlp, lcc or sssp")
    String algorithm;

    @Option(names = "--validate", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = "reference output to validate against (without FILE: DIR/NAME-ALGORITHM, e.g. example-directed-BFS)")
    String validate;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: processors); results do not depend on it")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        Graphalytics.Algorithm a = Graphalytics.Algorithm.parse(algorithm);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + t);
        }
        Path dir = dataset.getParent() == null ? Path.of(".") : dataset.getParent();
        String name = dataset.getFileName().toString();
        ReportFolder.claim(out, name + "-" + a.name(), "summary.json");
        long loadStart = System.nanoTime();
        Dataset d = Dataset.load(dir, name, properties);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Graphalytics.Output o = Graphalytics.run(d, a, t);
        String outName = name + "-" + a.name();
        Path outFile = out.resolve(outName);
        AtomicFiles.writeText(outFile, w -> {
            StringBuilder sb = new StringBuilder(64);
            for (int v = 0; v < d.graph().nodeCount(); v++) {
                sb.setLength(0);
                sb.append(d.id(v)).append(' ').append(o.format(v)).append('\n');
                w.append(sb);
            }
        });
        double seconds = o.nanos() / 1e9;
        double evps = Graphalytics.evps(d, o.nanos());
        Map<String, Object> summary = Json.object();
        summary.put("command", "graphalytics");
        summary.put("dataset", name);
        summary.put("algorithm", a.key());
        summary.put("directed", d.graph().isDirected());
        summary.put("vertices", d.graph().nodeCount());
        summary.put("edges", d.graph().edgeCount());
        summary.put("threads", t);
        summary.put("load_seconds", loadSeconds);
        summary.put("processing_seconds", seconds);
        summary.put("evps", evps);
        summary.put("output", outName);
        Validation.Result check = null;
        if (validate != null) {
            Path ref = validate.isEmpty() ? dir.resolve(outName) : Path.of(validate);
            if (!Files.isRegularFile(ref)) {
                throw new IllegalArgumentException(ref + ": reference output not found");
            }
            check = Validation.check(d, o, ref);
            Map<String, Object> v = Json.object();
            v.put("reference", ref.getFileName().toString());
            v.put("rule", a.rule().name().toLowerCase(Locale.ROOT));
            v.put("valid", check.valid());
            v.put("vertices", check.vertices());
            v.put("mismatches", check.mismatches());
            if (!check.valid()) {
                v.put("first_problem", check.firstProblem());
            }
            summary.put("validation", v);
        }
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.printf(Locale.ROOT, "%s on %s: %,d vertices, %,d edges, processing %.3f s, EVPS %.3g (load %.2f s); %s%n",
                a.key(), name, d.graph().nodeCount(), d.graph().edgeCount(), seconds, evps, loadSeconds, outFile);
        if (check != null) {
            if (check.valid()) {
                System.err.printf(Locale.ROOT, "valid (%s rule, %,d vertices)%n", a.rule().name().toLowerCase(Locale.ROOT),
                        check.vertices());
            } else {
                System.err.printf(Locale.ROOT, "NOT valid: %,d of %,d vertices differ; first: %s%n", check.mismatches(),
                        check.vertices(), check.firstProblem());
                return Cli.FAILURE;
            }
        }
        return Cli.OK;
    }
}
