package org.parcelnet.spark;

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
}
