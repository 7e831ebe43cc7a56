package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Connected components of an undirected graph given as a DataFrame of {@code (src, dst)} long pairs,
 * by alternating large-star and small-star rounds (Kiveris, Lattanzi, Mirrokni, Rastogi,
 * Vassilvitskii, "Connected Components in MapReduce and Beyond", SoCC 2014,
 * doi:10.1145/2670979.2670997).
 *
 * <p>Large-star: every node u links each larger neighbour v to the smallest node of u's closed
 * neighbourhood. Small-star: every node u links itself and each smaller neighbour to the smallest
 * node of its closed lower neighbourhood. Both keep the components and shrink labels; the rounds stop
 * when the edges form disjoint stars around each component's smallest node: every edge points to a
 * centre that has no edge of its own, and every other node has exactly one edge. The paper proves
 * O(log² n) rounds (O(log n) observed); each round is two shuffles of the edges, O(m) data.
 *
 * <p>Deterministic: the component label is the smallest node id, whatever the partitioning. Each
 * round's edges are checkpointed (local checkpoint) so plans do not grow with the rounds.
 */
public final class ConnectedComponents {

    private ConnectedComponents() {
    }

    /**
     * The component of every node that has an edge: {@code (node, component)} with component = the
     * smallest node id in it. Nodes without edges are their own components and are not listed.
     *
     * @param edges {@code (src, dst)} longs, in any direction, self loops and repeats allowed
     */
    public static Dataset<Row> of(Dataset<Row> edges) {
        // one orientation (larger → smaller), no self loops, no repeats
        Dataset<Row> e = edges.select(greatest(col("src"), col("dst")).as("src"), least(col("src"), col("dst")).as("dst"))
                .where(col("src").notEqual(col("dst"))).distinct();
        e = e.persist(StorageLevel.MEMORY_AND_DISK());
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
