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
        Map<Integer, Integer> votes = new HashMap<>();
        List<String> provinces = new ArrayList<>();
        List<Integer> cities = new ArrayList<>();
        for (int c = 0; c + 1 < start.length; c++) {
            provinces.clear();
            cities.clear();
            votes.clear();
            for (int j = start[c]; j < start[c + 1]; j++) {
                int r = rows[j];
                if (j == start[c]) {
                    addStop(provinces, cities, table.originPlace(r));
                }
                addStop(provinces, cities, table.destinationPlace(r));
                votes.merge(ringOf[sender[r]], 1, Integer::sum);
            }
            votes.merge(ringOf[receiver[rows[start[c + 1] - 1]]], 1, Integer::sum);
            cities.add(table.destinationPlace(rows[start[c + 1] - 1])); // where the chain ends
            int ring = -1;
            int best = 0;
            for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
                if (e.getKey() >= 0 && (e.getValue() > best || (e.getValue() == best && e.getKey() < ring))) {
                    ring = e.getKey();
                    best = e.getValue();
                }
            }
            String key = String.join(" > ", provinces);
            count(all.computeIfAbsent(key, RouteStats::new), ring, cities);
            if (ring >= 0) {
                count(byRing.computeIfAbsent(ring, k -> new LinkedHashMap<>()).computeIfAbsent(key, RouteStats::new),
                        ring, cities);
            }
        }
    }

    /** Appends a place's province as a stop unless it repeats the last (as routes.csv merges them). */
    private void addStop(List<String> provinces, List<Integer> cities, int placeCode) {
        String province = table.place(placeCode).province();
        if (!provinces.isEmpty() && provinces.get(provinces.size() - 1).equals(province)) {
            return;
        }
        provinces.add(province);
        cities.add(placeCode);
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
            RouteStats s = all.get(route.describe());
            RouteMap.Route drawn = s == null ? null : drawn(s, route.describe(), route.chains(), rankOf(s.topRing()), i + 1);
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

    private RouteMap.Route drawn(RouteStats s, String label, int chains, int ringRank, int id) {
        int[] stops = stops(s);
        double[] lats = new double[stops.length];
        double[] lons = new double[stops.length];
        for (int i = 0; i < stops.length; i++) {
            Place p = table.place(stops[i]);
            Geography.LatLon ll = Geography.approximateCoordinates(p.province(), p.city());
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
            Geography.LatLon ll = Geography.approximateCoordinates(p.province(), p.city());
            if (ll != null) {
                out.add(new RouteMap.Place(p.city(), ll.lat(), ll.lon(), RouteMap.Kind.values()[(int) e.getValue()[0]],
                        e.getValue()[1]));
            }
        }
        return out;
    }
}
