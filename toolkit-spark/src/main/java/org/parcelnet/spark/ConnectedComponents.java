package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import java.util.Arrays;
import java.util.Iterator;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.linking.UnionFind;

/**
 * Connected components of an undirected graph given as a DataFrame of {@code (src, dst)} long pairs.
 *
 * <p>Two steps. <b>Contraction</b> (no shuffle): each partition runs union-find (core's
 * {@link UnionFind}, Tarjan 1975) on its own edges and replaces them by stars, one edge from every
 * node it saw to the smallest node of the node's set there. The stars of all partitions have the
 * graph's components (each partition's stars connect exactly what its edges connect), with at most
 * one edge per node and partition, and never more edges than the input. <b>Merge</b>: when the stars
 * number at most {@code maxDriverEdges} they are streamed to the driver, which finishes with one
 * union-find (32 bytes per star edge while it runs); the labels go back as a broadcast table. Larger
 * star sets are merged distributed, by alternating large-star and small-star rounds (Kiveris,
 * Lattanzi, Mirrokni, Rastogi, Vassilvitskii, "Connected Components in MapReduce and Beyond", SoCC
 * 2014, doi:10.1145/2670979.2670997).
 *
 * <p>Why the hybrid: every large-star/small-star round is about nine shuffles of the edges and the
 * rounds grow with log n, so on graphs that the driver can hold the rounds cost far more than one
 * pass of the edges through the driver (measured on the party graph of 4.31 million shipments,
 * docs/spark.md). The distributed rounds remain for graphs past that.
 *
 * <p>Large-star: every node u links each larger neighbour v to the smallest node of u's closed
 * neighbourhood. Small-star: every node u links itself and each smaller neighbour to the smallest
 * node of its closed lower neighbourhood. Both keep the components and shrink labels; the rounds stop
 * when the edges form disjoint stars around each component's smallest node: every edge points to a
 * centre that has no edge of its own, and every other node has exactly one edge. The paper proves
 * O(log² n) rounds (O(log n) observed); each round is a few shuffles of the edges, O(m) data, and
 * each round's edges are checkpointed (local checkpoint) so plans do not grow with the rounds.
 *
 * <p>Deterministic: the component label is the smallest node id, whatever the partitioning and
 * whichever merge runs.
 */
public final class ConnectedComponents {

    /**
     * Star edges the driver merges itself at most by default: one per 128 bytes of the driver's
     * heap, and at least 16 million. The merge holds 32 bytes per star edge (the pairs, then their
     * endpoints sorted) and about 40 per node (union-find, labels, the broadcast table), so with a
     * node per two star edges it uses at most about a third of the heap; a 6 GiB driver merges up to
     * about 50 million star edges, past which the distributed rounds (several shuffles each) take over.
     */
    public static final long DEFAULT_MAX_DRIVER_EDGES = Math.max(16_000_000L, Runtime.getRuntime().maxMemory() / 128);

