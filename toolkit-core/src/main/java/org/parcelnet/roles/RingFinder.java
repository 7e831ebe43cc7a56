package org.parcelnet.roles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Partition;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Subgraph;
import org.parcelnet.linking.UnionFind;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.progress.ProgressListener;

/**
 * Picks the communities that are smuggling rings and cuts them free of the ordinary traffic that
 * modularity's resolution limit glued to them.
 *
 * <p><b>Evidence.</b> A community is a ring when goods verifiably flow through it from the border
 * again and again: at least {@link Options#minChains()} relay chains (time-respecting paths that start
 * at a border entry town, {@link RelayChains}) of two hops or more have every party inside it, and at
 * least {@link Options#minChainsPerMember()} such chains per member. One chain happens by chance among
 * millions of ordinary parcels, and a big community of ordinary traffic collects a few; a ring produces
 * one every few days through the same few parties (in the generator's data rings have 0.8–20 inside
 * chains per member, communities of ordinary traffic below 0.02).
 *
 * <p><b>Recursive splitting.</b> Modularity cannot resolve groups joined by more than about
 * {@code K₁K₂/2m} weight (Fortunato &amp; Barthélemy 2007, doi:10.1073/pnas.0605965104), so in a network
 * of millions of parties a ring of a hundred merges with the busy shops and buyers its members trade
 * with, or with another ring. Following the recursive approach of Ruan &amp; Zhang (2008,
 * doi:10.1103/PhysRevE.77.016104), each candidate's induced subgraph is partitioned again with Leiden —
 * the resolution limit now scales with the candidate's own weight, not the whole network's. Parts that
 * one of the candidate's chains runs through are merged back (a ring's branches, which a sub-run may
 * cut apart, are joined by its chains), so a split never cuts the evidence; what stays apart is what
 * no chain connects — ordinary traffic, or another ring. A chain of a group split by crossing may pass
 * through a shared relay that the split gave to the other side; it joins the parts before that relay
 * and the parts after it, not the two with each other (a relay shared by two rings keeps their lots
 * apart, so what such a chain shows across it is the chain linking taking the other ring's receipt at
 * the relay). A chain's first party (the sender at the border) joins the part the chain feeds unless
 * it is a shared drop-off point: it feeds two or more parts each supplied by enough chains from starts
 * of their own (a courier station two rings hand lots in at; a ring's own sources feed its parts
 * alike). Parts with enough chains are examined again, up to {@link Options#maxDepth()} levels.
 *
 * <p><b>Rings that share a relay.</b> Two rings that use the same transit warehouse (or one of whose
 * distributors took a stray consignment of the other) form one dense group that no modularity split
 * separates, and the chains through the shared party merge Leiden's parts back. A ring's goods come in
 * at its own border crossing(s), so a group is first split by crossing: chains are grouped by their
 * entry place (the pickup place of their first parcel), places with at least {@link Options#minChains()}
 * chains are the group's crossings, and two crossings stay together when the parties their chains run
 * through share more than {@link #MAX_SHARED_RELAYS}; otherwise they are separate rings that merely meet
 * at one or two relaying parties. Chains are time-respecting, not lot-respecting, so past a warehouse
 * both rings use a chain of one crossing often follows the warehouse's parcels into the other ring and
 * every party downstream of it looks shared: the crossings are also separate when cutting each chain
 * after the first of at most {@link #MAX_SHARED_RELAYS} relays (picked greedily, most chains of both
 * crossings) leaves no other party shared and each crossing still reaching {@link #MIN_OWN_PARTIES}
 * parties of its own past its sources; a chain then counts only up to that relay. Each chain party goes with the side whose chains run through it most
 * (a shared warehouse with the ring that uses it most), chains of other places with the side of most of
 * their parties, other group members with the side they are tied to most. The sides are examined again
 * like any group. A single ring that enters at two crossings shares its warehouses, distributors and
 * retailers between them and is not split; two rings entering at the same crossing are not separated
 * by this rule.
 *
 * <p><b>Rings that share a warehouse, by their lots.</b> Before the crossing split a group is split
 * where its first relays pass the lots of two or more groups of senders on, each group's to its own
 * receivers, in a way pooling explains only with probability below {@link SharedRelays#ALPHA} over the
 * number of blocks tested
 * ({@link SharedRelays}; rings entering at one crossing too): a ring's own warehouse mixes its
 * sources' lots over all its distributors.
 *
 * <p><b>Members.</b> A ring's community also holds ordinary parties its members trade with now and then
 * (a shop that received one innocent parcel, a buyer tied to such a shop). A ring's members are the
 * parties of its inside chains plus the community members tied to those by at least
 * {@link Options#minTie()} (parcels, the party graph's weight) or by at least half of their own
 * parcels (a retailer that received a single parcel from its distributor); other community members
 * (shops and buyers with most of their traffic elsewhere, or none with the chain parties) stay in the
 * community but are not counted as ring members.
 *
 * <p><b>Cost.</b> O(n + m + C) to assign C chain parties to communities, O(X · C_g + arcs of the group)
 * per group with X crossings and C_g chain parties for the crossing split, plus one Leiden run per
 * examined candidate on its induced subgraph: each level touches every candidate node and edge at most
 * once, so O(depth · (n_c + m_c)) Leiden work over candidates. Memory: 8 bytes per node of scratch plus
 * the largest candidate's subgraph. Deterministic for a given input and Leiden parameters (candidates
 * are examined in community order with the same seed).
 */
public final class RingFinder {

    private RingFinder() {
    }

    /**
     * Parameters.
     *
     * @param minChains inside relay chains that make a community a ring (≥ 1)
     * @param minChainsPerMember inside chains per community member that a ring must also reach (≥ 0)
     * @param maxDepth  how many times a candidate may be split again (0 disables splitting)
     * @param leiden    Leiden parameters for the sub-runs (seed, resolution, …)
     */
    public record Options(int minChains, double minChainsPerMember, int maxDepth, double minTie, LeidenParams leiden) {
        public Options {
            if (minChains < 1) {
                throw new IllegalArgumentException("minChains must be >= 1, got " + minChains);
            }
            if (!(minChainsPerMember >= 0) || Double.isInfinite(minChainsPerMember)) {
                throw new IllegalArgumentException("minChainsPerMember must be finite and >= 0, got " + minChainsPerMember);
            }
            if (maxDepth < 0) {
                throw new IllegalArgumentException("maxDepth must be >= 0, got " + maxDepth);
            }
            if (!(minTie >= 0) || Double.isInfinite(minTie)) {
                throw new IllegalArgumentException("minTie must be finite and >= 0, got " + minTie);
            }
            Objects.requireNonNull(leiden, "leiden");
        }

        /** 5 chains and 0.2 per member, up to 4 levels, ties of 2 parcels, default Leiden parameters. */
        public static Options defaults() {
            return new Options(5, 0.2, 4, 2, LeidenParams.builder().build());
        }

        public Options withMinChains(int k) {
            return new Options(k, minChainsPerMember, maxDepth, minTie, leiden);
        }

        public Options withMinChainsPerMember(double d) {
            return new Options(minChains, d, maxDepth, minTie, leiden);
        }

        public Options withMaxDepth(int d) {
            return new Options(minChains, minChainsPerMember, d, minTie, leiden);
        }

        /** 0 keeps every community member in the ring. */
        public Options withMinTie(double t) {
            return new Options(minChains, minChainsPerMember, maxDepth, t, leiden);
        }

        public Options withLeiden(LeidenParams p) {
            return new Options(minChains, minChainsPerMember, maxDepth, minTie, p);
        }
    }

    /**
     * The outcome.
     *
     * @param partition    the input communities with every accepted split applied (dense ids, 0 = largest)
     * @param ringOf       ring id per node (0 = the ring with the largest community), or -1 outside rings
     * @param ringCount    number of rings
     * @param ringChains   inside relay chains per ring
     * @param splits       accepted splits
     * @param trimmed      community members of rings not counted as ring members (weak ties)
     */
    public record Result(Partition partition, int[] ringOf, int ringCount, int[] ringChains, int splits, int trimmed) {
    }

