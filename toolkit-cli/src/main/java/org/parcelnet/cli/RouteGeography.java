package org.parcelnet.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parcelnet.cli.report.RouteMap;
import org.parcelnet.leads.RingLead;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.synth.Geography;

/**
 * The relay routes of an analysis placed on the map. A route of routes.csv is a sequence of provinces;
 * to draw it, each of its stops is put at the city its chains reached most often there (the border
 * entry town for the first stop), with coordinates from {@link Geography} (a city it does not know is
 * put at its province's capital; a province it does not know leaves the route off the map, counted),
 * and the route ends at the city its chains ended in most often (so a route inside one province, such
 * as a border town to its capital, is drawn too).
 * Each chain belongs to the ring holding most of its parties (senders and final receiver), or to no
 * ring; a route is coloured by the ring with most of its chains, and a ring's own map draws only its
 * chains, grouped into the same province routes.
 *
 * <p>Cost: one pass over the chains' rows, O(rows of all chains).
 */
final class RouteGeography {

    /** A province route and the chains along it. */
    static final class RouteStats {
        final String key;
        int chains;
        final Map<Integer, Integer> chainsByRing = new HashMap<>();
        final List<Map<Integer, Integer>> cityVotes = new ArrayList<>();

        RouteStats(String key) {
            this.key = key;
        }

        int topRing() {
            int best = -1;
            int bestCount = 0;
            for (Map.Entry<Integer, Integer> e : chainsByRing.entrySet()) {
                if (e.getKey() >= 0 && (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best))) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            return best;
        }
    }

    private final ShipmentTable table;
    private final Map<String, RouteStats> all = new LinkedHashMap<>();
    private final Map<Integer, Map<String, RouteStats>> byRing = new HashMap<>();
    private final Map<Integer, Integer> rankOfRing = new HashMap<>();
    private final List<RelayChains.Route> routes;
    /** Province names by the numbers {@link #provinceNumbers} gives them. */
    private String[] provinceName;
    /** Place codes whose coordinates were looked up, and what was found (null: not placeable). */
    private boolean[] located;
    private Geography.LatLon[] locatedCoordinates;