    private static final StructType EDGE_SCHEMA = new StructType().add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false);

    private ConnectedComponents() {
    }

    /**
     * The component of every node that has an edge: {@code (node, component)} with component = the
     * smallest node id in it. Nodes without edges are their own components and are not listed.
     *
     * @param edges {@code (src, dst)} longs, in any direction, self loops and repeats allowed
     */
    public static Dataset<Row> of(Dataset<Row> edges) {
        return of(edges, DEFAULT_MAX_DRIVER_EDGES);
    }

    /**
     * As {@link #of(Dataset)}, merging on the driver only when the contracted star edges number at
     * most {@code maxDriverEdges} (0: always the distributed rounds).
     */
    public static Dataset<Row> of(Dataset<Row> edges, long maxDriverEdges) {
        Dataset<Row> stars = edges.select(col("src"), col("dst"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) ConnectedComponents::contract,
                        ExpressionEncoder.apply(EDGE_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long m = stars.count();
        if (m <= maxDriverEdges) {
            Dataset<Row> out = onDriver(stars, m);
            stars.unpersist();
            return out;
        }
        // one orientation (larger → smaller): contract() already emits src > dst, without repeats per partition
        Dataset<Row> e = stars.distinct().persist(StorageLevel.MEMORY_AND_DISK());
        stars.unpersist();
        int rounds = 0;
        while (true) {
            Dataset<Row> next = smallStar(largeStar(e)).localCheckpoint(true);
            e.unpersist();
            e = next;
            rounds++;
            if (isStars(e) || rounds > 200) {
                break;
            }
        }
        return e.select(col("src").as("node"), col("dst").as("component"))
                .union(e.select(col("dst").as("node"), col("dst").as("component")).distinct());
    }

    /**
     * Union-find on one partition's edges: for every node seen that is not the smallest of its set
     * there, the edge (node, smallest). Self loops are skipped.
     */
    static Iterator<Row> contract(Iterator<Row> it) {
        LongList src = new LongList();
        LongList dst = new LongList();
        while (it.hasNext()) {
            Row r = it.next();
            long a = r.getLong(0);
            long b = r.getLong(1);
            if (a != b) {
                src.add(a);
                dst.add(b);
            }
        }
        long[] node = uniqueNodes(src, dst);
        long[] smallest = smallestOfSets(node, src, dst);
        return new Iterator<>() {
            int v = advance(0);

            private int advance(int from) {
                while (from < node.length && smallest[from] == node[from]) {
                    from++;
                }
                return from;
            }

            @Override
            public boolean hasNext() {
                return v < node.length;
            }

            @Override
            public Row next() {
                if (v >= node.length) {
                    throw new java.util.NoSuchElementException();
                }
                Row r = RowFactory.create(node[v], smallest[v]);
                v = advance(v + 1);
                return r;
            }
        };
    }

    /** The star edges merged on the driver: {@code (node, component)} of every node they touch. */
    private static Dataset<Row> onDriver(Dataset<Row> stars, long m) {
        LongList src = new LongList(m);
        LongList dst = new LongList(m);
        Iterator<Row> it = stars.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            src.add(r.getLong(0));
            dst.add(r.getLong(1));
        }
        long[] node = uniqueNodes(src, dst);
        long[] component = smallestOfSets(node, src, dst);
        src = null;
        dst = null;
        SparkSession spark = stars.sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<long[][]> table = jsc.broadcast(new long[][] {node, component});
        int partitions = Math.max(1, Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")));
        int n = node.length;
        return spark.range(0, n, 1, partitions).mapPartitions((MapPartitionsFunction<Long, Row>) ids -> {
            long[][] t = table.value();
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return ids.hasNext();
                }

                @Override
                public Row next() {
                    int i = (int) (long) ids.next();
                    return RowFactory.create(t[0][i], t[1][i]);
                }
            };
        }, ExpressionEncoder.apply(new StructType().add("node", DataTypes.LongType, false)
                .add("component", DataTypes.LongType, false)));
    }

    /** The distinct endpoints of the edges, ascending. */
    private static long[] uniqueNodes(LongList src, LongList dst) {
        long[] all = new long[src.size + dst.size];
        System.arraycopy(src.a, 0, all, 0, src.size);
        System.arraycopy(dst.a, 0, all, src.size, dst.size);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    /** For each node of {@code node} (ascending), the smallest node of its set under the edges. */
    private static long[] smallestOfSets(long[] node, LongList src, LongList dst) {
        UnionFind uf = new UnionFind(node.length);
        for (int i = 0; i < src.size; i++) {
            uf.union(Arrays.binarySearch(node, src.a[i]), Arrays.binarySearch(node, dst.a[i]));
        }
        int[] firstOfRoot = new int[node.length];
        Arrays.fill(firstOfRoot, -1);
        long[] smallest = new long[node.length];
        for (int v = 0; v < node.length; v++) {
            int r = uf.find(v);
            if (firstOfRoot[r] < 0) {
                firstOfRoot[r] = v; // nodes ascend, so the first seen is the smallest
            }
            smallest[v] = node[firstOfRoot[r]];
        }
        return smallest;
    }

    /** A growable array of longs. */
    private static final class LongList {
        long[] a;
        int size;

        LongList() {
            this(1024);
        }

        /** Room for {@code expected} values, so a list of known length is never copied while it grows. */
        LongList(long expected) {
            a = new long[(int) Math.max(16, Math.min(expected, Integer.MAX_VALUE - 8))];
        }

        void add(long x) {
            if (size == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[size++] = x;
        }
    }

    /** Large-star on larger → smaller edges: for each u, every neighbour v &gt; u links to m(u). */
    static Dataset<Row> largeStar(Dataset<Row> e) {
        Dataset<Row> both = e.union(e.select(col("dst").as("src"), col("src").as("dst")));
        Dataset<Row> m = both.groupBy("src").agg(min("dst").as("m"))
                .select(col("src").as("u"), least(col("src"), col("m")).as("m"));
        // the neighbour v > u of u gets the edge (v, m(u)); m(u) <= u < v, never a self loop
        return both.where(col("dst").gt(col("src")))
                .join(m, both.col("src").equalTo(m.col("u")))
                .select(col("dst").as("src"), col("m").as("dst")).distinct();
    }

    /** Small-star on larger → smaller edges: u and each of its smaller neighbours v link to m(u). */
    static Dataset<Row> smallStar(Dataset<Row> e) {
        Dataset<Row> m = e.groupBy("src").agg(min("dst").as("m")).withColumnRenamed("src", "u");
        Dataset<Row> joined = e.join(m, e.col("src").equalTo(m.col("u")));
        Dataset<Row> fromNeighbours = joined.where(col("dst").notEqual(col("m")))
                .select(col("dst").as("src"), col("m").as("dst"));
        Dataset<Row> fromSelf = m.select(col("u").as("src"), col("m").as("dst"));
        return fromNeighbours.union(fromSelf).distinct();
    }

    /** Whether every node has at most one edge and no edge's target has one: disjoint stars (one action). */
    static boolean isStars(Dataset<Row> e) {
        Dataset<Row> twoEdges = e.groupBy("src").count().where(col("count").gt(1)).select(col("src").as("bad"));
        Dataset<Row> centres = e.select(col("dst").as("c")).distinct();
        Dataset<Row> centreWithEdge = centres.join(e, centres.col("c").equalTo(e.col("src"))).select(col("c").as("bad"));
        return twoEdges.union(centreWithEdge).isEmpty();
    }
}
