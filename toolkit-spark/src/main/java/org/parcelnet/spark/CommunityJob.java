package org.parcelnet.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.roles.RingFinder;

import scala.Tuple2;

/**
 * Communities of the party graph on Spark, on the same graph core's pipeline clusters: undirected,
 * weights summed over both directions, without the one-off edges of hub parties (more than
 * {@code hubThreshold} distinct neighbours; relaying hubs keep their repeated ties) and without any
 * edge of a courier station ({@link CourierStationJob}): {@link #withoutHubs}, core's
 * {@code RingFinder.withoutHubs(directed, k, minTie, places)}; modularity is reported on the whole
 * undirected graph, hubs and stations included, as core reports it.
 *
 * <p><b>Split by component.</b> Modularity never gains from joining two components, so the graph
 * is cut into its connected components ({@link ConnectedComponents}). A component of at most
 * {@code maxLocalNodes} parties is clustered whole by core's {@link Leiden} inside one task (all its
 * edges grouped to one executor): exactly the algorithm of a one-machine run, seeded the same way.
 *
 * Modularity is a sum over communities whose null-model term uses the whole graph's weight m, so a
 * component of weight m_k is clustered at resolution γ·m_k/m: the partition that maximises each
 * component's share maximises the whole graph's modularity.
 *
 * <p><b>Components too large for one task</b> go through three steps: distributed local moving
 * from singletons ({@link #localMoves}: the parallel move phase of Louvain, half of the parties per
 * round) coarsens them; the coarse graph (one node per community, internal weight as a self loop) is
 * collected to the driver and clustered by core's Leiden, which merges communities but cannot split
 * them; then distributed local moving again, now of single parties between the final communities,
 * so that a party the coarsening placed badly can still move. Quality trade-off: the moves are
 * synchronous on stale community totals and the driver cannot split what the coarsening joined, so
 * modularity can be somewhat below Leiden on the whole component; docs/spark.md gives the figures.
 *
 * <p>Output: {@code (party, community)} with communities numbered as core numbers them (0 = most
 * parties, ties by the smallest member, here the smallest phone). Deterministic for a seed: party
 * numbers are a hash of the phone ({@link PartyIds}), which also orders each component's parties
 * for Leiden, and every step is order-independent.
 */
public final class CommunityJob {

    /**
     * Options.
     *
     * @param seed          Leiden's seed and the seed of which parties move in which round
     * @param resolution    γ
     * @param hubThreshold  parties with more distinct neighbours lose their edges
     * @param maxLocalNodes components up to this many parties are clustered whole on one executor
     * @param moveRounds    rounds of distributed local moving on larger components, before the driver's
     *                      Leiden and again after it
     */
    public record Options(long seed, double resolution, int hubThreshold, int maxLocalNodes, int moveRounds)
            implements java.io.Serializable {
        public Options {
            if (maxLocalNodes < 2) {
                throw new IllegalArgumentException("maxLocalNodes must be >= 2, got " + maxLocalNodes);
            }
            if (moveRounds < 0) {
                throw new IllegalArgumentException("moveRounds must be >= 0, got " + moveRounds);
            }
        }
    }

    /**
     * The result.
     *
     * @param membership    {@code (party, community)}
     * @param modularity    modularity of the partition on the whole undirected party graph
     * @param components    connected components of the hub-free graph (isolated parties included)
     * @param largeComponents components clustered by the distributed path
     * @param largestComponent parties in the largest component (0 for an empty graph)
     */
    public record Result(Dataset<Row> membership, double modularity, long components, long largeComponents,
                         long largestComponent) {
    }

    private CommunityJob() {
    }

