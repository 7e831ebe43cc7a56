package org.parcelnet.spark;

import java.io.IOException;

/**
 * A distributed backend for ParcelNet's scale-out pipeline: reads the shipments of
 * {@link ScaleOutRequest#input()}, runs the jobs and writes the outputs to
 * {@link ScaleOutRequest#out()} as one unit. {@link SparkEngine} is the Apache Spark backend; another
 * engine (Flink, Beam, …) implements this same contract, and the command line picks one by name.
 */
public interface AnalysisEngine {

    /** Short name ({@code spark}). */
    String name();

    /**
     * Runs the pipeline.
     *
     * @throws SparkJobException with exit code 2 on bad input or usage (one-line message)
     */
    ScaleOutSummary analyze(ScaleOutRequest request) throws IOException;
}
