package org.parcelnet.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for all tests: 2 shuffle partitions, no UI, loopback only. */
final class TestSpark {

    private static SparkSession session;

    private TestSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("parcelnet-spark-tests")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    // tiny inputs: compiling generated code and re-planning each stage cost more than they save
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** The repository's sample-data folder (tests run in toolkit-spark/). */
    static Path sampleData() {
        return Path.of("..", "sample-data").toAbsolutePath().normalize();
    }

    /** {@link SparkMain#run} on the shared session: the exit code, standard output and standard error. */
    static String[] runMain(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        get();
        int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
