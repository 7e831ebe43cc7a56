package org.parcelnet.roles;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parcelnet.graph.IndexSort;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.linking.UnionFind;
import org.parcelnet.model.ShipmentTable;

/**
 * Lot-level test of a relay that several groups of border senders use: does it pass each group's lots
 * on to that group's own receivers (a transit warehouse two rings share), or does it pool them (a
 * ring's own warehouse)?
 *
 * <p><b>Pairing.</b> The relay's receipts from the senders are grouped into <i>lots</i> (receipts from
 * one sender with gaps of at most the relay window, the window of the relay chains). Each parcel the
 * relay sends is paired with the lots received within the window before it; when those lots all come
 * from one sender, the parcel is that sender's goods and its receiver is supplied from that sender (a
 * <i>pick</i>: one lot and one receiver). Parcels after lots of two or more senders pair with none. A
 * pick needs 2 or more parcels: a single parcel (a stray sale, a parcel sent by mistake) says nothing
 * about whose goods the receiver gets.
 *
 * <p><b>Blocks.</b> Senders and receivers joined by picks form blocks. A ring's own warehouse mixes
 * its sources' lots over all its distributors, so its picks join everything into one block, except by
 * chance when it handled few lots; a warehouse two rings share sends each ring's lots to that ring's
 * distributors only, and however many lots it handles the blocks stay apart. A block is told from
 * chance by the picks that return to a receiver already supplied: under pooling each of them lands on
 * the block's receivers with probability {@code q} (their share of all receivers), so a block whose
 * {@code e} returning picks all stay inside it while the other blocks' {@code e'} all stay outside has
 * probability {@code q^e · (1 − q)^e'}; the relay is shared when that is below {@link #ALPHA} / B for
 * some block, B being the number of blocks (each is tested: Bonferroni's correction), and some relay
 * passes {@link #MIN_SHARED_PICKS} or more picks of each of two sides (a single pick may be a lot the
 * pairing gave the wrong sender). The blocks must also <b>interleave in time</b> (the spans of their
 * lots overlap): a ring whose members all changed phones at about the same time shows one block per
 * period, one after the other, and two rings using one warehouse send their lots through it side by
 * side, if only for a while (a ring whose sources changed phones uses the warehouse under the old
 * ones for a few months of the other ring's year).
 *
 * <p>Cost: one pass over the shipments to collect the receipts and sends of the candidate relays (the
 * first relays of the chains), 16 bytes per such parcel; {@link #split} is O(P · L) for the relay's P
 * parcels and the L lots within a window of each.
 */
public final class SharedRelays {

    /**
     * Level of the test over all the blocks of a group: a block is a ring of its own when its
     * probability under pooling is below {@code ALPHA / B} for the group's B blocks (Bonferroni), {@value}.
     */
    public static final double ALPHA = 0.01;

    /** Parcels of a pick (one lot to one receiver) for it to count: {@value}. */
    public static final int MIN_PICK_PARCELS = 2;

    /** Picks of each of two sides that make a relay one that passes both sides' lots: {@value}. */
    public static final int MIN_SHARED_PICKS = 2;

    private final long window;
    private final int[] slot;
    private final int[] inStart;
    private final int[] inParty;
    private final long[] inTime;
    private final int[] outStart;
    private final int[] outParty;
    private final long[] outTime;

    private SharedRelays(long window, int[] slot, int[] inStart, int[] inParty, long[] inTime, int[] outStart,
                         int[] outParty, long[] outTime) {
        this.window = window;
        this.slot = slot;
        this.inStart = inStart;
        this.inParty = inParty;
        this.inTime = inTime;
        this.outStart = outStart;
        this.outParty = outParty;
        this.outTime = outTime;
    }

