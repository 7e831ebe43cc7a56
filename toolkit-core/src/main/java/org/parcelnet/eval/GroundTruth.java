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
 * Only labelled rows are held; rows with an empty label are checked for repeats and dropped, since
 * "no ring" is what every lookup of an unknown party answers.
 * Also reads a plain {@code node,community} file as ground-truth groups.
 */
public final class GroundTruth {

    private final Map<String, String> ringOfParty;
    private final Map<String, Tier> tierOfParty;
    private final Map<String, String> ringOfShipment;
    private final boolean shipmentsRead;

    private GroundTruth(Map<String, String> ringOfParty, Map<String, Tier> tierOfParty,
                        Map<String, String> ringOfShipment, boolean shipmentsRead) {
        this.ringOfParty = ringOfParty;
        this.tierOfParty = tierOfParty;
        this.ringOfShipment = ringOfShipment;
        this.shipmentsRead = shipmentsRead;
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
            boolean withShipments = Files.exists(ships);
            Map<String, String> shipmentRing = withShipments ? readPairs(ships, "shipment_id", "ring", null) : Map.of();
            return new GroundTruth(g.ringOfParty, g.tierOfParty, shipmentRing, withShipments);
        }
        Map<String, Tier> tiers = new HashMap<>();
        Map<String, String> rings;
        String header = firstLine(path);
        if (header.contains("party")) {
            rings = readPairs(path, "party", "ring", tiers);
        } else {
            rings = readPairs(path, "node", "community", null);
        }
        return new GroundTruth(rings, tiers, Map.of(), false);
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
        // Rows with an empty group (background parties: nearly all of a generated set's) are only
        // checked for repeats, by a 64-bit fingerprint: holding them as strings cost about 90 bytes
        // each, a tenth of analyze's live heap on 4.31M shipments.
        Fingerprints background = new Fingerprints();
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
                String value = Csv.uncell(r.get(v));
                boolean repeated = value.isEmpty() ? out.containsKey(key) || !background.add(key)
                        : out.put(key, value) != null || background.contains(key);
                if (repeated) {
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
     * A set of 64-bit string fingerprints (FNV-1a, then the SplitMix64 finaliser), open addressing:
     * 16 bytes per string at most half full. Two different strings share a fingerprint with
     * probability about 2^-64, so for a million rows a false "duplicate" is a one in 10^7 event.
     */
    private static final class Fingerprints {
        private long[] slots = new long[1 << 10];
        private int size;
        private boolean hasZero;

        static long of(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
            return h ^ (h >>> 31);
        }

        boolean contains(String s) {
            long f = of(s);
            if (f == 0) {
                return hasZero;
            }
            int mask = slots.length - 1;
            for (int i = (int) f & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == f) {
                    return true;
                }
            }
            return false;
        }

        /** Adds {@code s}; false when its fingerprint was there already. */
        boolean add(String s) {
            long f = of(s);
            if (f == 0) {
                boolean was = hasZero;
                hasZero = true;
                return !was;
            }
            if (!insert(slots, f)) {
                return false;
            }
            if (++size * 2 > slots.length) {
                long[] bigger = new long[slots.length * 2];
                for (long x : slots) {
                    if (x != 0) {
                        insert(bigger, x);
                    }
                }
                slots = bigger;
            }
            return true;
        }

        private static boolean insert(long[] table, long f) {
            int mask = table.length - 1;
            int i = (int) f & mask;
            while (table[i] != 0) {
                if (table[i] == f) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = f;
            return true;
        }
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
        return new GroundTruth(rings, tiers, ringOfShipment, shipmentsRead);
    }

    /** Ring (or group) of a party; null for background parties and parties not in the truth. */
    public String ring(String party) {
        return ringOfParty.get(party);
    }

    /** Tier of a ring member, or null. */
    public Tier tier(String party) {
        return tierOfParty.get(party);
    }

    /** Ring of a shipment; null for background shipments and shipments not in the truth. */
    public String shipmentRing(String shipmentId) {
        return ringOfShipment.get(shipmentId);
    }

    /** Whether truth for shipments was read. */
    public boolean hasShipments() {
        return shipmentsRead;
    }

    /** The parties that belong to a ring (or group) → its label; background parties are not held. */
    public Map<String, String> ringParties() {
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
