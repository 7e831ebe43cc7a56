package org.parcelnet.roles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.parcelnet.graph.IndexSort;
import org.parcelnet.graph.LongIntMap;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.linking.UnionFind;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.progress.ProgressListener;

/**
 * Separates a ring's members from its customers. A ring found on the party graph ({@link RingFinder})
 * holds everyone its goods reached: the sources, transit warehouses, distributors and retailers who
 * take part again and again or pass goods on, and also the buyers a distributor sold one parcel to,
 * or a shop that sent a member one ordinary purchase. Investigators target the first group; the
 * second is the ring's market.
 *
 * <p><b>Rule.</b> Only parcels between two parties of the same ring count ("ring parcels" here). A
 * party of ring R is a <em>member</em> when
 * <ol>
 *   <li>it relays: it both received and sent ring parcels (confidence 0.95), or</li>
 *   <li>it sent ring parcels at least twice (a source; confidence {@code 1 − 0.5^sent}, at most 0.95), or</li>
 *   <li>it received ring parcels at least twice (a retailer that is supplied again and again;
 *       confidence {@code 1 − 0.5^received}, at most 0.95) — in both cases only when ring parcels are
 *       at least {@link Options#minRingShare()} of its parcels (a busy shop that sold to several
 *       members, or a popular buyer, is the ring's market), or</li>
 *   <li>it received exactly one, but that parcel is a wholesale lot — at least
 *       {@link Options#wholesaleShare()} of the median weight of the ring's parcels between
 *       repeatedly active parties (or at least 2 cartons when weights are missing) — and at least
 *       half of all its parcels are ring parcels (confidence 0.6).</li>
 * </ol>
 * Everyone else in the ring is a <em>customer</em>: a one-off receiver of a retail lot, a one-off
 * sender (a shop that sold a member something), or a party tied to the ring only through others.
 * Customers get the confidence of being a member that their evidence allows: 0.3 for a single ring
 * parcel, 0.1 for none. Retailers who received exactly one retail-sized parcel are indistinguishable
 * from customers on this evidence and are counted as customers; in the generator's data a retailer's
 * single parcel is a 2-carton lot of 17–23 kg.
 *
 * <p><b>Branches cut off.</b> The second round repeats (at most {@link #MAX_ROUNDS} times) with the
 * parties outside the found rings that became members added to the member set, so a party joins when
 * it trades by the same rule with members found in an earlier round. Ring detection needs relay
 * chains, and a branch whose chains are broken (its parcels handed in at courier stations, whose
 * phone replaces the sender's; its members on new phones) is left outside every ring although its
 * source, warehouse and distributors exchange parcel after parcel with each other and with the ring.
 * A party outside the found rings joins only when its parcels with the ring's members are at least
 * {@link Options#minRingShare()} of all its parcels (relays included), so shops and popular buyers
 * do not carry the ring into ordinary traffic.
 *
 * <p><b>Lots handed in at a courier station</b> (when the stations are given). A station's phone
 * replaces the sender's, so a retailer supplied through the station receives nothing from the ring. A
 * station's parcel that is a wholesale lot counts as sent by the member that posted its own parcel to
 * its ring from the same place within {@link #HAND_IN_SECONDS}, where the station is quiet for lots
 * ({@link #handedIn}); rings are joined without the parties that only such parcels may have made
 * members.
 *
 * <p><b>The bottom of the ring, by depth</b> ({@link Options#tierDepth()}, on by default). A retailer that sells ring goods to many one-off buyers and buys ordinary goods online has
 * most of its parcels outside the ring, so the share rule above leaves it out although the ring's
 * distributors supply it again and again; and where retailers sell to loyal buyers, each buyer
 * receives ring parcels again and again and the repeated-receipt rule makes it a member. Depth below the
 * ring's sources along its supply lines (arcs of repeated parcels) separates both from the ring's own
 * tiers: a party that the distributor tier or above supplies with two or more wholesale lots and that
 * ships to at least {@link #RESELLER_RECEIVERS} different parties is a retailer, as is one whose parcels
 * crowd into the weeks after its first supply from those tiers ({@link #QUICK_SALE_RECEIVERS} parties
 * within {@link #SALES_SECONDS}, half of all it ships to), and a member more than
 * {@link #RETAIL_DEPTH} hops down that receives smaller parcels than its suppliers' tier does is a customer, as
 * is whatever only such customers reach ({@link #resellersAndMarket}). Rings
 * are joined (below) on the members before these rules: a reseller that also trades with another
 * ring's members would otherwise join the two rings.
 *
 * <p><b>Rings cut in two.</b> Two found rings are joined when their members exchange at least
 * {@link Options#mergeShare()} of the parcels inside the smaller (one ring that community detection
 * cut), or when they share member addresses ({@link #SHARED_ADDRESSES} or more, and at least
 * {@link #SHARED_ADDRESS_SHARE} of the smaller ring's): members who changed phones keep their
 * addresses, so the same people under new phones show up as a second ring. Parcels that a party of
 * one ring relays for another — a hop into it from ring Y followed on the same relay chain by the hop
 * out of it to ring Y ({@link #relayedRows}) — are Y's parcels, not exchange: a transit warehouse
 * that two rings use passes each one's lots from its own sources to its own distributors. Where the
 * chains pair the wrong receipts at such a warehouse (the rings' lots overlap in time), the parcels
 * that a party of X receives from Y and passes on to Y within {@link #PASS_ON_SECONDS} are Y's too
 * ({@link #subtractPassedOn}). Pairs are joined one at a time, the strongest first, and the shares are
 * counted again on the rings joined so far: a warehouse relays the parts of a ring cut in several
 * parts for each other until they are one.
 *
 * <p><b>Successor phones</b> ({@link Options#successorPhones()}, on by default). A member who
 * replaces his SIM keeps his address (and his name, where he writes it): parties that use one
 * normalised address and name as their own, or one normalised address, or (without an address) one
 * name at one place, and whose periods of activity follow each other without overlap are one person
 * ({@link #successorParties}; phones active at the same time at an apartment block or a shop are
 * several people and join nothing, and a courier station's phone owns none of the names it carries).
 * A person's phones outside the found rings, and its customers' phones in the ring, take the ring and
 * the confidence of its most confident member phone, in every round, so the new phone's trading
 * partners rejoin too; after the depth rules, its phones in no ring follow the phones those rules made
 * members. Member phones that community detection glued to another ring follow their persons to the
 * ring of their other phones ({@link #followPersons}). Rings whose members are {@link #SHARED_PERSONS}
 * or more persons, at least {@link #SHARED_PERSON_SHARE} of the smaller ring's persons, are one ring,
 * compared part by part and then as joined so far ({@link #joinBySharedPersons}), after which a
 * person's unlisted phones join the one ring of its members ({@link #unlistedFollowPersons}); the parcel and address
 * joins above are those of the classification without the rule (it runs once without it), as the
 * phones the rule adds bring parcels and one-off addresses of their own that shift those shares. Ring detection itself still sees phones: the
 * rule repairs what a churned ring's relay chains lose, it does not make them.
 *
 * <p>Cost: up to {@code 2 + MAX_ROUNDS} passes over the shipments (the rounds stop when no party joins),
 * two passes over the relay chains' rows, and a sort of the core parcels' weights per ring,
 * O(R · rounds + C + E log E) for C chain rows, twice with successor phones (once without them), plus
 * {@link #successorParties}. Memory: 16 bytes per party, 8 per core parcel and one per shipment
 * (relayed rows); with successor phones 32 more per party and 4 per distinct address and name.
 */
public final class RingMembers {

    private RingMembers() {
    }

    /** Role of a ring's party. */
    public enum Role {
        /** Takes part repeatedly or relays goods: a target. */
        MEMBER,
        /** A one-off buyer or supplier: the ring's market, not a target. */
        CUSTOMER;

        /** Lower-case name for files. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One row of {@code ring_members.csv}.
     *
     * @param party      party id
     * @param ring       ring id (as in the analysis' rings, 0 = first)
     * @param tier       tier, or null
     * @param role       member or customer
     * @param confidence member confidence (0..1)
     */
    public record Row(String party, int ring, Tier tier, Role role, double confidence) {
    }

    /**
     * Options.
     *
     * @param wholesaleShare a single received parcel of at least this share of the ring's median core
     *                       parcel weight is a wholesale lot (0..1)
     * @param minRingShare   a party that only sends or only receives ring parcels is a member only when
     *                       they are at least this share of all its parcels (0..1)
     * @param mergeShare     two rings whose members exchange at least this share of the parcels inside
     *                       the smaller are one ring cut in two, and are joined (0 joins no rings, by
     *                       parcels or by shared addresses)
     * @param successorPhones whether parties that follow each other in time under one person's
     *                       address and name are one person ({@link #successorParties}): a member's
     *                       other phones are members of the same ring
     * @param tierDepth      whether a member's depth below the ring's sources decides at the bottom of
     *                       the ring ({@link #resellersAndMarket}): parties that the distributor tier
     *                       supplies again and again and that ship to many others are retailers; parties
     *                       more than three hops down that receive retail-sized parcels are the market
     */
    public record Options(double wholesaleShare, double minRingShare, double mergeShare, boolean successorPhones,
                          boolean tierDepth) {
        public Options {
            if (!(wholesaleShare >= 0 && wholesaleShare <= 1)) {
                throw new IllegalArgumentException("wholesaleShare must be between 0 and 1, got " + wholesaleShare);
            }
            if (!(minRingShare >= 0 && minRingShare <= 1)) {
                throw new IllegalArgumentException("minRingShare must be between 0 and 1, got " + minRingShare);
            }
        }

        /** Options with successor phones resolved to one person and the tier-depth rules on. */
        public Options(double wholesaleShare, double minRingShare, double mergeShare) {
            this(wholesaleShare, minRingShare, mergeShare, true, true);
        }

        /** Options with the tier-depth rules on. */
        public Options(double wholesaleShare, double minRingShare, double mergeShare, boolean successorPhones) {
            this(wholesaleShare, minRingShare, mergeShare, successorPhones, true);
        }

        /**
         * Half the median core parcel weight; ring parcels at least a quarter of a repeat party's
         * parcels; rings joined at a fifth; successor phones resolved; tier-depth rules on.
         */
        public static Options defaults() {
            return new Options(0.5, 0.25, 0.2, true, true);
        }

        /** These options with successor phones resolved or not. */
        public Options withSuccessorPhones(boolean on) {
            return new Options(wholesaleShare, minRingShare, mergeShare, on, tierDepth);
        }

        /**
         * These options with the tier-depth rules ({@link #resellersAndMarket}) on or off: resellers
         * supplied by the distributor tier are members, receivers past the retail tier are customers.
         */
        public Options withTierDepth(boolean on) {
            return new Options(wholesaleShare, minRingShare, mergeShare, successorPhones, on);
        }
    }

    /**
     * The outcome, per party.
     *
     * @param ring       ring per party as given (-1 outside rings)
     * @param role       role per party in a ring, null outside rings
     * @param confidence member confidence per party in a ring (0 outside)
     * @param members    ring per party for members only, -1 for customers and parties outside rings
     * @param customers  number of ring parties that are customers
     * @param ringMap    new ring id of each input ring (rings cut in two are joined), -1 for a ring
     *                   without members (dropped)
     */
    public record Result(int[] ring, Role[] role, double[] confidence, int[] members, int customers, int[] ringMap) {

        /**
         * The {@code ring_members} rows: every party with a role, by ring, members first, then by
         * confidence (descending) and party.
         *
         * @param ids  party id per party
         * @param tier tier per party (null where unknown)
         */
        public List<Row> rows(List<String> ids, Tier[] tier) {
            List<Row> out = new ArrayList<>();
            for (int v = 0; v < role.length; v++) {
                if (role[v] != null) {
                    out.add(new Row(ids.get(v), ring[v], tier[v], role[v], confidence[v]));
                }
            }
            out.sort(Comparator.comparingInt(Row::ring).thenComparing(Row::role)
                    .thenComparing(Comparator.comparingDouble(Row::confidence).reversed()).thenComparing(Row::party));
            return out;
        }

        /** Number of rings after joining. */
        public int ringCount() {
            int k = 0;
            for (int r : ringMap) {
                k = Math.max(k, r + 1);
            }
            return k;
        }

        /**
         * {@code found} with members only: each party's ring is its member ring (-1 for customers), rings
         * cut in two joined with their chains summed, and customers added to the trimmed count.
         */
        public RingFinder.Result applyTo(RingFinder.Result found) {
            int[] chains = new int[ringCount()];
            for (int g = 0; g < ringMap.length && g < found.ringChains().length; g++) {
                if (ringMap[g] < 0) {
                    continue; // a ring without members
                }
                chains[ringMap[g]] += found.ringChains()[g];
            }
            return new RingFinder.Result(found.partition(), members.clone(), ringCount(), chains, found.splits(),
                    found.trimmed() + customers);
        }

        /**
         * This outcome with the {@code excluded} parties outside every ring (no role, not counted as
         * customers); the rings and their joins stay as classified. Used for courier stations
         * ({@link CourierStations}), whose parcels are ring goods while the station is a place, not a
         * member. O(parties).
         */
        public Result without(boolean[] excluded) {
            if (excluded.length != ring.length) {
                throw new IllegalArgumentException("excluded has " + excluded.length + " entries for " + ring.length
                        + " parties");
            }
            int[] r = ring.clone();
            Role[] ro = role.clone();
            double[] c = confidence.clone();
            int[] m = members.clone();
            int cust = customers;
            for (int v = 0; v < r.length; v++) {
                if (excluded[v] && ro[v] != null) {
                    cust -= ro[v] == Role.CUSTOMER ? 1 : 0;
                    r[v] = -1;
                    ro[v] = null;
                    c[v] = 0;
                    m[v] = -1;
                }
            }
            return new Result(r, ro, c, m, cust, ringMap);
        }

        /** Number of members. */
        public int memberCount() {
            int c = 0;
            for (int m : members) {
                c += m >= 0 ? 1 : 0;
            }
            return c;
        }
    }

