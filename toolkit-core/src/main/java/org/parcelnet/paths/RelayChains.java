package org.parcelnet.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.ProgressListener;

/**
 * Time-respecting relay chains through shipments, aggregated into place-to-place routes.
 *
 * <p>A shipment {@code A→B} at {@code t1} followed by a shipment {@code B→C} at {@code t2} with
 * {@code 0 < t2 − t1 ≤ window} continues a chain. Enumerating every time-respecting path explodes
 * combinatorially on busy parties, so each shipment is linked to <em>one</em> feeding receipt of its
 * sender: among the sender's {@code recent} latest receipts that fall inside the window, the one that
 * already carries a chain from a source, else the sender's latest such receipt in the window (kept
 * apart, so ordinary receipts arriving after a consignment do not push it out), else the latest.
 * The links form a forest over shipments; a
 * chain is the path that ends with a shipment delivered to a sink, traced back to the earliest
 * shipment in it sent by a source, at most {@code maxHops} shipments long. A shipment sent by a
 * source starts a fresh chain unless it can continue one that already started at a source.
 *
 * <p>Sinks are given (e.g. retailers, or {@link #nonForwarders}); without them a chain ends wherever
 * the goods stop: at every shipment that no later shipment continues. Sources are given, e.g. by
 * {@link #sendersFrom} the parties that send from border-entry places.
 *
 * <p>Cost: one sort of the shipments by time (O(m log m)) and O(m · recent) for the linking; routes
 * are aggregated with one hash entry per distinct route. Working state: 8 (sort key) + 4 (link) +
 * 1 (depth) + 1 (sourced) + 1 (continued) bytes per shipment and {@code 4·recent + 5} bytes per party.
 */
public final class RelayChains {

    /** One day in seconds. */
    public static final long DAY = 86_400L;

    /** Place granularity of aggregated routes. */
    public enum Level {
        /** Provinces only. */
        PROVINCE,
        /** {@code province/city}. */
        CITY;

