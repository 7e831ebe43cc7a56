package org.parcelnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;

/**
 * Reads the OpenFlights database ({@code airports.dat} and {@code routes.dat}: no header, quoted
 * strings, {@code \N} for a missing value; ODbL 1.0, attribution "OpenFlights.org") into a directed
 * airport graph.
 *
 * <p>Every airport of {@code airports.dat} becomes a node, named by its IATA code, or its ICAO code
 * when it has no IATA code, or {@code OF<id>} when it has neither. A route row is an arc from its
 * source to its destination airport, resolved by the airport IDs (columns 4 and 6); the arc weight
 * is the number of <em>distinct</em> airline routes (airline, source, destination) on it. Route rows
 * are never dropped silently: a missing ({@code \N}) or unknown airport ID, a route from an airport to
 * itself, or a repeat of an airline route already counted are tallied by reason in
 * {@link Result#routeStats()}.
 *
 * <p>The region of an airport is the continent of its time zone's tz database area
 * ({@code Europe/Paris} → Europe), with the tz area America split into North America (with Central
 * America and the Caribbean) and South America by country; empty when the time zone is unknown.
 * Cost: one pass over each file.
 */
public final class OpenFlightsReader {

    /** One airport: the node attributes of the airport graph. */
    public record Airport(int id, String node, String name, String city, String country, String iata, String icao,
                          double lat, double lon, String tz, String region) {
    }

    /**
     * The airport graph.
     *
     * @param graph      directed; arc weight = distinct airline routes
     * @param airports   attributes in node order
     * @param routeStats route rows in, arcs' routes used, rejected rows by reason
     */
    public record Result(LabeledGraph graph, List<Airport> airports, ReadStats routeStats) {

