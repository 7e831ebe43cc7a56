package org.parcelnet.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.IdMap;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;
import org.parcelnet.roles.Tier;

/**
 * The generator's ground truth (docs/data-format.md): {@code truth_parties.csv} (party,ring,tier; ring
 * empty for background parties), and when present {@code truth_shipments.csv} (shipment_id,ring).
 * Also reads a plain {@code node,community} file as ground-truth groups.
 */
public final class GroundTruth {

    private final Map<String, String> ringOfParty;
    private final Map<String, Tier> tierOfParty;
    private final Map<String, String> ringOfShipment;

    private GroundTruth(Map<String, String> ringOfParty, Map<String, Tier> tierOfParty,
                        Map<String, String> ringOfShipment) {
        this.ringOfParty = ringOfParty;
        this.tierOfParty = tierOfParty;
        this.ringOfShipment = ringOfShipment;
    }

    /**
     * Reads ground truth from a folder (truth_parties.csv, optional truth_shipments.csv) or from one
     * file: a generator truth_parties.csv ({@code party,ring,tier}) or a {@code node,community} file.
     */
    public static GroundTruth read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path parties = path.resolve("truth_parties.csv");
            if (!Files.exists(parties)) {
                throw new InputException(path.toString(), "no truth_parties.csv in this folder");
            }
            GroundTruth g = read(parties);
            Path ships = path.resolve("truth_shipments.csv");
            Map<String, String> shipmentRing = Files.exists(ships) ? readPairs(ships, "shipment_id", "ring", null)
                    : Map.of();
            return new GroundTruth(g.ringOfParty, g.tierOfParty, shipmentRing);
        }
        Map<String, Tier> tiers = new HashMap<>();
        Map<String, String> rings;
        String header = firstLine(path);
        if (header.contains("party")) {
            rings = readPairs(path, "party", "ring", tiers);
        } else {
            rings = readPairs(path, "node", "community", null);
        }
        return new GroundTruth(rings, tiers, Map.of());
    }

    private static String firstLine(Path p) throws IOException {
        try (var r = Csv.open(p).reader(); var br = new java.io.BufferedReader(r)) {
            String l = br.readLine();
            return l == null ? "" : l;
        }
    }

    private static Map<String, String> readPairs(Path file, String keyCol, String valueCol, Map<String, Tier> tiers)
            throws IOException {
        String name = file.toString();
        Map<String, String> out = new HashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(Csv.open(file).reader()).setFormat(Csv.FORMAT).get()) {
            Iterator<CSVRecord> it = p.iterator();
            if (!it.hasNext()) {
                throw new InputException(name, "empty file: no header row");
            }
            java.util.List<String> header = it.next().toList();
            int k = header.indexOf(keyCol);
            int v = header.indexOf(valueCol);
            int t = tiers == null ? -1 : header.indexOf("tier");
            if (k < 0 || v < 0) {
                throw new InputException(name, 1, 0, "expected columns " + keyCol + "," + valueCol + "; "
                        + Csv.describeHeader(header, java.util.List.of(keyCol, valueCol, "tier", "party", "ring", "node",
                        "community", "shipment_id")), null);
            }
            while (it.hasNext()) {
                CSVRecord r = it.next();
                long line = p.getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new InputException(name, line, 0, "wrong column count: expected " + header.size() + ", got "
                            + r.size(), null);
                }
                // Result tables neutralise spreadsheet formulas (Csv.cell): undone here, so that a
                // communities.csv written by ParcelNet reads back as it was computed.
                String key = Csv.uncell(r.get(k));
                if (out.put(key, Csv.uncell(r.get(v))) != null) {
                    throw new InputException(name, line, k + 1, "duplicate " + keyCol + " (value not shown)", null);
                }
                if (t >= 0 && !r.get(t).isEmpty()) {
                    try {
                        tiers.put(key, Tier.parse(r.get(t)));
                    } catch (IllegalArgumentException e) {
                        throw new InputException(name, line, t + 1, e.getMessage(), null);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /**
     * The same truth with party ids mapped (for example to their pseudonyms, so that a desensitised
     * run can still be evaluated). Parties that map to the same id keep the first mapping's labels.
     */
    public GroundTruth withPartyIds(java.util.function.UnaryOperator<String> map) {
        Map<String, String> rings = new HashMap<>();
        Map<String, Tier> tiers = new HashMap<>();
        for (Map.Entry<String, String> e : ringOfParty.entrySet()) {
            rings.putIfAbsent(map.apply(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, Tier> e : tierOfParty.entrySet()) {
            tiers.putIfAbsent(map.apply(e.getKey()), e.getValue());
        }
        return new GroundTruth(rings, tiers, ringOfShipment);
    }

    /** Ring (or group) of a party; empty or null for background parties. */
    public String ring(String party) {
        return ringOfParty.get(party);
    }

    /** Tier of a ring member, or null. */
    public Tier tier(String party) {
        return tierOfParty.get(party);
    }

    /** Ring of a shipment; empty or null for background shipments. */
    public String shipmentRing(String shipmentId) {
        return ringOfShipment.get(shipmentId);
    }

    /** Whether truth for shipments was read. */
    public boolean hasShipments() {
        return !ringOfShipment.isEmpty();
    }

    /** All labelled parties → ring (empty for background). */
    public Map<String, String> parties() {
        return Collections.unmodifiableMap(ringOfParty);
    }

    /**
     * Dense ring labels aligned with {@code nodes}: -1 for nodes that are background or not in the
     * truth, else 0, 1, … in order of first appearance.
     */
    public int[] ringLabels(IdMap<String> nodes) {
        int[] out = new int[nodes.size()];
        Map<String, Integer> dense = new HashMap<>();
        for (int v = 0; v < out.length; v++) {
            String r = ringOfParty.get(nodes.id(v));
            out[v] = r == null || r.isEmpty() ? -1 : dense.computeIfAbsent(r, x -> dense.size());
        }
        return out;
    }

    /** Truth tiers aligned with {@code nodes} (null where unknown). */
    public Tier[] tiers(IdMap<String> nodes) {
        Tier[] out = new Tier[nodes.size()];
        for (int v = 0; v < out.length; v++) {
            out[v] = tierOfParty.get(nodes.id(v));
        }
        return out;
    }
}