        /** Parses {@code province|city}. */
        public static Level parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "province" -> PROVINCE;
                case "city" -> CITY;
                default -> throw new IllegalArgumentException("level must be province or city, got '" + s + "'");
            };
        }
    }

    /**
     * Options, validated on construction; built with {@link #builder()} (as every algorithm's options).
     *
     * @param windowSeconds longest gap between receiving and forwarding ({@code > 0})
     * @param maxHops       longest chain in shipments (1..127)
     * @param recent        receipts remembered per party (1..64)
     * @param level         place level of the routes
     */
    public record Options(long windowSeconds, int maxHops, int recent, Level level) {

        /** 3-day window, at most 6 hops, 8 recent receipts, province-level routes. */
        public static final Options DEFAULTS = builder().build();

        public Options {
            if (windowSeconds <= 0) {
                throw new IllegalArgumentException("window must be > 0 seconds, got " + windowSeconds);
            }
            if (maxHops < 1 || maxHops > 127) {
                throw new IllegalArgumentException("maxHops must be in 1..127, got " + maxHops);
            }
            if (recent < 1 || recent > 64) {
                throw new IllegalArgumentException("recent must be in 1..64, got " + recent);
            }
            Objects.requireNonNull(level, "level");
        }

        /** A builder starting from the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these values. */
        public Builder toBuilder() {
            return new Builder().windowSeconds(windowSeconds).maxHops(maxHops).recent(recent).level(level);
        }

        /** Builder of {@link Options}. */
        public static final class Builder {
            private long windowSeconds = 3 * DAY;
            private int maxHops = 6;
            private int recent = 8;
            private Level level = Level.PROVINCE;

            public Builder windowSeconds(long v) {
                windowSeconds = v;
                return this;
            }

            public Builder maxHops(int v) {
                maxHops = v;
                return this;
            }

            public Builder recent(int v) {
                recent = v;
                return this;
            }

            public Builder level(Level v) {
                level = v;
                return this;
            }

            public Options build() {
                return new Options(windowSeconds, maxHops, recent, level);
            }
        }
    }

    /**
     * An aggregated route.
     *
     * @param places  place labels in order (consecutive repeats merged)
     * @param chains  chains that followed it
     * @param pieces  cartons delivered at the end of those chains
     * @param parties distinct parties on those chains (senders and final receivers)
     */
    public record Route(List<String> places, int chains, long pieces, int parties) {
        public Route {
            places = List.copyOf(places);
        }

        /** The places joined by {@code " > "}. */
        public String describe() {
            return String.join(" > ", places);
        }
    }

    /**
     * Chains and routes. Chain {@code c} is the shipment rows
     * {@code chainRows[chainStart[c] .. chainStart[c+1])} in time order (arrays owned by the caller).
     *
     * @param chainStart   offsets into chainRows, length chains + 1
     * @param chainRows    shipment rows of all chains
     * @param routes       routes by descending chain count, then by description
     * @param position     per party: sum over chains of its position (0 = first sender)
     * @param appearances  per party: number of chain positions it holds
     * @param firsts       per party: chains it starts
     * @param lasts        per party: chains it ends (final receiver)
     */
    public record Result(int[] chainStart, int[] chainRows, List<Route> routes, long[] position,
                         int[] appearances, int[] firsts, int[] lasts) {

        /** Number of chains. */
        public int chainCount() {
            return chainStart.length - 1;
        }

        /** The rows of chain {@code c} (a copy). */
        public int[] chain(int c) {
            return Arrays.copyOfRange(chainRows, chainStart[c], chainStart[c + 1]);
        }

        /** Mean chain position of a party (0 = start), NaN when on no chain. */
        public double meanPosition(int party) {
            return appearances[party] == 0 ? Double.NaN : (double) position[party] / appearances[party];
        }
    }

    private RelayChains() {
    }

    /** Parties that send at least one shipment from a place accepted by {@code origin}. */
    public static boolean[] sendersFrom(ShipmentTable t, PartyIndex parties, Predicate<Place> origin) {
        boolean[] placeOk = new boolean[t.placeCount()];
        for (int c = 0; c < placeOk.length; c++) {
            placeOk[c] = origin.test(t.place(c));
        }
        boolean[] out = new boolean[parties.partyCount()];
        int[] s = parties.senderParty();
        for (int i = 0; i < t.size(); i++) {
            if (placeOk[t.originPlace(i)]) {
                out[s[i]] = true;
            }
        }
        return out;
    }

    /** Parties that receive but never send. */
    public static boolean[] nonForwarders(ShipmentTable t, PartyIndex parties) {
        boolean[] sends = new boolean[parties.partyCount()];
        boolean[] out = new boolean[parties.partyCount()];
        for (int i = 0; i < t.size(); i++) {
            sends[parties.senderParty()[i]] = true;
        }
        for (int i = 0; i < t.size(); i++) {
            int r = parties.receiverParty()[i];
            out[r] = !sends[r];
        }
        return out;
    }

    /**
     * Finds the chains from {@code sources} to {@code sinks}.
     *
     * @param sources per party: may start a chain
     * @param sinks   per party: may end a chain; null to end chains at shipments nobody continues
     */
    public static Result find(ShipmentTable t, PartyIndex parties, boolean[] sources, boolean[] sinks, Options o) {
        return find(t, parties, sources, sinks, o, ProgressListener.NONE);
    }

    /**
     * As {@link #find(ShipmentTable, PartyIndex, boolean[], boolean[], Options)}, reporting shipments
     * linked and traced (two passes of {@code t.size()} units each) to {@code progress} and honouring
     * its cancellation.
     */
    public static Result find(ShipmentTable t, PartyIndex parties, boolean[] sources, boolean[] sinks, Options o,
                              ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        progress.begin("relay chains", 2L * t.size());
        try {
            return findChains(t, parties, sources, sinks, o, progress);
        } finally {
            progress.end();
        }
    }

    /** Rows between two progress reports and cancellation checks. */
    private static final int REPORT_ROWS = 1 << 16;

    private static Result findChains(ShipmentTable t, PartyIndex parties, boolean[] sources, boolean[] sinks,
                                     Options o, ProgressListener progress) {
        Objects.requireNonNull(t, "table");
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(o, "options");
        int np = parties.partyCount();
        if (sources.length != np) {
            throw new IllegalArgumentException("sources has " + sources.length + " entries for " + np + " parties");
        }
        if (sinks != null && sinks.length != np) {
            throw new IllegalArgumentException("sinks has " + sinks.length + " entries for " + np + " parties");
        }
        int m = t.size();
        int[] sender = parties.senderParty();
        int[] receiver = parties.receiverParty();
        int[] order = byTime(t);

        int recent = o.recent();
        int[] ring = new int[np * recent];
        byte[] ringCount = new byte[np]; // receipts seen, saturating at recent
        int[] ringNext = new int[np];    // next write slot
        // each party's latest receipt that carries a chain from a source: ordinary receipts (a member's
        // online purchases) can fill the recent slots and must not make its consignment forgotten
        int[] lastSourced = new int[np];
        Arrays.fill(lastSourced, -1);
        int[] pred = new int[m];
        byte[] depth = new byte[m];
        boolean[] sourced = new boolean[m];
        long window = o.windowSeconds();
        int maxHops = o.maxHops();

        int g = 0;
        int reported = 0;
        while (g < m) {
            if (g - reported >= REPORT_ROWS) {
                progress.advance(g - reported);
                progress.checkCancelled();
                reported = g;
            }
            long time = t.shippedAt(order[g]);
            int end = g;
            while (end < m && t.shippedAt(order[end]) == time) {
                end++;
            }
            // link the whole group first, so equal times never continue each other (0 < Δt)
            for (int k = g; k < end; k++) {
                int i = order[k];
                int a = sender[i];
                int best = -1;
                boolean bestSourced = false;
                int have = ringCount[a];
                int base = a * recent;
                for (int j = 0, slot = ringNext[a] - 1; j < have; j++, slot--) {
                    if (slot < 0) {
                        slot += recent;
                    }
                    int r = ring[base + slot]; // newest first
                    if (time - t.shippedAt(r) > window) {
                        break; // older ones are older still
                    }
                    if (depth[r] >= maxHops) {
                        continue;
                    }
                    if (best < 0 || (sourced[r] && !bestSourced)) {
                        best = r;
                        bestSourced = sourced[r];
                    }
                }
                if (!bestSourced) {
                    int r = lastSourced[a];
                    if (r >= 0 && time - t.shippedAt(r) <= window && depth[r] < maxHops) {
                        best = r;
                        bestSourced = true;
                    }
                }
                if (sources[a] && best >= 0 && !bestSourced) {
                    best = -1; // a source starts afresh rather than continue an unsourced chain
                }
                pred[i] = best;
                depth[i] = (byte) (best < 0 ? 1 : depth[best] + 1);
                sourced[i] = sources[a] || (best >= 0 && sourced[best]);
            }
            for (int k = g; k < end; k++) {
                int i = order[k];
                int b = receiver[i];
                ring[b * recent + ringNext[b]] = i;
                if (sourced[i]) {
                    lastSourced[b] = i;
                }
                ringNext[b] = (ringNext[b] + 1) % recent;
                if (ringCount[b] < recent) {
                    ringCount[b]++;
                }
            }
            g = end;
        }
        progress.advance(m - reported);
        progress.checkCancelled();
        reported = 0;

        boolean[] continued = new boolean[m];
        for (int i = 0; i < m; i++) {
            if (pred[i] >= 0) {
                continued[pred[i]] = true;
            }
        }
        // Chains: trace back from each sourced delivery to a sink, to the earliest source-sent shipment.
        int[] starts = new int[16];
        int[] rows = new int[64];
        int chains = 0;
        int used = 0;
        int[] buf = new int[maxHops];
        long[] position = new long[np];
        int[] appearances = new int[np];
        int[] firsts = new int[np];
        int[] lasts = new int[np];
        Map<String, int[]> routeIndex = new HashMap<>();
        List<long[]> routeFigures = new ArrayList<>(); // chains, pieces
        List<String> routeKeys = new ArrayList<>();
        long[] routePartyPairs = new long[1024];
        int routePartyCount = 0;
        for (int k = 0; k < m; k++) {
            if (k - reported >= REPORT_ROWS) {
                progress.advance(k - reported);
                progress.checkCancelled();
                reported = k;
            }
            int i = order[k];
            if (!sourced[i] || (sinks != null ? !sinks[receiver[i]] : continued[i])) {
                continue;
            }
            int h = 0;
            for (int r = i; r >= 0; r = pred[r]) {
                buf[h++] = r;
            }
            // buf holds newest..oldest; the chain starts at the oldest row sent by a source
            int startIdx = -1;
            for (int j = h - 1; j >= 0; j--) {
                if (sources[sender[buf[j]]]) {
                    startIdx = j;
                    break;
                }
            }
            int len = startIdx + 1;
            if (chains + 2 > starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            if (used + len > rows.length) {
                rows = Arrays.copyOf(rows, Math.max(rows.length * 2, used + len));
            }
            starts[chains] = used;
            StringBuilder key = new StringBuilder();
            String last = null;
            for (int j = 0; j < len; j++) {
                int r = buf[startIdx - j];
                rows[used + j] = r;
                int p = sender[r];
                position[p] += j;
                appearances[p]++;
                if (j == 0) {
                    firsts[p]++;
                    last = append(key, label(t.place(t.originPlace(r)), o.level()), null);
                }
                last = append(key, label(t.place(t.destinationPlace(r)), o.level()), last);
            }
            int fin = receiver[i];
            position[fin] += len;
            appearances[fin]++;
            lasts[fin]++;
            used += len;
            chains++;
            String k2 = key.toString();
            int[] idx = routeIndex.get(k2);
            if (idx == null) {
                idx = new int[] {routeKeys.size()};
                routeIndex.put(k2, idx);
                routeKeys.add(k2);
                routeFigures.add(new long[2]);
            }
            long[] f = routeFigures.get(idx[0]);
            f[0]++;
            f[1] += t.pieces(i);
            // (route, party) pairs, counted distinct per route at the end: memory grows with the
            // chains found, not with routes × parties (a bit set per route does not fit at 4M rows).
            if (routePartyCount + len + 1 > routePartyPairs.length) {
                routePartyPairs = Arrays.copyOf(routePartyPairs, Math.max(routePartyPairs.length * 2, routePartyCount + len + 1));
            }
            long routeKey = (long) idx[0] << 32;
            for (int j = 0; j < len; j++) {
                routePartyPairs[routePartyCount++] = routeKey | sender[rows[used - len + j]];
            }
            routePartyPairs[routePartyCount++] = routeKey | fin;
        }
        progress.advance(m - reported);
        starts = Arrays.copyOf(starts, chains + 1);
        starts[chains] = used;
        rows = Arrays.copyOf(rows, used);
        int[] distinctParties = new int[routeKeys.size()];
        Arrays.sort(routePartyPairs, 0, routePartyCount);
        for (int k = 0; k < routePartyCount; k++) {
            if (k == 0 || routePartyPairs[k] != routePartyPairs[k - 1]) {
                distinctParties[(int) (routePartyPairs[k] >>> 32)]++;
            }
        }
        List<Route> routes = new ArrayList<>(routeKeys.size());
        for (int r = 0; r < routeKeys.size(); r++) {
            long[] f = routeFigures.get(r);
            routes.add(new Route(List.of(routeKeys.get(r).split("\u001f")), (int) f[0], f[1], distinctParties[r]));
        }
        routes.sort((x, y) -> x.chains() != y.chains() ? Integer.compare(y.chains(), x.chains())
                : x.describe().compareTo(y.describe()));
        return new Result(starts, rows, Collections.unmodifiableList(routes), position, appearances, firsts, lasts);
    }

    private static String label(Place p, Level level) {
        return level == Level.PROVINCE ? p.province() : p.label();
    }

    /** Appends {@code place} unless it repeats {@code last}; returns the new last. */
    private static String append(StringBuilder key, String place, String last) {
        if (place.equals(last)) {
            return last;
        }
        if (key.length() > 0) {
            key.append('\u001f');
        }
        key.append(place);
        return place;
    }

    /** Rows sorted by time, then row. */
    static int[] byTime(ShipmentTable t) {
        int m = t.size();
        int[] order = new int[m];
        if (m == 0) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < m; i++) {
            min = Math.min(min, t.shippedAt(i));
            max = Math.max(max, t.shippedAt(i));
        }
        if (max - min < (1L << 31)) {
            long[] keys = new long[m];
            for (int i = 0; i < m; i++) {
                keys[i] = ((t.shippedAt(i) - min) << 32) | i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < m; i++) {
                order[i] = (int) keys[i];
            }
            return order;
        }
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> x.equals(y) ? 0 : t.shippedAt(x) != t.shippedAt(y)
                ? Long.compare(t.shippedAt(x), t.shippedAt(y)) : Integer.compare(x, y));
        for (int i = 0; i < m; i++) {
            order[i] = boxed[i];
        }
        return order;
    }
}
