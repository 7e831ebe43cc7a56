/**
 * ParcelNet's pipeline on Apache Spark, for shipments past one machine: {@link org.parcelnet.spark.SparkEngine}
 * behind {@link org.parcelnet.spark.AnalysisEngine}, with one class per job (ingest, party graph,
 * communities, case networks, connected components) and {@link org.parcelnet.spark.SparkMain} as the
 * entry point for the local launcher and {@code spark-submit}. Every job calls toolkit-core's rules
 * (reader, normalisers, pseudonyms, case evidence, Leiden) so that results agree with core's;
 * docs/spark.md says what runs where and what is not distributed.
 */
package org.parcelnet.spark;