    /**
     * Communities of the directed party graph {@code arcs} ({@code source, target, weight}).
     *
     * @param stations the parties that are places ({@code party}: courier stations,
     *                 {@link CourierStationJob#stations}), which lose every edge; null for none
     */
    public static Result run(Dataset<Row> arcs, Dataset<Row> stations, Options options) {
        SparkSession spark = arcs.sparkSession();
        PartyIds ids = PartyIds.of(arcs, -1L);
        Dataset<Row> parties = ids.table();
        // used twice (the undirected graph and the hub rule)
        Dataset<Row> directed = ids.directed(arcs).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> und = undirected(directed).persist(StorageLevel.MEMORY_AND_DISK());
        HubRule hubRule = withoutHubs(directed, und, options.hubThreshold(), ids.places(stations));
        Dataset<Row> hubless = hubRule.kept().persist(StorageLevel.MEMORY_AND_DISK());

        Dataset<Row> cc = ConnectedComponents.of(hubless.where(col("a").notEqual(col("b")))
                .select(col("a").as("src"), col("b").as("dst")));
        Dataset<Row> nodeComp = parties.join(cc, parties.col("pid").equalTo(cc.col("node")), "left")
                .select(col("pid"), coalesce(col("component"), col("pid")).as("component"));
        Dataset<Row> sizes = nodeComp.groupBy("component").agg(count(lit(1)).as("size"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long components = sizes.count();
        Dataset<Row> compOfNode = nodeComp.join(sizes, "component").persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> edges = hubless.join(compOfNode.select(col("pid").as("a"), col("component"), col("size")), "a");

        // components that fit: core Leiden per component, on the executors
        Dataset<Row> small = edges.where(col("size").leq(options.maxLocalNodes()));
        // Modularity of the whole graph, optimised one component at a time: a component of total weight
        // m_k is clustered at resolution γ·m_k/m (its share of the null model), else splitting the
        // graph would change the objective.
        Row hublessWeight = hubless.agg(sum("w")).first();
        double totalWeight = hublessWeight.isNullAt(0) ? 0 : hublessWeight.getDouble(0);
        JavaRDD<Row> smallMembers = small.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getLong(r.fieldIndex("component")),
                        // party ids are 64-bit hashes: kept as longs, the weight as its bits
                        new long[] {r.getLong(r.fieldIndex("a")), r.getLong(r.fieldIndex("b")),
                            Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("w")))}))
                .groupByKey()
                .flatMap(g -> leidenOnComponent(g._2(), options, totalWeight).iterator());
        StructType memberSchema = new StructType().add("pid", DataTypes.LongType, false)
                .add("cid", DataTypes.LongType, false).add("internal", DataTypes.DoubleType, false);
        Dataset<Row> membership = spark.createDataFrame(smallMembers, memberSchema);

        // larger components: distributed local moving, Leiden on the driver, local moving again
        Dataset<Row> large = edges.where(col("size").gt(options.maxLocalNodes())).select("a", "b", "w")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long largeComponents = sizes.where(col("size").gt(options.maxLocalNodes())).count();
        Row largest = sizes.agg(org.apache.spark.sql.functions.max("size")).first();
        long largestComponent = largest.isNullAt(0) ? 0 : largest.getLong(0);
        double largeInternal = 0;
        if (largeComponents > 0) {
            Dataset<Row> nodes = compOfNode.where(col("size").gt(options.maxLocalNodes())).select("pid");
            double largeWeight = large.agg(sum("w")).first().getDouble(0);
            Dataset<Row> largeMembers = coarsenAndCluster(spark, large, nodes, options,
                    leidenParams(options, options.resolution() * largeWeight / totalWeight))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            // the large components' internal weight is counted here, by their edges' two ends
            membership = membership.union(largeMembers.withColumn("internal", lit(0.0)));
            largeInternal = internalWeight(large, largeMembers.select(col("pid"), col("cid").as("community")));
        }
        // parties in no clustered component (isolated, hubs, components of one): their own community;
        // communities numbered by size, ties by the smallest phone (not by the hashed ids)
        Dataset<Row> all = parties.join(membership, "pid", "left")
                .select(col("pid"), col("party"), coalesce(col("cid"), col("pid")).as("cid"),
                        coalesce(col("internal"), lit(0.0)).as("internal"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> ranks = DenseRank.bySizeThenSmallest(all, "cid", "party");
        Dataset<Row> numbered = all.join(ranks, "cid").select(col("pid"), col("party"), col("rank").as("community"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Row clusteredInternal = all.agg(sum("internal")).first();
        double internal = (clusteredInternal.isNullAt(0) ? 0 : clusteredInternal.getDouble(0)) + largeInternal
                + internalWeight(hubRule.removedNearRelays(), numbered.select("pid", "community"));
        double q = modularity(hubRule.degree(), numbered, internal, options.resolution());
        Dataset<Row> out = numbered.select(col("party"), col("community"));
        large.unpersist();
        directed.unpersist();
        all.unpersist();
        return new Result(out, q, components, largeComponents, largestComponent);
    }


    /** The undirected graph of {@link #directed} arcs, both directions summed: {@code a ≤ b, w}. */
    static Dataset<Row> undirected(Dataset<Row> directed) {
        return directed.select(least(col("s"), col("t")).as("a"), greatest(col("s"), col("t")).as("b"), col("w"))
                .groupBy("a", "b").agg(sum("w").as("w"));
    }

    /**
     * What the hub rule leaves of the undirected graph.
     *
     * @param kept      the edges clustered: {@code a, b, w}
     * @param removedNearRelays the removed edges that can still join two parties of one community: a
     *                  self loop (of a hub or a place), or an edge at a relaying hub ({@code a, b, w}); a
     *                  hub that does not relay and a place keep no edge and are communities of their own
     * @param degree    {@code v, k}: each party's weighted degree in the whole graph (a self loop twice)
     */
    record HubRule(Dataset<Row> kept, Dataset<Row> removedNearRelays, Dataset<Row> degree) {
    }

    /**
     * The undirected party graph core's pipeline clusters ({@link RingFinder#withoutHubs(CompactGraph,
     * int, double, boolean[])}): parties with more than {@code hubThreshold} distinct neighbours are hubs and
     * lose their edges, except that a relaying hub (at least {@link RingFinder#RELAY_SHARE} of its
     * parcels on repeated ties of at least {@code minTie} parcels inbound from non-hubs, and again
     * outbound to anyone) keeps its edges of at least {@code minTie} parcels to non-hubs; and a place
     * (a courier station) loses every edge whatever its neighbour count, while hubs and relays are
     * decided as without places. Two aggregations over the arcs (the first also gives every party's
     * weighted degree) and two joins with the hubs' and places' flags, which go to every task.
     *
     * @param directed {@code s, t, w}: party ids and parcels of each arc
     * @param und      {@code a ≤ b, w}: the undirected graph (both directions summed)
     * @param places   {@code v}: the parties that are places, distinct; null for none
     */
    static HubRule withoutHubs(Dataset<Row> directed, Dataset<Row> und, int hubThreshold, Dataset<Row> places) {
        double minTie = RingFinder.Options.defaults().minTie();
        org.apache.spark.sql.Column loop = col("a").equalTo(col("b"));
        // per party: distinct neighbours (self loops aside) and weighted degree (a self loop twice)
        Dataset<Row> perParty = und.select(col("a").as("v"), col("w"), loop.as("loop"))
                .union(und.select(col("b").as("v"), col("w"), loop.as("loop")))
                .groupBy("v").agg(sum(when(col("loop"), 0).otherwise(1)).as("n"), sum("w").as("k"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> hubs = perParty.where(col("n").gt(hubThreshold)).select("v")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> arcs = directed.where(col("s").notEqual(col("t")));
        Dataset<Row> ends = arcs.select(col("s").as("v"), col("t").as("u"), col("w"), lit(true).as("outgoing"))
                .union(arcs.select(col("t").as("v"), col("s").as("u"), col("w"), lit(false).as("outgoing")))
                .join(broadcast(hubs), "v")
                .join(broadcast(hubs.select(col("v").as("u"), lit(true).as("u_hub"))), "u", "left");
        org.apache.spark.sql.Column repeated = col("w").geq(minTie);
        org.apache.spark.sql.Column fromNonHub = col("u_hub").isNull();
        Dataset<Row> relays = ends.groupBy("v").agg(sum("w").as("all"),
                        sum(when(repeated.and(col("outgoing")), col("w")).otherwise(0.0)).as("out"),
                        sum(when(repeated.and(fromNonHub).and(col("outgoing").equalTo(false)), col("w"))
                                .otherwise(0.0)).as("in"))
                .where(col("in").geq(col("all").multiply(RingFinder.RELAY_SHARE))
                        .and(col("out").geq(col("all").multiply(RingFinder.RELAY_SHARE))))
                .select("v");
        // cached: both the kept and the removed edges are read through it, and the relay test behind it
        // aggregates every hub's arcs
        Dataset<Row> flags = hubs.select(col("v"), lit(true).as("hub"))
                .join(relays.select(col("v"), lit(true).as("relay")), "v", "left");
        // places beside the hubs (a station may be either or both): one table of flags, one join per end
        flags = places == null ? flags.withColumn("place", lit(null).cast(DataTypes.BooleanType))
                : flags.join(places.select(col("v"), lit(true).as("place")), "v", "full");
        flags = flags.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> fa = flags.select(col("v").as("a"), col("hub").as("ha"), col("relay").as("ra"),
                col("place").as("pa"));
        Dataset<Row> fb = flags.select(col("v").as("b"), col("hub").as("hb"), col("relay").as("rb"),
                col("place").as("pb"));
        org.apache.spark.sql.Column ha = col("ha").isNotNull();
        org.apache.spark.sql.Column hb = col("hb").isNotNull();
        org.apache.spark.sql.Column relay = col("ra").isNotNull().or(col("rb").isNotNull());
        // core's keep: (neither a hub, or a relaying hub's repeated tie to a non-hub) and neither a place
        org.apache.spark.sql.Column keep = ha.or(hb).equalTo(false)
                .or(ha.notEqual(hb).and(relay).and(col("w").geq(minTie)))
                .and(col("pa").isNull()).and(col("pb").isNull());
        // hubs and places are few (parties past the threshold, stations): their flags go to every task
        // rather than the edges being shuffled twice to meet them
        Dataset<Row> marked = und.join(broadcast(fa), "a", "left").join(broadcast(fb), "b", "left");
        return new HubRule(marked.where(keep).select("a", "b", "w"),
                marked.where(keep.equalTo(false).and(relay.or(loop))).select("a", "b", "w"),
                perParty.select("v", "k"));
    }

    /** Core's Leiden parameters for these options: one thread per task (the executors' cores run tasks side by side). */
    static LeidenParams leidenParams(Options options, double resolution) {
        return LeidenParams.builder().seed(options.seed()).resolution(resolution).threads(1).build();
    }

    /**
     * Parties numbered by a 64-bit hash of their key: {@code pid = xxhash64(salt, party)}, computed
     * where a row is, so that the arcs become id pairs without a join (two sort-merge joins of the
     * arcs by their string keys were the largest cost of this stage). Distinct keys hashing to one id
     * are detected (the ids sorted, {@link RepeatedLongs}) and the next salt is tried; with 17.6
     * million parties the chance of any repeat is about 10⁻⁵ per salt, so the first salt holds in
     * practice. The numbering is deterministic: it depends only on the keys.
     *
     * @param table {@code (party, pid)} of every party, persisted
     * @param salt  the salt that gave distinct ids
     * @param mask  the bits of the hash kept (all but in tests, which shorten ids to force repeats)
     */
    record PartyIds(Dataset<Row> table, long salt, long mask) {

        /** Ids for the parties of {@code arcs} ({@code source, target}); {@code mask} -1 keeps all 64 bits. */
        static PartyIds of(Dataset<Row> arcs, long mask) {
            Dataset<Row> names = arcs.select(col("source").as("party")).union(arcs.select(col("target").as("party")))
                    .distinct().persist(StorageLevel.MEMORY_AND_DISK());
            for (long salt = 0; ; salt++) {
                PartyIds ids = new PartyIds(null, salt, mask);
                Dataset<Row> table = names.select(col("party"), ids.id(col("party")).as("pid"))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                int ranges = Integer.parseInt(arcs.sparkSession().conf().get("spark.sql.shuffle.partitions"));
                if (RepeatedLongs.of(table.select("pid"), ranges).repeated().length == 0) {
                    names.unpersist();
                    return new PartyIds(table, salt, mask);
                }
                table.unpersist();
            }
        }

        /** The id of a party key column. */
        Column id(Column party) {
            Column h = xxhash64(lit(salt), party);
            return mask == -1L ? h : h.bitwiseAND(lit(mask));
        }

        /** The ids ({@code v}) of the parties ({@code party}) in {@code parties}; null for null. */
        Dataset<Row> places(Dataset<Row> parties) {
            return parties == null ? null : parties.select(id(col("party")).as("v"));
        }

        /** The arcs by party id: {@code s, t, w}. */
        Dataset<Row> directed(Dataset<Row> arcs) {
            return arcs.select(id(col("source")).as("s"), id(col("target")).as("t"),
                    col("weight").cast(DataTypes.DoubleType).as("w"));
        }
    }

    /**
     * Core Leiden on one component's edges (party ids a, b and weight): {@code (pid, cid)} with cid
     * the smallest party id of the community.
     */
    static List<Row> leidenOnComponent(Iterable<long[]> edgeList, Options options, double totalWeight) {
        List<long[]> es = new ArrayList<>();
        double weight = 0;
        for (long[] e : edgeList) {
            es.add(e);
            weight += Double.longBitsToDouble(e[2]);
        }
        LeidenParams params = leidenParams(options, options.resolution() * weight / totalWeight);
        long[] ids = new long[es.size() * 2];
        int k = 0;
        for (long[] e : es) {
            ids[k++] = e[0];
            ids[k++] = e[1];
        }
        Arrays.sort(ids);
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[n++] = ids[i];
            }
        }
        long[] node = Arrays.copyOf(ids, n);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).expectedEdges(es.size());
        int[] end = new int[2 * es.size()];
        for (int i = 0; i < es.size(); i++) {
            long[] e = es.get(i);
            end[2 * i] = Arrays.binarySearch(node, e[0]);
            end[2 * i + 1] = Arrays.binarySearch(node, e[1]);
            b.addEdge(end[2 * i], end[2 * i + 1], Double.longBitsToDouble(e[2]));
        }
        int[] membership = new Leiden(params).run(b.build()).partition().membership();
        // the weight inside communities, for the modularity of the whole graph
        double internal = 0;
        for (int i = 0; i < es.size(); i++) {
            if (membership[end[2 * i]] == membership[end[2 * i + 1]]) {
                internal += Double.longBitsToDouble(es.get(i)[2]);
            }
        }
        return members(node, membership, internal);
    }

    /**
     * {@code (pid, cid, internal)} rows, cid = smallest id of each community (ids ascending, so the
     * first seen); the component's internal weight on its first row, 0 on the others.
     */
    private static List<Row> members(long[] node, int[] membership, double internal) {
        int k = 0;
        for (int c : membership) {
            k = Math.max(k, c + 1);
        }
        long[] first = new long[k];
        Arrays.fill(first, Long.MAX_VALUE);
        for (int v = 0; v < node.length; v++) {
            first[membership[v]] = Math.min(first[membership[v]], node[v]);
        }
        List<Row> out = new ArrayList<>(node.length);
        for (int v = 0; v < node.length; v++) {
            out.add(RowFactory.create(node[v], first[membership[v]], v == 0 ? internal : 0.0));
        }
        return out;
    }

    /**
     * The large components: distributed local moving from singletons (coarsening), core Leiden on the
     * coarse graph on the driver, then distributed local moving of single parties again (refinement).
     * Returns {@code (pid, cid)} for every node of {@code nodes}.
     */
    static Dataset<Row> coarsenAndCluster(SparkSession spark, Dataset<Row> edges, Dataset<Row> nodes, Options options,
                                          LeidenParams leiden) {
        Dataset<Row> arcs = edges.where(col("a").notEqual(col("b")));
        // checkpointed rather than cached: each round's queries then start from these rows, not from
        // the whole plan behind them (Spark describes every query's plan, which grew with each round)
        Dataset<Row> both = arcs.select(col("a").as("v"), col("b").as("u"), col("w"))
                .union(arcs.select(col("b").as("v"), col("a").as("u"), col("w")))
                .localCheckpoint(true);
        // degree as modularity counts it: a self loop twice; m counts it once
        Dataset<Row> loops = edges.where(col("a").equalTo(col("b"))).select(col("a").as("v"), col("w").multiply(2).as("w"));
        Dataset<Row> degree = both.select("v", "w").union(loops).groupBy("v").agg(sum("w").as("k"))
                .localCheckpoint(true);
        Row mRow = edges.agg(sum("w")).first();
        double m = mRow.isNullAt(0) ? 0 : mRow.getDouble(0);
        double gamma = leiden.resolution();
        Dataset<Row> labels = nodes.select(col("pid").as("v"), col("pid").as("label")).localCheckpoint(true);
        labels = localMoves(labels, both, degree, m, gamma, options.seed(), 0, options.moveRounds());
        Dataset<Row> la = labels.select(col("v").as("a"), col("label").as("la"));
        Dataset<Row> lb = labels.select(col("v").as("b"), col("label").as("lb"));
        List<Row> coarse = edges.join(la, "a").join(lb, "b")
                .select(least(col("la"), col("lb")).as("x"), greatest(col("la"), col("lb")).as("y"), col("w"))
                .groupBy("x", "y").agg(sum("w").as("w")).collectAsList();
        List<Row> labelFirst = labels.groupBy("label").agg(min("v").as("first")).orderBy("label").collectAsList();
        int k = labelFirst.size();
        long[] label = new long[k];
        long[] first = new long[k];
        for (int i = 0; i < k; i++) {
            label[i] = labelFirst.get(i).getLong(0);
            first[i] = labelFirst.get(i).getLong(1);
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(k).expectedEdges(coarse.size());
        for (Row r : coarse) {
            b.addEdge(Arrays.binarySearch(label, r.getLong(0)), Arrays.binarySearch(label, r.getLong(1)), r.getDouble(2));
        }
        CompactGraph g = b.build();
        int[] membership = new Leiden(leiden).run(g).partition().membership();
        int communities = 0;
        for (int c : membership) {
            communities = Math.max(communities, c + 1);
        }
        long[] cid = new long[communities];
        Arrays.fill(cid, Long.MAX_VALUE);
        for (int i = 0; i < k; i++) {
            cid[membership[i]] = Math.min(cid[membership[i]], first[i]);
        }
        List<Row> map = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            map.add(RowFactory.create(label[i], cid[membership[i]]));
        }
        Dataset<Row> labelCid = spark.createDataFrame(map,
                new StructType().add("label", DataTypes.LongType, false).add("cid", DataTypes.LongType, false));
        Dataset<Row> clustered = labels.join(labelCid, "label").select(col("v"), col("cid").as("label"))
                .localCheckpoint(true);
        // refinement: a party the coarsening put with the wrong neighbours can leave now
        clustered = localMoves(clustered, both, degree, m, gamma, options.seed(), options.moveRounds(),
                options.moveRounds());
        return clustered.select(col("v").as("pid"), col("label").as("cid"));
    }

    /**
     * Rounds of distributed local moving (the move phase of Louvain, Blondel et al. 2008,
     * doi:10.1088/1742-5468/2008/10/P10008, run in parallel as in Lu, Halappanavar, Kalyanaraman 2015,
     * doi:10.1016/j.parco.2015.03.003): every active party v goes to the community C among its own and
     * its neighbours' that maximises {@code k_v,C − γ·k_v·Σ_C / 2m} (k_v,C: edge weight from v to C;
     * Σ_C: C's total degree without v), which is the modularity gain of the move up to terms that do not
     * depend on C; ties keep v where it is, else take the smallest label. Only about half of the parties
     * are active per round (a seeded hash of party and round): moving all at once on the stale Σ_C
     * makes neighbours swap places forever. Cost per round: two joins and two aggregations over the
     * edges, one over the parties.
     */
    static Dataset<Row> localMoves(Dataset<Row> labels, Dataset<Row> both, Dataset<Row> degree, double m, double gamma,
                                   long seed, int firstRound, int rounds) {
        if (m <= 0) {
            return labels;
        }
        double scale = gamma / (2 * m);
        for (int round = firstRound + 1; round <= firstRound + rounds; round++) {
            int rd = round;
            UserDefinedFunction active = udf((Long v) -> (mix(v * 0x9E3779B97F4A7C15L + rd + seed * 31) & 1) == 1,
                    DataTypes.BooleanType);
            Dataset<Row> own = labels.join(degree, "v").select(col("v"), col("label").as("own"), col("k"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> sigma = own.groupBy(col("own").as("lu")).agg(sum("k").as("sigma"));
            Dataset<Row> lu = labels.select(col("v").as("u"), col("label").as("lu"));
            Dataset<Row> links = both.join(lu, "u").groupBy("v", "lu").agg(sum("w").as("s"))
                    .union(own.select(col("v"), col("own").as("lu"), lit(0.0).as("s")))
                    .groupBy("v", "lu").agg(sum("s").as("s"));
            Dataset<Row> scored = links.join(own, "v").join(sigma, "lu")
                    .withColumn("stay", col("lu").equalTo(col("own")))
                    .withColumn("score", col("s").minus(col("k").multiply(lit(scale)).multiply(
                            col("sigma").minus(when(col("stay"), col("k")).otherwise(0.0)))));
            Dataset<Row> best = scored
                    .withColumn("rn", row_number().over(Window.partitionBy("v")
                            .orderBy(col("score").desc(), col("stay").desc(), col("lu").asc())))
                    .where(col("rn").equalTo(1)).select(col("v"), col("lu").as("best"));
            labels = labels.join(best, "v", "left")
                    .select(col("v"), when(col("best").isNotNull().and(active.apply(col("v"))), col("best"))
                            .otherwise(col("label")).as("label"))
                    .localCheckpoint(true);
            own.unpersist();
        }
        return labels;
    }

    /**
     * Modularity of a partition of the whole undirected party graph, Newman 2006
     * (doi:10.1073/pnas.0601602103) with resolution γ: {@code Q = L_in/m − γ Σ_C (K_C / 2m)²}, where
     * {@code L_in} is the weight of the edges inside communities ({@code internal}, summed where the
     * edges were: per component by the task that clustered it, and by a join for the rest), {@code m}
     * the total weight and {@code K_C} the total degree of community C (a self loop counts twice in a
     * degree, once in m). One join of the parties' degrees with their communities and one aggregation.
     *
     * @param degree     {@code v, k}: every party's weighted degree
     * @param membership {@code pid, community} of every party
     */
    static double modularity(Dataset<Row> degree, Dataset<Row> membership, double internal, double gamma) {
        Row sq = degree.join(membership.select(col("pid").as("v"), col("community")), "v")
                .groupBy("community").agg(sum("k").as("d"))
                .agg(sum(col("d")), sum(col("d").multiply(col("d")))).first();
        double twoM = sq.isNullAt(0) ? 0 : sq.getDouble(0);
        if (twoM <= 0) {
            return 0;
        }
        return internal / (twoM / 2) - gamma * sq.getDouble(1) / (twoM * twoM);
    }

    /** The weight of the {@code edges} ({@code a, b, w}) whose two ends share a community ({@code pid, community}). */
    static double internalWeight(Dataset<Row> edges, Dataset<Row> membership) {
        Dataset<Row> ca = membership.select(col("pid").as("a"), col("community").as("ca"));
        Dataset<Row> cb = membership.select(col("pid").as("b"), col("community").as("cb"));
        Row r = edges.join(ca, "a").join(cb, "b").where(col("ca").equalTo(col("cb"))).agg(sum("w")).first();
        return r.isNullAt(0) ? 0 : r.getDouble(0);
    }

    /** SplitMix64's finaliser: a well-mixed hash of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
