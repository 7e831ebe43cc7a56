package org.parcelnet.linking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Links <em>cases</em> (shipments under suspicion) into case networks on weighted evidence, and says
 * why each link exists.
 *
 * <p><b>Cases.</b> The flagged shipments when the table has any ({@link #flaggedOrAll}); otherwise the
 * shipments a rule selects; otherwise every shipment. Other shipments are not cases but still carry
 * evidence: they are the intermediate records through which two cases can be linked.
 *
 * <p><b>Identifiers and their weight.</b> A shipment's identifiers are those of {@link CaseLinker}:
 * sender and receiver phone, normalised sender and receiver address, and each side's name together
 * with its phone. Hubs (more than {@link Params#maxCounterparties()} distinct counterparties, or more
 * than {@link Params#maxShipments()} shipments: courier stations, busy shops, placeholders) carry no
 * evidence. Any other identifier on {@code df} of the R shipments weighs
 * {@code w = ln(R / df) / ln(R)} (inverse document frequency, Spärck Jones 1972,
 * doi:10.1108/eb026526, scaled to (0, 1]): shared by two parcels it is almost certain evidence,
 * shared by hundreds it is weak.
 *
 * <p><b>Evidence of a link.</b> Two identifiers are adjacent when one shipment carries both. Cases c
 * and d are linked through a path x₀ … x_k of adjacent identifiers, x₀ on c and x_k on d (k = 0: they
 * share x₀), of at most {@link Params#maxPathIdentifiers()} identifiers. The path's evidence is the
 * product of its identifiers' weights (each identifier on the way must be specific), times a time
 * factor {@code 0.5 + 0.5·exp(−|t_c − t_d| / τ)} with τ = {@link Params#timeScaleDays()} (cases close
 * in time count more, distant ones half). The link's evidence is the best path's; a link needs
 * evidence of at least {@link Params#minEvidence()}. Each case keeps its
 * {@link Params#maxLinksPerCase()} strongest links. With every shipment a case, only direct links
 * (k = 0) are searched, each case linked to the previous case carrying the same identifier.
 *
 * <p><b>Splitting.</b> Links are closed transitively (union-find), and where closure would chain
 * unrelated gangs together — a shop or a buyer between two rings — networks are split by community
 * detection: the caller passes each shipment's community on the party graph (Leiden on the
 * sender–receiver projection of the record–identifier graph, e.g. {@link #rowCommunities}); links
 * between cases of different communities are dropped (counted in {@link Result#splitLinks()}) before
 * the closure. Pass null to keep every link. With communities, a hub by counterparties on at most
 * {@link Params#maxShipments()} shipments weighs {@code ln(R / df) / ln(R)} like any identifier: it
 * can then only link cases of one community, so the chaining that suppression prevents cannot happen,
 * and a distributor that also sells to many one-off buyers links its own ring's cases again.
 *
 * <p><b>Cost.</b> O(R) to index identifiers (as {@link CaseLinker}); per case a best-first search over
 * the identifier adjacency, pruned at the evidence threshold. With communities the search only
 * crosses shipments of the case's own community (a link across communities would be dropped
 * anyway), so its work is bounded by the community's shipments near the case, not by R; an
 * identifier's adjacency then costs O(df) per expansion. Without communities each identifier's
 * adjacency is built once, when first reached.
 * Memory: about 48 bytes per shipment kept (six identifier slots, 24 bytes, and the rows-by-identifier
 * index, 24; the slots' counterparties, another 24, only while indexing) plus about 44 bytes per
 * identifier (counts, weight, search state)
 * and the adjacency of the identifiers reached.
 */
public final class CaseNetworks {

    /**
     * Options, validated on construction.
     *
     * @param maxCounterparties  identifiers with more distinct counterparties are hubs (≥ 1)
     * @param maxShipments       identifiers on more shipments are hubs (≥ 1)
     * @param useAddresses       whether addresses are identifiers
     * @param useNamePhone       whether name+phone pairs are identifiers
     * @param minEvidence        evidence a link needs, in (0, 1]
     * @param maxPathIdentifiers identifiers on a linking path (1 = shared identifiers only), 1..8
     * @param timeScaleDays      τ of the time factor, in days (&gt; 0)
     * @param maxLinksPerCase    strongest links kept per case (≥ 1)
     */
    public record Params(int maxCounterparties, int maxShipments, boolean useAddresses, boolean useNamePhone,
                         double minEvidence, int maxPathIdentifiers, double timeScaleDays, int maxLinksPerCase) {

        /** K = 40, 5,000 shipments, all identifiers, evidence 0.1, paths of up to 4 identifiers, τ = 30 days, 20 links. */
        public static final Params DEFAULTS = new Params(CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES,
                CaseLinker.Params.DEFAULT_MAX_SHIPMENTS, true, true, 0.1, 4, 30, 20);

        public Params {
            if (maxCounterparties < 1 || maxShipments < 1) {
                throw new IllegalArgumentException("hub thresholds must be >= 1, got " + maxCounterparties + " and "
                        + maxShipments);
            }
            if (!(minEvidence > 0 && minEvidence <= 1)) {
                throw new IllegalArgumentException("minEvidence must be in (0, 1], got " + minEvidence);
            }
            if (maxPathIdentifiers < 1 || maxPathIdentifiers > 8) {
                throw new IllegalArgumentException("maxPathIdentifiers must be between 1 and 8, got " + maxPathIdentifiers);
            }
            if (!(timeScaleDays > 0) || Double.isInfinite(timeScaleDays)) {
                throw new IllegalArgumentException("timeScaleDays must be finite and > 0, got " + timeScaleDays);
            }
            if (maxLinksPerCase < 1) {
                throw new IllegalArgumentException("maxLinksPerCase must be >= 1, got " + maxLinksPerCase);
            }
        }

        public Params withMinEvidence(double v) {
            return new Params(maxCounterparties, maxShipments, useAddresses, useNamePhone, v, maxPathIdentifiers,
                    timeScaleDays, maxLinksPerCase);
        }

        public Params withMaxPathIdentifiers(int v) {
            return new Params(maxCounterparties, maxShipments, useAddresses, useNamePhone, minEvidence, v,
                    timeScaleDays, maxLinksPerCase);
        }

        public Params withHubThreshold(int k) {
            return new Params(k, maxShipments, useAddresses, useNamePhone, minEvidence, maxPathIdentifiers,
                    timeScaleDays, maxLinksPerCase);
        }

        public Params withTimeScaleDays(double v) {
            return new Params(maxCounterparties, maxShipments, useAddresses, useNamePhone, minEvidence,
                    maxPathIdentifiers, v, maxLinksPerCase);
        }

        public Params withIdentifiers(boolean addresses, boolean namePhone) {
            return new Params(maxCounterparties, maxShipments, addresses, namePhone, minEvidence, maxPathIdentifiers,
                    timeScaleDays, maxLinksPerCase);
        }
    }

    /** How cases were chosen. */
    public enum CaseMode {
        /** The flagged shipments. */
        FLAGGED,
        /** Shipments a rule selected. */
        RULE,
        /** Every shipment. */
        ALL
    }

    /**
     * One link.
     *
     * @param a        case index (into {@link Result#caseRows()}) of the earlier case
     * @param b        case index of the other case
     * @param evidence the link's evidence (product of weights times the time factor)
     * @param path     identifier ids on the best path, from a's side to b's
     */
    public record Link(int a, int b, double evidence, int[] path) {
    }

    /**
     * The outcome.
     *
     * @param mode       how cases were chosen
     * @param caseRows   shipment row of each case, ascending
     * @param network    case network of each case (dense, 0 = largest, ties by first case)
     * @param sizes      cases per network, descending
     * @param links      links kept (within networks), strongest first per case
     * @param splitLinks links dropped because their cases lie in different communities
     * @param hubs       identifiers suppressed as hubs
     */
    public record Result(CaseMode mode, int[] caseRows, int[] network, int[] sizes, List<Link> links, int splitLinks,
                         List<LinkResult.Hub> hubs, Identifiers identifiers) {

        /** The network of the case at shipment row {@code row}, or -1 when that shipment is not a case. */
        public int networkOf(int row) {
            int k = Arrays.binarySearch(caseRows, row);
            return k >= 0 ? network[k] : -1;
        }

        /** Number of networks (single cases included). */
        public int networkCount() {
            return sizes.length;
        }

        /** Number of networks with at least two cases. */
        public int linkedNetworkCount() {
            int c = 0;
            for (int s : sizes) {
                c += s >= 2 ? 1 : 0;
            }
            return c;
        }
    }

    /** The identifier ids of a result, with their kinds and values (values are personal data). */
    public static final class Identifiers {
        private final CaseLinker.Identifiers ids;
        private final ShipmentTable table;
        private final double[] weight;

        Identifiers(CaseLinker.Identifiers ids, ShipmentTable table, double[] weight) {
            this.ids = ids.forNaming();
            this.table = table;
            this.weight = weight;
        }

        /** Kind of identifier {@code id}. */
        public LinkResult.Kind kind(int id) {
            return ids.kind(id);
        }

        /** Value of identifier {@code id} (a phone, normalised address, or name|phone). */
        public String value(int id) {
            return ids.value(table, id);
        }

        /** Evidence weight of identifier {@code id} (0 for hubs). */
        public double weight(int id) {
            return weight[id];
        }

        /** Shipments carrying identifier {@code id}. */
        public int shipments(int id) {
            return ids.shipments()[id];
        }

        /** Whether {@code id} is a phone identifier; its phone code is then {@code id}. */
        public boolean isPhone(int id) {
            return id < ids.phones();
        }
    }

    private final Params params;

    /** A linker with the given options. */
    public CaseNetworks(Params params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The flagged shipments, or every shipment when none is flagged. */
    public static boolean[] flaggedOrAll(ShipmentTable t) {
        boolean[] c = new boolean[t.size()];
        boolean any = false;
        for (int i = 0; i < c.length; i++) {
            c[i] = t.flagged(i);
            any |= c[i];
        }
        if (!any) {
            Arrays.fill(c, true);
        }
        return c;
    }

    /**
     * Community of each shipment row for splitting: the community its sender and receiver share; else
     * that of the side marked in {@code anchor} (for example ring members: a distributor's parcel to a
     * one-off buyer belongs with the distributor's ring, a parcel handed in at a courier station with its
     * receiver's); else the receiver's (the party the goods went to).
     *
     * @param anchor per party, whether its community should win; null for none
     */
    public static int[] rowCommunities(int[] senderParty, int[] receiverParty, int[] community, boolean[] anchor) {
        int[] out = new int[senderParty.length];
        for (int i = 0; i < out.length; i++) {
            int s = senderParty[i];
            int r = receiverParty[i];
            out[i] = anchor != null && anchor[s] && !anchor[r] ? community[s] : community[r];
        }
        return out;
    }

    /**
     * Party labels to split case networks by: a party's member ring when it has one (ids 0..rings-1),
     * else its community (offset past the ring ids).
     *
     * @param memberRing ring of each party for members, -1 otherwise
     */
    public static int[] splitLabels(int[] community, int[] memberRing) {
        int rings = 0;
        for (int r : memberRing) {
            rings = Math.max(rings, r + 1);
        }
        int[] out = new int[community.length];
        for (int v = 0; v < out.length; v++) {
            out[v] = memberRing[v] >= 0 ? memberRing[v] : rings + community[v];
        }
        return out;
    }

    /** Whether the table has any flagged shipment. */
    public static boolean anyFlagged(ShipmentTable t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.flagged(i)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #link(ShipmentTable, boolean[], CaseMode, int[], ProgressListener)} without progress. */
    public Result link(ShipmentTable t, boolean[] isCase, CaseMode mode, int[] rowCommunity) {
        return link(t, isCase, mode, rowCommunity, ProgressListener.NONE);
    }

    /**
     * Links the cases.
     *
     * @param isCase       per row, whether it is a case
     * @param mode         how they were chosen ({@link CaseMode#ALL} searches direct links only)
     * @param rowCommunity per row, its community for splitting, or null for no splitting
     */
    public Result link(ShipmentTable t, boolean[] isCase, CaseMode mode, int[] rowCommunity, ProgressListener progress) {
        return link(prepare(t), isCase, mode, rowCommunity, progress);
    }

    /**
     * The identifier index of a table under these parameters (identifiers, weights, rows by
     * identifier): the part of linking that needs no cases and no communities, so a pipeline can
     * build it early, beside other work. O(R).
     */
    public Prepared prepare(ShipmentTable t) {
        Objects.requireNonNull(t, "t");
        int rows = t.size();
        CaseLinker.Identifiers ids = new CaseLinker(new CaseLinker.Params(params.maxCounterparties(),
                params.maxShipments(), params.useAddresses(), params.useNamePhone())).identify(t);
        int idCount = ids.idCount();
        double logR = Math.log(Math.max(rows, 3));
        double[] weight = new double[idCount];
        for (int id = 0; id < idCount; id++) {
            int df = ids.shipments()[id];
            weight[id] = ids.hub()[id] || df == 0 ? 0 : Math.log((double) rows / df) / logR;
        }
        return index(t, ids, weight, false);
    }

    /**
     * The identifier index of a table that is one part of a larger data set: each identifier weighs
     * what {@code weightOf} gives for its kind and value (phone, normalised address, or
     * {@code name|phone}, as {@link Identifiers#value}), so the weights are the whole data set's
     * rather than this part's. The search uses them as given, also when linking with communities:
     * the caller supplies the weights the whole table would use there (a hub by counterparties on at
     * most {@code maxShipments} shipments weighs by its rarity, any other hub 0), since this part's
     * own counts cannot say which identifiers are hubs in the whole set. A distributed run links each
     * part holding a community's shipments (plus the cases elsewhere that share their identifiers)
     * with the whole set's weights, and gets exactly the links the whole table would give inside that
     * community. O(R) plus one {@code weightOf} call per identifier.
     */
    public Prepared prepare(ShipmentTable t, java.util.function.ToDoubleBiFunction<LinkResult.Kind, String> weightOf) {
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(weightOf, "weightOf");
        CaseLinker.Identifiers ids = new CaseLinker(new CaseLinker.Params(params.maxCounterparties(),
                params.maxShipments(), params.useAddresses(), params.useNamePhone())).identify(t);
        double[] weight = new double[ids.idCount()];
        for (int id = 0; id < weight.length; id++) {
            weight[id] = weightOf.applyAsDouble(ids.kind(id), ids.value(t, id));
        }
        return index(t, ids, weight, true);
    }

    private static Prepared index(ShipmentTable t, CaseLinker.Identifiers ids, double[] weight, boolean weightsGiven) {
        int idCount = ids.idCount();
        int[] ident = ids.ident();
        int slots = CaseLinker.SLOTS;
        int[] start = new int[idCount + 1];
        for (int x : ident) {
            if (x >= 0) {
                start[x + 1]++;
            }
        }
        for (int id = 0; id < idCount; id++) {
            start[id + 1] += start[id];
        }
        int[] rowsOf = new int[start[idCount]];
        int[] fill = Arrays.copyOf(start, idCount);
        for (int j = 0; j < ident.length; j++) {
            if (ident[j] >= 0) {
                rowsOf[fill[ident[j]]++] = j / slots;
            }
        }
        return new Prepared(t, ids, weight, weightsGiven, start, rowsOf);
    }

    /** An identifier index built by {@link #prepare}, for one table and these parameters. */
    public static final class Prepared {
        private final ShipmentTable table;
        private final CaseLinker.Identifiers ids;
        private final double[] weight;
        /** Weights from the caller, used as given with or without communities. */
        private final boolean weightsGiven;
        private final int[] start;
        private final int[] rowsOf;

        private Prepared(ShipmentTable table, CaseLinker.Identifiers ids, double[] weight, boolean weightsGiven,
                         int[] start, int[] rowsOf) {
            this.table = table;
            this.ids = ids;
            this.weight = weight;
            this.weightsGiven = weightsGiven;
            this.start = start;
            this.rowsOf = rowsOf;
        }

        /**
         * Per address-dictionary code of the table, the id of its normalised form
         * ({@link CaseLinker#normalizeAddress}; codes with equal forms share an id, numbered in code
         * order), or -1 where nothing is left of the address. Computed once for the index, so that other
         * stages comparing addresses need not normalise them again. Shared: do not modify.
         */
        public int[] addressFormIds() {
            return ids.addressFormIds();
        }
    }

    /** Links the cases of a prepared table (see {@link #link(ShipmentTable, boolean[], CaseMode, int[], ProgressListener)}). */
    public Result link(Prepared prepared, boolean[] isCase, CaseMode mode, int[] rowCommunity, ProgressListener progress) {
        try {
            return link(prepared, isCase, mode, rowCommunity, progress, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // only waiting for a helper throws it
        }
    }

    /**
     * Links the cases of a prepared table, the evidence search shared between the calling thread and
     * one task on {@code helper} (null: the caller alone). Both take blocks of cases from one counter,
     * so whoever is free does the work: a pipeline passes the worker that ran its background stages,
     * which joins the search as soon as it is idle. Each case's links are found from that case alone
     * and kept per case, then combined in case order, so the result does not depend on who searched
     * which case. Extra memory: one search state (28 bytes per identifier) for the helper.
     *
     * @throws java.io.InterruptedIOException when interrupted while waiting for the helper
     */
    public Result link(Prepared prepared, boolean[] isCase, CaseMode mode, int[] rowCommunity, ProgressListener progress,
                       WorkerPool helper) throws IOException {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(mode, "mode");
        ShipmentTable t = prepared.table;
        int rows = t.size();
        if (isCase.length != rows || (rowCommunity != null && rowCommunity.length != rows)) {
            throw new IllegalArgumentException("isCase and rowCommunity need one entry per shipment");
        }
        CaseLinker.Identifiers ids = prepared.ids;
        int idCount = ids.idCount();
        double[] weight = rowCommunity == null || prepared.weightsGiven ? prepared.weight
                : weightsInsideCommunities(prepared, rows);
        int[] start = prepared.start;
        int[] rowsOf = prepared.rowsOf;
        int cases = 0;
        for (boolean c : isCase) {
            cases += c ? 1 : 0;
        }
        int[] caseRows = new int[cases];
        int[] caseOf = new int[rows];
        Arrays.fill(caseOf, -1);
        for (int i = 0, k = 0; i < rows; i++) {
            if (isCase[i]) {
                caseRows[k] = i;
                caseOf[i] = k++;
            }
        }
        double tauSeconds = params.timeScaleDays() * 86_400.0;
        double minEvidence = params.minEvidence();
        List<Link> links = new ArrayList<>();
        int split = 0;
        progress.begin("case links", cases);
        try {
            if (mode == CaseMode.ALL || params.maxPathIdentifiers() == 1) {
                // direct links only: each case to the previous case carrying the same identifier
                for (int id = 0; id < idCount; id++) {
                    if ((id & 0x3FFF) == 0) {
                        progress.checkCancelled();
                    }
                    if (weight[id] == 0) {
                        continue;
                    }
                    int prev = -1;
                    for (int k = start[id]; k < start[id + 1]; k++) {
                        int c = caseOf[rowsOf[k]];
                        if (c < 0 || c == prev) {
                            continue;
                        }
                        if (prev >= 0) {
                            double e = weight[id] * timeFactor(t, caseRows[prev], caseRows[c], tauSeconds);
                            if (e >= minEvidence) {
                                if (rowCommunity != null && rowCommunity[caseRows[prev]] != rowCommunity[caseRows[c]]) {
                                    split++;
                                } else {
                                    links.add(new Link(prev, c, e, new int[] {id}));
                                }
                            }
                        }
                        prev = c;
                    }
                }
                progress.advance(cases);
            } else {
                List<Link>[] found = search(t, ids, weight, start, rowsOf, caseOf, caseRows, tauSeconds, rowCommunity,
                        progress, helper);
                java.util.HashSet<Long> splitPairs = new java.util.HashSet<>();
                for (int c = 0; c < cases; c++) {
                    for (Link l : found[c]) {
                        if (rowCommunity != null && rowCommunity[caseRows[l.a()]] != rowCommunity[caseRows[l.b()]]) {
                            splitPairs.add(((long) Math.min(l.a(), l.b()) << 32) | Math.max(l.a(), l.b()));
                        } else {
                            links.add(l);
                        }
                    }
                }
                // a link may be found from both ends: keep one copy
                links = dedupe(links);
                split = splitPairs.size();
            }
        } finally {
            progress.end();
        }
        UnionFind uf = new UnionFind(cases);
        for (Link l : links) {
            uf.union(l.a(), l.b());
        }
        int[] network = uf.labels();
        int[] sizes = new int[uf.setCount()];
        for (int n : network) {
            sizes[n]++;
        }
        return new Result(mode, caseRows, network, sizes, List.copyOf(links), split, ids.hubs(),
                new Identifiers(ids, t, weight));
    }

    /**
     * Identifier weights when networks are split by communities: a hub by counterparties (on at most
     * {@link Params#maxShipments()} shipments) carries its inverse-document-frequency weight like any
     * other identifier. Hubs are suppressed because they chain unrelated people together; once links
     * across communities are dropped, a hub can only link cases of one community — a distributor who
     * also sells single parcels to dozens of one-off buyers, or a transit warehouse that members buy
     * online at, links its own ring's cases again. O(identifiers).
     */
    private double[] weightsInsideCommunities(Prepared prepared, int rows) {
        double[] w = prepared.weight.clone();
        int[] df = prepared.ids.shipments();
        boolean[] hub = prepared.ids.hub();
        double logR = Math.log(Math.max(rows, 3));
        for (int id = 0; id < w.length; id++) {
            if (hub[id] && df[id] > 0 && df[id] <= params.maxShipments()) {
                w[id] = Math.log((double) rows / df[id]) / logR;
            }
        }
        return w;
    }

    /** Cases handed out at a time to the searching threads. */
    private static final int SEARCH_BLOCK = 64;

    /** Links found from each case, by case; searched by the caller and, when given, one helper task. */
    private List<Link>[] search(ShipmentTable t, CaseLinker.Identifiers ids, double[] weight, int[] start, int[] rowsOf,
                                int[] caseOf, int[] caseRows, double tauSeconds, int[] rowCommunity,
                                ProgressListener progress, WorkerPool helper) throws IOException {
        int cases = caseRows.length;
        @SuppressWarnings("unchecked")
        List<Link>[] found = new List[cases];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int[][] byCommunity = rowCommunity == null ? null : rowsByCommunity(start, rowsOf, weight, rowCommunity);
        CaseRows caseIndex = CaseRows.of(start, rowsOf, caseOf);
        SearchIndex searchIndex = SearchIndex.of(start, weight);
        int[] order = searchOrder(caseRows, rowCommunity);
        WorkerPool.Pending<Void> beside = null;
        if (helper != null && cases > SEARCH_BLOCK) {
            beside = helper.submit(() -> {
                Search search = new Search(t, ids, weight, start, rowsOf, caseOf, caseRows, params, tauSeconds,
                        rowCommunity, byCommunity, caseIndex, searchIndex);
                int from;
                while ((from = next.getAndAdd(SEARCH_BLOCK)) < cases) {
                    progress.checkCancelled();
                    int to = Math.min(cases, from + SEARCH_BLOCK);
                    for (int i = from; i < to; i++) {
                        found[order[i]] = search.from(order[i]);
                    }
                    done.addAndGet(to - from);
                }
                return null;
            });
        }
        try {
            Search search = new Search(t, ids, weight, start, rowsOf, caseOf, caseRows, params, tauSeconds,
                    rowCommunity, byCommunity, caseIndex, searchIndex);
            int from;
            int reported = 0;
            while ((from = next.getAndAdd(SEARCH_BLOCK)) < cases) {
                progress.checkCancelled();
                int to = Math.min(cases, from + SEARCH_BLOCK);
                for (int i = from; i < to; i++) {
                    found[order[i]] = search.from(order[i]);
                }
                int now = done.addAndGet(to - from);
                progress.advance(now - reported);
                reported = now;
            }
            if (beside != null) {
                beside.get();
                progress.advance(cases - reported);
            }
        } catch (RuntimeException | Error e) {
            next.set(cases); // the helper takes nothing more
            throw e;
        }
        return found;
    }

    /**
     * The case rows of each identifier (CSR, row order kept): where a search looks for the cases an
     * identifier reaches, it reads these instead of every row a hub is on. O(R); 4 bytes per
     * identifier and per case row.
     */
    private record CaseRows(int[] start, int[] rows) {
        static CaseRows of(int[] start, int[] rowsOf, int[] caseOf) {
            int ids = start.length - 1;
            int[] caseStart = new int[ids + 1];
            for (int id = 0; id < ids; id++) {
                int n = 0;
                for (int k = start[id]; k < start[id + 1]; k++) {
                    if (caseOf[rowsOf[k]] >= 0) {
                        n++;
                    }
                }
                caseStart[id + 1] = caseStart[id] + n;
            }
            int[] rows = new int[caseStart[ids]];
            int at = 0;
            for (int k = 0; k < start[ids]; k++) {
                if (caseOf[rowsOf[k]] >= 0) {
                    rows[at++] = rowsOf[k];
                }
            }
            return new CaseRows(caseStart, rows);
        }
    }

    /**
     * The identifiers a search can pass through, numbered densely: those that carry evidence and are
     * on two or more shipments. An identifier on one shipment only cannot change a search's outcome
     * when its weight is at most 1 (every weight of {@link #prepare}'s rule): it is reached from an
     * identifier on that same shipment, which already reaches that shipment's case and its other
     * identifiers with at least the evidence the path through it would give, and a path is replaced
     * only by a strictly stronger one. Leaving such identifiers out changes no link and no path, and
     * the per-search arrays are sized by the rest (56 % of the identifiers of 4.31M generated
     * shipments) instead of all. O(identifiers); 4 bytes per identifier.
     *
     * @param local per identifier, its dense number, or -1 when a search never passes through it
     * @param count identifiers with a dense number
     */
    private record SearchIndex(int[] local, int count) {
        static SearchIndex of(int[] start, double[] weight) {
            int[] local = new int[weight.length];
            int count = 0;
            for (int id = 0; id < weight.length; id++) {
                boolean passable = weight[id] > 0 && (start[id + 1] - start[id] >= 2 || weight[id] > 1);
                local[id] = passable ? count++ : -1;
            }
            return new SearchIndex(local, count);
        }
    }

    /**
     * The order cases are searched in: by community (then case), so that consecutive searches share
     * one community's neighbour lists ({@code Search#neighbours}); case order without communities.
     * Each case's links do not depend on the order.
     */
    private static int[] searchOrder(int[] caseRows, int[] rowCommunity) {
        int cases = caseRows.length;
        int[] order = new int[cases];
        if (rowCommunity == null) {
            for (int c = 0; c < cases; c++) {
                order[c] = c;
            }
            return order;
        }
        long[] keys = new long[cases];
        for (int c = 0; c < cases; c++) {
            keys[c] = ((long) rowCommunity[caseRows[c]] << 32) | c;
        }
        Arrays.sort(keys);
        for (int c = 0; c < cases; c++) {
            order[c] = (int) keys[c];
        }
        return order;
    }

    /** Identifiers on more rows than this get their rows ordered by community for the search. */
    private static final int LONG_ROW_LIST = 64;

    /**
     * The rows of each evidence-carrying identifier on more than {@link #LONG_ROW_LIST} rows, ordered
     * by (community, row): a search inside one community then reads only that community's rows of a
     * hub instead of all of them (a hub may be on up to {@code maxShipments} rows), in the same row
     * order as a scan that skips the others, so the links are the same. Null for the other
     * identifiers. O(L log L) for the L rows of long lists; 4 bytes per identifier plus 4 per such row.
     */
    private static int[][] rowsByCommunity(int[] start, int[] rowsOf, double[] weight, int[] rowCommunity) {
        int[][] out = new int[weight.length][];
        long[] keys = new long[0];
        for (int id = 0; id < weight.length; id++) {
            int n = start[id + 1] - start[id];
            if (n <= LONG_ROW_LIST || weight[id] <= 0) {
                continue;
            }
            if (keys.length < n) {
                keys = new long[Math.max(n, keys.length * 2)];
            }
            for (int k = 0; k < n; k++) {
                int row = rowsOf[start[id] + k];
                keys[k] = ((long) rowCommunity[row] << 32) | k; // signed order of (community, k); k keeps row order
            }
            Arrays.sort(keys, 0, n);
            int[] rows = new int[n];
            for (int k = 0; k < n; k++) {
                rows[k] = rowsOf[start[id] + (int) keys[k]];
            }
            out[id] = rows;
        }
        return out;
    }

    private static double timeFactor(ShipmentTable t, int rowA, int rowB, double tauSeconds) {
        double dt = Math.abs((double) t.shippedAt(rowA) - t.shippedAt(rowB));
        return 0.5 + 0.5 * Math.exp(-dt / tauSeconds);
    }

    /** Links found from both ends, once (the a &lt; b copy; equal evidence either way). */
    private static List<Link> dedupe(List<Link> links) {
        List<Link> out = new ArrayList<>(links.size() / 2 + 1);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        for (Link l : links) {
            int a = Math.min(l.a(), l.b());
            int b = Math.max(l.a(), l.b());
            if (seen.add(((long) a << 32) | b)) {
                out.add(l.a() == a ? l : new Link(a, b, l.evidence(), reverse(l.path())));
            }
        }
        return out;
    }

    private static int[] reverse(int[] p) {
        int[] r = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = p[p.length - 1 - i];
        }
        return r;
    }

    /** Best-first search from one case over the identifier adjacency (max-product paths). */
    private static final class Search {
        private final ShipmentTable t;
        private final int[] ident;
        private final double[] weight;
        private final int[] start;
        private final int[] rowsOf;
        private final int[] caseOf;
        private final int[] caseRows;
        private final Params params;
        private final double tau;
        /**
         * Distinct evidence-carrying neighbours per identifier, built when first reached; with
         * communities, for the community of {@link #cachedLabel} only, and dropped when a search
         * starts in another.
         */
        private final int[][] adjacency;
        /** Dense number of each identifier a search passes through ({@link SearchIndex}), else -1. */
        private final int[] local;
        private final int[] rowCommunity;
        /** Long row lists ordered by community ({@link #rowsByCommunity}); null without communities. */
        private final int[][] byCommunity;
        /** The case rows of each identifier, in row order ({@link CaseRows}). */
        private final int[] caseStart;
        private final int[] caseRowsOf;
        private int label;
        private int expansion;
        /**
         * Per passable identifier (by its dense number x), side by side so that a visit touches one
         * cache line: at {@code [2x]} the best evidence this search reached it with, at
         * {@code [2x + 1]} the search ({@link #round}) that wrote it (exact as a double). The visits are scattered over millions of identifiers, and
         * separate arrays cost a cache miss each.
         */
        private final double[] reach;
        /** Written with {@link #reach}: at {@code [2x]} the depth, at {@code [2x + 1]} the predecessor's identifier id. */
        private final int[] trail;
        private int round;
        private final double[] caseBest;
        private final int[] caseEnd;
        private final int[] caseStamp;

        Search(ShipmentTable t, CaseLinker.Identifiers ids, double[] weight, int[] start, int[] rowsOf, int[] caseOf,
               int[] caseRows, Params params, double tau, int[] rowCommunity, int[][] byCommunity,
               CaseRows caseIndex, SearchIndex searchIndex) {
            this.rowCommunity = rowCommunity;
            this.byCommunity = byCommunity;
            this.caseStart = caseIndex.start;
            this.caseRowsOf = caseIndex.rows;
            this.t = t;
            this.ident = ids.ident();
            this.weight = weight;
            this.start = start;
            this.rowsOf = rowsOf;
            this.caseOf = caseOf;
            this.caseRows = caseRows;
            this.params = params;
            this.tau = tau;
            this.local = searchIndex.local();
            int n = searchIndex.count();
            adjacency = new int[n][];
            seenBy = new int[n];
            reach = new double[2 * n];
            trail = new int[2 * n];
            caseBest = new double[caseRows.length];
            caseEnd = new int[caseRows.length];
            caseStamp = new int[caseRows.length];
        }

        private int[] seenBy;
        private int[] scratch = new int[16];

        /**
         * Distinct evidence-carrying neighbours of {@code id}: identifiers on the same shipments. With
         * communities, only shipments of the searching case's community count (links across
         * communities are dropped anyway), so the search stays inside it, and the list is kept while
         * searches stay in that community; without, it is built once per identifier and kept.
         */
        private int[] neighbours(int id) {
            int li = local[id];
            if (adjacency[li] != null) {
                return adjacency[li];
            }
            int n = 0;
            int slots = CaseLinker.SLOTS;
            int mark = ++expansion;
            if (mark == Integer.MAX_VALUE) {
                java.util.Arrays.fill(seenBy, 0);
                expansion = mark = 1;
            }
            int[] sorted = byCommunity == null ? null : byCommunity[id];
            if (sorted != null) {
                int lo = 0;
                int hi = sorted.length;
                while (lo < hi) { // first row of this community
                    int mid = (lo + hi) >>> 1;
                    if (rowCommunity[sorted[mid]] < label) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                for (int k = lo; k < sorted.length && rowCommunity[sorted[k]] == label; k++) {
                    n = collect(sorted[k] * slots, id, mark, n);
                }
            } else {
                for (int k = start[id]; k < start[id + 1]; k++) {
                    int row = rowsOf[k];
                    if (rowCommunity != null && rowCommunity[row] != label) {
                        continue;
                    }
                    n = collect(row * slots, id, mark, n);
                }
            }
            int[] a = Arrays.copyOf(scratch, n);
            adjacency[li] = a;
            if (rowCommunity != null) {
                if (cachedCount == cached.length) {
                    cached = Arrays.copyOf(cached, cachedCount * 2);
                }
                cached[cachedCount++] = id;
            }
            return a;
        }

        /** Identifiers whose neighbour lists are held for the current community. */
        private int[] cached = new int[64];
        private int cachedCount;
        private int cachedLabel = Integer.MIN_VALUE;

        private void useCommunity(int community) {
            if (community != cachedLabel) {
                for (int i = 0; i < cachedCount; i++) {
                    adjacency[local[cached[i]]] = null;
                }
                cachedCount = 0;
                cachedLabel = community;
            }
        }

        /** Adds the unseen passable identifiers ({@link SearchIndex}) of the row at slot base {@code b}; the new count. */
        private int collect(int b, int id, int mark, int n) {
            for (int s = 0; s < CaseLinker.SLOTS; s++) {
                int y = ident[b + s];
                if (y < 0 || y == id) {
                    continue;
                }
                int ly = local[y];
                if (ly >= 0 && seenBy[ly] != mark) {
                    seenBy[ly] = mark;
                    if (n == scratch.length) {
                        scratch = Arrays.copyOf(scratch, n * 2);
                    }
                    scratch[n++] = y;
                }
            }
            return n;
        }

        private final EvidenceHeap heap = new EvidenceHeap();
        /** Cases reached by the current search, in first-reached order. */
        private int[] reached = new int[64];
        private int reachedCount;

        List<Link> from(int c) {
            round++;
            int row = caseRows[c];
            label = rowCommunity == null ? 0 : rowCommunity[row];
            if (rowCommunity != null) {
                useCommunity(label);
            }
            double min = params.minEvidence();
            int maxDepth = params.maxPathIdentifiers();
            // identifiers reached, with their best evidence; a max-heap by evidence
            EvidenceHeap heap = this.heap;
            heap.clear();
            for (int s = 0; s < CaseLinker.SLOTS; s++) {
                int x = ident[row * CaseLinker.SLOTS + s];
                if (x >= 0 && local[x] >= 0 && weight[x] >= min && improve(x, weight[x], 1, -1)) {
                    heap.add(weight[x], x);
                }
            }
            reachedCount = 0;
            while (!heap.isEmpty()) {
                double topEvidence = heap.topEvidence();
                int x = heap.poll();
                int lx = local[x];
                if (topEvidence < reach[2 * lx]) {
                    continue; // stale entry
                }
                double e = reach[2 * lx];
                // cases carrying x
                for (int k = caseStart[x]; k < caseStart[x + 1]; k++) {
                    int d = caseOf[caseRowsOf[k]];
                    if (d == c) {
                        continue;
                    }
                    if (caseStamp[d] != round) {
                        caseStamp[d] = round;
                        caseBest[d] = -1;
                        if (reachedCount == reached.length) {
                            reached = Arrays.copyOf(reached, reachedCount * 2);
                        }
                        reached[reachedCount++] = d;
                    }
                    if (e > caseBest[d]) {
                        caseBest[d] = e;
                        caseEnd[d] = x;
                    }
                }
                int dx = trail[2 * lx];
                if (dx >= maxDepth) {
                    continue;
                }
                for (int y : neighbours(x)) {
                    double ey = e * weight[y];
                    if (ey >= min && improve(y, ey, dx + 1, x)) {
                        heap.add(ey, y);
                    }
                }
            }
            // strongest links, with the time factor
            List<Link> out = new ArrayList<>();
            for (int r = 0; r < reachedCount; r++) {
                int d = reached[r];
                double ev = caseBest[d] * timeFactor(t, row, caseRows[d], tau);
                if (ev >= min) {
                    out.add(new Link(c, d, ev, path(caseEnd[d])));
                }
            }
            out.sort((p, q) -> p.evidence() != q.evidence() ? Double.compare(q.evidence(), p.evidence())
                    : Integer.compare(p.b(), q.b()));
            return out.size() > params.maxLinksPerCase() ? out.subList(0, params.maxLinksPerCase()) : out;
        }

        private boolean improve(int x, double e, int d, int prev) {
            int i = 2 * local[x];
            if (reach[i + 1] == round && reach[i] >= e) {
                return false;
            }
            reach[i] = e;
            reach[i + 1] = round;
            trail[i] = d;
            trail[i + 1] = prev;
            return true;
        }

        private int[] path(int end) {
            int len = 0;
            for (int x = end; x >= 0; x = trail[2 * local[x] + 1]) {
                len++;
            }
            int[] p = new int[len];
            for (int x = end, i = len - 1; x >= 0; x = trail[2 * local[x] + 1]) {
                p[i--] = x;
            }
            return p;
        }
    }

    /**
     * A max-heap of (evidence, identifier) pairs on two primitive arrays, without an object per
     * entry. Entries leave by evidence, most first, and entries of equal evidence by identifier id,
     * lowest first: a total order on the entries a search adds (it adds an identifier again only with
     * more evidence), so the order entries leave in, and so which of two equally strong paths
     * explains a link, does not depend on what else the heap holds.
     */
    static final class EvidenceHeap {
        private double[] evidence = new double[64];
        private int[] id = new int[64];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Evidence of the entry {@link #poll} returns next. */
        double topEvidence() {
            return evidence[0];
        }

        void add(double e, int x) {
            if (size == id.length) {
                evidence = Arrays.copyOf(evidence, size * 2);
                id = Arrays.copyOf(id, size * 2);
            }
            int k = size++;
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (before(evidence[parent], id[parent], e, x)) {
                    break;
                }
                evidence[k] = evidence[parent];
                id[k] = id[parent];
                k = parent;
            }
            evidence[k] = e;
            id[k] = x;
        }

        /** Whether entry (e1, x1) leaves before (e2, x2): more evidence, or as much and a lower id. */
        private static boolean before(double e1, int x1, double e2, int x2) {
            int c = Double.compare(e1, e2);
            return c > 0 || (c == 0 && x1 < x2);
        }

        /** Removes the entry of most evidence (of the lowest id among equals) and returns its identifier. */
        int poll() {
            int result = id[0];
            int n = --size;
            if (n > 0) {
                double e = evidence[n];
                int x = id[n];
                int k = 0;
                int half = n >>> 1;
                while (k < half) {
                    int child = 2 * k + 1;
                    int right = child + 1;
                    if (right < n && before(evidence[right], id[right], evidence[child], id[child])) {
                        child = right;
                    }
                    if (before(e, x, evidence[child], id[child])) {
                        break;
                    }
                    evidence[k] = evidence[child];
                    id[k] = id[child];
                    k = child;
                }
                evidence[k] = e;
                id[k] = x;
            }
            return result;
        }
    }
}