    /**
     * The parties of each relay chain of two hops or more, in CSR form ({@code offsets.length = chains + 1}).
     * A chain's parties are the sender of its first parcel and the receivers of all its parcels.
     */
    public record ChainParties(int[] offsets, int[] parties, int[] entry) {
        public ChainParties {
            if (entry != null && entry.length != offsets.length - 1) {
                throw new IllegalArgumentException("entry has " + entry.length + " places for "
                        + (offsets.length - 1) + " chains");
            }
        }

        /** Chains without their entry places (no group is split by crossing). */
        public ChainParties(int[] offsets, int[] parties) {
            this(offsets, parties, null);
        }

        public int count() {
            return offsets.length - 1;
        }
    }

    /** The parties of {@code chains} (chains of one parcel are left out: they prove no relay), without entry places. */
    public static ChainParties chainParties(RelayChains.Result chains, PartyIndex index) {
        return chainParties(chains, index, null);
    }

    /**
     * The parties of {@code chains} (chains of one parcel are left out) and, when {@code table} is
     * given, each chain's entry place: the pickup place of its first parcel (the border crossing its
     * goods came in at).
     */
    public static ChainParties chainParties(RelayChains.Result chains, PartyIndex index, ShipmentTable table) {
        int[] sender = index.senderParty();
        int[] receiver = index.receiverParty();
        int total = 0;
        int kept = 0;
        for (int c = 0; c < chains.chainCount(); c++) {
            int len = chains.chain(c).length;
            if (len >= 2) {
                kept++;
                total += len + 1;
            }
        }
        int[] offsets = new int[kept + 1];
        int[] parties = new int[total];
        int[] entry = table == null ? null : new int[kept];
        int k = 0;
        int p = 0;
        for (int c = 0; c < chains.chainCount(); c++) {
            int[] rows = chains.chain(c);
            if (rows.length < 2) {
                continue;
            }
            if (entry != null) {
                entry[k] = table.originPlace(rows[0]);
            }
            parties[p++] = sender[rows[0]];
            for (int r : rows) {
                parties[p++] = receiver[r];
            }
            offsets[++k] = p;
        }
        return new ChainParties(offsets, parties, entry);
    }

    /**
     * Finds the rings.
     *
     * @param graph      the undirected party graph the communities were found on
     * @param membership community per node (any labels ≥ 0)
     * @param chains     relay chains as party lists
     */
    public static Result find(CompactGraph graph, int[] membership, ChainParties chains, Options options) {
        return find(graph, membership, chains, options, ProgressListener.NONE);
    }

    /**
     * Finds the rings, reporting progress in candidate nodes examined (a node may be examined once per
     * level of splitting, so the total is an estimate) and checking for cancellation before each
     * candidate and every 16,384 nodes of the member pass.
     */
    public static Result find(CompactGraph graph, int[] membership, ChainParties chains, Options options,
                              ProgressListener progress) {
        return find(graph, graph, membership, chains, options, progress);
    }

    /**
     * The same, telling from {@code parcels} — the party graph with every edge, hubs' included
     * (directed or not, same node ids) — whether the parts of a candidate trade with each other (the
     * split without pure starts, {@link #find}); {@code graph} lacks the ties between hubs, and a
     * warehouse and a distributor that also buy online from many shops are hubs.
     */
    public static Result find(CompactGraph graph, CompactGraph parcels, int[] membership, ChainParties chains,
                              Options options, ProgressListener progress) {
        return find(graph, parcels, membership, chains, null, options, progress);
    }

    /**
     * The same, also splitting a group at a relay that passes the lots of two or more rings on to each
     * ring's own receivers ({@link SharedRelays}, the rule in {@link #find}); {@code relays} null skips
     * that rule.
     */
    public static Result find(CompactGraph graph, CompactGraph parcels, int[] membership, ChainParties chains,
                              SharedRelays relays, Options options, ProgressListener progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        if (parcels.nodeCount() != graph.nodeCount()) {
            throw new IllegalArgumentException("parcels has " + parcels.nodeCount() + " nodes, graph "
                    + graph.nodeCount());
        }
        progress.begin("rings", graph.nodeCount());
        try {
            return findWithProgress(graph, parcels, membership, chains, relays, options, progress);
        } finally {
            progress.end();
        }
    }