    /** {@link #classify(ShipmentTable, PartyIndex, int[], Options, ProgressListener)} without progress. */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] ringOf, Options options) {
        return classify(t, parties, ringOf, options, ProgressListener.NONE);
    }

    /**
     * Classifies every party of a ring.
     *
     * @param ringOf ring per party (from {@link RingFinder.Result#ringOf()}), -1 outside rings
     */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] ringOf, Options options,
                                  ProgressListener progress) {
        return classify(t, parties, ringOf, null, options, progress);
    }

    /**
     * Classifies every party of a ring, attributing parcels relayed through another ring's party by
     * the relay chains ({@link #relayedRows}): a hop into a party of ring X and the next hop out of it
     * that carry goods of ring Y from a party of Y to a party of Y are Y's parcels, not exchange
     * between X and Y. So a source whose lots go through a transit warehouse it shares with another
     * ring is still a source, and the two rings are not joined as one ring cut in two on the parcels
     * that warehouse relays for each of them.
     *
     * @param ringOf ring per party (from {@link RingFinder.Result#ringOf()}), -1 outside rings
     * @param chains the relay chains the rings were found with (shipment rows), or null
     */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] ringOf, RelayChains.Result chains,
                                  Options options, ProgressListener progress) {
        return classify(t, parties, ringOf, chains, options, null, progress);
    }

    /**
     * {@link #classify(ShipmentTable, PartyIndex, int[], RelayChains.Result, Options, ProgressListener)}
     * with the addresses' normalised forms computed already, as case linking's index has them
     * ({@link org.parcelnet.linking.CaseNetworks.Prepared#addressFormIds}): the successor-phone rule
     * then normalises no address itself. Same result as without them.
     *
     * @param addressForms per address-dictionary code of {@code t}, the id of its normalised form (-1 for
     *                     none), or null
     */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] ringOf, RelayChains.Result chains,
                                  Options options, int[] addressForms, ProgressListener progress) {
        return classify(t, parties, ringOf, chains, options, addressForms, null, progress);
    }

    /**
     * {@link #classify(ShipmentTable, PartyIndex, int[], RelayChains.Result, Options, int[], ProgressListener)}
     * knowing the courier stations ({@link CourierStations}): a station's parcels that a member handed
     * in there count as that member's ({@link #handedIn}), so a retailer supplied through the station
     * is supplied by its distributor.
     *
     * @param stations per party, whether it is a courier station, or null (no parcel is attributed)
     */
    public static Result classify(ShipmentTable t, PartyIndex parties, int[] ringOf, RelayChains.Result chains,
                                  Options options, int[] addressForms, boolean[] stations, ProgressListener progress) {
        Objects.requireNonNull(options, "options");
        // With successor phones the parcel and address joins are those of the classification without
        // them: the phones the rule adds bring parcels and one-off addresses of their own that shift
        // the shares those joins test (measured: fragments of one ring left apart, two rings joined).
        int[] joinedWithout = options.successorPhones()
                ? classify(t, parties, ringOf, chains, options.withSuccessorPhones(false), null, stations,
                ProgressListener.NONE).ringMap()
                : null;
        int n = parties.partyCount();
        if (ringOf.length != n) {
            throw new IllegalArgumentException("ringOf has " + ringOf.length + " entries for " + n + " parties");
        }
        int[] snd = parties.senderParty();
        int[] rcv = parties.receiverParty();
        int rows = t.size();
        int[] sent = new int[n];
        int[] received = new int[n];
        int[] all = new int[n];
        int[] singleRow = new int[n];
        Arrays.fill(singleRow, -1);
        int rings = 0;
        for (int r : ringOf) {
            rings = Math.max(rings, r + 1);
        }
        progress.begin("ring members", 2L * rows);
        try {
            boolean[] relayed = relayedRows(chains, snd, rcv, ringOf, rows);
            markPassedOn(t, snd, rcv, ringOf, relayed);
            for (int i = 0; i < rows; i++) {
                if ((i & 0x3FFF) == 0) {
                    progress.checkCancelled();
                    progress.advance(i == 0 ? 0 : 0x4000);
                }
                int s = snd[i];
                int r = rcv[i];
                all[s]++;
                if (r != s) {
                    all[r]++;
                }
                if (s != r && ringOf[s] >= 0 && (ringOf[s] == ringOf[r] || relayed[i])) {
                    sent[s]++;
                    received[r]++;
                    singleRow[r] = i;
                }
            }
            // Median weight (or cartons) of core parcels: between parties with 2+ ring parcels each.
            boolean weights = false;
            for (int i = 0; i < rows && !weights; i++) {
                weights = !Double.isNaN(t.weightKg(i));
            }
            double[][] lots = new double[rings][];
            int[] lotCount = new int[rings];
            for (int i = 0; i < rows; i++) {
                int s = snd[i];
                int r = rcv[i];
                if (s != r && ringOf[s] >= 0 && ringOf[s] == ringOf[r] && sent[s] + received[s] >= 2
                        && sent[r] + received[r] >= 2) {
                    int g = ringOf[s];
                    if (lots[g] == null) {
                        lots[g] = new double[16];
                    } else if (lotCount[g] == lots[g].length) {
                        lots[g] = Arrays.copyOf(lots[g], lotCount[g] * 2);
                    }
                    lots[g][lotCount[g]++] = lot(t, i, weights);
                }
            }
            double[] median = new double[rings];
            for (int g = 0; g < rings; g++) {
                if (lotCount[g] == 0) {
                    median[g] = Double.NaN;
                    continue;
                }
                double[] l = Arrays.copyOf(lots[g], lotCount[g]);
                Arrays.sort(l);
                median[g] = l[l.length / 2];
            }
            progress.advance(rows);
            double[] confidence = new double[n];
            int[] ringOfMember = new int[n];
            score(ringOf, sent, received, all, singleRow, median, weights, options, t, confidence);
            int[] person = options.successorPhones() ? successorParties(t, snd, rcv, ringOf, n, addressForms) : null;
            int[] seed = ringOf;
            if (person != null) {
                seed = ringOf.clone();
                samePerson(person, seed, confidence, ringOf, false);
            }
            for (int v = 0; v < n; v++) {
                ringOfMember[v] = seed[v] >= 0 && confidence[v] >= 0.5 ? seed[v] : -1;
            }
            // Second round, anchored on the members: only parcels with a member of the ring count, so
            // that customers trading with each other do not vouch for each other, and a party the
            // communities left outside every ring joins the ring whose members supply it or that it
            // supplies (a retailer that received one wholesale lot, a source with a rotated phone).
            int[] ring2 = new int[n];
            int[] assigned = new int[n];
            int[] origin = chainOrigins(chains, snd, rcv, ringOf, rows);
            int[] es = snd;
            int[] allEff = all;
            int[] seedMembers = ringOfMember.clone();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Arrays.fill(ring2, -1);
                Arrays.fill(sent, 0);
                Arrays.fill(received, 0);
                // parcels handed in at a courier station by this round's members count as theirs
                es = handedIn(t, snd, rcv, ringOf, ringOfMember, stations, median, weights, options.wholesaleShare());
                allEff = es == snd ? all : moved(all, snd, es);
                for (int i = 0; i < rows; i++) {
                    int s = es[i];
                    int r = rcv[i];
                    if (s == r) {
                        continue;
                    }
                    int gs = ringOfMember[s];
                    int gr = ringOfMember[r];
                    if (gs >= 0 && ringOf[r] < 0 && origin[i] >= 0 && ringOfMember[origin[i]] >= 0) {
                        // a relay passing on a lot whose chain started at a member of a ring it relays
                        // for supplies the receiver with that ring's goods (a warehouse two rings use:
                        // the other ring's lots to that ring's branch outside every found ring)
                        gs = ringOfMember[origin[i]];
                    }
                    if (gs >= 0 && (ringOf[r] == gs || (ringOf[r] < 0 && ring2[r] != -2) || relayed[i])) {
                        received[r]++;
                        singleRow[r] = i;
                        ring2[r] = ring2[r] == -1 || ring2[r] == gs ? gs : -2;
                    }
                    if (gr >= 0 && (ringOf[s] == gr || (ringOf[s] < 0 && ring2[s] != -2) || relayed[i])) {
                        sent[s]++;
                        ring2[s] = ring2[s] == -1 || ring2[s] == gr ? gr : -2;
                    }
                }
                for (int v = 0; v < n; v++) {
                    // inside a ring: its own ring; outside: the one ring its member contacts belong to
                    assigned[v] = ringOf[v] >= 0 ? ringOf[v] : ring2[v] >= 0 ? ring2[v] : -1;
                }
                score(assigned, sent, received, allEff, singleRow, median, weights, options, t, confidence);
                // Parties outside the found rings that qualified join, and the round repeats from the
                // larger member set: a branch that ring detection cut off (its relay chains broken by
                // parcels handed in at courier stations, or its members on new phones) is reattached
                // party by party through the repeated parcels its members exchange with the ring. Outside
                // parties must trade mostly with the ring (a quarter of their parcels), relays included.
                boolean grew = false;
                for (int v = 0; v < n; v++) {
                    if (ringOf[v] < 0 && assigned[v] >= 0 && (sent[v] + received[v]) < options.minRingShare() * allEff[v]) {
                        confidence[v] = Math.min(confidence[v], CUSTOMER);
                    }
                }
                if (person != null) {
                    samePerson(person, assigned, confidence, ringOf, false);
                }
                for (int v = 0; v < n; v++) {
                    int now = assigned[v] >= 0 && confidence[v] >= 0.5 ? assigned[v] : -1;
                    if (ringOf[v] < 0 && now != ringOfMember[v]) {
                        grew |= now >= 0 && ringOfMember[v] < 0;
                        ringOfMember[v] = now;
                    }
                }
                if (!grew) {
                    break;
                }
            }
            // rings are joined on the members before the depth rules: a reseller that also trades with
            // another ring's members would otherwise join two rings (measured on an outside world)
            int[] joinMembers = null;
            if (options.tierDepth()) {
                joinMembers = new int[n];
                for (int v = 0; v < n; v++) {
                    joinMembers[v] = assigned[v] >= 0 && confidence[v] >= 0.5 ? assigned[v] : -1;
                }
                resellersAndMarket(t, es, rcv, ringOf, assigned, confidence, n, weights, median,
                        options.wholesaleShare());
                // a person's phones that no rule put in a ring (a retailer's old phone, with only its
                // ordinary purchases) follow its phones that the depth rules made members (resellers)
                if (person != null) {
                    samePerson(person, assigned, confidence, ringOf, true);
                }
                withoutMembersToTradeWith(es, rcv, ringOf, assigned, confidence, person, n);
            }
            Role[] role = new Role[n];
            int[] members = new int[n];
            Arrays.fill(members, -1);
            int customers = 0;
            for (int v = 0; v < n; v++) {
                if (assigned[v] < 0) {
                    confidence[v] = 0;
                    continue;
                }
                if (confidence[v] >= 0.5) {
                    role[v] = Role.MEMBER;
                    members[v] = assigned[v];
                } else if (ringOf[v] >= 0) {
                    role[v] = Role.CUSTOMER;
                    customers++;
                } else {
                    confidence[v] = 0; // outside every ring and no member: not listed
                }
            }
            int[] listed = new int[n];
            for (int v = 0; v < n; v++) {
                listed[v] = role[v] == null ? -1 : assigned[v];
            }
            // With successor phones, rings cut in two are those the classification without them joins
            // (by parcels and addresses: the phones the rule adds bring parcels and one-off addresses
            // of their own that shift those shares), and rings that share persons.
            int[] joinBy = joinMembers != null ? joinMembers : members;
            // members that only parcels handed in at a station may have made (single lots to
            // retailers) are left out of the joins too: they would shift the shares the joins test
            joinBy = withoutHandedIn(joinBy, snd, es, rcv, seedMembers);
            if (person != null) {
                // a part of one ring that community detection glued to another: its phones go to the
                // ring of their persons' other phones before rings are joined by shared persons
                int[] moved = followPersons(person, joinBy, snd, rcv,
                        oneRingByPhones(joinedWithout, person, joinBy, rings));
                if (moved != null) {
                    for (int v = 0; v < n; v++) {
                        if (moved[v] != joinBy[v] && members[v] == joinBy[v]) {
                            members[v] = moved[v];
                            listed[v] = moved[v];
                            assigned[v] = moved[v];
                        }
                    }
                    joinBy = moved;
                }
            }
            int[] merged = joinedWithout != null ? joinByPersons(joinedWithout, person, joinBy, rings)
                    : mergeSplitRings(t, es, snd, rcv, joinBy, relayedRows(chains, snd, rcv, joinBy, rows), rings,
                    options.mergeShare());
            int[] ringMap = merged != null ? merged : identity(rings);
            if (merged != null) {
                for (int v = 0; v < n; v++) {
                    members[v] = members[v] >= 0 ? merged[members[v]] : -1;
                    listed[v] = listed[v] >= 0 ? merged[listed[v]] : -1;
                }
            }
            // A ring none of whose parties is a member (ordinary traffic with a few chance chains) is
            // no ring: dropped, its parties unlisted, the other rings renumbered in order.
            int groups = 0;
            for (int g : ringMap) {
                groups = Math.max(groups, g + 1);
            }
            boolean[] hasMember = new boolean[groups];
            for (int m : members) {
                if (m >= 0) {
                    hasMember[m] = true;
                }
            }
            int[] kept = new int[groups];
            int next = 0;
            for (int g = 0; g < groups; g++) {
                kept[g] = hasMember[g] ? next++ : -1;
            }
            if (next < groups) {
                for (int g = 0; g < ringMap.length; g++) {
                    ringMap[g] = kept[ringMap[g]];
                }
                for (int v = 0; v < n; v++) {
                    members[v] = members[v] >= 0 ? kept[members[v]] : -1;
                    if (listed[v] >= 0 && kept[listed[v]] < 0) {
                        if (role[v] == Role.CUSTOMER) {
                            customers--;
                        }
                        role[v] = null;
                        confidence[v] = 0;
                    }
                    listed[v] = listed[v] >= 0 ? kept[listed[v]] : -1;
                }
            }
            if (person != null) {
                // on the joined rings, a person whose members were in two parts has one ring now
                unlistedFollowPersons(person, role, members, listed, confidence);
            }
            return new Result(listed, role, confidence, members, customers, ringMap);
        } finally {
            progress.end();
        }
    }

    /**
     * Longest time between a member's own parcel to its ring and a parcel handed in at a courier station
     * at the same place for that parcel to count as the member's ({@link #handedIn}): a relay forwards a
     * lot within hours, on one trip to the station and the post.
     */
    public static final long HAND_IN_SECONDS = 6 * 3_600L;

    /**
     * Member confidence of a party on one supply only: a single wholesale lot, or one supply it sold on
     * at once ({@value}); {@link #singleLotsFromTheSupplyTiers} recognises the single-lot rule's members
     * by it.
     */
    static final double ONE_SUPPLY = 0.6;

    /** Confidence of a customer: a party whose ring parcels make it the ring's market ({@value}). */
    static final double CUSTOMER = 0.3;

    /**
     * Ordinary lots a station may be expected to send by chance within a member's window
     * ({@code 2 · HAND_IN_SECONDS}) for its parcels to be attributed at all ({@link #handedIn}).
     */
    public static final double HAND_IN_CHANCE = 0.1;

    /**
     * Parcels handed in at a courier station, attributed to the member who handed them in. A station's
     * phone replaces the sender's, so a distributor that hands half its lots in at the station near it
     * supplies its retailers under its own phone and the station's in turn; a retailer supplied once,
     * through the station, receives nothing from the ring. A station's parcel counts as member m's when
     * <ul>
     *   <li>m sent a parcel of its own to a party of its ring from the parcel's origin place within
     *       {@link #HAND_IN_SECONDS} of it (the nearest such member; the parcel is not attributed when
     *       members of two rings qualify, or when m is its receiver),</li>
     *   <li>it is a wholesale lot of m's ring (as the single-lot rule measures it: at least
     *       {@code wholesaleShare} of the ring's median core parcel), and</li>
     *   <li>members' windows cover at most {@link #HAND_IN_CHANCE} of the data's time span at that
     *       place (where members post all day long, a lot finds a member's parcel beside it by chance),</li>
     *   <li>the station is quiet for lots: its lots that no member's window explains, spread over its
     *       active span, would put at most {@link #HAND_IN_CHANCE} of them into a window of
     *       {@code 2 · HAND_IN_SECONDS} by chance. A station where walk-in customers post heavy parcels
     *       all day attributes nothing.</li>
     * </ul>
     * Ordinary parcels handed in beside a member's are not lots, and their receivers still need the
     * member rules (repeated ring parcels making a quarter of theirs, or one lot making half).
     * O(m + k log k) for m shipments and k member parcels; about 40 bytes per member parcel and 8 per
     * shipment, per round.
     *
     * @param memberRing ring per party for this round's members, -1 otherwise
     * @param stations   per party, whether it is a courier station, or null
     * @return the sender of each row with the attributed rows changed (a copy), or {@code snd} itself when
     *         nothing is attributed
     */
    static int[] handedIn(ShipmentTable t, int[] snd, int[] rcv, int[] ringOf, int[] memberRing, boolean[] stations,
                          double[] median, boolean weights, double wholesaleShare) {
        if (stations == null) {
            return snd;
        }
        int rows = snd.length;
        int k = 0;
        boolean anyStationRow = false;
        for (int i = 0; i < rows; i++) {
            k += ownRingParcel(snd[i], rcv[i], ringOf, memberRing, stations) ? 1 : 0;
            anyStationRow |= stations[snd[i]];
        }
        if (k == 0 || !anyStationRow) {
            return snd;
        }
        // members' own ring parcels by (origin place, time)
        int[] ownRows = new int[k];
        long[] byPlace = new long[k];
        long[] byTime = new long[k];
        k = 0;
        for (int i = 0; i < rows; i++) {
            if (ownRingParcel(snd[i], rcv[i], ringOf, memberRing, stations)) {
                byPlace[k] = t.originPlace(i);
                byTime[k] = t.shippedAt(i);
                ownRows[k++] = i;
            }
        }
        int[] order = IndexSort.stableOrder(byPlace, byTime);
        for (int j = 0; j < k; j++) {
            order[j] = ownRows[order[j]];
        }
        int[] place = new int[k];
        long[] time = new long[k];
        int[] party = new int[k];
        for (int j = 0; j < k; j++) {
            place[j] = t.originPlace(order[j]);
            time[j] = t.shippedAt(order[j]);
            party[j] = snd[order[j]];
        }
        // how much of the data's time members' windows cover at each origin place: where members post
        // all day long, a station's lot finds one of their parcels beside it by chance
        long from = Long.MAX_VALUE;
        long until = Long.MIN_VALUE;
        for (int i = 0; i < rows; i++) {
            from = Math.min(from, t.shippedAt(i));
            until = Math.max(until, t.shippedAt(i));
        }
        double dataSpan = Math.max(until - from, 2.0 * HAND_IN_SECONDS);
        double[] covered = new double[t.placeCount()];
        for (int j = 0; j < k; ) {
            int p = place[j];
            long coveredSeconds = 0;
            long end = Long.MIN_VALUE;
            for (; j < k && place[j] == p; j++) {
                long a = Math.max(time[j] - HAND_IN_SECONDS, end);
                long b = time[j] + HAND_IN_SECONDS;
                coveredSeconds += Math.max(0, b - a);
                end = Math.max(end, b);
            }
            covered[p] = coveredSeconds / dataSpan;
        }
        double smallestLot = Double.NaN;
        for (double m : median) {
            smallestLot = Double.isNaN(smallestLot) || m < smallestLot ? m : smallestLot;
        }
        int n = stations.length;
        int[] to = new int[rows];
        Arrays.fill(to, -1);
        int[] unexplained = new int[n];
        long[] first = new long[n];
        long[] last = new long[n];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        boolean any = false;
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            if (!stations[s]) {
                continue;
            }
            long ti = t.shippedAt(i);
            first[s] = Math.min(first[s], ti);
            last[s] = Math.max(last[s], ti);
            if (stations[rcv[i]] || rcv[i] == s) {
                continue;
            }
            int p = t.originPlace(i);
            int j = lowerBound(place, time, p, ti - HAND_IN_SECONDS);
            int best = -1;
            int ring = -1;
            boolean two = false;
            for (; j < k && place[j] == p && time[j] <= ti + HAND_IN_SECONDS; j++) {
                if (party[j] == rcv[i]) {
                    continue;
                }
                int g = memberRing[party[j]];
                two |= ring >= 0 && g != ring;
                ring = g;
                if (best < 0 || Math.abs(time[j] - ti) < Math.abs(time[best] - ti)) {
                    best = j;
                }
            }
            if (best >= 0 && !two) {
                if (covered[p] <= HAND_IN_CHANCE && handInLot(t, i, weights, median[ring], wholesaleShare)) {
                    to[i] = party[best];
                    any = true;
                }
            } else if (best < 0 && handInLot(t, i, weights, smallestLot, wholesaleShare)) {
                unexplained[s]++;
            }
        }
        if (!any) {
            return snd;
        }
        int[] out = snd.clone();
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            if (to[i] >= 0) {
                double span = Math.max(last[s] - first[s], 2.0 * HAND_IN_SECONDS);
                if (unexplained[s] * 2.0 * HAND_IN_SECONDS / span <= HAND_IN_CHANCE) {
                    out[i] = to[i];
                }
            }
        }
        return out;
    }

    /**
     * {@code members} without the receivers of parcels {@link #handedIn} attributed that were no members
     * before ({@code before}): the members the rings are joined on (a copy, or {@code members} itself
     * when nothing was attributed).
     */
    private static int[] withoutHandedIn(int[] members, int[] snd, int[] es, int[] rcv, int[] before) {
        if (es == snd) {
            return members;
        }
        int[] out = members.clone();
        for (int i = 0; i < snd.length; i++) {
            if (es[i] != snd[i] && before[rcv[i]] < 0) {
                out[rcv[i]] = -1;
            }
        }
        return out;
    }

    /**
     * Whether a station's parcel is a lot for {@link #handedIn}: {@code share} of the ring's median core
     * parcel by weight; without weights as many cartons as the median (half of it, one carton, is what
     * every ordinary parcel has); 2+ cartons where the ring has no core parcels.
     */
    private static boolean handInLot(ShipmentTable t, int row, boolean weights, double median, double share) {
        return weights || Double.isNaN(median) ? wholesale(t, row, weights, median, share) : t.pieces(row) >= median;
    }

    /** Whether {@code s → r} is a member's own parcel to a party of its ring (not a station's). */
    private static boolean ownRingParcel(int s, int r, int[] ringOf, int[] memberRing, boolean[] stations) {
        int g = memberRing[s];
        return g >= 0 && s != r && !stations[s] && (memberRing[r] == g || ringOf[r] == g);
    }

    /** First index in the (place, time)-sorted arrays at or after ({@code p}, {@code from}). */
    private static int lowerBound(int[] place, long[] time, int p, long from) {
        int lo = 0;
        int hi = place.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (place[mid] < p || place[mid] == p && time[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code all} with each row whose sender {@code es} changed counted for its new sender instead (a copy). */
    private static int[] moved(int[] all, int[] snd, int[] es) {
        int[] out = all.clone();
        for (int i = 0; i < snd.length; i++) {
            if (es[i] != snd[i]) {
                out[snd[i]]--;
                out[es[i]]++;
            }
        }
        return out;
    }

    /**
     * Rings that are one ring cut in two: joined when the parcels between their members are at least
     * {@code share} of the parcels inside the smaller of the two (cross-ring parcels of two different
     * rings are a few per cent at most), without the parcels a relay passes on for the other ring
     * ({@code relayed}, {@link #subtractPassedOn}); one pair per pass, the highest share first, until
     * none qualifies: O(J · (m + c log c)) for J joins, m shipments and c cross parcels. Returns the
     * new dense ring ids (by old id, in order of the smallest old id of each merged group), or null
     * when nothing merges.
     */
    private static int[] mergeSplitRings(ShipmentTable t, int[] snd, int[] ownSnd, int[] rcv, int[] members,
                                         boolean[] relayed, int rings, double share) {
        if (rings < 2 || share <= 0) {
            return null;
        }
        // One pair at a time, the strongest first, on the rings joined so far: a relay that passes on
        // the goods of a ring cut in several parts passes them between parts, and only once the parts
        // are one ring are those flows its own.
        UnionFind uf = new UnionFind(rings);
        boolean any = false;
        int[] current = members.clone();
        while (true) {
            DropOffs points = dropOffs(snd, rcv, current);
            boolean[] dropOff = points.shared();
            boolean[] twoSupplied = points.twoSupplied();
            long[] inside = new long[rings];
            java.util.Map<Long, Long> cross = new java.util.HashMap<>();
            // parcels of a drop-off point shared by two self-supplied rings: exchange only when the
            // two rings also trade below the border (then they are parts of one ring, the point one of
            // its sources)
            java.util.Map<Long, Long> fromPoint = new java.util.HashMap<>();
            for (int i = 0; i < snd.length; i++) {
                int a = current[snd[i]];
                int b = current[rcv[i]];
                if (a < 0 || b < 0) {
                    continue;
                }
                if (a == b) {
                    inside[a]++;
                } else if (!relayed[i] && twoSupplied[snd[i]]) {
                    fromPoint.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), 1L, Long::sum);
                } else if (!relayed[i] && !dropOff[snd[i]]) {
                    cross.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), 1L, Long::sum);
                }
            }
            subtractPassedOn(t, snd, rcv, current, relayed, cross);
            for (java.util.Map.Entry<Long, Long> e : fromPoint.entrySet()) {
                Long below = cross.get(e.getKey());
                if (below != null && below >= MIN_TRADE) {
                    cross.put(e.getKey(), below + e.getValue());
                }
            }
            int bestA = -1;
            int bestB = -1;
            double bestRatio = 0;
            for (java.util.Map.Entry<Long, Long> e : cross.entrySet()) {
                int a = (int) (e.getKey() >>> 32);
                int b = (int) (long) e.getKey();
                double need = share * Math.min(inside[a], inside[b]);
                double ratio = need > 0 ? e.getValue() / need : e.getValue() > 0 ? Double.MAX_VALUE : 0;
                if (ratio >= 1 && (ratio > bestRatio || ratio == bestRatio && (a < bestA || a == bestA && b < bestB))) {
                    bestRatio = ratio;
                    bestA = a;
                    bestB = b;
                }
            }
            if (bestA < 0) {
                break;
            }
            uf.union(bestA, bestB);
            any = true;
            for (int v = 0; v < current.length; v++) {
                if (current[v] >= 0) {
                    current[v] = uf.find(current[v]);
                }
            }
        }
        any |= joinBySharedAddresses(t, ownSnd, rcv, members, uf);
        if (!any) {
            return null;
        }
        return ringNumbers(uf, rings);
    }

    /**
     * Shared drop-off points among ring members: parties that receive no parcel from a ring member
     * and send parcels to members of two or more rings besides their own. A courier station at a
     * border town, whose phone is the sender of the lots that several rings hand in there, is one;
     * its parcels are no exchange between those rings. A source of a ring cut in two supplies the
     * warehouses of one other part at most. With {@code twoSupplied}, instead, the parties that send
     * to their own ring and one other (and receive nothing from members) where both rings have a
     * supply of their own: at least {@link #OWN_SUPPLY} parcels from their <em>own sources</em>,
     * members that receive nothing from ring members and send to members of their ring only. Such a
     * party is a station two rings hand lots in at, or a source of a ring cut in two whose parts each
     * have other sources; {@link #mergeSplitRings} tells them apart by whether the rings also trade
     * below the border. O(m) with 18 bytes per party and 4 per ring (both kinds are found together).
     */
    static boolean[] sharedDropOffs(int[] snd, int[] rcv, int[] ring, boolean twoSupplied) {
        DropOffs points = dropOffs(snd, rcv, ring);
        return twoSupplied ? points.twoSupplied() : points.shared();
    }

    /** Both kinds of drop-off point of {@link #sharedDropOffs}, from one pair of passes over the parcels. */
    record DropOffs(boolean[] shared, boolean[] twoSupplied) {
    }

    /** {@link #sharedDropOffs} with and without {@code twoSupplied} at once. */
    static DropOffs dropOffs(int[] snd, int[] rcv, int[] ring) {
        int n = ring.length;
        boolean[] receives = new boolean[n];
        boolean[] sendsOwn = new boolean[n];
        int[] firstOther = new int[n];
        java.util.Arrays.fill(firstOther, -1);
        boolean[] out = new boolean[n];
        int rings = 0;
        for (int g : ring) {
            rings = Math.max(rings, g + 1);
        }
        for (int i = 0; i < snd.length; i++) {
            int a = ring[snd[i]];
            int b = ring[rcv[i]];
            if (a < 0 || b < 0 || snd[i] == rcv[i]) {
                continue;
            }
            receives[rcv[i]] = true;
            int s = snd[i];
            if (a == b) {
                sendsOwn[s] = true;
            } else if (firstOther[s] < 0) {
                firstOther[s] = b;
            } else if (firstOther[s] != b) {
                out[s] = true;
            }
        }
        int[] ownSupply = new int[rings];
        boolean[] two = new boolean[n];
        for (int i = 0; i < snd.length; i++) {
            int s = snd[i];
            int a = ring[s];
            if (a >= 0 && s != rcv[i] && ring[rcv[i]] == a && !receives[s] && firstOther[s] < 0) {
                ownSupply[a]++;
            }
        }
        for (int v = 0; v < n; v++) {
            boolean supplied = sendsOwn[v] && firstOther[v] >= 0 && ownSupply[ring[v]] >= OWN_SUPPLY
                    && ownSupply[firstOther[v]] >= OWN_SUPPLY;
            two[v] = supplied && !out[v] && !receives[v];
            out[v] &= !receives[v];
        }
        return new DropOffs(out, two);
    }

    /**
     * Parcels a ring must receive from its own sources for a sender that also supplies it from
     * another ring to count as a shared drop-off point ({@link #sharedDropOffs}): as many as the relay
     * chains a found ring needs ({@link RingFinder.Options#minChains()}'s default).
     */
    public static final int OWN_SUPPLY = 5;

    /**
     * Parcels two rings must exchange apart from a shared drop-off point's for that point's parcels to
     * count as exchange too: a repeated tie, as ring membership asks ({@link RingFinder.Options#minTie()}).
     */
    public static final int MIN_TRADE = 2;

    /** Longest wait between a relay's receipt of a lot and its passing the lot on, for {@link #subtractPassedOn}. */
    public static final long PASS_ON_SECONDS = 7 * 86_400L;

    /**
     * Parcels between rings matched as goods a relay passes on ({@link #PASS_ON_SECONDS}): per
     * parcel between two rings' parties, two events, the receipt of its receiver w from the sender's
     * ring Y and the send of its sender to the receiver's ring; a receipt from Y is matched when w
     * sends to Y within the window after it, a send to Y when w received from Y within the window
     * before it. Events are grouped by (party, other ring) in {@code order}. O(c log c) for c cross
     * parcels.
     */
    private record PassOn(long[] key, int[] row, boolean[] send, boolean[] matched, int[] order) {

        static PassOn match(ShipmentTable t, int[] snd, int[] rcv, int[] ring) {
            int crossRows = 0;
            for (int i = 0; i < snd.length; i++) {
                int a = ring[snd[i]];
                int b = ring[rcv[i]];
                if (a >= 0 && b >= 0 && a != b) {
                    crossRows++;
                }
            }
            long[] key = new long[2 * crossRows];
            long[] time = new long[2 * crossRows];
            int[] row = new int[2 * crossRows];
            boolean[] send = new boolean[2 * crossRows];
            int e = 0;
            for (int i = 0; i < snd.length; i++) {
                int a = ring[snd[i]];
                int b = ring[rcv[i]];
                if (a < 0 || b < 0 || a == b) {
                    continue;
                }
                key[e] = ((long) rcv[i] << 32) | a;
                row[e] = i;
                time[e++] = t.shippedAt(i);
                key[e] = ((long) snd[i] << 32) | b;
                row[e] = i;
                time[e] = t.shippedAt(i);
                send[e++] = true;
            }
            // by (party, ring), then time, receipts before sends at the same second
            long[] when = new long[e];
            for (int i = 0; i < e; i++) {
                when[i] = 2 * time[i] + (send[i] ? 1 : 0);
            }
            int[] order = IndexSort.stableOrder(key, when);
            boolean[] matched = new boolean[e];
            for (int from = 0; from < e; ) {
                int to = groupEnd(key, order, from);
                long lastReceipt = Long.MIN_VALUE;
                for (int j = from; j < to; j++) {
                    int ev = order[j];
                    if (!send[ev]) {
                        lastReceipt = time[ev];
                    } else if (lastReceipt != Long.MIN_VALUE && time[ev] - lastReceipt <= PASS_ON_SECONDS) {
                        matched[ev] = true;
                    }
                }
                long nextSend = Long.MAX_VALUE;
                for (int j = to - 1; j >= from; j--) {
                    int ev = order[j];
                    if (send[ev]) {
                        nextSend = time[ev];
                    } else if (nextSend != Long.MAX_VALUE && nextSend - time[ev] <= PASS_ON_SECONDS) {
                        matched[ev] = true;
                    }
                }
                from = to;
            }
            return new PassOn(key, row, send, matched, order);
        }

        /** End (exclusive) of the events of the (party, ring) group starting at {@code from} in {@code order}. */
        static int groupEnd(long[] key, int[] order, int from) {
            int to = from;
            while (to < order.length && key[order[to]] == key[order[from]]) {
                to++;
            }
            return to;
        }
    }

    /**
     * Marks the parcels that a party of one ring passes on for another ({@link PassOn}) as that
     * ring's, beside the relay chains' own attribution ({@link #relayedRows}): where two rings' lots
     * overlap in time at a warehouse both use, the chains pair the wrong receipts, and a source whose
     * lots go through the other ring's warehouse would otherwise count as that ring's trading partner.
     */
    static void markPassedOn(ShipmentTable t, int[] snd, int[] rcv, int[] ring, boolean[] relayed) {
        PassOn p = PassOn.match(t, snd, rcv, ring);
        for (int ev = 0; ev < p.matched().length; ev++) {
            if (p.matched()[ev]) {
                relayed[p.row()[ev]] = true;
            }
        }
    }

    /**
     * Removes from the exchange between two rings the goods that a relay of one passes on for the
     * other ({@link PassOn}): per (relay, other ring), twice the smaller of its matched receipts and
     * matched sends, less what {@code relayed} already took out. Where community detection cut one
     * ring in two at a warehouse, the warehouse pools both parts' lots and sends to the other part
     * after receipts from its own, so those sends stay exchange.
     */
    private static void subtractPassedOn(ShipmentTable t, int[] snd, int[] rcv, int[] members, boolean[] relayed,
                                         java.util.Map<Long, Long> cross) {
        PassOn p = PassOn.match(t, snd, rcv, members);
        int[] order = p.order();
        for (int from = 0; from < order.length; ) {
            int to = PassOn.groupEnd(p.key(), order, from);
            long sendsMatched = 0;
            long receiptsMatched = 0;
            long markedEvents = 0;
            for (int j = from; j < to; j++) {
                int ev = order[j];
                if (p.matched()[ev]) {
                    if (p.send()[ev]) {
                        sendsMatched++;
                    } else {
                        receiptsMatched++;
                    }
                }
                markedEvents += relayed[p.row()[ev]] ? 1 : 0;
            }
            // parcels the chains already attributed to the relay are not in the exchange
            long through = 2 * Math.min(sendsMatched, receiptsMatched) - markedEvents;
            if (through > 0) {
                long k = p.key()[order[from]];
                int x = members[(int) (k >>> 32)];
                int y = (int) k;
                cross.merge(((long) Math.min(x, y) << 32) | Math.max(x, y), -through, Long::sum);
            }
            from = to;
        }
    }

    /**
     * Rings that are one ring seen through changed phones: a member who switches phones keeps his
     * address, so when rings share {@link #SHARED_ADDRESSES} or more <em>member addresses</em> they are
     * joined. A member address is one that members of a ring use as their own (sender address on
     * parcels they send, receiver address on parcels they receive) and at which members' parcels are
     * at least half of all parcels (not a courier station or a shop that many people pass through).
     * Two different rings share such an address only by coincidence, twice hardly ever. O(R) plus a
     * sort of the members' (address, ring) pairs.
     *
     * @return whether any two rings were joined
     */
    private static boolean joinBySharedAddresses(ShipmentTable t, int[] snd, int[] rcv, int[] members, UnionFind uf) {
        int addresses = t.addresses().size();
        if (addresses == 0) {
            return false;
        }
        int[] all = new int[addresses];
        int[] byMembers = new int[addresses];
        int memberUses = 0;
        for (int i = 0; i < snd.length; i++) {
            int sa = t.senderAddress(i);
            int ra = t.receiverAddress(i);
            if (sa >= 0) {
                all[sa]++;
                if (members[snd[i]] >= 0) {
                    byMembers[sa]++;
                    memberUses++;
                }
            }
            if (ra >= 0) {
                all[ra]++;
                if (members[rcv[i]] >= 0) {
                    byMembers[ra]++;
                    memberUses++;
                }
            }
        }
        // the ring's sources post where every smuggler at the border does (a freight yard, a border trade
        // zone): their addresses say nothing about who they are
        boolean[] supplied = new boolean[members.length];
        for (int i = 0; i < snd.length; i++) {
            int g = members[rcv[i]];
            if (g >= 0 && members[snd[i]] == g && snd[i] != rcv[i]) {
                supplied[rcv[i]] = true;
            }
        }
        // distinct (address, ring) pairs of member addresses
        long[] pairs = new long[memberUses];
        int n = 0;
        for (int i = 0; i < snd.length; i++) {
            int sa = t.senderAddress(i);
            int ra = t.receiverAddress(i);
            if (sa >= 0 && members[snd[i]] >= 0 && supplied[snd[i]] && 2 * byMembers[sa] >= all[sa]) {
                pairs[n++] = (long) sa << 32 | members[snd[i]];
            }
            if (ra >= 0 && members[rcv[i]] >= 0 && 2 * byMembers[ra] >= all[ra]) {
                pairs[n++] = (long) ra << 32 | members[rcv[i]];
            }
        }
        Arrays.sort(pairs, 0, n);
        // per pair of rings: member addresses they share
        java.util.Map<Long, Integer> shared = sharedKeys(pairs, n);
        int[] own = new int[uf.size()];
        for (int k = 0; k < n; k++) {
            if (k == 0 || pairs[k] != pairs[k - 1]) {
                own[(int) pairs[k]]++;
            }
        }
        return joinShared(shared, own, SHARED_ADDRESSES, SHARED_ADDRESS_SHARE, uf);
    }

    /**
     * Successor phones: parties that are one person who changed phones. A party's <em>own
     * identities</em> are the (normalised address, name) pairs it uses on its own side — sender
     * address and name on parcels it sends, receiver address and name on parcels it receives; the
     * address alone where the side has no name; and, on a side without an address, the normalised name
     * with the side's place (origin place of a sender, destination of a receiver). A party owns an
     * identity that at least {@link #OWN_IDENTITY_SHARE} of its parcels with an identity of that kind
     * carry: a courier station's phone that hands in walk-in senders' parcels under their names, or a
     * mailroom's that receives for many addresses, owns none of them. Owners of one identity are one
     * person when their periods of activity (first to last parcel, over all their parcels) follow each
     * other without overlap, for every owner of that identity: a member who replaces his SIM keeps his
     * address and name, and the old phone goes quiet before the new one starts. The guard keeps busy
     * places apart: at an apartment block or a shop (without names, or with staff sharing a name)
     * several phones are active at the same time, so an identity whose owners' periods overlap
     * anywhere joins none of them. Only identities that a party of a found ring uses
     * are examined (the others cannot carry a ring's membership). A deterministic record-linkage rule
     * (agreement on address and name; Fellegi and Sunter 1969, doi:10.1080/01621459.1969.10501049)
     * with a temporal constraint in place of a match weight. The address alone counts as well because
     * senders often write a different name on every parcel (aliases).
     *
     * <p>Cost: two passes over the shipments, a sort of the (identity, party) pairs at ring identities,
     * and, unless the caller has the addresses' normalised forms already, one normalisation
     * ({@link CaseLinker#normalizeAddress}) per distinct address, and one per distinct name. Memory:
     * 28 bytes per party, 4 per distinct address and name.
     *
     * @param ring         ring per party (-1 outside the found rings)
     * @param addressForms per address code its normalised form's id, -1 for none
     *                     ({@link org.parcelnet.linking.CaseNetworks.Prepared#addressFormIds}), or null to
     *                     normalise here
     * @return per party a person label (the smallest party of its person) for parties that are one
     *         person with another party, else -1; null when no two parties are one person
     */
    static int[] successorParties(ShipmentTable t, int[] snd, int[] rcv, int[] ring, int n, int[] addressForms) {
        int addresses = t.addresses().size();
        if (addresses == 0 && t.names().size() == 0) {
            return null;
        }
        int rows = snd.length;
        long[] first = new long[n];
        long[] last = new long[n];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        int[] form = addressForms;
        java.util.Map<String, Integer> forms = null;
        if (form == null) {
            form = new int[addresses];
            Arrays.fill(form, -2); // -2: not yet normalised, -1: no address left
            forms = new java.util.HashMap<>();
        } else if (form.length != addresses) {
            throw new IllegalArgumentException("addressForms has " + form.length + " entries for " + addresses
                    + " addresses");
        }
        NamePlaces namePlaces = new NamePlaces(t, addresses);
        java.util.Set<Long> ringIdentities = new java.util.HashSet<>();
        for (int i = 0; i < rows; i++) {
            long at = t.shippedAt(i);
            for (int side = 0; side < 2; side++) {
                int v = side == 0 ? snd[i] : rcv[i];
                first[v] = Math.min(first[v], at);
                last[v] = Math.max(last[v], at);
                if (ring[v] >= 0) {
                    long id = identity(t, i, side, form, forms, namePlaces);
                    if (id >= 0) {
                        ringIdentities.add(id);
                        ringIdentities.add(id | ANY_NAME);
                    }
                }
            }
        }
        if (ringIdentities.isEmpty()) {
            return null;
        }
        // (identity index, party) pairs at ring identities
        LongIntMap index = new LongIntMap(ringIdentities.size());
        boolean[] byName = new boolean[ringIdentities.size()];
        for (long id : ringIdentities) {
            byName[index.size()] = id >>> 32 >= addresses;
            index.putIfAbsent(id, index.size());
        }
        long[] pairs = new long[64];
        int[] identified = new int[2 * n]; // per party: rows with an address identity, with a name identity
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int side = 0; side < 2; side++) {
                long id = identity(t, i, side, form, forms, namePlaces);
                if (id < 0) {
                    continue;
                }
                identified[2 * (side == 0 ? snd[i] : rcv[i]) + (id >>> 32 >= addresses ? 1 : 0)]++;
                for (int kind = 0; kind < 2; kind++) {
                    if (kind == 1 && id == (id | ANY_NAME)) {
                        break;
                    }
                    int x = index.get(kind == 0 ? id : id | ANY_NAME);
                    if (x < 0) {
                        continue;
                    }
                    if (k + 1 >= pairs.length) {
                        pairs = Arrays.copyOf(pairs, pairs.length * 2);
                    }
                    pairs[k++] = (long) x << 32 | (side == 0 ? snd[i] : rcv[i]);
                }
            }
        }
        Arrays.sort(pairs, 0, k);
        UnionFind uf = new UnionFind(n);
        boolean any = false;
        int from = 0;
        while (from < k) {
            int to = from;
            int distinct = 0;
            while (to < k && pairs[to] >>> 32 == pairs[from] >>> 32) {
                int end = to;
                while (end < k && pairs[end] == pairs[to]) {
                    end++;
                }
                int v = (int) pairs[to];
                if (owns(end - to, v, byName[(int) (pairs[to] >>> 32)], identified)) {
                    distinct++;
                }
                to = end;
            }
            if (distinct >= 2) {
                // parties of this identity by first activity; one person only if no two periods overlap
                int[] party = new int[distinct];
                int d = 0;
                for (int j = from; j < to; ) {
                    int end = j;
                    while (end < to && pairs[end] == pairs[j]) {
                        end++;
                    }
                    int v = (int) pairs[j];
                    if (owns(end - j, v, byName[(int) (pairs[j] >>> 32)], identified)) {
                        party[d++] = v;
                    }
                    j = end;
                }
                long[] firstSeen = new long[distinct];
                for (int j = 0; j < distinct; j++) {
                    firstSeen[j] = first[party[j]];
                }
                int[] order = IndexSort.stableOrder(firstSeen);
                boolean sequence = true;
                for (int j = 1; j < distinct && sequence; j++) {
                    sequence = last[party[order[j - 1]]] < first[party[order[j]]];
                }
                if (sequence) {
                    for (int j = 1; j < distinct; j++) {
                        any |= uf.union(party[0], party[j]);
                    }
                }
            }
            from = to;
        }
        if (!any) {
            return null;
        }
        // label each person by its smallest party, whatever order the unions came in
        int[] smallest = new int[n];
        Arrays.fill(smallest, -1);
        int[] out = new int[n];
        for (int v = 0; v < n; v++) {
            if (uf.setSize(v) > 1) {
                int root = uf.find(v);
                if (smallest[root] < 0) {
                    smallest[root] = v;
                }
                out[v] = smallest[root];
            } else {
                out[v] = -1;
            }
        }
        return out;
    }

    /**
     * Whether party v, which carries an identity on {@code carried} of its parcels, owns it: at least
     * {@link #OWN_IDENTITY_SHARE} of its parcels with an identity of the same kind ({@code identified}:
     * per party, address identities at 2v, name-and-place identities at 2v + 1).
     */
    private static boolean owns(int carried, int v, boolean byName, int[] identified) {
        return carried >= OWN_IDENTITY_SHARE * identified[2 * v + (byName ? 1 : 0)];
    }

    /**
     * The own identity of row i's sender (side 0) or receiver (side 1): normalised address form in
     * the high half, name code + 1 (0 without a name) in the low half; -1 without an address.
     */
    private static long identity(ShipmentTable t, int i, int side, int[] form, java.util.Map<String, Integer> forms,
                                 NamePlaces namePlaces) {
        int a = side == 0 ? t.senderAddress(i) : t.receiverAddress(i);
        int name = side == 0 ? t.senderName(i) : t.receiverName(i);
        if (a >= 0 && form[a] == -2) {
            String f = CaseLinker.normalizeAddress(t.addresses().value(a));
            form[a] = f.isEmpty() ? -1 : forms.computeIfAbsent(f, x -> forms.size());
        }
        if (a < 0 || form[a] < 0) {
            return namePlaces.identity(name, side == 0 ? t.originPlace(i) : t.destinationPlace(i));
        }
        return (long) form[a] << 32 | (name + 1L);
    }

    /**
     * The own identity of a side without an address: its name, normalised, with its place (the origin
     * place of a sender, the destination place of a receiver). Ids follow the address forms' ids
     * (from {@code addresses} on, so the two never meet) in the high half; the low half is
     * {@link #ANY_NAME}, as the name is in the key. Masked names (with '*') and names of fewer than
     * two letters after normalisation identify no one.
     */
    private static final class NamePlaces {
        private final ShipmentTable t;
        private final int base;
        private final int[] nameForm;
        private final java.util.Map<String, Integer> nameForms = new java.util.HashMap<>();
        private final LongIntMap ids = new LongIntMap(1 << 10);

        NamePlaces(ShipmentTable t, int addresses) {
            this.t = t;
            this.base = addresses;
            this.nameForm = new int[t.names().size()];
            Arrays.fill(nameForm, -2);
        }

        long identity(int name, int place) {
            if (name < 0 || place < 0) {
                return -1;
            }
            if (nameForm[name] == -2) {
                String raw = t.names().value(name);
                String f = raw.indexOf('*') >= 0 || raw.indexOf('\uFF0A') >= 0 ? "" : CaseLinker.normalizeAddress(raw);
                nameForm[name] = f.codePointCount(0, f.length()) < 2 ? -1
                        : nameForms.computeIfAbsent(f, x -> nameForms.size());
            }
            if (nameForm[name] < 0) {
                return -1;
            }
            long key = (long) nameForm[name] << 32 | place;
            int id = ids.putIfAbsent(key, ids.size());
            return (long) (base + id) << 32 | ANY_NAME;
        }
    }

    /**
     * Gives a person's other parties the ring of its members: where the members among a person's
     * parties ({@link #successorParties}) are all in ring g, each of its parties that is outside the
     * found rings or in g, and not already more confident, becomes a member of g with the confidence
     * of the person's most confident member; with {@code unassignedOnly}, only parties in no ring at
     * all (after the depth rules, which may have made a party of g a customer on purpose). A person
     * with members in two rings gives nothing.
     */
    private static void samePerson(int[] person, int[] assigned, double[] confidence, int[] ringOf,
                                   boolean unassignedOnly) {
        int n = person.length;
        int[] memberRing = new int[n];
        for (int v = 0; v < n; v++) {
            memberRing[v] = assigned[v] >= 0 && confidence[v] >= 0.5 ? assigned[v] : -1;
        }
        double[] best = new double[n];
        int[] ringOfPerson = ringOfPersons(person, memberRing, confidence, best);
        for (int v = 0; v < n; v++) {
            int p = person[v];
            if (p < 0 || ringOfPerson[p] < 0) {
                continue;
            }
            int g = ringOfPerson[p];
            if ((ringOf[v] < 0 || ringOf[v] == g) && (assigned[v] < 0 || (assigned[v] == g && !unassignedOnly))
                    && confidence[v] < best[p]) {
                assigned[v] = g;
                confidence[v] = best[p];
            }
        }
    }

    /**
     * The ring of each person's member phones: per person, the ring when all its phones with a ring in
     * {@code memberRing} (-1: not counted) are in that one ring, -1 when none has one, -2 when they are
     * in two; {@code best} gets each person's highest confidence among those phones. O(n).
     */
    private static int[] ringOfPersons(int[] person, int[] memberRing, double[] confidence, double[] best) {
        int n = person.length;
        int[] ringOfPerson = new int[n];
        Arrays.fill(ringOfPerson, -1);
        for (int v = 0; v < n; v++) {
            int p = person[v];
            int g = memberRing[v];
            if (p >= 0 && g >= 0) {
                ringOfPerson[p] = ringOfPerson[p] == -1 || ringOfPerson[p] == g ? g : -2;
                best[p] = Math.max(best[p], confidence[v]);
            }
        }
        return ringOfPerson;
    }

    /**
     * Rings that are one ring before any phone follows its person: those the classification without
     * successor phones joins ({@code joinedBefore}, may be null), and those whose shared persons are
     * {@link #SHARED_PERSONS} or more and {@link #SHARED_PERSON_SHARE} of the smaller ring's member
     * phones. O(n) plus a sort of the (person, ring) pairs.
     */
    private static UnionFind oneRingByPhones(int[] joinedBefore, int[] person, int[] members, int rings) {
        UnionFind uf = new UnionFind(rings);
        unionJoined(joinedBefore, uf);
        long[] pairs = new long[64];
        int k = 0;
        int[] size = new int[rings];
        for (int v = 0; v < person.length; v++) {
            if (members[v] >= 0) {
                size[members[v]]++;
            }
            if (person[v] >= 0 && members[v] >= 0) {
                if (k == pairs.length) {
                    pairs = Arrays.copyOf(pairs, k * 2);
                }
                pairs[k++] = (long) person[v] << 32 | members[v];
            }
        }
        Arrays.sort(pairs, 0, k);
        joinShared(sharedKeys(pairs, k), size, SHARED_PERSONS, SHARED_PERSON_SHARE, uf);
        return uf;
    }

    /**
     * After the joins, a person's phones that no rule listed (in no ring, or in a found ring where they
     * are neither member nor customer) become members of the one ring of its member phones, with the
     * confidence of its most confident member phone; a person with members in two rings gives
     * nothing. Before the joins a person whose phones churn had spread over two parts of one ring gave
     * nothing ({@link #samePerson}); on the joined ring it has one. Customers stay customers (the
     * depth rules made them so on purpose). O(n).
     */
    private static void unlistedFollowPersons(int[] person, Role[] role, int[] members, int[] listed,
                                              double[] confidence) {
        int n = person.length;
        double[] best = new double[n];
        int[] ringOfPerson = ringOfPersons(person, members, confidence, best);
        for (int v = 0; v < n; v++) {
            int p = person[v];
            if (p >= 0 && role[v] == null && ringOfPerson[p] >= 0) {
                role[v] = Role.MEMBER;
                members[v] = ringOfPerson[p];
                listed[v] = ringOfPerson[p];
                confidence[v] = best[p];
            }
        }
    }

    /**
     * Member phones that follow their persons ({@link #successorParties}) to another ring: a member
     * phone v of ring g whose person has member phones in ring h as well moves to h when it exchanges
     * more parcels with h's members, and with g's members whose persons are in h too, than with g's
     * other members. Community detection may glue a few phones of one ring's period to another ring
     * (those phones then trade among themselves, their persons' other phones are all in h); a ring cut
     * in time keeps its phones, which trade with their contemporaries in g, persons in h or not. A
     * phone with persons' rings to choose from takes the one with most such parcels (the lowest on a
     * tie). Rings already one ring ({@code oneRing}) are left alone: there a move would only take away
     * the shared persons that join them. O(m) map look-ups for m shipments plus a sort of the (phone,
     * ring) counts.
     *
     * @param members ring per party for members, -1 otherwise
     * @param oneRing rings known to be one ring ({@link #oneRingByPhones})
     * @return the members with the moves made, or null when no phone moves
     */
    private static int[] followPersons(int[] person, int[] members, int[] snd, int[] rcv, UnionFind oneRing) {
        int n = person.length;
        // rings of each person's member phones
        java.util.Map<Integer, java.util.Set<Integer>> ringsOf = new java.util.HashMap<>();
        for (int v = 0; v < n; v++) {
            if (person[v] >= 0 && members[v] >= 0) {
                ringsOf.computeIfAbsent(person[v], x -> new java.util.TreeSet<>()).add(members[v]);
            }
        }
        // per (phone, other ring h of its person): parcels with its ring's members whose persons are
        // not in h, and parcels with h's members or with its ring's members whose persons are in h
        java.util.Map<Long, int[]> count = new java.util.TreeMap<>();
        for (int v = 0; v < n; v++) {
            if (person[v] >= 0 && members[v] >= 0 && ringsOf.get(person[v]).size() > 1) {
                for (int h : ringsOf.get(person[v])) {
                    if (h != members[v] && !oneRing.connected(h, members[v])) {
                        count.put((long) v << 32 | h, new int[2]);
                    }
                }
            }
        }
        for (int i = 0; i < snd.length; i++) {
            for (int side = 0; side < 2; side++) {
                int v = side == 0 ? snd[i] : rcv[i];
                int u = side == 0 ? rcv[i] : snd[i];
                if (u == v || members[v] < 0 || members[u] < 0 || person[v] < 0) {
                    continue;
                }
                java.util.Set<Integer> rs = ringsOf.get(person[v]);
                if (rs.size() < 2) {
                    continue;
                }
                java.util.Set<Integer> ru = person[u] >= 0 ? ringsOf.get(person[u]) : null;
                for (int h : rs) {
                    if (h == members[v]) {
                        continue;
                    }
                    int[] c = count.get((long) v << 32 | h);
                    if (c == null) {
                        continue;
                    }
                    if (members[u] == h || (members[u] == members[v] && ru != null && ru.contains(h))) {
                        c[1]++;
                    } else if (members[u] == members[v]) {
                        c[0]++;
                    }
                }
            }
        }
        int[] out = null;
        int[] most = null;
        for (java.util.Map.Entry<Long, int[]> e : count.entrySet()) {
            int v = (int) (e.getKey() >>> 32);
            int h = (int) (long) e.getKey();
            int[] c = e.getValue();
            if (c[1] > c[0] && (out == null || out[v] == members[v] || c[1] > most[v])) {
                if (out == null) {
                    out = members.clone();
                    most = new int[n];
                }
                out[v] = h;
                most[v] = c[1];
            }
        }
        return out;
    }

    /**
     * The rings joined without successor phones ({@code joinedBefore}: new id per ring, -1 for a ring
     * dropped there), joined further by shared persons ({@link #joinBySharedPersons}). Returns the new
     * dense ring ids as {@link #mergeSplitRings} does, or null when nothing merges.
     */
    private static int[] joinByPersons(int[] joinedBefore, int[] person, int[] members, int rings) {
        UnionFind uf = new UnionFind(rings);
        boolean any = unionJoined(joinedBefore, uf);
        if (person != null) {
            any |= joinBySharedPersons(person, members, uf);
        }
        if (!any) {
            return null;
        }
        return ringNumbers(uf, rings);
    }

    /** Unions in {@code uf} the rings that {@code joinedBefore} gives one new id; whether any joined. */
    private static boolean unionJoined(int[] joinedBefore, UnionFind uf) {
        int rings = uf.size();
        boolean any = false;
        int[] firstOf = new int[rings];
        Arrays.fill(firstOf, -1);
        for (int g = 0; joinedBefore != null && g < rings && g < joinedBefore.length; g++) {
            int j = joinedBefore[g];
            if (j >= 0) {
                if (firstOf[j] < 0) {
                    firstOf[j] = g;
                } else {
                    any |= uf.union(firstOf[j], g);
                }
            }
        }
        return any;
    }

    /** Each ring's new number: the sets of {@code uf} numbered 0, 1, … in order of their first ring. */
    private static int[] ringNumbers(UnionFind uf, int rings) {
        int[] out = new int[rings];
        int[] idOfRoot = new int[rings];
        Arrays.fill(idOfRoot, -1);
        int next = 0;
        for (int g = 0; g < rings; g++) {
            int r = uf.find(g);
            if (idOfRoot[r] < 0) {
                idOfRoot[r] = next++;
            }
            out[g] = idOfRoot[r];
        }
        return out;
    }

    /**
     * Rings that are one ring seen through changed phones, by persons: where {@link #SHARED_PERSONS}
     * or more persons ({@link #successorParties}) have member parties in both rings, the rings are one
     * ring whose members changed phones between the periods in which community detection found its two
     * parts. One person in two rings can be one mistaken identity; two hardly ever. The share of the
     * smaller ring is of its persons (a member phone without a person counts as one): at high churn one
     * member holds many phones of a part, and counting phones asked more shared persons of a part the
     * more its members had changed phones. The parts are compared first, then the rings joined so far,
     * again until none joins: a ring cut into many parts shares one person with each of several
     * others, and two or more with their union. O(P · n) plus P sorts of the (person, ring) pairs, for
     * P passes (a few).
     *
     * @return whether any two rings were joined
     */
    private static boolean joinBySharedPersons(int[] person, int[] members, UnionFind uf) {
        boolean any = false;
        long[] pairs = new long[64];
        for (boolean parts = true; ; parts = false) {
            // (person, joined ring) pairs: a ring cut into many parts shares one or two persons with
            // each of several parts, so the parts joined so far are compared as one
            int k = 0;
            for (int v = 0; v < person.length; v++) {
                if (person[v] >= 0 && members[v] >= 0) {
                    if (k == pairs.length) {
                        pairs = Arrays.copyOf(pairs, k * 2);
                    }
                    pairs[k++] = (long) person[v] << 32 | (parts ? members[v] : uf.find(members[v]));
                }
            }
            Arrays.sort(pairs, 0, k);
            java.util.Map<Long, Integer> shared = sharedKeys(pairs, k);
            // a ring's size in persons: a member who changed phones counts once, however many phones
            int[] size = new int[uf.size()];
            for (int v = 0; v < members.length; v++) {
                if (members[v] >= 0 && person[v] < 0) {
                    size[parts ? members[v] : uf.find(members[v])]++;
                }
            }
            for (int j = 0; j < k; j++) {
                if (j == 0 || pairs[j] != pairs[j - 1]) {
                    size[(int) pairs[j]]++;
                }
            }
            boolean joined = joinShared(shared, size, SHARED_PERSONS, SHARED_PERSON_SHARE, uf);
            any |= joined;
            if (!joined && !parts) {
                return any;
            }
        }
    }

    /**
     * Per pair of rings, how many keys they share: {@code pairs[0..n)} holds {@code key << 32 | ring}
     * sorted ascending; the result maps {@code lower ring << 32 | higher ring} to its count, in order.
     */
    private static java.util.Map<Long, Integer> sharedKeys(long[] pairs, int n) {
        java.util.Map<Long, Integer> shared = new java.util.TreeMap<>();
        int from = 0;
        while (from < n) {
            int to = from;
            while (to < n && pairs[to] >>> 32 == pairs[from] >>> 32) {
                to++;
            }
            int[] ringsHere = new int[to - from];
            int distinct = 0;
            for (int j = from; j < to; j++) {
                if (j == from || pairs[j] != pairs[j - 1]) {
                    ringsHere[distinct++] = (int) pairs[j];
                }
            }
            for (int x = 0; x < distinct; x++) {
                for (int y = x + 1; y < distinct; y++) {
                    shared.merge((long) ringsHere[x] << 32 | ringsHere[y], 1, Integer::sum);
                }
            }
            from = to;
        }
        return shared;
    }

    /**
     * Joins every pair of rings in {@code shared} whose count reaches {@code minShared} and
     * {@code share} of the smaller ring's {@code size}; whether any two rings were joined.
     */
    private static boolean joinShared(java.util.Map<Long, Integer> shared, int[] size, int minShared, double share,
                                      UnionFind uf) {
        boolean any = false;
        for (java.util.Map.Entry<Long, Integer> e : shared.entrySet()) {
            int a = (int) (e.getKey() >>> 32);
            int b = (int) (long) e.getKey();
            if (e.getValue() >= Math.max(minShared, share * Math.min(size[a], size[b]))) {
                any |= uf.union(a, b);
            }
        }
        return any;
    }

    /** Name part of an identity by address alone (name codes + 1 stay below 2^31). */
    private static final long ANY_NAME = 0xFFFFFFFFL;

    /**
     * Share of a party's parcels with an own identity of one kind (address, or name and place) that
     * must carry one identity for the party to own it ({@link #successorParties}): a courier station's
     * or a mailroom's phone carries the names and addresses of many people, each on a few of its
     * parcels, and is no one's phone.
     */
    public static final double OWN_IDENTITY_SHARE = 0.25;

    /** Persons with members in two rings that make them one ring seen through changed phones. */
    public static final int SHARED_PERSONS = 2;

    /**
     * Share of the smaller ring's persons (a member phone without a person counts as one) that the
     * shared persons must reach as well.
     */
    public static final double SHARED_PERSON_SHARE = 0.2;

    /**
     * Per shipment row, the party whose goods the row passes on by the relay chains: the first sender
     * of the chain that carries it, when every sender before the row on that chain is a party of a
     * found ring and every one of another ring than the first sender's relays for the first sender's
     * ring (sends {@link #MIN_TRADE} or more parcels to its parties); -1 for a chain's first row, for
     * rows no chain carries, and past a party outside the rings or one that relays nothing for that
     * ring. A shop or a buyer in between says nothing about whose goods follow; nor does a warehouse
     * that passes lots handed in at a station of another ring only to its own ring's branch (the
     * station's lots were then its own ring's). A first sender that supplies parties of two or more
     * other rings, and no more of its own ring's, is a shared drop-off point (a courier station at the
     * border sending several rings' lots) and gives -1 too: a ring's source supplies its own ring,
     * and at most the warehouses of other rings that its ring uses. What this tells is what a relay of
     * one ring passes on for another: a transit warehouse that two rings use forwards each one's lots
     * to its own distributors, and where community detection left the other ring's distributors
     * outside every ring, their receipts from the warehouse are that ring's goods, not the
     * warehouse's ring's (the member rounds of {@link #classify}). The chain linking pairs each parcel
     * with one receipt ({@link RelayChains}), so where lots overlap at a busy warehouse a row may be
     * attributed to the other ring; the member rule still needs repeated receipts. O(rows + chain
     * rows) and a hash entry per (party, other ring) pair with parcels between them; 4 bytes per row,
     * 12 per party. All -1 without chains.
     *
     * @param ring found ring per party (-1 outside rings)
     */
    static int[] chainOrigins(RelayChains.Result chains, int[] snd, int[] rcv, int[] ring, int rows) {
        int[] out = new int[rows];
        Arrays.fill(out, -1);
        if (chains == null) {
            return out;
        }
        int n = ring.length;
        // per sender: the one other ring it supplies (-2 for two or more), and its parcels to its own
        // ring and to other rings; per party and other ring: parcels it sends to parties of that ring
        int[] other = new int[n];
        Arrays.fill(other, -1);
        int[] ownSent = new int[n];
        int[] otherSent = new int[n];
        java.util.Map<Long, Integer> passesOn = new java.util.HashMap<>();
        for (int i = 0; i < rows; i++) {
            int u = snd[i];
            int y = ring[rcv[i]];
            if (y < 0 || u == rcv[i]) {
                continue;
            }
            if (y == ring[u]) {
                ownSent[u]++;
            } else {
                otherSent[u]++;
                other[u] = other[u] == -1 || other[u] == y ? y : -2;
                passesOn.merge((long) u * (n + 1) + y, 1, Integer::sum);
            }
        }
        int[] start = chains.chainStart();
        int[] cr = chains.chainRows();
        for (int c = 0; c < chains.chainCount(); c++) {
            int first = snd[cr[start[c]]];
            if (other[first] == -2 && ownSent[first] <= otherSent[first]) {
                continue; // a shared drop-off point
            }
            for (int j = start[c]; j + 1 < start[c + 1] && ring[snd[cr[j]]] >= 0; j++) {
                int w = snd[cr[j + 1]];
                if (ring[w] != ring[first] && passesOn.getOrDefault((long) w * (n + 1) + ring[first], 0) < MIN_TRADE) {
                    break;
                }
                out[cr[j + 1]] = first;
            }
        }
        return out;
    }

    /**
     * Rows that carry one ring's goods through a party of another ring, by the relay chains: where a
     * chain's hop into party w (ring X, or -1) comes from a party of ring Y ≠ X and its next hop out of
     * w goes to a party of Y, both hops are marked. A transit warehouse that two rings use relays each
     * one's lots from its sources to its distributors without mixing them (the goods belong to
     * different people); a warehouse of one ring pools the lots, and its chains run from any source to
     * any distributor, so where community detection cut one ring at its warehouse many chains cross
     * from one part into the other and stay unmarked. Only a chain's own consecutive hops are
     * attributed, so what a relay passes on is known from the time-respecting linking
     * ({@link RelayChains}), not guessed. O(chain rows); all false without chains.
     *
     * @param ring ring per party (-1 outside rings)
     */
    static boolean[] relayedRows(RelayChains.Result chains, int[] snd, int[] rcv, int[] ring, int rows) {
        boolean[] out = new boolean[rows];
        if (chains == null) {
            return out;
        }
        int[] start = chains.chainStart();
        int[] cr = chains.chainRows();
        for (int c = 0; c < chains.chainCount(); c++) {
            for (int j = start[c]; j + 1 < start[c + 1]; j++) {
                int in = cr[j];
                int outRow = cr[j + 1];
                int w = rcv[in];
                int y = ring[snd[in]];
                if (snd[outRow] == w && y >= 0 && ring[w] != y && ring[rcv[outRow]] == y) {
                    out[in] = true;
                    out[outRow] = true;
                }
            }
        }
        return out;
    }

    /**
     * Tiers below which a party passing nothing on is the market, not a member: sources (0), transit
     * warehouses (1), distributors (2) and retailers (3) are the four tiers of a smuggling ring.
     */
    public static final int RETAIL_DEPTH = 3;

    /** Different parties a reseller ships to: more than a person's own parcels to family and friends. */
    public static final int RESELLER_RECEIVERS = 5;

    /**
     * The bottom of the rings by depth. A member's <em>depth</em> is the longest path along the ring's
     * supply lines ({@link #supplyDepths}: ring parcels between members of one ring, over arcs of two or
     * more parcels where they reach, over every arc elsewhere) from the ring's sources — members that
     * send ring parcels and receive none — with the arcs that close a cycle left out (a depth-first
     * search from the sources drops its back edges). A ring whose sources cannot be told (every member
     * receives ring parcels) has no depths, and nothing changes. Two rules then apply:
     * <ol>
     *   <li><b>Resellers are retailers.</b> A party that is no member but received two or more
     *       wholesale lots (at least {@link Options#wholesaleShare()} of the median lot its supplier
     *       sends members of its ring, {@link #medianLotSent}, or its repeated receivers where it sends
     *       members none) from members of one ring at depth at most {@code RETAIL_DEPTH − 1}
     *       (the distributor tier or above) and ships to at least {@link #RESELLER_RECEIVERS} different parties is a member of that
     *       ring (confidence {@code 1 − 0.5^received}, at most 0.95), however small the ring's share of
     *       its parcels; where the file has weights, so is a party that received one such lot and ships
     *       to that many after it (0.6): a retailer selling ring goods to one-off buyers, and buying ordinary goods
     *       online, has most of its traffic outside the ring, which the share rule counts against it. A
     *       reseller found this way is one level below its deepest supplier and, within reach, supplies
     *       the next level (a distributor that also sells to one-off buyers, then its retailers). So
     *       is a party supplied with a ring parcel of any size that ships to at least
     *       {@link #QUICK_SALE_RECEIVERS} parties within {@link #SALES_SECONDS} of it, at least half of
     *       all the parties it ships to ({@link #promoteSellers}, 0.6).</li>
     *   <li><b>Past the retail tier is the market.</b> A member deeper than {@link #RETAIL_DEPTH}
     *       whose ring parcels are smaller than the lots its suppliers' tier receives (median weight, or
     *       cartons without weights, of the ring parcels received by the ring's members at its suppliers'
     *       depths: the goods were split again) is a customer (confidence 0.3), whether or not it
     *       sends parcels to other members: a loyal buyer supplied again and again by a retailer, which
     *       the repeated-receipt rule would otherwise count as a member, and whose own post to family
     *       the relay rule would count as passing goods on. Members that the sources reach only through
     *       the market are customers too ({@link #beyondTheMarket}).</li>
     * </ol>
     * Both follow the four tiers of the case study (source → transit → distributor → retailer). A ring
     * with a further relay level keeps its deepest receivers when they get lots the size of their
     * suppliers' (a sub-distributor's retailers); where goods are split again at every level, those
     * retailers count as the market.
     *
     * <p>Cost: one pass over the shipments to collect the ring arcs, two for the suppliers' median lots,
     * up to {@link #RETAIL_DEPTH} pairs of passes for the resellers' receipts and receivers, three for
     * the deep receivers' and the tiers' lots and one more when the market reaches further members;
     * sorts of the ring arcs, of the candidates' (candidate, receiver) pairs and of the lots compared,
     * O(rows + A log A). Memory about 50 bytes per party plus 16 per ring arc and 8 per ring parcel.
     */
    static void resellersAndMarket(ShipmentTable t, int[] snd, int[] rcv, int[] ringOf, int[] assigned,
                                   double[] confidence, int n, boolean weights, double[] median, double wholesaleShare) {
        int rows = snd.length;
        boolean[] member = new boolean[n];
        int[] memberRing = new int[n];
        for (int v = 0; v < n; v++) {
            member[v] = assigned[v] >= 0 && confidence[v] >= 0.5;
            memberRing[v] = member[v] ? assigned[v] : -1;
        }
        RingArcs arcs = RingArcs.of(snd, rcv, memberRing, n);
        int[] start = arcs.start();
        int[] head = arcs.head();
        boolean[] source = sources(member, arcs, n);
        int[] depth = supplyDepths(source, arcs, n);
        singleLotsFromTheSupplyTiers(snd, rcv, ringOf, member, memberRing, depth, confidence, n);
        double[] supplierLot = medianLotSent(t, snd, rcv, memberRing, weights, n);
        // resellers supplied by the distributor tier or above; a reseller found supplies the next level
        // (a distributor that also sells to one-off buyers, then its retailers)
        boolean[] promoted = new boolean[n];
        int[] supplied = new int[n];
        int[] supplier = new int[n];
        int[] supplierDepth = new int[n];
        long[] firstLot = new long[n];
        // any ring parcel from the tiers that supply retailers, wholesale-sized or not
        int[] anySupplier = new int[n];
        int[] anySupplierDepth = new int[n];
        long[] firstSupply = new long[n];
        for (int level = 0; level < RETAIL_DEPTH; level++) {
            Arrays.fill(supplied, 0);
            Arrays.fill(supplier, -1);
            Arrays.fill(supplierDepth, -1);
            Arrays.fill(firstLot, Long.MAX_VALUE);
            Arrays.fill(anySupplier, -1);
            Arrays.fill(anySupplierDepth, -1);
            Arrays.fill(firstSupply, Long.MAX_VALUE);
            boolean inReach = false;
            for (int i = 0; i < rows; i++) {
                int s = snd[i];
                int r = rcv[i];
                if (s == r || !(member[s] || promoted[s]) || member[r] || promoted[r] || depth[s] < 0
                        || depth[s] >= RETAIL_DEPTH) {
                    continue;
                }
                int g = assigned[s];
                double reference = !Double.isNaN(supplierLot[s]) ? supplierLot[s]
                        : g < median.length ? median[g] : Double.NaN;
                if (ringOf[r] >= 0 && ringOf[r] != g) {
                    continue; // a party of another found ring
                }
                anySupplier[r] = anySupplier[r] == -1 || anySupplier[r] == g ? g : -2;
                anySupplierDepth[r] = Math.max(anySupplierDepth[r], depth[s]);
                firstSupply[r] = Math.min(firstSupply[r], t.shippedAt(i));
                inReach = true;
                if (!wholesale(t, i, weights, reference, wholesaleShare)) {
                    continue; // a retail-sized parcel (a member's own post, or a small lot)
                }
                supplied[r]++;
                supplier[r] = supplier[r] == -1 || supplier[r] == g ? g : -2;
                supplierDepth[r] = Math.max(supplierDepth[r], depth[s]);
                firstLot[r] = Math.min(firstLot[r], t.shippedAt(i));
            }
            if (!inReach) {
                break;
            }
            boolean resellers = promoteResellers(t, snd, rcv, supplied, weights ? 1 : 2, supplier, supplierDepth,
                    firstLot, assigned, confidence, depth, promoted, rows);
            boolean sellers = promoteSellers(t, snd, rcv, anySupplier, anySupplierDepth, firstSupply, assigned,
                    confidence, depth, promoted, rows);
            if (!resellers && !sellers) {
                break;
            }
        }
        // past the retail tier: members whose parcels are smaller than the lots their suppliers' tier receives,
        // whether or not they send parcels to other members (a loyal buyer's own post to family and
        // friends passes no lot on)
        boolean[] deep = new boolean[n];
        boolean any = false;
        for (int v = 0; v < n; v++) {
            deep[v] = member[v] && depth[v] > RETAIL_DEPTH;
            any |= deep[v];
        }
        if (!any) {
            return;
        }
        long[] supplies = new long[16]; // (deep receiver, supplier), deduplicated below
        int sk = 0;
        for (int u = 0; u < n; u++) {
            for (int j = start[u]; j < start[u + 1]; j++) {
                int v = head[j];
                if (deep[v]) {
                    if (sk == supplies.length) {
                        supplies = Arrays.copyOf(supplies, sk * 2);
                    }
                    supplies[sk++] = (long) v << 32 | u;
                }
            }
        }
        Arrays.sort(supplies, 0, sk);
        double[][] lots = new double[n][];
        int[] lotCount = new int[n];
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            int r = rcv[i];
            if (s != r && deep[r] && member[s] && member[r] && assigned[s] == assigned[r]) {
                if (lots[r] == null) {
                    lots[r] = new double[4];
                } else if (lotCount[r] == lots[r].length) {
                    lots[r] = Arrays.copyOf(lots[r], lotCount[r] * 2);
                }
                lots[r][lotCount[r]++] = lot(t, i, weights);
            }
        }
        // the lots a tier receives, ring by ring: a supplier's own receipts are few when it was supplied
        // a few times, and a buyer's parcels would then look as large by chance
        int maxDepth = 0;
        int ringCount = 0;
        for (int v = 0; v < n; v++) {
            maxDepth = Math.max(maxDepth, depth[v]);
            ringCount = Math.max(ringCount, memberRing[v] + 1);
        }
        int levels = maxDepth + 1;
        int[] tierStart = new int[ringCount * levels + 1];
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            int r = rcv[i];
            if (s != r && memberRing[s] >= 0 && memberRing[s] == memberRing[r] && depth[r] >= 0) {
                tierStart[memberRing[r] * levels + depth[r] + 1]++;
            }
        }
        for (int k = 0; k < ringCount * levels; k++) {
            tierStart[k + 1] += tierStart[k];
        }
        double[] tierLots = new double[tierStart[ringCount * levels]];
        int[] tierFill = Arrays.copyOf(tierStart, ringCount * levels);
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            int r = rcv[i];
            if (s != r && memberRing[s] >= 0 && memberRing[s] == memberRing[r] && depth[r] >= 0) {
                tierLots[tierFill[memberRing[r] * levels + depth[r]]++] = lot(t, i, weights);
            }
        }
        double[] pool = new double[16];
        boolean[] market = new boolean[n];
        boolean anyMarket = false;
        boolean[] level = new boolean[levels];
        for (int from = 0; from < sk; ) {
            int v = (int) (supplies[from] >>> 32);
            int g = memberRing[v];
            int to = from;
            Arrays.fill(level, false);
            while (to < sk && (int) (supplies[to] >>> 32) == v) {
                int u = (int) supplies[to++];
                if (depth[u] >= 0 && memberRing[u] == g) {
                    level[depth[u]] = true;
                }
            }
            from = to;
            int k = 0;
            for (int d = 0; d < levels; d++) {
                if (!level[d]) {
                    continue;
                }
                int a = tierStart[g * levels + d];
                int b = tierStart[g * levels + d + 1];
                if (pool.length < k + b - a) {
                    pool = Arrays.copyOf(pool, Math.max(pool.length * 2, k + b - a));
                }
                System.arraycopy(tierLots, a, pool, k, b - a);
                k += b - a;
            }
            if (k > 0 && lotCount[v] > 0 && median(lots[v], lotCount[v]) < median(pool, k)) {
                confidence[v] = Math.min(confidence[v], CUSTOMER);
                market[v] = true;
                anyMarket = true;
            }
        }
        if (anyMarket) {
            beyondTheMarket(snd, rcv, memberRing, source, depth, market, promoted, confidence, n);
        }
    }

    /**
     * A party made a member by one wholesale lot and nothing else (confidence 0.6, the last rule of the
     * class comment) stays one only when the lot came from the ring's transit or distributor tier
     * (depth 1 or 2 below a source) or from a member of a ring whose depths cannot be told; otherwise
     * it is a customer (0.3). A single heavy parcel from a source goes to a buyer the source sells to
     * directly, one from a retailer is a sale, and one from a party that is no member is no supply at
     * all: on three presets of the outside worlds (noisy, separated-low, separated-noisy; seeds 1–5) the
     * members this rule made from such lots were wrong in 151 cases and right in 7, while those supplied
     * by the transit and distributor tiers were mostly retailers. Marks {@code member} accordingly. One
     * pass over the shipments.
     */
    static void singleLotsFromTheSupplyTiers(int[] snd, int[] rcv, int[] ringOf, boolean[] member, int[] memberRing,
                                             int[] depth, double[] confidence, int n) {
        int[] received = new int[n];
        int[] sentRing = new int[n];
        int[] supplier = new int[n];
        Arrays.fill(supplier, -1);
        for (int i = 0; i < snd.length; i++) {
            int s = snd[i];
            int r = rcv[i];
            if (s == r || ringOf[s] < 0 || ringOf[s] != ringOf[r]) {
                continue;
            }
            received[r]++;
            sentRing[s]++;
            supplier[r] = s;
        }
        for (int v = 0; v < n; v++) {
            if (!member[v] || confidence[v] != ONE_SUPPLY || received[v] != 1 || sentRing[v] != 0) {
                continue;
            }
            int s = supplier[v];
            boolean supplyTier = member[s] && memberRing[s] == memberRing[v]
                    && (depth[s] == 1 || depth[s] == 2 || (depth[s] < 0 && depth[v] < 0));
            if (!supplyTier) {
                confidence[v] = CUSTOMER;
                member[v] = false;
                memberRing[v] = -1;
            }
        }
    }

    /**
     * Members from outside the found rings ({@code ringOf} &lt; 0: joined in the member rounds) none of
     * whose parcels is with a member (of any ring) once the depth rules have made the rings' markets
     * customers, and that are not one person with a member that has such parcels, are no members
     * (confidence 0.3): their membership rested on parcels with parties that are no members after all
     * — a shop that sold twice to a loyal buyer whom the repeated-receipt rule had made a member in the
     * rounds. A member that the rounds add by its own evidence trades with members (it relays for them,
     * supplies them or is supplied by them — of its ring, of another ring whose warehouse relays its
     * lots, or of a part of its ring that the joins after this have still to join), and a phone without
     * such parcels stays a member through its person. Members of the found rings keep the evidence the
     * rounds gave them: a retailer whose distributor's new phone trades with two parts of its ring is
     * left in neither, and the retailer is still the ring's. One pass over the shipments (parcels handed
     * in at a station counted as the member's, {@code snd}); parties it demotes do not demote others.
     */
    static void withoutMembersToTradeWith(int[] snd, int[] rcv, int[] ringOf, int[] assigned, double[] confidence,
                                          int[] person, int n) {
        boolean[] traded = new boolean[n];
        for (int i = 0; i < snd.length; i++) {
            int s = snd[i];
            int r = rcv[i];
            if (s != r && assigned[s] >= 0 && assigned[r] >= 0 && confidence[s] >= 0.5 && confidence[r] >= 0.5) {
                traded[s] = true;
                traded[r] = true;
            }
        }
        // persons with a phone that trades with members: their other phones stay members
        boolean[] personTrades = new boolean[n];
        if (person != null) {
            for (int v = 0; v < n; v++) {
                if (person[v] >= 0 && traded[v]) {
                    personTrades[person[v]] = true;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (ringOf[v] < 0 && assigned[v] >= 0 && confidence[v] >= 0.5 && !traded[v]
                    && (person == null || person[v] < 0 || !personTrades[person[v]])) {
                confidence[v] = CUSTOMER;
            }
        }
    }

    /**
     * Members that the ring's sources reach only through its market ({@code market}): with the market's
     * parties taken out of the ring parcels, no path from a source leads to them. Their ring parcels
     * came from buyers (a loyal buyer's family and friends), not from the ring: customers (confidence
     * 0.3). One pass over the shipments and one depth-first search, O(rows + A log A).
     */
    private static void beyondTheMarket(int[] snd, int[] rcv, int[] memberRing, boolean[] source, int[] depth,
                                        boolean[] market, boolean[] promoted, double[] confidence, int n) {
        int[] ring = memberRing.clone();
        boolean[] from = source.clone();
        for (int v = 0; v < n; v++) {
            if (market[v]) {
                ring[v] = -1;
                from[v] = false;
            }
        }
        int[] reach = supplyDepths(from, RingArcs.of(snd, rcv, ring, n), n);
        for (int v = 0; v < n; v++) {
            if (memberRing[v] >= 0 && !market[v] && !promoted[v] && depth[v] >= 0 && reach[v] < 0) {
                confidence[v] = Math.min(confidence[v], CUSTOMER);
            }
        }
    }

    /**
     * Each member's median lot (weight, or cartons without weights) sent to members of its ring; for a
     * member that sent none, its median parcel to the parties it shipped to twice or more (the tier it
     * supplies again and again, none of which the rounds made members: retailers whose ring goods are a
     * small part of their traffic); NaN for members that did neither. A reseller's lots are compared with
     * what its supplier sends its own tier below, not with the ring's median parcel, which the larger
     * consignments near the border dominate and which put half a distributor's lots to its retailers
     * below the wholesale share. A one-off buyer's parcel is a sale and never enters the fallback.
     * Four to five passes over the shipments, a sort of the (sender, receiver) pairs of the members that
     * sent none and a sort per sender; 8 bytes per member parcel and per parcel of a member that sent none.
     */
    static double[] medianLotSent(ShipmentTable t, int[] snd, int[] rcv, int[] memberRing, boolean weights, int n) {
        double[] median = medianLotBySender(t, snd, weights, n,
                i -> snd[i] != rcv[i] && memberRing[snd[i]] >= 0 && memberRing[snd[i]] == memberRing[rcv[i]]);
        boolean[] noMemberSent = new boolean[n];
        boolean any = false;
        for (int v = 0; v < n; v++) {
            noMemberSent[v] = memberRing[v] >= 0 && Double.isNaN(median[v]);
            any |= noMemberSent[v];
        }
        if (!any) {
            return median;
        }
        // their (sender, receiver) pairs of two or more parcels
        long[] pairs = new long[64];
        int k = 0;
        for (int i = 0; i < snd.length; i++) {
            if (snd[i] != rcv[i] && noMemberSent[snd[i]]) {
                if (k == pairs.length) {
                    pairs = Arrays.copyOf(pairs, k * 2);
                }
                pairs[k++] = (long) snd[i] << 32 | rcv[i];
            }
        }
        Arrays.sort(pairs, 0, k);
        int r = 0;
        for (int from = 0; from < k; ) {
            int to = from + 1;
            while (to < k && pairs[to] == pairs[from]) {
                to++;
            }
            if (to - from >= 2) {
                pairs[r++] = pairs[from];
            }
            from = to;
        }
        long[] repeated = Arrays.copyOf(pairs, r);
        double[] toRepeated = medianLotBySender(t, snd, weights, n, i -> noMemberSent[snd[i]] && snd[i] != rcv[i]
                && Arrays.binarySearch(repeated, (long) snd[i] << 32 | rcv[i]) >= 0);
        for (int v = 0; v < n; v++) {
            if (noMemberSent[v]) {
                median[v] = toRepeated[v];
            }
        }
        return median;
    }

    /**
     * Median lot (weight, or cartons without weights) of each sender over the rows {@code counted}
     * accepts; NaN for senders with none. Two passes over the shipments, a sort per sender; 8 bytes per
     * counted row.
     */
    private static double[] medianLotBySender(ShipmentTable t, int[] snd, boolean weights, int n,
                                              java.util.function.IntPredicate counted) {
        int[] start = new int[n + 1];
        for (int i = 0; i < snd.length; i++) {
            if (counted.test(i)) {
                start[snd[i] + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        double[] lots = new double[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < snd.length; i++) {
            if (counted.test(i)) {
                lots[fill[snd[i]]++] = lot(t, i, weights);
            }
        }
        double[] median = new double[n];
        for (int v = 0; v < n; v++) {
            int k = start[v + 1] - start[v];
            if (k == 0) {
                median[v] = Double.NaN;
                continue;
            }
            Arrays.sort(lots, start[v], start[v + 1]);
            median[v] = lots[start[v] + k / 2];
        }
        return median;
    }

    /** Median of {@code a[0..k)} (the upper one of an even count); sorts that range. */
    private static double median(double[] a, int k) {
        Arrays.sort(a, 0, k);
        return a[k / 2];
    }

    /**
     * The parcels between parties of one ring: each sender's distinct receivers in CSR form
     * ({@code head[start[v]..start[v+1])}, ascending) and every party's parcels sent and received
     * among them (repeats counted). One pass over the shipments and a sort of the ring parcels'
     * (sender, receiver) pairs; 8 bytes per ring parcel while sorting, 12 per party.
     */
    record RingArcs(int[] start, int[] head, int[] parcels, int[] sent, int[] received) {

        /** The arcs of the shipments {@code snd[i] → rcv[i]} whose two parties have one ring in {@code ring} (≥ 0). */
        static RingArcs of(int[] snd, int[] rcv, int[] ring, int n) {
            long[] arcs = new long[64];
            int a = 0;
            int[] sent = new int[n];
            int[] received = new int[n];
            for (int i = 0; i < snd.length; i++) {
                int s = snd[i];
                int r = rcv[i];
                if (s != r && ring[s] >= 0 && ring[s] == ring[r]) {
                    if (a == arcs.length) {
                        arcs = Arrays.copyOf(arcs, a * 2);
                    }
                    arcs[a++] = (long) s << 32 | r;
                    sent[s]++;
                    received[r]++;
                }
            }
            Arrays.sort(arcs, 0, a);
            int[] start = new int[n + 1];
            int[] head = new int[a];
            int[] parcels = new int[a];
            int m = 0;
            for (int k = 0; k < a; k++) {
                if (k > 0 && arcs[k] == arcs[k - 1]) {
                    parcels[m - 1]++;
                    continue;
                }
                start[(int) (arcs[k] >>> 32) + 1]++;
                parcels[m] = 1;
                head[m++] = (int) arcs[k];
            }
            for (int v = 0; v < n; v++) {
                start[v + 1] += start[v];
            }
            return new RingArcs(start, Arrays.copyOf(head, m), Arrays.copyOf(parcels, m), sent, received);
        }
    }

    /** Different parties a retailer ships to within {@link #SALES_SECONDS} of its first supply. */
    public static final int QUICK_SALE_RECEIVERS = 2;

    /** The weeks after a supply in which a retailer sells the goods on. */
    public static final long SALES_SECONDS = 30 * 86_400L;

    /**
     * Promotes the candidates supplied by one ring ({@code anySupplier} ≥ 0: a ring parcel of any size
     * from its distributor tier or above) that ship to at least {@link #QUICK_SALE_RECEIVERS} different
     * parties within {@link #SALES_SECONDS} of their first supply, and that are at least half of all
     * the parties they ship to in the data (confidence 0.6): a retailer passes its goods on within
     * weeks, so its parcels crowd into the weeks after a supply, while a shop that a member bought from
     * or returned a parcel to ships at its own pace all year, and a buyer's own post to family and
     * friends is a parcel now and then. This catches retailers the lot-size rule of
     * {@link #promoteResellers} misses: supplied once with a small lot, or trading on a phone that
     * changed soon after (so their sales over the year are not on one number). A retailer selling from
     * one phone all year after one supply is not caught. One pass over the shipments and sorts of the
     * candidates' (candidate, receiver) pairs.
     */
    private static boolean promoteSellers(ShipmentTable t, int[] snd, int[] rcv, int[] anySupplier,
                                          int[] anySupplierDepth, long[] firstSupply, int[] assigned,
                                          double[] confidence, int[] depth, boolean[] promoted, int rows) {
        long[] inWindow = new long[64];
        long[] all = new long[64];
        int kw = 0;
        int ka = 0;
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            if (s == rcv[i] || promoted[s] || anySupplier[s] < 0) {
                continue;
            }
            long pair = (long) s << 32 | rcv[i];
            if (ka == all.length) {
                all = Arrays.copyOf(all, ka * 2);
            }
            all[ka++] = pair;
            long since = t.shippedAt(i) - firstSupply[s];
            if (since >= 0 && since <= SALES_SECONDS) {
                if (kw == inWindow.length) {
                    inWindow = Arrays.copyOf(inWindow, kw * 2);
                }
                inWindow[kw++] = pair;
            }
        }
        Arrays.sort(inWindow, 0, kw);
        Arrays.sort(all, 0, ka);
        boolean any = false;
        int a = 0;
        for (int from = 0; from < kw; ) {
            int v = (int) (inWindow[from] >>> 32);
            int to = partyRunEnd(inWindow, from, kw);
            int sold = distinct(inWindow, from, to);
            while ((int) (all[a] >>> 32) < v) {
                a++; // every pair in the window is among all of the party's pairs
            }
            int shipped = distinct(all, a, partyRunEnd(all, a, ka));
            if (sold >= QUICK_SALE_RECEIVERS && 2 * sold >= shipped) {
                assigned[v] = anySupplier[v];
                confidence[v] = Math.max(confidence[v], ONE_SUPPLY);
                depth[v] = anySupplierDepth[v] + 1;
                promoted[v] = true;
                any = true;
            }
            from = to;
        }
        return any;
    }

    /** End of the run of the party at {@code from} in sorted (party, receiver) pairs. */
    private static int partyRunEnd(long[] pairs, int from, int k) {
        int v = (int) (pairs[from] >>> 32);
        int to = from;
        while (to < k && (int) (pairs[to] >>> 32) == v) {
            to++;
        }
        return to;
    }

    /** Distinct pairs in the sorted run {@code [from, to)}. */
    private static int distinct(long[] pairs, int from, int to) {
        int d = 0;
        for (int j = from; j < to; j++) {
            if (j == from || pairs[j] != pairs[j - 1]) {
                d++;
            }
        }
        return d;
    }

    /**
     * Makes members of the candidates (supplied {@code minLots} times or more by one ring's members within
     * reach, {@code supplier} ≥ 0) that ship to at least {@link #RESELLER_RECEIVERS} different parties,
     * counting for a candidate supplied once only what it shipped from its lot's time ({@code firstLot})
     * on; their depth is one below their deepest supplier. Returns whether any was made.
     */
    private static boolean promoteResellers(ShipmentTable t, int[] snd, int[] rcv, int[] supplied, int minLots,
                                            int[] supplier, int[] supplierDepth, long[] firstLot, int[] assigned,
                                            double[] confidence, int[] depth, boolean[] promoted, int rows) {
        long[] pairs = new long[64];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int s = snd[i];
            // with one lot only what it shipped after the lot counts: the lot's goods sold on
            if (s != rcv[i] && supplier[s] >= 0 && supplied[s] >= minLots
                    && (supplied[s] >= 2 || t.shippedAt(i) >= firstLot[s])) {
                if (k == pairs.length) {
                    pairs = Arrays.copyOf(pairs, k * 2);
                }
                pairs[k++] = (long) s << 32 | rcv[i];
            }
        }
        Arrays.sort(pairs, 0, k);
        boolean any = false;
        for (int from = 0; from < k; ) {
            int v = (int) (pairs[from] >>> 32);
            int to = partyRunEnd(pairs, from, k);
            if (distinct(pairs, from, to) >= RESELLER_RECEIVERS) {
                assigned[v] = supplier[v];
                confidence[v] = Math.max(confidence[v], supplied[v] == 1 ? ONE_SUPPLY : Math.min(0.95, 1 - Math.pow(0.5, supplied[v])));
                depth[v] = supplierDepth[v] + 1;
                promoted[v] = true;
                any = true;
            }
            from = to;
        }
        return any;
    }

    /**
     * The ring's sources: members that send ring parcels and receive none, and members that received one
     * ring parcel, from such a sender, and supply a relay again and again (two or more parcels to a
     * member that sends ring parcels to someone else). A source also buys ordinary goods online, and a
     * shop that sells to several members counts among the ring's senders when its parcels are mostly
     * theirs: one parcel from it must not push the source, and every tier below, one tier deeper
     * (measured on an outside world: distributors at the retail depth, their retailers left out of the
     * reseller rule). A distributor that got one lot from the ring's warehouse stays below it, and a
     * shop whose buyer returned a parcel stays below the buyer. A warehouse in the entry town starts
     * relay chains too, but the ring supplies it. O(n + arcs).
     */
    static boolean[] sources(boolean[] member, RingArcs arcs, int n) {
        int[] start = arcs.start();
        int[] head = arcs.head();
        int[] parcels = arcs.parcels();
        int[] sent = arcs.sent();
        int[] received = arcs.received();
        boolean[] source = new boolean[n];
        for (int v = 0; v < n; v++) {
            source[v] = member[v] && sent[v] > 0 && received[v] == 0;
        }
        // members that received a ring parcel from a party that is no source
        boolean[] fromNonSource = new boolean[n];
        for (int u = 0; u < n; u++) {
            if (!source[u]) {
                for (int j = start[u]; j < start[u + 1]; j++) {
                    fromNonSource[head[j]] = true;
                }
            }
        }
        // one parcel from a source (its own purchase from a shop that sells to members) and a relay supplied
        for (int v = 0; v < n; v++) {
            if (!member[v] || received[v] != 1 || fromNonSource[v]) {
                continue;
            }
            for (int j = start[v]; j < start[v + 1] && !source[v]; j++) {
                source[v] = parcels[j] >= 2 && passesOn(head[j], v, start, head);
            }
        }
        return source;
    }

    /** Whether w sends ring parcels to a party other than v (a relay, not a buyer returning goods to v). */
    private static boolean passesOn(int w, int v, int[] start, int[] head) {
        for (int j = start[w]; j < start[w + 1]; j++) {
            if (head[j] != v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Depth along the ring's <em>supply lines</em>: the longest path from {@code source} ({@link #depths})
     * over the arcs that carry two or more parcels; parties those paths do not reach (supplied once)
     * get the longest path over every arc. A ring supplies its tiers again and again; a single parcel
     * between members (one's own post to another, a chance sale, a buyer's parcel to a member) says
     * nothing about the tier below, and as a link of a longer path it puts whole branches one or more
     * tiers too deep (a retailer's single parcel to an outsider who sends one on to a distributor of the
     * same ring puts that distributor at depth 5 and its retailers into the ring's market). O(n + arcs).
     */
    static int[] supplyDepths(boolean[] source, RingArcs arcs, int n) {
        int[] start = arcs.start();
        int[] head = arcs.head();
        int[] parcels = arcs.parcels();
        int[] repeatedStart = new int[n + 1];
        int[] repeatedHead = new int[head.length];
        int m = 0;
        for (int v = 0; v < n; v++) {
            for (int j = start[v]; j < start[v + 1]; j++) {
                if (parcels[j] >= 2) {
                    repeatedHead[m++] = head[j];
                }
            }
            repeatedStart[v + 1] = m;
        }
        int[] depth = depths(source, repeatedStart, repeatedHead, n);
        // off the supply lines (reached through single parcels only): the longest path over every ring parcel
        int[] all = depths(source, start, head, n);
        for (int v = 0; v < n; v++) {
            if (depth[v] < 0) {
                depth[v] = all[v];
            }
        }
        return depth;
    }

    /**
     * Longest-path depth of every party from {@code source} over the arcs {@code head[start[v]..start[v+1])},
     * without the arcs that close a cycle: an iterative depth-first search from the sources (in party
     * order) gives a finishing order, and arcs are relaxed in reverse finishing order from a party to one
     * that finished earlier (back edges go to a party that finishes later). Sources stay at 0; -1 for
     * parties no source reaches. O(n + arcs).
     */
    static int[] depths(boolean[] source, int[] start, int[] head, int n) {
        int[] finish = new int[n];
        Arrays.fill(finish, -1);
        int[] order = new int[n];
        int finished = 0;
        byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 finished
        int[] stack = new int[16];
        int[] next = new int[16];
        for (int s0 = 0; s0 < n; s0++) {
            if (!source[s0] || state[s0] != 0) {
                continue;
            }
            int top = 0;
            stack[0] = s0;
            next[0] = start[s0];
            state[s0] = 1;
            while (top >= 0) {
                int v = stack[top];
                if (next[top] < start[v + 1]) {
                    int w = head[next[top]++];
                    if (state[w] == 0) {
                        if (++top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                            next = Arrays.copyOf(next, top * 2);
                        }
                        stack[top] = w;
                        next[top] = start[w];
                        state[w] = 1;
                    }
                } else {
                    state[v] = 2;
                    finish[v] = finished;
                    order[finished++] = v;
                    top--;
                }
            }
        }
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        for (int k = finished - 1; k >= 0; k--) {
            int v = order[k];
            if (source[v]) {
                depth[v] = 0;
            }
            if (depth[v] < 0) {
                continue;
            }
            for (int j = start[v]; j < start[v + 1]; j++) {
                int w = head[j];
                if (!source[w] && finish[w] < finish[v] && depth[w] < depth[v] + 1) {
                    depth[w] = depth[v] + 1;
                }
            }
        }
        return depth;
    }

    /** Rounds of member propagation to parties outside the found rings (each one pass over the shipments). */
    public static final int MAX_ROUNDS = 8;

    /** Member addresses two rings must share to be one ring seen through changed phones. */
    public static final int SHARED_ADDRESSES = 2;

    /** Share of the smaller ring's member addresses two rings must share to be joined. */
    public static final double SHARED_ADDRESS_SHARE = 0.1;

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    /** Member confidence of every party with a ring in {@code ring} (the rule in the class comment). */
    private static void score(int[] ring, int[] sent, int[] received, int[] all, int[] singleRow, double[] median,
                              boolean weights, Options options, ShipmentTable t, double[] confidence) {
        for (int v = 0; v < ring.length; v++) {
            int g = ring[v];
            if (g < 0) {
                confidence[v] = 0;
                continue;
            }
            // a party whose ring parcels are a small part of its traffic (a busy shop selling to
            // members, a popular buyer) is the ring's market however often it trades with it
            boolean mostlyRing = (sent[v] + received[v]) >= options.minRingShare() * all[v];
            double c;
            if (sent[v] > 0 && received[v] > 0) {
                c = 0.95;
            } else if (sent[v] >= 2 && mostlyRing) {
                c = Math.min(0.95, 1 - Math.pow(0.5, sent[v]));
            } else if (received[v] >= 2 && mostlyRing) {
                c = Math.min(0.95, 1 - Math.pow(0.5, received[v]));
            } else if (received[v] == 1) {
                boolean wholesale = wholesale(t, singleRow[v], weights, median[g], options.wholesaleShare());
                c = wholesale && 2 * received[v] >= all[v] ? ONE_SUPPLY : CUSTOMER;
            } else if (sent[v] == 1) {
                c = CUSTOMER;
            } else {
                c = 0.1;
            }
            confidence[v] = c;
        }
    }

    /** Size of the lot shipped by row i: its weight when the file has weights, else its cartons. */
    private static double lot(ShipmentTable t, int i, boolean weights) {
        if (weights) {
            double w = t.weightKg(i);
            return Double.isNaN(w) ? 0 : w;
        }
        return t.pieces(i);
    }

    private static boolean wholesale(ShipmentTable t, int row, boolean weights, double median, double share) {
        if (Double.isNaN(median)) {
            // no repeatedly active pair to compare with: 2+ cartons is a wholesale lot
            return t.pieces(row) >= 2;
        }
        return lot(t, row, weights) >= share * median;
    }
}