        /** Great-circle km of each out-arc of {@code graph.graph()}, indexed by arc. */
        public double[] arcKm() {
            CompactGraph g = graph.graph();
            double[] km = new double[g.arcCount()];
            for (int u = 0; u < g.nodeCount(); u++) {
                Airport a = airports.get(u);
                for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                    Airport b = airports.get(g.target(i));
                    km[i] = NodeAttributes.haversineKm(a.lat(), a.lon(), b.lat(), b.lon());
                }
            }
            return km;
        }
    }

    private static final Set<String> SOUTH_AMERICA = Set.of("Argentina", "Bolivia", "Brazil", "Chile", "Colombia",
            "Ecuador", "Guyana", "Paraguay", "Peru", "Suriname", "Uruguay", "Venezuela", "French Guiana",
            "Falkland Islands", "South Georgia and the Islands");

    private static final Map<String, String> TZ_AREA = Map.of("Europe", "Europe", "Asia", "Asia", "Africa", "Africa",
            "Australia", "Oceania", "Pacific", "Oceania", "Atlantic", "Atlantic", "Indian", "Indian Ocean",
            "Antarctica", "Antarctica", "Arctic", "Europe");

    private OpenFlightsReader() {
    }

    /** Reads {@code airports.dat} and {@code routes.dat} from a folder. */
    public static Result read(Path folder) throws IOException {
        return read(folder.resolve("airports.dat"), folder.resolve("routes.dat"));
    }

    /** Reads the two files. */
    public static Result read(Path airportsFile, Path routesFile) throws IOException {
        List<Airport> airports = readAirports(airportsFile);
        Map<Integer, Integer> nodeOfId = new HashMap<>();
        IdMap<String> ids = new IdMap<>(airports.size());
        for (Airport a : airports) {
            nodeOfId.put(a.id(), ids.intern(a.node()));
        }
        String name = routesFile.toString();
        CompactGraphBuilder b = CompactGraphBuilder.directed(ids.size());
        RejectSpool rejected = new RejectSpool();
        Set<String> seen = new HashSet<>();
        long rowsIn = 0;
        long used = 0;
        Csv.Opened opened = Csv.open(routesFile);
        try (CSVParser p = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
            long last = 0;
            for (CSVRecord r : p) {
                long line = Math.max(last + 1, p.getCurrentLineNumber());
                last = p.getCurrentLineNumber();
                rowsIn++;
                if (r.size() != 9) {
                    rejected.add(new RejectedRow(line, 0, "wrong column count: expected 9, got " + r.size(), null));
                    continue;
                }
                Integer s = resolve(r.get(3), nodeOfId);
                Integer t = resolve(r.get(5), nodeOfId);
                if (s == null || t == null) {
                    boolean srcBad = s == null;
                    String raw = srcBad ? r.get(3) : r.get(5);
                    String which = srcBad ? "source" : "destination";
                    String reason = raw.equals("\\N") || raw.isEmpty() ? which + " airport ID missing (\\N)"
                            : which + " airport ID not in airports.dat";
                    rejected.add(new RejectedRow(line, srcBad ? 4 : 6, reason, raw));
                    continue;
                }
                if (s.intValue() == t.intValue()) {
                    rejected.add(new RejectedRow(line, 6, "route from an airport to itself", r.get(4)));
                    continue;
                }
                String airline = r.get(1).equals("\\N") ? "code:" + r.get(0) : r.get(1);
                if (!seen.add(airline + '\u0000' + s + '\u0000' + t)) {
                    rejected.add(new RejectedRow(line, 0, "repeat of an airline route already counted", null));
                    continue;
                }
                b.addEdge(s, t, 1.0);
                used++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        LabeledGraph g = new LabeledGraph(b.build(), ids);
        return new Result(g, Collections.unmodifiableList(airports), new ReadStats(name, rowsIn, used, rejected));
    }

    private static Integer resolve(String id, Map<Integer, Integer> nodeOfId) {
        if (id.isEmpty() || id.equals("\\N")) {
            return null;
        }
        try {
            return nodeOfId.get(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(String s) {
        return s.equals("\\N") ? "" : s;
    }

    /** Reads airports.dat; a malformed row fails with file:line:column. */
    static List<Airport> readAirports(Path file) throws IOException {
        String name = file.toString();
        List<Airport> out = new ArrayList<>();
        Set<String> nodes = new HashSet<>();
        Set<Integer> idsSeen = new HashSet<>();
        Csv.Opened opened = Csv.open(file);
        try (CSVParser p = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
            long last = 0;
            for (CSVRecord r : p) {
                long line = Math.max(last + 1, p.getCurrentLineNumber());
                last = p.getCurrentLineNumber();
                if (r.size() < 12) {
                    throw new InputException(name, line, 0, "wrong column count: expected 14, got " + r.size(), null);
                }
                int id;
                try {
                    id = Integer.parseInt(r.get(0));
                } catch (NumberFormatException e) {
                    throw new InputException(name, line, 1, "airport ID is not an integer", r.get(0));
                }
                if (!idsSeen.add(id)) {
                    throw new InputException(name, line, 1, "duplicate airport ID", r.get(0));
                }
                double lat = number(name, line, 7, r.get(6));
                double lon = number(name, line, 8, r.get(7));
                String iata = value(r.get(4));
                String icao = value(r.get(5));
                String node = !iata.isEmpty() && nodes.add(iata) ? iata
                        : !icao.isEmpty() && nodes.add(icao) ? icao : "OF" + id;
                nodes.add(node);
                String country = value(r.get(3));
                String tz = value(r.get(11));
                out.add(new Airport(id, node, value(r.get(1)), value(r.get(2)), country, iata, icao, lat, lon, tz,
                        region(tz, country)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private static double number(String file, long line, int col, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, col, "coordinate is not a number", s);
        }
    }

    /** Continent of a tz database name, America split by country (see the class comment). */
    static String region(String tz, String country) {
        int slash = tz.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String area = tz.substring(0, slash);
        if (area.equals("America")) {
            return SOUTH_AMERICA.contains(country) ? "South America" : "North America";
        }
        return TZ_AREA.getOrDefault(area, "");
    }

    /** Rejected route rows counted by reason, reasons sorted. */
    public static Map<String, Long> rejectsByReason(Result r) {
        return new TreeMap<>(r.routeStats().rejectsByReason());
    }

    /** Writes {@code edges.csv} (source,target,weight,km) and {@code nodes.csv} into {@code out}. */
    public static void writeEdgesAndNodes(Result r, Path out) throws IOException {
        CompactGraph g = r.graph().graph();
        double[] km = r.arcKm();
        AtomicFiles.writeText(out.resolve("edges.csv"), w -> {
            w.write("source,target,weight,km\n");
            for (int u = 0; u < g.nodeCount(); u++) {
                for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                    w.write(Csv.quote(r.graph().label(u)));
                    w.write(',');
                    w.write(Csv.quote(r.graph().label(g.target(i))));
                    w.write(',');
                    w.write(Integer.toString((int) g.weight(i)));
                    w.write(',');
                    w.write(String.format(java.util.Locale.ROOT, "%.1f", km[i]));
                    w.write('\n');
                }
            }
        });
        AtomicFiles.writeText(out.resolve("nodes.csv"), w -> {
            w.write("node,label,lat,lon,region,iata,icao,name,city,country,tz,openflights_id\n");
            for (Airport a : r.airports()) {
                Map<String, String> row = new LinkedHashMap<>();
                w.write(String.join(",", Csv.quote(a.node()), Csv.quote(a.name()),
                        Double.toString(a.lat()), Double.toString(a.lon()), Csv.quote(a.region()), Csv.quote(a.iata()),
                        Csv.quote(a.icao()), Csv.quote(a.name()), Csv.quote(a.city()), Csv.quote(a.country()),
                        Csv.quote(a.tz()), Integer.toString(a.id())));
                w.write('\n');
                row.clear();
            }
        });
    }
}
