package org.parcelnet.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.parcelnet.io.InputException;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.privacy.PseudonymKey;

/**
 * The job's entry point, the same under {@code spark-submit} (which sets the master) and under the
 * {@code parcelnet-spark} launcher ({@code local[*]} unless {@code spark.master} is set):
 *
 * <pre>
 * analyze --shipments PATH --out DIR [--lenient] [--zone Z] [--map column=name]...
 *         [--desensitize [--key-file K]] [--seed N] [--resolution G] [--hub-threshold K]
 *         [--max-local-parties N] [--move-rounds R] [--max-path K] [--min-evidence E] [--no-split]
 *         [--window-days D] [--leads N] [--places FILE] [--station-words WORDS] [--parquet]
 * </pre>
 *
 * Exit codes as core's command line: 0 success, 1 failure while running, 2 bad usage or input (one
 * line on stderr, no stack trace).
 */
public final class SparkMain {

    private static final String USAGE = "usage: parcelnet-spark analyze|link --shipments PATH --out DIR [--lenient]"
            + " [--zone Z] [--map column=name]... [--desensitize [--key-file K]] [--seed N] [--resolution G]"
            + " [--hub-threshold K] [--max-local-parties N] [--move-rounds R] [--max-path K] [--min-evidence E]"
            + " [--no-split] [--window-days D] [--leads N] [--places FILE] [--station-words WORDS] [--parquet]"
            + "   (--station-words: comma-separated, replacing the defaults; --station-words= for none; link: reading, party graph,"
            + " communities and case networks only; no --window-days, --leads or --places)";

    /** Words that mark a courier station's address, as core's {@code analyze --station-words}. */
    private static final String STATION_WORDS = "--station-words";