    private static Result findWithProgress(CompactGraph graph, CompactGraph parcels, int[] membership,
                                           ChainParties chains, SharedRelays relays, Options options,
                                           ProgressListener progress) {
        if (graph.isDirected()) {
            throw new IllegalArgumentException("RingFinder needs the undirected party graph");
        }
        int n = graph.nodeCount();
        if (membership.length != n) {
            throw new IllegalArgumentException("membership has " + membership.length + " entries for " + n + " nodes");
        }
        Partition start = Partition.of(membership);
        int[] label = start.membership().clone();
        int k = start.communityCount();
        int[] chainCommunity = new int[chains.count()];
        int[] insideCount = new int[k];
        for (int c = 0; c < chains.count(); c++) {
            chainCommunity[c] = commonLabel(graph, chains, c, label);
            if (chainCommunity[c] >= 0) {
                insideCount[chainCommunity[c]]++;
            }
        }
        // Chains of each community, grouped (counting sort by community).
        int[] chainStart = new int[k + 1];
        for (int c = 0; c < chains.count(); c++) {
            if (chainCommunity[c] >= 0) {
                chainStart[chainCommunity[c] + 1]++;
            }
        }
        for (int c = 0; c < k; c++) {
            chainStart[c + 1] += chainStart[c];
        }
        int[] chainIds = new int[chainStart[k]];
        int[] fill = Arrays.copyOf(chainStart, k);
        for (int c = 0; c < chains.count(); c++) {
            if (chainCommunity[c] >= 0) {
                chainIds[fill[chainCommunity[c]]++] = c;
            }
        }
        int[][] members = start.members();
        ArrayDeque<Group> queue = new ArrayDeque<>();
        for (int c = 0; c < k; c++) {
            if (insideCount[c] >= options.minChains()) {
                queue.add(new Group(members[c], Arrays.copyOfRange(chainIds, chainStart[c], chainStart[c + 1]), 0));
            }
        }
        int nextLabel = k;
        List<Group> rings = new ArrayList<>();
        int splits = 0;
        int[] local = new int[n];
        Arrays.fill(local, -1);
        // relays that the split by lots found passing the lots of two rings on, each to its own
        boolean[] lotRelay = new boolean[n];
        while (!queue.isEmpty()) {
            progress.checkCancelled();
            Group group = queue.poll();
            progress.advance(group.nodes.length);
            List<Group> sides = relays == null ? null
                    : splitAtSharedRelay(graph, group, chains, relays, options.minChains(), local, lotRelay);
            if (sides == null) {
                sides = splitByCrossing(graph, group, chains, options.minChains(), local);
            }
            if (sides != null) {
                splits++;
                for (Group side : sides) {
                    int newLabel = nextLabel++;
                    for (int v : side.nodes) {
                        label[v] = newLabel;
                    }
                    queue.add(side);
                }
                continue;
            }
            boolean deeper = group.depth < options.maxDepth() && group.nodes.length >= 3;
            Split split = deeper ? split(group, chains, local,
                    subPartition(graph, group, chains, local, options.leiden(), false), options.minChains(), lotRelay,
                    parcels, options.minTie())
                    : null;
            // Two rings whose lots are handed in at one busy drop-off point at their entry town: Leiden
            // puts the point with the first relays of both rings, and that part joins them. Without the
            // edges of the chains' pure starts the rings' relays fall apart, and the drop-off rule of
            // joinThroughChains decides which starts join what; the split stands when the parts' relays
            // do not trade with each other (the parts of one ring do, below the border).
            if (deeper && (split == null || split.ringParts < 2)) {
                int[] bare = subPartition(graph, group, chains, local, options.leiden(), true);
                Split alt = bare != null ? split(group, chains, local, bare, options.minChains(), lotRelay,
                        parcels, options.minTie()) : null;
                if (alt != null && alt.ringParts >= 2 && selfSupplied(group, chains, alt, options.minChains(), local)
                        && !tiedAcross(parcels, group, chains, alt, options.minChains(), options.minTie(), local)) {
                    split = alt;
                }
            }
            if (split == null || split.parts == 1) {
                accept(graph, group, rings, options);
                continue;
            }
            int[] sub = split.sub;
            int[] chainPart = split.chainPart;
            int parts = split.parts;
            splits++;
            int[] partSize = new int[parts];
            int[] partChains = new int[parts];
            for (int x : sub) {
                partSize[x]++;
            }
            for (int p : chainPart) {
                partChains[p]++;
            }
            int[][] partNodes = new int[parts][];
            int[][] partChainIds = new int[parts][];
            for (int p = 0; p < parts; p++) {
                partNodes[p] = new int[partSize[p]];
                partChainIds[p] = new int[partChains[p]];
            }
            int[] nodeFill = new int[parts];
            for (int i = 0; i < group.nodes.length; i++) {
                int p = sub[i];
                partNodes[p][nodeFill[p]++] = group.nodes[i];
            }
            int[] chainFill = new int[parts];
            for (int i = 0; i < group.chains.length; i++) {
                int p = chainPart[i];
                partChainIds[p][chainFill[p]++] = group.chains[i];
            }
            for (int p = 0; p < parts; p++) {
                int newLabel = nextLabel++;
                for (int v : partNodes[p]) {
                    label[v] = newLabel;
                }
                if (partChains[p] >= options.minChains()) {
                    queue.add(new Group(partNodes[p], partChainIds[p], group.depth + 1));
                }
            }
        }
        attachLoneSources(rings, chains, label, n);
        Partition refined = Partition.of(label);
        int[] dense = refined.membership();
        // Rings ordered by size (descending), ties by their community id in the refined partition.
        rings.sort((a, b) -> a.nodes.length != b.nodes.length ? Integer.compare(b.nodes.length, a.nodes.length)
                : Integer.compare(dense[a.nodes[0]], dense[b.nodes[0]]));
        int[] ringOf = new int[n];
        Arrays.fill(ringOf, -1);
        int[] ringChains = new int[rings.size()];
        int trimmed = 0;
        boolean[] core = new boolean[n];
        int visited = 0;
        for (int r = 0; r < rings.size(); r++) {
            Group ring = rings.get(r);
            for (int c : ring.chains) {
                for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                    core[chains.parties()[j]] = true;
                }
            }
            for (int v : ring.nodes) {
                if ((++visited & 0x3FFF) == 0) {
                    progress.checkCancelled();
                }
                double tie = core[v] ? 0 : tie(graph, v, core);
                if (core[v] || tie >= options.minTie() || 2 * tie >= graph.strength(v)) {
                    ringOf[v] = r;
                } else {
                    trimmed++;
                }
            }
            for (int c : ring.chains) {
                for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                    core[chains.parties()[j]] = false;
                }
            }
            ringChains[r] = ring.chains.length;
        }
        return new Result(refined, ringOf, rings.size(), ringChains, splits, trimmed);
    }

    /**
     * The undirected party graph without the edges of hub parties: parties with more than
     * {@code maxNeighbours} distinct neighbours (courier stations, busy shops, platforms) keep their
     * node but lose every edge. A smuggling ring's members trade with few counterparties (in the
     * generator's data at most 37 at 200,000 shipments), while a hub joins unrelated people and,
     * left in, lets modularity merge the rings that happen to use the same station or shop (the
     * same rule case linking uses, {@code linking.CaseLinker}). O(n + m); the result has the same
     * node ids. {@link #withoutHubs(CompactGraph, int, double)} keeps the repeated ties of hubs that relay.
     */
    public static CompactGraph withoutHubs(CompactGraph undirected, int maxNeighbours) {
        if (undirected.isDirected()) {
            throw new IllegalArgumentException("withoutHubs needs the undirected party graph");
        }
        if (maxNeighbours < 1) {
            throw new IllegalArgumentException("maxNeighbours must be >= 1, got " + maxNeighbours);
        }
        int n = undirected.nodeCount();
        boolean[] hub = new boolean[n];
        for (int v = 0; v < n; v++) {
            int d = undirected.outEnd(v) - undirected.outStart(v) - (undirected.hasSelfLoop(v) ? 1 : 0);
            hub[v] = d > maxNeighbours;
        }
        org.parcelnet.graph.CompactGraphBuilder b = org.parcelnet.graph.CompactGraphBuilder.undirected(n)
                .expectedEdges(undirected.edgeCount());
        for (int v = 0; v < n; v++) {
            if (hub[v]) {
                continue;
            }
            for (int a = undirected.outStart(v), end = undirected.outEnd(v); a < end; a++) {
                int u = undirected.target(a);
                if (u >= v && !hub[u]) {
                    b.addEdge(v, u, undirected.weight(a));
                }
            }
        }
        return b.build();
    }

    /**
     * The undirected party graph without the one-off edges of hub parties, relays keeping their
     * repeated ties. A party with more than {@code maxNeighbours} distinct neighbours is a hub. A hub
     * that <em>relays</em> — repeated ties (weight at least {@code minRepeatedTie} parcels) carry at
     * least {@link #RELAY_SHARE} of its parcels inbound, from parties that are not hubs, and again
     * outbound, to anyone — keeps its repeated ties to parties that are not hubs; every other edge of a
     * hub is dropped. Outbound ties to hubs count because a distributor's retailers may sell to as many
     * one-off buyers as it does (outside world, high-leakage seed 5: a ring of 23 whose retailers were
     * all hubs lost every edge below its warehouse and was not found); inbound ones do not, so a station
     * that big senders deliver to is no relay.
     *
     * <p>Why: a distributor that also sells single parcels to dozens of one-off buyers, or a transit
     * warehouse whose members buy online from many shops, has as many counterparties as a courier
     * station, but it is supplied by the same parties again and again and supplies the same parties
     * again and again; dropping every edge of such a party cuts its ring apart. A courier station or a
     * shop is repeatedly tied in one direction only (parcels handed in or sent out, collected or
     * bought), so a station that ring members hand parcels in at, with repeated ties to the retailers
     * of several rings, still joins nothing. In the generator's data relaying hubs have about a quarter
     * of their parcels on repeated ties each way, stations and shops at most a twentieth inbound.
     * O(n + m); the result has the same node ids.
     *
     * @param directed       the directed party graph (weights: parcels)
     * @param minRepeatedTie parcels an edge needs to count as a repeated tie (&gt; 0)
     */
    public static CompactGraph withoutHubs(CompactGraph directed, int maxNeighbours, double minRepeatedTie) {
        return withoutHubs(directed, maxNeighbours, minRepeatedTie, null);
    }

    /**
     * The same, with parties that are places rather than people ({@code places}, e.g. courier stations
     * recognised by their addresses, {@link CourierStations}) losing every edge whatever their
     * neighbour count: a small station in an entry town that two rings hand lots in at has fewer
     * counterparties than a hub and would otherwise tie the two rings into one community.
     *
     * @param places per node whether it is a place (null: none)
     */
    public static CompactGraph withoutHubs(CompactGraph directed, int maxNeighbours, double minRepeatedTie,
                                           boolean[] places) {
        if (!directed.isDirected()) {
            throw new IllegalArgumentException("withoutHubs with repeated ties needs the directed party graph");
        }
        if (maxNeighbours < 1) {
            throw new IllegalArgumentException("maxNeighbours must be >= 1, got " + maxNeighbours);
        }
        if (!(minRepeatedTie > 0) || Double.isInfinite(minRepeatedTie)) {
            throw new IllegalArgumentException("minRepeatedTie must be finite and > 0, got " + minRepeatedTie);
        }
        CompactGraph undirected = directed.toUndirected();
        int n = undirected.nodeCount();
        boolean[] hub = new boolean[n];
        for (int v = 0; v < n; v++) {
            int d = undirected.outEnd(v) - undirected.outStart(v) - (undirected.hasSelfLoop(v) ? 1 : 0);
            hub[v] = d > maxNeighbours;
        }
        boolean[] relay = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (!hub[v]) {
                continue;
            }
            double in = 0;
            double out = 0;
            double all = 0;
            for (int a = directed.outStart(v), end = directed.outEnd(v); a < end; a++) {
                int u = directed.target(a);
                double w = directed.weight(a);
                if (u != v) {
                    all += w;
                    out += w >= minRepeatedTie ? w : 0;
                }
            }
            for (int a = directed.inStart(v), end = directed.inEnd(v); a < end; a++) {
                int u = directed.source(a);
                double w = directed.inWeight(a);
                if (u != v) {
                    all += w;
                    in += !hub[u] && w >= minRepeatedTie ? w : 0;
                }
            }
            relay[v] = in >= RELAY_SHARE * all && out >= RELAY_SHARE * all;
        }
        org.parcelnet.graph.CompactGraphBuilder b = org.parcelnet.graph.CompactGraphBuilder.undirected(n)
                .expectedEdges(undirected.edgeCount());
        for (int v = 0; v < n; v++) {
            for (int a = undirected.outStart(v), end = undirected.outEnd(v); a < end; a++) {
                int u = undirected.target(a);
                if (u < v) {
                    continue;
                }
                double w = undirected.weight(a);
                // repeated in one direction or the other: the undirected weight is at least the tie's
                boolean keep = (!hub[v] && !hub[u]
                        || (hub[v] != hub[u] && (relay[v] || relay[u]) && w >= minRepeatedTie))
                        && (places == null || (!places[v] && !places[u]));
                if (keep) {
                    b.addEdge(v, u, w);
                }
            }
        }
        return b.build();
    }

    /** Share of a hub's parcels its repeated ties must carry inbound, and again outbound, for it to count as a relay. */
    public static final double RELAY_SHARE = 0.1;

    /**
     * Parties that the chains of two crossings may share while the crossings still count as two rings
     * that merely meet at a relaying party (a transit warehouse both use, a distributor that took a
     * stray consignment of the other): {@value}.
     */
    public static final int MAX_SHARED_RELAYS = 2;

    /**
     * Splits a group whose goods come in at several border crossings into one group per crossing
     * when the crossings' supply chains meet at no more than {@link #MAX_SHARED_RELAYS} parties; null
     * when it does not split (the rule in {@link #find}). O(chain parties · X + group arcs) for X
     * crossings (at most 64 considered).
     */
    static List<Group> splitByCrossing(CompactGraph graph, Group group, ChainParties chains, int minChains,
                                       int[] local) {
        int[] entry = chains.entry();
        if (entry == null || group.chains.length < 2 * minChains) {
            return null;
        }
        int[] places = new int[group.chains.length];
        for (int i = 0; i < places.length; i++) {
            places[i] = entry[group.chains[i]];
        }
        Arrays.sort(places);
        int[] crossing = new int[Math.min(places.length, 64)];
        int x = 0;
        for (int i = 0; i < places.length && x < 64; ) {
            int j = i;
            while (j < places.length && places[j] == places[i]) {
                j++;
            }
            if (j - i >= minChains && places[i] >= 0) {
                crossing[x++] = places[i];
            }
            i = j;
        }
        if (x < 2) {
            return null;
        }
        int[] nodes = group.nodes;
        for (int i = 0; i < nodes.length; i++) {
            local[nodes[i]] = i;
        }
        try {
            int[] chainCrossing = new int[group.chains.length];
            for (int ci = 0; ci < group.chains.length; ci++) {
                chainCrossing[ci] = Arrays.binarySearch(crossing, 0, x, entry[group.chains[ci]]);
            }
            int[] through = new int[nodes.length * x]; // chains of each crossing through each party
            long[] mask = new long[nodes.length];
            boolean[] relay = new boolean[nodes.length]; // none yet: every chain counts whole
            countThrough(group, chains, local, chainCrossing, relay, x, through, mask);
            int[] shared = new int[x * x];
            for (long m : mask) {
                if (Long.bitCount(m) < 2) {
                    continue;
                }
                for (int a = 0; a < x; a++) {
                    for (int b = a + 1; b < x; b++) {
                        if ((m >>> a & 1) != 0 && (m >>> b & 1) != 0) {
                            shared[a * x + b]++;
                        }
                    }
                }
            }
            // chains of each crossing (counting sort), and the parties that start a chain
            int[] unitStart = new int[x + 1];
            for (int k : chainCrossing) {
                if (k >= 0) {
                    unitStart[k + 1]++;
                }
            }
            for (int k = 0; k < x; k++) {
                unitStart[k + 1] += unitStart[k];
            }
            int[] unitChains = new int[unitStart[x]];
            int[] unitFill = Arrays.copyOf(unitStart, x);
            boolean[] starts = new boolean[nodes.length];
            for (int ci = 0; ci < group.chains.length; ci++) {
                if (chainCrossing[ci] >= 0) {
                    unitChains[unitFill[chainCrossing[ci]]++] = group.chains[ci];
                }
                int first = local[chains.parties()[chains.offsets()[group.chains[ci]]]];
                if (first >= 0) {
                    starts[first] = true;
                }
            }
            RelaySearch search = new RelaySearch(nodes.length);
            UnionFind joined = new UnionFind(x);
            boolean anyRelay = false; // whether a relay search marked relays
            for (int a = 0; a < x; a++) {
                for (int b = a + 1; b < x; b++) {
                    if (shared[a * x + b] <= MAX_SHARED_RELAYS) {
                        continue;
                    }
                    if (search.separate(chains, local, starts, unitChains, unitStart[a], unitStart[a + 1],
                            unitStart[b], unitStart[b + 1], relay)) {
                        anyRelay = true;
                    } else {
                        joined.union(a, b);
                    }
                }
            }
            if (joined.setCount() == 1) {
                return null;
            }
            int[] sideOfCrossing = joined.labels();
            int sidesCount = joined.setCount();
            // chain parties: the side whose chains run through them most (a shared warehouse goes with
            // the ring that uses it most); a chain counts up to the first shared relay it passes, as
            // what follows a relay may be the other ring's lot
            if (anyRelay) {
                Arrays.fill(through, 0);
                Arrays.fill(mask, 0);
                countThrough(group, chains, local, chainCrossing, relay, x, through, mask);
            }
            int[] side = new int[nodes.length];
            Arrays.fill(side, -1);
            for (int i = 0; i < nodes.length; i++) {
                if (mask[i] == 0) {
                    continue;
                }
                int[] perSide = new int[sidesCount];
                for (int k = 0; k < x; k++) {
                    perSide[sideOfCrossing[k]] += through[i * x + k];
                }
                side[i] = argMax(perSide);
            }
            // every chain goes with the side of most of its parties (chains of other entry places too)
            int[] chainSide = new int[group.chains.length];
            int[] chainsPerSide = new int[sidesCount];
            for (int ci = 0; ci < group.chains.length; ci++) {
                int c = group.chains[ci];
                int k = chainCrossing[ci];
                if (k >= 0) {
                    chainSide[ci] = sideOfCrossing[k];
                } else {
                    int[] votes = new int[sidesCount];
                    for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                        int i = local[chains.parties()[j]];
                        int sd = i < 0 ? -1 : side[i];
                        if (sd >= 0) {
                            votes[sd]++;
                        }
                    }
                    chainSide[ci] = argMax(votes);
                    for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                        int i = local[chains.parties()[j]];
                        if (i >= 0 && side[i] < 0) {
                            side[i] = chainSide[ci];
                        }
                    }
                }
                chainsPerSide[chainSide[ci]]++;
            }
            // other members of the group: the side they are tied to most (else the side with most chains)
            int[] fallback = new int[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                if (side[i] >= 0) {
                    fallback[i] = side[i];
                    continue;
                }
                double[] tie = new double[sidesCount];
                int v = nodes[i];
                for (int a = graph.outStart(v), end = graph.outEnd(v); a < end; a++) {
                    int u = graph.target(a);
                    int li = local[u];
                    if (li >= 0 && side[li] >= 0) {
                        tie[side[li]] += graph.weight(a);
                    }
                }
                int best = argMax(chainsPerSide);
                for (int sd = 0; sd < sidesCount; sd++) {
                    if (tie[sd] > tie[best]) {
                        best = sd;
                    }
                }
                fallback[i] = best;
            }
            int[] sizes = new int[sidesCount];
            for (int f : fallback) {
                sizes[f]++;
            }
            List<Group> out = new ArrayList<>(sidesCount);
            for (int sd = 0; sd < sidesCount; sd++) {
                int[] sideNodes = new int[sizes[sd]];
                int[] sideChains = new int[chainsPerSide[sd]];
                int fn = 0;
                for (int i = 0; i < nodes.length; i++) {
                    if (fallback[i] == sd) {
                        sideNodes[fn++] = nodes[i];
                    }
                }
                int fc = 0;
                for (int ci = 0; ci < group.chains.length; ci++) {
                    if (chainSide[ci] == sd) {
                        sideChains[fc++] = group.chains[ci];
                    }
                }
                out.add(new Group(sideNodes, sideChains, group.depth));
            }
            return out;
        } finally {
            for (int v : nodes) {
                local[v] = -1;
            }
        }
    }



    /**
     * Adds, per group party (index by {@code local}) and crossing, the chains of that crossing through
     * it ({@code through}, {@code x} per party) and the crossings' bits ({@code mask}). A chain counts up
     * to and including the first {@code relay} past its start; parties outside the group (a shared
     * relay an earlier split gave to the other side) are skipped. O(chain parties of the group).
     */
    private static void countThrough(Group group, ChainParties chains, int[] local, int[] chainCrossing,
                                     boolean[] relay, int x, int[] through, long[] mask) {
        for (int ci = 0; ci < group.chains.length; ci++) {
            int k = chainCrossing[ci];
            if (k < 0) {
                continue;
            }
            int c = group.chains[ci];
            for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                int i = local[chains.parties()[j]];
                if (i < 0) {
                    continue;
                }
                mask[i] |= 1L << k;
                through[i * x + k]++;
                if (j > chains.offsets()[c] && relay[i]) {
                    break;
                }
            }
        }
    }

    /**
     * The group party (local index) a chain's first party feeds: the receiver of its first parcel, or,
     * when that is a relay the split by lots gave to another side ({@code lotRelay}), the first party
     * of the group past it (the lot pairing put it on the sender's side); -1 when none.
     */
    private static int fed(ChainParties chains, int c, int[] local, boolean[] lotRelay) {
        int[] offsets = chains.offsets();
        int[] parties = chains.parties();
        if (offsets[c] + 1 >= offsets[c + 1]) {
            return -1;
        }
        int li = local[parties[offsets[c] + 1]];
        if (li < 0 && lotRelay != null && lotRelay[parties[offsets[c] + 1]]) {
            for (int j = offsets[c] + 2; j < offsets[c + 1] && li < 0; j++) {
                li = local[parties[j]];
            }
        }
        return li;
    }

    /**
     * Joins the Leiden parts {@code sub} of a group (indexed by {@code local}) that its chains run
     * through. A chain joins the parts of its consecutive in-group parties, except across a party
     * outside the group (a shared relay the crossing split gave to the other side). A chain whose first
     * relay the split by lots gave to another side ({@code lotRelay}, may be null) feeds the first party
     * of the group past that relay.
     *
     * <p>A <b>single sale from outside</b> joins less: the last parcel of a chain that starts outside
     * the group (a hub whose edges were dropped, such as a big border shop or a station, or a party an
     * earlier split put elsewhere), when it is the only parcel from its sender to its receiver in
     * {@code parcels} (fewer than {@code minTie}) and the receiver relays no chain, is a buyer's
     * purchase as often as a supply. It joins the receiver's
     * part only when, after the other joins, no chain feeds that part and every such sale into it comes
     * from one part: a retailer supplied once stays with its ring, while a buyer whom Leiden put with a
     * second ring does not join the two.
     *
     * <p>A chain's <b>first</b> party (the sender at the border) joins the part the chain feeds unless
     * that sender is a <b>shared drop-off point</b>: it feeds two or more parts each of which is
     * supplied, by at least {@code minChains} chains, from starts that feed no other part. A ring's own
     * sources feed its warehouses alike, so a part of a genuine ring gets its goods through the sources
     * the other parts use; two rings that hand lots in at the same courier station at the border each
     * keep their own sources besides it, and the station's phone (the sender on those parcels) must
     * not join them. Cost O(chain parties of the group · log degree + group size + parts).
     */
    static void joinThroughChains(Group group, ChainParties chains, int[] local, int[] sub, UnionFind joined,
                                  int minChains, boolean[] lotRelay, CompactGraph parcels, double minTie) {
        int[] offsets = chains.offsets();
        int[] parties = chains.parties();
        int m = group.chains.length;
        int[] fed = new int[m];
        int[] start = new int[m];
        int parts = joined.size();
        // single sales ending chains from outside: the chain's part before the sale, the buyer's part
        int[] saleFrom = new int[m];
        int[] saleTo = new int[m];
        int sales = 0;
        boolean[] supplied = new boolean[parts]; // parts that a chain feeds (its first relay's)
        boolean[] relays = new boolean[group.nodes.length]; // parties a chain passes through
        for (int i = 0; i < m; i++) {
            int c = group.chains[i];
            for (int j = offsets[c] + 1; j < offsets[c + 1] - 1; j++) {
                int li = local[parties[j]];
                if (li >= 0) {
                    relays[li] = true;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int c = group.chains[i];
            start[i] = local[parties[offsets[c]]];
            fed[i] = fed(chains, c, local, lotRelay);
            if (fed[i] >= 0) {
                supplied[sub[fed[i]]] = true;
            }
            int first = -1;
            int last = offsets[c + 1] - 1;
            for (int j = offsets[c] + 1; j <= last; j++) {
                int li = local[parties[j]];
                if (li < 0) {
                    first = -1;
                    continue;
                }
                if (first < 0) {
                    first = sub[li];
                } else if (j < last || relays[li] || start[i] >= 0
                        || parcelsBetween(parcels, parties[j - 1], parties[j]) >= minTie) {
                    joined.union(first, sub[li]);
                } else {
                    saleFrom[sales] = first;
                    saleTo[sales++] = sub[li];
                }
            }
        }
        // single sales from outside: only into a part no chain feeds, and all from one part
        boolean[] evidenced = new boolean[parts];
        for (int p = 0; p < parts; p++) {
            evidenced[joined.find(p)] |= supplied[p];
        }
        int[] soldFrom = new int[parts];
        Arrays.fill(soldFrom, -1);
        for (int k = 0; k < sales; k++) {
            int to = joined.find(saleTo[k]);
            int from = joined.find(saleFrom[k]);
            if (to != from && !evidenced[to]) {
                soldFrom[to] = soldFrom[to] == -1 || soldFrom[to] == from ? from : -2;
            }
        }
        for (int p = 0; p < parts; p++) {
            if (soldFrom[p] >= 0) {
                joined.union(soldFrom[p], p);
            }
        }
        int size = group.nodes.length;
        // the part each start feeds, or -2 when it feeds two or more
        int[] startPart = new int[size];
        Arrays.fill(startPart, -1);
        for (int i = 0; i < m; i++) {
            if (start[i] >= 0 && fed[i] >= 0) {
                int p = joined.find(sub[fed[i]]);
                int s = start[i];
                startPart[s] = startPart[s] == -1 || startPart[s] == p ? p : -2;
            }
        }
        int[] ownSupply = new int[parts];
        for (int i = 0; i < m; i++) {
            if (fed[i] >= 0 && (start[i] < 0 || startPart[start[i]] != -2)) {
                ownSupply[joined.find(sub[fed[i]])]++;
            }
        }
        // a start feeding two or more supplied parts is a shared drop-off point
        int[] firstSupplied = new int[size];
        boolean[] dropOff = new boolean[size];
        Arrays.fill(firstSupplied, -1);
        for (int i = 0; i < m; i++) {
            int s = start[i];
            if (s >= 0 && fed[i] >= 0 && startPart[s] == -2) {
                int p = joined.find(sub[fed[i]]);
                if (ownSupply[p] >= minChains) {
                    if (firstSupplied[s] == -1) {
                        firstSupplied[s] = p;
                    } else if (firstSupplied[s] != p) {
                        dropOff[s] = true;
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int s = start[i];
            if (s >= 0 && fed[i] >= 0 && !dropOff[s]) {
                joined.union(sub[s], sub[fed[i]]);
            }
        }
    }

    /** Parcels from {@code u} to {@code v} in {@code parcels} (either way when it is undirected). */
    private static double parcelsBetween(CompactGraph parcels, int u, int v) {
        int arc = parcels.arcIndex(u, v);
        return arc >= 0 ? parcels.weight(arc) : 0;
    }

    private static int argMax(int[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * A final group is a ring when its chains are dense enough among its members. Parties with a single
     * parcel in the graph (a buyer who received one parcel from a distributor) are the ring's market,
     * not candidates for membership, and do not thin the density: a distributor that sells single
     * parcels to dozens of one-off buyers otherwise buries its ring's chains under them.
     */
    private static void accept(CompactGraph graph, Group group, List<Group> rings, Options options) {
        int repeat = 0;
        for (int v : group.nodes) {
            repeat += graph.strength(v) > 1 ? 1 : 0;
        }
        if (group.chains.length >= options.minChainsPerMember() * repeat) {
            rings.add(group);
        }
    }

    /** Weight of {@code v}'s edges to marked nodes. */
    private static double tie(CompactGraph graph, int v, boolean[] marked) {
        double w = 0;
        for (int a = graph.outStart(v), end = graph.outEnd(v); a < end; a++) {
            if (marked[graph.target(a)]) {
                w += graph.weight(a);
            }
        }
        return w;
    }

    /**
     * The label shared by every party of chain {@code c}, or -1; a first party without edges in
     * {@code graph} is left out. Such a party is a hub whose edges were dropped ({@link #withoutHubs}):
     * a courier station that handed in a source's parcels starts the chain but belongs to no community,
     * so it neither places the chain in one nor keeps it out. A hub further along a chain (a station
     * that collected a parcel and handed in another) relays for everyone and proves nothing: such a
     * chain stays outside every community.
     */
    private static int commonLabel(CompactGraph graph, ChainParties chains, int c, int[] label) {
        int first = -1;
        for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
            int v = chains.parties()[j];
            if (j == chains.offsets()[c] && graph.outEnd(v) == graph.outStart(v)) {
                continue;
            }
            if (first < 0) {
                first = label[v];
            } else if (label[v] != first) {
                return -1;
            }
        }
        return first;
    }

    /**
     * Leiden on the subgraph induced by the group's nodes (without the edges of its chains' pure starts
     * when {@code withoutStarts}): part per node, or null when it does not split or, without starts,
     * when the group has no pure start.
     */
    private static int[] subPartition(CompactGraph graph, Group group, ChainParties chains, int[] local,
                                      LeidenParams params, boolean withoutStarts) {
        CompactGraph sub = Subgraph.induced(graph, group.nodes, local).graph();
        if (withoutStarts) {
            sub = withoutStarts(sub, group, chains, local);
            if (sub == null) {
                return null;
            }
        }
        Partition p = new Leiden(params).run(sub).partition();
        return p.communityCount() > 1 ? p.membership() : null;
    }

    /**
     * A sub-partition after the chains' joins: {@code sub} the part of each group node, {@code chainPart}
     * the part of each group chain, {@code ringParts} the parts with at least minChains chains.
     */
    private record Split(int[] sub, int[] chainPart, int parts, int ringParts) {
    }

    /** The parts of {@code sub} (Leiden's parts of the group's nodes) once the chains joined them. */
    private static Split split(Group group, ChainParties chains, int[] local, int[] sub, int minChains,
                               boolean[] lotRelay, CompactGraph parcels, double minTie) {
        if (sub == null) {
            return null;
        }
        // Parts that a chain runs through are merged back: a split never cuts the evidence. What
        // remains separable is what no chain connects: ordinary traffic, or another ring.
        for (int i = 0; i < group.nodes.length; i++) {
            local[group.nodes[i]] = i;
        }
        int parts = 0;
        for (int x : sub) {
            parts = Math.max(parts, x + 1);
        }
        UnionFind joined = new UnionFind(parts);
        // A chain of a group split by crossing may pass through a shared relay that the split gave
        // to the other side: its parts before and after that relay are not joined by it. A relay
        // shared by two rings passes each one's lots on without mixing them, and where the chain
        // linking took the other ring's receipt as the feeding one (consignments that overlapped
        // at the relay) the chain would join the wrong parts.
        joinThroughChains(group, chains, local, sub, joined, minChains, lotRelay, parcels, minTie);
        int[] merged = joined.labels();
        int[] chainPart = new int[group.chains.length];
        for (int i = 0; i < group.chains.length; i++) {
            int c = group.chains[i];
            // a chain goes with the part it feeds (its start may be a drop-off point left in another part)
            int li = fed(chains, c, local, lotRelay);
            for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1] && li < 0; j++) {
                li = local[chains.parties()[j]];
            }
            chainPart[i] = li < 0 ? 0 : merged[sub[li]];
        }
        for (int v : group.nodes) {
            local[v] = -1;
        }
        parts = joined.setCount();
        int[] labels = new int[sub.length];
        for (int i = 0; i < sub.length; i++) {
            labels[i] = merged[sub[i]];
        }
        int[] partChains = new int[parts];
        for (int p : chainPart) {
            partChains[p]++;
        }
        int ringParts = 0;
        for (int c : partChains) {
            ringParts += c >= minChains ? 1 : 0;
        }
        return new Split(labels, chainPart, parts, ringParts);
    }

    /**
     * Whether every ring part of {@code split} (parts with at least minChains chains) gets at least
     * minChains chains from starts in the group that feed no other part: two rings that share a
     * drop-off point each have sources of their own besides it, while a branch of one ring supplied
     * only by senders the other parts use too (or by sources community detection left outside the
     * group) is no ring of its own. O(group chains + group nodes).
     */
    private static boolean selfSupplied(Group group, ChainParties chains, Split split, int minChains, int[] local) {
        for (int i = 0; i < group.nodes.length; i++) {
            local[group.nodes[i]] = i;
        }
        int[] fed = new int[group.nodes.length];
        Arrays.fill(fed, -1);
        for (int i = 0; i < group.chains.length; i++) {
            int s = local[chains.parties()[chains.offsets()[group.chains[i]]]];
            if (s >= 0) {
                int p = split.chainPart[i];
                fed[s] = fed[s] == -1 || fed[s] == p ? p : -2;
            }
        }
        int[] own = new int[split.parts];
        int[] all = new int[split.parts];
        for (int i = 0; i < group.chains.length; i++) {
            int s = local[chains.parties()[chains.offsets()[group.chains[i]]]];
            all[split.chainPart[i]]++;
            if (s >= 0 && fed[s] >= 0) {
                own[split.chainPart[i]]++;
            }
        }
        for (int v : group.nodes) {
            local[v] = -1;
        }
        for (int p = 0; p < split.parts; p++) {
            if (all[p] >= minChains && own[p] < minChains) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two relaying parties (chain parties after the first) of different ring parts of
     * {@code split} (parts with at least minChains chains) are tied by {@code minTie} parcels or more.
     * The parts of one ring pass goods to each other below the border (a warehouse of one part
     * supplies a distributor of the other); two rings that share only a drop-off point do not.
     */
    private static boolean tiedAcross(CompactGraph graph, Group group, ChainParties chains, Split split,
                                      int minChains, double minTie, int[] local) {
        int[] partChains = new int[split.parts];
        for (int p : split.chainPart) {
            partChains[p]++;
        }
        int[] offsets = chains.offsets();
        int[] parties = chains.parties();
        int[] partOf = new int[group.nodes.length];
        for (int i = 0; i < group.nodes.length; i++) {
            local[group.nodes[i]] = i;
        }
        boolean[] relaying = new boolean[group.nodes.length];
        for (int c : group.chains) {
            for (int j = offsets[c] + 1; j < offsets[c + 1]; j++) {
                int li = local[parties[j]];
                if (li >= 0) {
                    relaying[li] = true;
                }
            }
        }
        for (int i = 0; i < group.nodes.length; i++) {
            int p = split.sub[i];
            partOf[i] = relaying[i] && partChains[p] >= minChains ? p : -1;
        }
        boolean tied = false;
        double[] weight = new double[group.nodes.length]; // v's parcels with each party of another part
        int[] touched = new int[group.nodes.length];
        for (int i = 0; i < group.nodes.length && !tied; i++) {
            if (partOf[i] < 0) {
                continue;
            }
            int v = group.nodes[i];
            int k = 0;
            for (int a = graph.outStart(v), end = graph.outEnd(v); a < end; a++) {
                int li = local[graph.target(a)];
                if (li >= 0 && partOf[li] >= 0 && partOf[li] != partOf[i]) {
                    touched[k++] = li;
                    weight[li] += graph.weight(a);
                }
            }
            if (graph.isDirected()) {
                for (int a = graph.inStart(v), end = graph.inEnd(v); a < end; a++) {
                    int li = local[graph.source(a)];
                    if (li >= 0 && partOf[li] >= 0 && partOf[li] != partOf[i]) {
                        if (k == touched.length) {
                            touched = Arrays.copyOf(touched, 2 * k);
                        }
                        touched[k++] = li;
                        weight[li] += graph.inWeight(a);
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                tied |= weight[touched[j]] >= minTie;
            }
            for (int j = 0; j < k; j++) {
                weight[touched[j]] = 0;
            }
        }
        for (int v : group.nodes) {
            local[v] = -1;
        }
        return tied;
    }

    /**
     * The group's induced subgraph {@code sub} without the edges of its chains' pure starts: parties
     * that start a chain of the group and are on none past its first party (sources, drop-off points
     * at the border); null when there is none. O(group arcs + chain parties).
     */
    private static CompactGraph withoutStarts(CompactGraph sub, Group group, ChainParties chains, int[] local) {
        int[] offsets = chains.offsets();
        int[] parties = chains.parties();
        for (int i = 0; i < group.nodes.length; i++) {
            local[group.nodes[i]] = i;
        }
        int size = group.nodes.length;
        boolean[] start = new boolean[size];
        boolean[] later = new boolean[size];
        for (int c : group.chains) {
            int li = local[parties[offsets[c]]];
            if (li >= 0) {
                start[li] = true;
            }
            for (int j = offsets[c] + 1; j < offsets[c + 1]; j++) {
                li = local[parties[j]];
                if (li >= 0) {
                    later[li] = true;
                }
            }
        }
        for (int v : group.nodes) {
            local[v] = -1;
        }
        boolean any = false;
        for (int i = 0; i < size; i++) {
            start[i] &= !later[i];
            any |= start[i];
        }
        if (!any) {
            return null;
        }
        org.parcelnet.graph.CompactGraphBuilder b = org.parcelnet.graph.CompactGraphBuilder.undirected(size)
                .expectedEdges(sub.edgeCount());
        for (int v = 0; v < size; v++) {
            for (int a = sub.outStart(v), end = sub.outEnd(v); a < end; a++) {
                int u = sub.target(a);
                if (u >= v && !start[u] && !start[v]) {
                    b.addEdge(v, u, sub.weight(a));
                }
            }
        }
        return b.build();
    }

    record Group(int[] nodes, int[] chains, int depth) {
    }

    /**
     * Splits a group whose first relays pass the lots of two or more rings on, each ring's to its own
     * receivers ({@link SharedRelays#split}): the blocks that stand out (border senders with the
     * receivers their lots went to) become sides, the other blocks one more. A chain goes with its
     * sender's side and its parties past its first relay with the side of the receiver it went to there
     * (the chain linking may have followed another ring's parcel out of a shared relay); chains of
     * senders in no block go with the side of most of their parties, a relay with the side whose chains
     * run through it most, other members with the side they are tied to most. Null when nothing
     * stands out or a side would keep fewer than {@code minChains} chains. O(chain parties of the
     * group + the first relays' parcels · lots within a window of each).
     */
    static List<Group> splitAtSharedRelay(CompactGraph graph, Group group, ChainParties chains, SharedRelays relays,
                                          int minChains, int[] local, boolean[] lotRelay) {
        if (group.chains.length < 2 * minChains) {
            return null;
        }
        int[] nodes = group.nodes;
        int n = nodes.length;
        for (int i = 0; i < n; i++) {
            local[nodes[i]] = i;
        }
        try {
            int[] offsets = chains.offsets();
            int[] parties = chains.parties();
            boolean[] source = new boolean[n];
            java.util.TreeSet<Integer> firstRelays = new java.util.TreeSet<>();
            for (int c : group.chains) {
                int st = local[parties[offsets[c]]];
                if (st >= 0 && offsets[c] + 1 < offsets[c + 1]) {
                    source[st] = true;
                    firstRelays.add(parties[offsets[c] + 1]);
                }
            }
            int[] relayIds = firstRelays.stream().mapToInt(Integer::intValue).toArray();
            boolean[] shared = new boolean[relayIds.length];
            int[] block = relays.split(relayIds, n, local, source, shared);
            if (block == null) {
                return null;
            }
            List<Group> sides = sidesAt(graph, group, chains, local, block, minChains);
            if (sides != null) {
                for (int k = 0; k < relayIds.length; k++) {
                    lotRelay[relayIds[k]] |= shared[k];
                }
            }
            return sides;
        } finally {
            for (int v : nodes) {
                local[v] = -1;
            }
        }
    }

    /** The sides of a group whose senders and receivers have the sides {@code block} (-1: none). */
    private static List<Group> sidesAt(CompactGraph graph, Group group, ChainParties chains, int[] local,
                                       int[] block, int minChains) {
        int[] offsets = chains.offsets();
        int[] parties = chains.parties();
        int[] nodes = group.nodes;
        int n = nodes.length;
        int m = group.chains.length;
        int sides = 0;
        for (int b : block) {
            sides = Math.max(sides, b + 1);
        }
        int[] chainSide = new int[m];
        int[] votes = new int[sides * n];
        for (int ci = 0; ci < m; ci++) {
            int c = group.chains[ci];
            int st = local[parties[offsets[c]]];
            int sd = st >= 0 ? block[st] : -1;
            if (sd < 0) {
                int[] v = new int[sides];
                for (int j = offsets[c]; j < offsets[c + 1]; j++) {
                    int i = local[parties[j]];
                    if (i >= 0 && block[i] >= 0) {
                        v[block[i]]++;
                    }
                }
                int best = argMax(v);
                sd = v[best] == 0 ? -1 : best;
            }
            chainSide[ci] = sd;
            if (sd < 0) {
                continue;
            }
            // past the first relay the parties follow the receiver the chain went to there
            int k = sd;
            for (int j = offsets[c]; j < offsets[c + 1]; j++) {
                int i = local[parties[j]];
                if (i < 0) {
                    continue;
                }
                if (j >= offsets[c] + 2 && block[i] >= 0) {
                    k = block[i];
                }
                votes[i * sides + (j == offsets[c] + 1 ? sd : k)]++;
            }
        }
        int[] side = new int[n];
        for (int i = 0; i < n; i++) {
            if (block[i] >= 0) {
                side[i] = block[i];
                continue;
            }
            int best = 0;
            for (int sd = 1; sd < sides; sd++) {
                if (votes[i * sides + sd] > votes[i * sides + best]) {
                    best = sd;
                }
            }
            side[i] = votes[i * sides + best] == 0 ? -1 : best;
        }
        int[] chainsPerSide = new int[sides];
        for (int ci = 0; ci < m; ci++) {
            if (chainSide[ci] < 0) {
                // no party of the chain is in a block or on a chain that is: side 0
                chainSide[ci] = 0;
            }
            chainsPerSide[chainSide[ci]]++;
        }
        for (int sd = 0; sd < sides; sd++) {
            if (chainsPerSide[sd] < minChains) {
                return null;
            }
        }
        // other members: the side they are tied to most (else the side with most chains)
        int[] fallback = new int[n];
        int[] sizes = new int[sides];
        for (int i = 0; i < n; i++) {
            if (side[i] < 0) {
                double[] tie = new double[sides];
                int v = nodes[i];
                for (int a = graph.outStart(v), end = graph.outEnd(v); a < end; a++) {
                    int li = local[graph.target(a)];
                    if (li >= 0 && side[li] >= 0) {
                        tie[side[li]] += graph.weight(a);
                    }
                }
                int best = argMax(chainsPerSide);
                for (int sd = 0; sd < sides; sd++) {
                    if (tie[sd] > tie[best]) {
                        best = sd;
                    }
                }
                fallback[i] = best;
            } else {
                fallback[i] = side[i];
            }
            sizes[fallback[i]]++;
        }
        List<Group> out = new ArrayList<>(sides);
        for (int sd = 0; sd < sides; sd++) {
            int[] sideNodes = new int[sizes[sd]];
            int[] sideChains = new int[chainsPerSide[sd]];
            int fn = 0;
            for (int i = 0; i < n; i++) {
                if (fallback[i] == sd) {
                    sideNodes[fn++] = nodes[i];
                }
            }
            int fc = 0;
            for (int ci = 0; ci < m; ci++) {
                if (chainSide[ci] == sd) {
                    sideChains[fc++] = group.chains[ci];
                }
            }
            out.add(new Group(sideNodes, sideChains, group.depth));
        }
        return out;
    }

    /**
     * A ring found with nothing but chains' first parties (senders at the border) is the source of a
     * ring whose first relay the split by crossing gave to another ring (a warehouse two rings use):
     * its chains start at it and leave it at once. It joins the ring that holds most of its chains'
     * later parties (ties: the first ring). O(chain parties of such rings + n).
     */
    static void attachLoneSources(List<Group> rings, ChainParties chains, int[] label, int n) {
        int[] ringIndex = new int[n];
        Arrays.fill(ringIndex, -1);
        boolean[] lone = new boolean[rings.size()];
        for (int q = 0; q < rings.size(); q++) {
            lone[q] = onlyStarts(rings.get(q), chains);
            if (!lone[q]) {
                for (int v : rings.get(q).nodes) {
                    ringIndex[v] = q;
                }
            }
        }
        for (int r = 0; r < rings.size(); r++) {
            if (!lone[r]) {
                continue;
            }
            Group g = rings.get(r);
            java.util.Map<Integer, Integer> votes = new java.util.TreeMap<>();
            for (int c : g.chains) {
                for (int j = chains.offsets()[c] + 1; j < chains.offsets()[c + 1]; j++) {
                    int q = ringIndex[chains.parties()[j]];
                    if (q >= 0) {
                        votes.merge(q, 1, Integer::sum);
                    }
                }
            }
            int target = -1;
            int best = 0;
            for (java.util.Map.Entry<Integer, Integer> e : votes.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    target = e.getKey();
                }
            }
            if (target < 0) {
                continue;
            }
            Group t = rings.get(target);
            int[] nodes = Arrays.copyOf(t.nodes, t.nodes.length + g.nodes.length);
            System.arraycopy(g.nodes, 0, nodes, t.nodes.length, g.nodes.length);
            int[] ids = Arrays.copyOf(t.chains, t.chains.length + g.chains.length);
            System.arraycopy(g.chains, 0, ids, t.chains.length, g.chains.length);
            rings.set(target, new Group(nodes, ids, t.depth));
            for (int v : g.nodes) {
                label[v] = label[t.nodes[0]];
            }
            rings.set(r, null);
        }
        rings.removeIf(Objects::isNull);
    }

    /** Whether every party of the group is the first party of one of its chains. */
    private static boolean onlyStarts(Group g, ChainParties chains) {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int c : g.chains) {
            starts.add(chains.parties()[chains.offsets()[c]]);
        }
        for (int v : g.nodes) {
            if (!starts.contains(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parties that a side of two separable crossings must reach on its own, past the shared relays and
     * besides the chains' first parties, for the relays to be the only thing the two rings share: a
     * single ring that enters at two crossings and whose lots all pass one or two warehouses has none
     * (its distributors are reached from both crossings through those warehouses). {@value}
     */
    static final int MIN_OWN_PARTIES = 2;

    /**
     * Whether the chains of two crossings run through shared parties only because one or two relays
     * pass both rings' lots on (a transit warehouse both rings use). Chains are time-respecting, not
     * lot-respecting: past a shared warehouse a chain from one crossing follows the warehouse's
     * parcels into the other ring, so every party downstream of it looks shared. Relays are chosen
     * greedily, the party with the most chains of the scarcer crossing through it, and each chain is
     * cut after the first relay it passes; the crossings are separate rings when then at most
     * {@link #MAX_SHARED_RELAYS} parties (relays included) carry chains of both, and each crossing
     * still reaches {@link #MIN_OWN_PARTIES} or more parties of its own past its sources.
     * Cost O(MAX_SHARED_RELAYS · chain parties of the two crossings) with sparse resets.
     */
    private static final class RelaySearch {
        private final int[] countA;
        private final int[] countB;
        private final boolean[] chosen;
        private final int[] touched;
        private int touchedCount;

        RelaySearch(int size) {
            countA = new int[size];
            countB = new int[size];
            chosen = new boolean[size];
            touched = new int[size];
        }

        /** True (and the relays marked in {@code relay}) when the two crossings are separable. */
        boolean separate(ChainParties chains, int[] local, boolean[] starts, int[] unitChains, int aFrom, int aTo,
                         int bFrom, int bTo, boolean[] relay) {
            int[] picked = new int[MAX_SHARED_RELAYS];
            int pickedCount = 0;
            try {
                while (true) {
                    count(chains, local, unitChains, aFrom, aTo, countA);
                    count(chains, local, unitChains, bFrom, bTo, countB);
                    int both = pickedCount;
                    int ownA = 0;
                    int ownB = 0;
                    int best = -1;
                    int bestScore = 0;
                    for (int t = 0; t < touchedCount; t++) {
                        int i = touched[t];
                        if (chosen[i]) {
                            continue;
                        }
                        if (countA[i] > 0 && countB[i] > 0) {
                            both++;
                            int score = Math.min(countA[i], countB[i]);
                            if (score > bestScore || score == bestScore && i < best) {
                                best = i;
                                bestScore = score;
                            }
                        } else if (!starts[i]) {
                            if (countA[i] > 0) {
                                ownA++;
                            } else {
                                ownB++;
                            }
                        }
                    }
                    if (pickedCount > 0 && both <= MAX_SHARED_RELAYS && ownA >= MIN_OWN_PARTIES
                            && ownB >= MIN_OWN_PARTIES) {
                        for (int r = 0; r < pickedCount; r++) {
                            relay[picked[r]] = true;
                        }
                        return true;
                    }
                    if (pickedCount == MAX_SHARED_RELAYS || best < 0) {
                        return false;
                    }
                    picked[pickedCount++] = best;
                    chosen[best] = true;
                    reset();
                }
            } finally {
                reset();
                for (int r = 0; r < pickedCount; r++) {
                    chosen[picked[r]] = false;
                }
            }
        }

        private void count(ChainParties chains, int[] local, int[] unitChains, int from, int to, int[] counts) {
            for (int u = from; u < to; u++) {
                int c = unitChains[u];
                for (int j = chains.offsets()[c]; j < chains.offsets()[c + 1]; j++) {
                    int i = local[chains.parties()[j]];
                    if (i < 0) {
                        continue;
                    }
                    if (countA[i] == 0 && countB[i] == 0) {
                        touched[touchedCount++] = i;
                    }
                    counts[i]++;
                    if (j > chains.offsets()[c] && chosen[i]) {
                        break;
                    }
                }
            }
        }

        private void reset() {
            for (int t = 0; t < touchedCount; t++) {
                countA[touched[t]] = 0;
                countB[touched[t]] = 0;
            }
            touchedCount = 0;
        }
    }
}