    /**
     * Collects the receipts and sends, in time order, of every party that is the first relay of one of
     * {@code chains} (the receiver of a chain's first parcel).
     *
     * @param windowSeconds the relay window (the chains' window: how long a relay holds goods)
     */
    public static SharedRelays of(ShipmentTable table, PartyIndex parties, RingFinder.ChainParties chains,
                                  long windowSeconds) {
        if (windowSeconds <= 0) {
            throw new IllegalArgumentException("window must be > 0 seconds, got " + windowSeconds);
        }
        int n = parties.partyCount();
        int[] slot = new int[n];
        Arrays.fill(slot, -1);
        int slots = 0;
        for (int c = 0; c < chains.count(); c++) {
            int o = chains.offsets()[c];
            if (o + 1 < chains.offsets()[c + 1]) {
                int w = chains.parties()[o + 1];
                if (slot[w] < 0) {
                    slot[w] = slots++;
                }
            }
        }
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        int[] inStart = new int[slots + 1];
        int[] outStart = new int[slots + 1];
        for (int r = 0; r < table.size(); r++) {
            if (slot[receiver[r]] >= 0) {
                inStart[slot[receiver[r]] + 1]++;
            }
            if (slot[sender[r]] >= 0) {
                outStart[slot[sender[r]] + 1]++;
            }
        }
        for (int s = 0; s < slots; s++) {
            inStart[s + 1] += inStart[s];
            outStart[s + 1] += outStart[s];
        }
        int[] inRow = new int[inStart[slots]];
        int[] outRow = new int[outStart[slots]];
        int[] inFill = Arrays.copyOf(inStart, slots);
        int[] outFill = Arrays.copyOf(outStart, slots);
        for (int r = 0; r < table.size(); r++) {
            if (slot[receiver[r]] >= 0) {
                inRow[inFill[slot[receiver[r]]]++] = r;
            }
            if (slot[sender[r]] >= 0) {
                outRow[outFill[slot[sender[r]]]++] = r;
            }
        }
        int[] inParty = new int[inRow.length];
        long[] inTime = new long[inRow.length];
        int[] outParty = new int[outRow.length];
        long[] outTime = new long[outRow.length];
        fill(table, inRow, inStart, sender, inParty, inTime);
        fill(table, outRow, outStart, receiver, outParty, outTime);
        return new SharedRelays(windowSeconds, slot, inStart, inParty, inTime, outStart, outParty, outTime);
    }

    /** Counterparty and time of each row, sorted by time within each slot. */
    private static void fill(ShipmentTable table, int[] rows, int[] start, int[] other, int[] party, long[] time) {
        for (int s = 0; s + 1 < start.length; s++) {
            int a = start[s];
            int b = start[s + 1];
            long[] key = new long[b - a];
            for (int i = a; i < b; i++) {
                key[i - a] = table.shippedAt(rows[i]);
            }
            int[] order = IndexSort.stableOrder(key);
            for (int i = 0; i < order.length; i++) {
                party[a + i] = other[rows[a + order[i]]];
                time[a + i] = key[order[i]];
            }
        }
    }