    private SparkMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, true);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the command; returns the exit code.
     *
     * @param stopSpark whether to stop the Spark session at the end (not when a caller shares it)
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean stopSpark) {
        ScaleOutRequest request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException | IOException | InputException e) {
            err.println("parcelnet-spark: " + e.getMessage());
            return 2;
        }
        if (request == null) {
            out.println(USAGE);
            return 0;
        }
        SparkConf conf = new SparkConf().setAppName("parcelnet-spark");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
            // Spark's default of 200 shuffle partitions is meant for clusters; on one machine a few
            // per core keep each task's share moderate without paying 200 tiny tasks per shuffle
            conf.set("spark.sql.shuffle.partitions", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
        }
        if (!conf.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
            // The jobs cache wide string tables once and read them a few times; compressing the cached
            // columns took about a fifth of the CPU of a whole run (dictionary and run-length statistics
            // gathered for every string column), while the caches spill to disk when memory is short
            conf.set("spark.sql.inMemoryColumnarStorage.compressed", "false");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            ScaleOutSummary s = new SparkEngine(spark).analyze(request);
            out.printf(Locale.ROOT, "%s: %,d shipments (%,d rejected), %,d parties, %,d party edges, %,d communities"
                            + " (modularity %.3f), ", request.input(),
                    s.rowsRead(), s.rowsRejected(), s.parties(), s.partyEdges(), s.communities(), s.modularity());
            if (!request.linkOnly()) {
                out.printf(Locale.ROOT, "%,d relay chains on %,d routes, ", s.relayChains(), s.relayRoutes());
            }
            out.printf(Locale.ROOT, "%,d cases in %,d case networks (%,d linked)", s.cases(), s.caseNetworks(),
                    s.linkedNetworks());
            out.printf(Locale.ROOT, request.linkOnly() ? "%n" : ", %,d party leads%n", s.leads());
            out.println("output: " + request.out() + " " + s.stageSeconds());
            return 0;
        } catch (Exception e) {
            // Spark rethrows a task's failure as its checked SparkException without declaring it
            UserError u = spark.sparkContext().isStopped() && !isUserError(e) ? STOPPED : userMessage(e);
            err.println("parcelnet-spark: " + u.message());
            return u.exitCode();
        } finally {
            if (stopSpark) {
                spark.stop();
            }
        }
    }

    /** A message for the user and its exit code. */
    record UserError(String message, int exitCode) {
    }

    /** How to give a task more room: what the launcher's and a cluster's users can change. */
    static final String MEMORY_ADVICE = "raise the heap (PARCELNET_SPARK_JAVA_OPTS=-Xmx8g, or spark-submit's"
            + " --executor-memory) or give the input as more, smaller part files (one task reads a whole part,"
            + " about 120 bytes per shipment besides Spark's own memory; docs/spark.md)";

    /**
     * The context was stopped under the job. In local mode Spark ends the process with exit code 52 when a
     * task runs out of memory (the launcher then says so); the job's thread meanwhile fails on the stopped
     * context with an error that would say nothing to the user.
     */
    static final UserError STOPPED = new UserError("Spark stopped before the job finished", 1);

    private static boolean isUserError(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SparkJobException || c instanceof InputException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The user's message in a failure: a {@link SparkJobException} or core's {@link InputException}
     * anywhere in the cause chain (Spark wraps a task's exception in its own) gives its one line and
     * exit code 2; running out of memory gives what to change, exit code 1; anything else exit code 1 with
     * the exception's class and message.
     */
    static UserError userMessage(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SparkJobException s) {
                return new UserError(s.getMessage(), s.exitCode());
            }
            if (c instanceof InputException i) {
                return new UserError(i.getMessage(), 2);
            }
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return new UserError("a task ran out of memory: " + MEMORY_ADVICE, 1);
            }
        }
        // a task's exception that Spark could only pass on as text
        String m = String.valueOf(e.getMessage());
        String marker = SparkJobException.class.getName() + ": ";
        int at = m.indexOf(marker);
        if (at >= 0) {
            String line = m.substring(at + marker.length()).lines().findFirst().orElse("");
            return new UserError(line, 2);
        }
        if (m.contains(OutOfMemoryError.class.getName())) { // an executor's failure, passed on as text
            return new UserError("a task ran out of memory: " + MEMORY_ADVICE, 1);
        }
        return new UserError(e.getClass().getSimpleName() + ": " + m.lines().findFirst().orElse(""), 1);
    }

    /** Parses the arguments; null when help was asked for. */
    static ScaleOutRequest parse(String[] args) throws IOException {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            return null;
        }
        if (!args[0].equals("analyze") && !args[0].equals("link")) {
            throw new IllegalArgumentException("unknown command '" + args[0] + "'; " + USAGE);
        }
        boolean linkOnly = args[0].equals("link");
        String shipments = null;
        String outDir = null;
        boolean lenient = false;
        boolean desensitize = false;
        String keyFile = null;
        String zone = "UTC";
        Map<String, String> map = new HashMap<>();
        CommunityJob.Options defaults = ScaleOutRequest.of("-", "-").communities();
        long seed = defaults.seed();
        double resolution = defaults.resolution();
        int hub = defaults.hubThreshold();
        int maxLocal = defaults.maxLocalNodes();
        int rounds = defaults.moveRounds();
        int maxPath = CaseNetworks.Params.DEFAULTS.maxPathIdentifiers();
        double minEvidence = CaseNetworks.Params.DEFAULTS.minEvidence();
        boolean split = true;
        boolean parquet = false;
        double windowDays = 3;
        int leads = 100;
        String places = null;
        List<String> stationWords = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith(STATION_WORDS + "=") || a.equals(STATION_WORDS)) {
                // as core's analyze: comma-separated, repeated options add up, blank words dropped (so
                // "--station-words=" turns the rule off)
                String v = a.equals(STATION_WORDS) ? value(args, ++i, a) : a.substring(STATION_WORDS.length() + 1);
                stationWords = stationWords == null ? new ArrayList<>() : stationWords;
                for (String w : v.split(",", -1)) {
                    if (!w.isBlank()) {
                        stationWords.add(w);
                    }
                }
                continue;
            }
            switch (a) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--shipments" -> shipments = value(args, ++i, a);
                case "--out" -> outDir = value(args, ++i, a);
                case "--lenient" -> lenient = true;
                case "--desensitize" -> desensitize = true;
                case "--key-file" -> keyFile = value(args, ++i, a);
                case "--zone" -> zone = value(args, ++i, a);
                case "--map" -> {
                    String m = value(args, ++i, a);
                    int eq = m.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--map: expected column=name, got '" + m + "'");
                    }
                    map.put(m.substring(0, eq).trim(), m.substring(eq + 1).trim());
                }
                case "--seed" -> seed = Long.parseLong(number(args, ++i, a));
                case "--resolution" -> resolution = Double.parseDouble(number(args, ++i, a));
                case "--hub-threshold" -> hub = Integer.parseInt(number(args, ++i, a));
                case "--max-local-parties" -> maxLocal = Integer.parseInt(number(args, ++i, a));
                case "--move-rounds" -> rounds = Integer.parseInt(number(args, ++i, a));
                case "--max-path" -> maxPath = Integer.parseInt(number(args, ++i, a));
                case "--min-evidence" -> minEvidence = Double.parseDouble(number(args, ++i, a));
                case "--no-split" -> split = false;
                case "--parquet" -> parquet = true;
                case "--window-days", "--leads", "--places" -> {
                    if (linkOnly) {
                        throw new IllegalArgumentException(a + " belongs to analyze (link finds no relay chains or leads)");
                    }
                    if (a.equals("--window-days")) {
                        windowDays = Double.parseDouble(number(args, ++i, a));
                    } else if (a.equals("--leads")) {
                        leads = Integer.parseInt(number(args, ++i, a));
                    } else {
                        places = value(args, ++i, a);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
            }
        }
        if (shipments == null || outDir == null) {
            throw new IllegalArgumentException("--shipments and --out are required; " + USAGE);
        }
        if (keyFile != null && !desensitize) {
            throw new IllegalArgumentException("--key-file needs --desensitize");
        }
        java.time.ZoneId.of(zone);
        if (!(resolution > 0) || Double.isInfinite(resolution) || hub < 1) {
            throw new IllegalArgumentException("--resolution must be > 0 and --hub-threshold >= 1");
        }
        ScaleOutRequest r = ScaleOutRequest.of(shipments, outDir).withLenient(lenient).withZone(zone)
                .withCommunities(new CommunityJob.Options(seed, resolution, hub, maxLocal, rounds));
        r = new ScaleOutRequest(r.input(), r.out(), r.lenient(), r.zone(), map, null,
                r.cases().withHubThreshold(hub).withMaxPathIdentifiers(maxPath).withMinEvidence(minEvidence),
                r.communities(), split, parquet, windowDays, leads, linkOnly, r.places(), r.stationWords());
        if (stationWords != null) {
            r = r.withStationWords(stationWords);
        }
        if (places != null) {
            // a local file, read on the driver as core reads it (same format and errors)
            r = r.withPlaces(org.parcelnet.roles.PlaceList.read(java.nio.file.Path.of(places)));
        }
        if (desensitize) {
            r = r.withKey(keySource(keyFile));
        }
        return r;
    }

    /** The key as given, checked by core on the driver first (so a short key fails before any job). */
    private static ShipmentIngest.KeySource keySource(String keyFile) throws IOException {
        ShipmentIngest.KeySource source;
        if (keyFile != null) {
            Path p = Path.of(keyFile);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(keyFile + ": no such key file");
            }
            source = new ShipmentIngest.KeySource(Files.readAllBytes(p), null);
        } else {
            source = new ShipmentIngest.KeySource(null, System.getenv(PseudonymKey.ENV_VAR));
            if (source.text() == null || source.text().isEmpty()) {
                PseudonymKey.resolve(null, System::getenv); // throws core's message
            }
        }
        source.open().destroy();
        return source;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String number(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: '" + v + "'");
        }
        return v;
    }
}