    RouteGeography(AnalysisResult run) {
        this.table = run.shipments();
        this.routes = run.chains().routes();
        for (RingLead lead : run.leads().rings()) {
            rankOfRing.put(lead.ring(), lead.rank() - 1);
        }
        RelayChains.Result chains = run.chains();
        int[] ringOf = run.ringOf();
        int[] sender = run.parties().senderParty();
        int[] receiver = run.parties().receiverParty();
        int[] start = chains.chainStart();
        int[] rows = chains.chainRows();
        int[] provinceOf = provinceNumbers();
        // per chain: its province stops, the city of each and the ring votes of its parties (a few each)
        int[] stopProvince = new int[16];
        int[] stopCity = new int[16];
        int[] voteRing = new int[16];
        int[] voteCount = new int[16];
        List<Integer> cities = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int c = 0; c + 1 < start.length; c++) {
            int from = start[c];
            int to = start[c + 1];
            int hops = to - from;
            if (stopCity.length < hops + 2) {
                stopProvince = new int[2 * hops + 2];
                stopCity = new int[2 * hops + 2];
                voteRing = new int[2 * hops + 2];
                voteCount = new int[2 * hops + 2];
            }
            int stops = 0;
            int votes = 0;
            for (int j = from; j < to; j++) {
                int r = rows[j];
                if (j == from) {
                    stops = addStop(stopProvince, stopCity, stops, table.originPlace(r), provinceOf);
                }
                stops = addStop(stopProvince, stopCity, stops, table.destinationPlace(r), provinceOf);
                votes = vote(voteRing, voteCount, votes, ringOf[sender[r]]);
            }
            votes = vote(voteRing, voteCount, votes, ringOf[receiver[rows[to - 1]]]);
            int ring = -1;
            int best = 0;
            for (int v = 0; v < votes; v++) { // most votes, ties to the lower ring
                int candidate = voteRing[v];
                if (candidate >= 0 && (voteCount[v] > best || (voteCount[v] == best && candidate < ring))) {
                    ring = candidate;
                    best = voteCount[v];
                }
            }
            key.setLength(0);
            cities.clear();
            for (int i = 0; i < stops; i++) {
                if (i > 0) {
                    key.append(" > ");
                }
                key.append(provinceName[stopProvince[i]]);
                cities.add(stopCity[i]);
            }
            cities.add(table.destinationPlace(rows[to - 1])); // where the chain ends
            String k = key.toString();
            RouteStats stats = all.get(k);
            if (stats == null) {
                stats = new RouteStats(k);
                all.put(k, stats);
            }
            count(stats, ring, cities);
            if (ring >= 0) {
                count(byRing.computeIfAbsent(ring, x -> new LinkedHashMap<>()).computeIfAbsent(stats.key, RouteStats::new),
                        ring, cities);
            }
        }
    }

    /** Numbers the provinces of the table's places (first seen first); returns each place's number. */
    private int[] provinceNumbers() {
        Map<String, Integer> number = new HashMap<>();
        int[] of = new int[table.placeCount()];
        List<String> names = new ArrayList<>();
        for (int code = 0; code < of.length; code++) {
            String province = table.place(code).province();
            Integer n = number.get(province);
            if (n == null) {
                n = names.size();
                number.put(province, n);
                names.add(province);
            }
            of[code] = n;
        }
        provinceName = names.toArray(new String[0]);
        return of;
    }

    /** Appends a place's province as a stop unless it repeats the last (as routes.csv merges them). */
    private static int addStop(int[] provinces, int[] cities, int stops, int placeCode, int[] provinceOf) {
        int province = provinceOf[placeCode];
        if (stops > 0 && provinces[stops - 1] == province) {
            return stops;
        }
        provinces[stops] = province;
        cities[stops] = placeCode;
        return stops + 1;
    }

    /** Adds one vote for {@code ring} to the first {@code votes} (ring, count) pairs; returns their number. */
    private static int vote(int[] ring, int[] count, int votes, int r) {
        for (int v = 0; v < votes; v++) {
            if (ring[v] == r) {
                count[v]++;
                return votes;
            }
        }
        ring[votes] = r;
        count[votes] = 1;
        return votes + 1;
    }

    private static void count(RouteStats s, int ring, List<Integer> cities) {
        s.chains++;
        s.chainsByRing.merge(ring, 1, Integer::sum);
        while (s.cityVotes.size() < cities.size()) {
            s.cityVotes.add(new HashMap<>());
        }
        for (int i = 0; i < cities.size(); i++) {
            s.cityVotes.get(i).merge(cities.get(i), 1, Integer::sum);
        }
    }

    /** Rank (0 = best) of a ring among the ring leads, or -1. */
    int rankOf(int ring) {
        return rankOfRing.getOrDefault(ring, -1);
    }

    /**
     * The place codes a route is drawn through: per province stop, the city its chains entered it by
     * most often (lowest code on ties), then the city they ended in most often; a city repeated
     * next to itself is drawn once.
     */
    static int[] stops(RouteStats s) {
        int[] modal = modalCities(s);
        int[] out = new int[modal.length];
        int k = 0;
        for (int code : modal) {
            if (k == 0 || out[k - 1] != code) {
                out[k++] = code;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static int[] modalCities(RouteStats s) {
        int[] out = new int[s.cityVotes.size()];
        for (int i = 0; i < out.length; i++) {
            int best = -1;
            int bestCount = 0;
            for (Map.Entry<Integer, Integer> e : s.cityVotes.get(i).entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Statistics of a routes.csv route, by its description; null if no chain followed it. */
    RouteStats stats(String description) {
        return all.get(description);
    }

    /** The stops of a route as "province/city" labels joined by " > ". */
    String via(RouteStats s) {
        List<String> names = new ArrayList<>();
        for (int code : stops(s)) {
            names.add(table.place(code).label());
        }
        return String.join(" > ", names);
    }

    /** The routes of routes.csv that can be placed, in its order (id = 1-based rank). */
    List<RouteMap.Route> allRoutes() {
        List<RouteMap.Route> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            RelayChains.Route route = routes.get(i);
            String description = route.describe();
            RouteStats s = all.get(description);
            RouteMap.Route drawn = s == null ? null : drawn(s, description, route.chains(), rankOf(s.topRing()), i + 1);
            if (drawn != null) {
                out.add(drawn);
            }
        }
        return out;
    }

    /** The routes of one ring's chains, most chains first (id = 1-based order). */
    List<RouteMap.Route> ringRoutes(int ring) {
        List<RouteStats> list = new ArrayList<>(byRing.getOrDefault(ring, Map.of()).values());
        list.sort((a, b) -> a.chains != b.chains ? Integer.compare(b.chains, a.chains) : a.key.compareTo(b.key));
        List<RouteMap.Route> out = new ArrayList<>();
        for (RouteStats s : list) {
            RouteMap.Route drawn = drawn(s, s.key, s.chains, rankOf(ring), out.size() + 1);
            if (drawn != null) {
                out.add(drawn);
            }
        }
        return out;
    }

    /** One ring's route statistics, most chains first. */
    List<RouteStats> ringStats(int ring) {
        List<RouteStats> list = new ArrayList<>(byRing.getOrDefault(ring, Map.of()).values());
        list.sort((a, b) -> a.chains != b.chains ? Integer.compare(b.chains, a.chains) : a.key.compareTo(b.key));
        return list;
    }

    /** {@link Geography#approximateCoordinates} of a place, looked up once per place. */
    private Geography.LatLon coordinates(int placeCode) {
        if (located == null) {
            located = new boolean[table.placeCount()];
            locatedCoordinates = new Geography.LatLon[table.placeCount()];
        }
        if (!located[placeCode]) {
            Place p = table.place(placeCode);
            locatedCoordinates[placeCode] = Geography.approximateCoordinates(p.province(), p.city());
            located[placeCode] = true;
        }
        return locatedCoordinates[placeCode];
    }

    private RouteMap.Route drawn(RouteStats s, String label, int chains, int ringRank, int id) {
        int[] stops = stops(s);
        double[] lats = new double[stops.length];
        double[] lons = new double[stops.length];
        for (int i = 0; i < stops.length; i++) {
            Geography.LatLon ll = coordinates(stops[i]);
            if (ll == null) {
                return null;
            }
            lats[i] = ll.lat();
            lons[i] = ll.lon();
        }
        return stops.length < 2 ? null : new RouteMap.Route(label, lats, lons, chains, ringRank, id);
    }

    /**
     * The places of the chains (of one ring, or of all with {@code ring} -1): where chains start
     * (border entry towns), pass (transit hubs: a stop between the first and the last) and end
     * (destinations), each with the chains through it; a city is listed once, as the first of those
     * that applies.
     */
    List<RouteMap.Place> places(int ring) {
        Map<Integer, double[]> kindAndVolume = new LinkedHashMap<>();
        Iterable<RouteStats> stats = ring < 0 ? all.values() : byRing.getOrDefault(ring, Map.of()).values();
        for (RouteStats s : stats) {
            for (int i = 0; i < s.cityVotes.size(); i++) {
                // positions: the entry city of each province stop, then the final city
                RouteMap.Kind kind = i == 0 ? RouteMap.Kind.BORDER_ENTRY
                        : i >= s.cityVotes.size() - 2 ? RouteMap.Kind.DESTINATION : RouteMap.Kind.TRANSIT_HUB;
                for (Map.Entry<Integer, Integer> e : s.cityVotes.get(i).entrySet()) {
                    double[] kv = kindAndVolume.computeIfAbsent(e.getKey(), k -> new double[] {kind.ordinal(), 0});
                    kv[0] = Math.min(kv[0], kind.ordinal());
                    kv[1] += e.getValue();
                }
            }
        }
        List<RouteMap.Place> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : kindAndVolume.entrySet()) {
            Place p = table.place(e.getKey());
            Geography.LatLon ll = coordinates(e.getKey());
            if (ll != null) {
                out.add(new RouteMap.Place(p.city(), ll.lat(), ll.lon(), RouteMap.Kind.values()[(int) e.getValue()[0]],
                        e.getValue()[1]));
            }
        }
        return out;
    }
}