    /**
     * The blocks of a group's senders and receivers over the first relays {@code relays} of its chains
     * (party ids, in the group or not: a relay an earlier split gave to another ring still passes this
     * group's lots; group parties indexed by {@code local}, other parties -1): per group party the
     * side of its block — 0, 1, … for the blocks that stand out from pooling, one more for the other
     * blocks together — or -1 for parties in no block; null when no relay passes the lots of a block
     * that stands out and of another block (every relay pools, or blocks explained by chance, or
     * blocks one after the other in time).
     *
     * @param source per group party: a border sender whose chains one of the relays continues
     * @param n      the group's size
     * @param shared set per relay that passes lots of two sides (null: not reported)
     */
    int[] split(int[] relays, int n, int[] local, boolean[] source, boolean[] shared) {
        UnionFind blocks = new UnionFind(n);
        List<long[]> counted = new ArrayList<>(); // {relay, source, receiver, lot first, lot last}
        for (int k = 0; k < relays.length; k++) {
            collect(k, relays[k], local, source, counted);
        }
        if (counted.isEmpty()) {
            return null;
        }
        for (long[] p : counted) {
            blocks.union((int) p[1], (int) p[2]);
        }
        // per block: picks, receivers, span of its lots
        Map<Integer, long[]> stats = new HashMap<>(); // root → {picks, receivers, first, last}
        boolean[] receiver = new boolean[n];
        for (long[] p : counted) {
            int d = (int) p[2];
            long[] st = stats.computeIfAbsent(blocks.find(d), x -> new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE});
            st[0]++;
            if (!receiver[d]) {
                receiver[d] = true;
                st[1]++;
            }
            st[2] = Math.min(st[2], p[3]);
            st[3] = Math.max(st[3], p[4]);
        }
        if (stats.size() < 2) {
            return null;
        }
        long receivers = 0;
        long returning = 0;
        for (long[] st : stats.values()) {
            receivers += st[1];
            returning += st[0] - st[1];
        }
        Map<Integer, Integer> sideOf = new HashMap<>();
        for (Map.Entry<Integer, long[]> e : new java.util.TreeMap<>(stats).entrySet()) {
            long[] st = e.getValue();
            long own = st[0] - st[1];
            long other = returning - own;
            if (own < 1 || other < 1) {
                continue;
            }
            double q = st[1] / (double) receivers;
            double log = own * Math.log(q) + other * Math.log1p(-q);
            // every block is tested: the level per block is ALPHA over their number
            if (log < Math.log(ALPHA / stats.size()) && interleaved(st, stats, e.getKey())) {
                sideOf.put(e.getKey(), sideOf.size());
            }
        }
        if (sideOf.isEmpty()) {
            return null;
        }
        int rest = sideOf.size();
        // a relay must pass the lots of two sides, 2 or more picks each: a single pick may be a lot
        // the pairing gave the wrong sender (another's lot came in beside it, outside the window)
        int sides = rest + 1;
        int[] perSide = new int[relays.length * sides];
        for (long[] p : counted) {
            perSide[(int) p[0] * sides + sideOf.getOrDefault(blocks.find((int) p[1]), rest)]++;
        }
        boolean any = false;
        for (int r = 0; r < relays.length; r++) {
            int passed = 0;
            for (int sd = 0; sd < sides; sd++) {
                passed += perSide[r * sides + sd] >= MIN_SHARED_PICKS ? 1 : 0;
            }
            if (passed >= 2) {
                any = true;
                if (shared != null) {
                    shared[r] = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        int[] side = new int[n];
        Arrays.fill(side, -1);
        for (int i = 0; i < n; i++) {
            if (receiver[i] || (source[i] && stats.containsKey(blocks.find(i)))) {
                side[i] = sideOf.getOrDefault(blocks.find(i), rest);
            }
        }
        return side;
    }

    /**
     * Adds the picks of 2+ parcels of relay {@code w} (party id; the {@code r}-th relay): {r, source,
     * receiver, lot's first receipt, lot's last receipt}, senders and receivers as group-local indices.
     */
    private void collect(int r, int w, int[] local, boolean[] source, List<long[]> out) {
        int s = w >= 0 && w < slot.length ? slot[w] : -1;
        if (s < 0) {
            return;
        }
        // lots: receipts from one source with gaps of at most the window
        int a = inStart[s];
        int b = inStart[s + 1];
        int[] lotSource = new int[Math.max(1, b - a)];
        long[] lotFirst = new long[lotSource.length];
        long[] lotLast = new long[lotSource.length];
        int lots = 0;
        Map<Integer, Integer> open = new HashMap<>();
        for (int i = a; i < b; i++) {
            int li = local(inParty[i], local);
            if (li < 0 || !source[li]) {
                continue;
            }
            Integer lot = open.get(li);
            if (lot != null && inTime[i] - lotLast[lot] <= window) {
                lotLast[lot] = inTime[i];
            } else {
                lotSource[lots] = li;
                lotFirst[lots] = inTime[i];
                lotLast[lots] = inTime[i];
                open.put(li, lots++);
            }
        }
        if (lots == 0) {
            return;
        }
        long longest = 0;
        for (int l = 0; l < lots; l++) {
            longest = Math.max(longest, lotLast[l] - lotFirst[l]);
        }
        // picks: (lot, receiver) → parcels, for sends after lots of a single source
        Map<Long, Integer> picks = new java.util.TreeMap<>();
        for (int i = outStart[s]; i < outStart[s + 1]; i++) {
            int d = local(outParty[i], local);
            if (d < 0 || source[d] || outParty[i] == w) {
                continue;
            }
            long t = outTime[i];
            // lots are in order of their first receipt: the last one that started before t, back
            // to those that started a window and the longest lot before it
            int hi = lastBefore(lotFirst, lots, t);
            int from = -1;
            int lot = -1;
            boolean mixed = false;
            for (int l = hi; l >= 0 && lotFirst[l] >= t - window - longest; l--) {
                if (lotLast[l] >= t || lotLast[l] < t - window) {
                    continue;
                }
                if (from < 0) {
                    from = lotSource[l];
                    lot = l;
                } else if (lotSource[l] != from) {
                    mixed = true;
                    break;
                }
            }
            if (from >= 0 && !mixed) {
                picks.merge(((long) lot << 32) | d, 1, Integer::sum);
            }
        }
        for (Map.Entry<Long, Integer> e : picks.entrySet()) {
            if (e.getValue() >= MIN_PICK_PARCELS) {
                int lot = (int) (e.getKey() >>> 32);
                out.add(new long[] {r, lotSource[lot], (int) (long) e.getKey(), lotFirst[lot], lotLast[lot]});
            }
        }
    }

    private static int local(int party, int[] local) {
        return party >= 0 && party < local.length ? local[party] : -1;
    }

    /** Index of the last lot whose first receipt is before {@code t}, or -1. */
    private static int lastBefore(long[] first, int lots, long t) {
        int lo = 0;
        int hi = lots - 1;
        int ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (first[mid] < t) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans;
    }

    /** Whether the span of block {@code key}'s lots and the span of the other blocks' lots overlap. */
    private static boolean interleaved(long[] st, Map<Integer, long[]> stats, int key) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<Integer, long[]> e : stats.entrySet()) {
            if (e.getKey() != key) {
                first = Math.min(first, e.getValue()[2]);
                last = Math.max(last, e.getValue()[3]);
            }
        }
        return Math.min(last, st[3]) > Math.max(first, st[2]);
    }
}
