/**
 * The whole analysis as a library call: {@link org.parcelnet.pipeline.Analysis} takes shipments (a
 * file or a {@link org.parcelnet.model.ShipmentTable}), {@link org.parcelnet.pipeline.AnalysisOptions}
 * and a {@link org.parcelnet.progress.ProgressListener}, and returns an immutable, typed
 * {@link org.parcelnet.pipeline.AnalysisResult}. {@code parcelnet analyze} and the Spark jobs call it.
 */
package org.parcelnet.pipeline;
