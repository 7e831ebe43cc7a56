/**
 * The six kernels of the LDBC Graphalytics benchmark (A. Iosup et al., PVLDB 9(13) 2016,
 * doi:10.14778/3007263.3007270) on {@link org.parcelnet.graph.CompactGraph}, exactly as its
 * specification defines them: {@link org.parcelnet.graphalytics.Bfs},
 * PageRank ({@link org.parcelnet.paths.PageRank}), {@link org.parcelnet.graphalytics.Wcc},
 * {@link org.parcelnet.graphalytics.Cdlp}, {@link org.parcelnet.graphalytics.Lcc} and
 * {@link org.parcelnet.graphalytics.Sssp}; {@link org.parcelnet.graphalytics.Dataset} reads a
 * Graphalytics dataset ({@code .v}, {@code .e}, {@code .properties}),
 * {@link org.parcelnet.graphalytics.Graphalytics} runs a kernel with the dataset's parameters and
 * {@link org.parcelnet.graphalytics.Validation} checks an output with the specification's rules.
 * Parallel kernels use {@link org.parcelnet.graph.Parallel}; every output is the same for any
 * thread count.
 */
package org.parcelnet.graphalytics;
