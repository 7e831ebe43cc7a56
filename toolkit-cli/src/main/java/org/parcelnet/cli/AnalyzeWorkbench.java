package org.parcelnet.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parcelnet.cli.report.RouteMap;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.leads.RingLead;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.roles.Tier;

/**
 * The data the report's search works on, embedded in the page as JSON. It is bounded, not the whole
 * input: the <em>focus parties</em> are every ring member, every listed party lead and every
 * interdiction pick; the page holds each focus party's facts (ring, tier, role and confidence when
 * ring_members.csv exists, lead rank, score and reasons, region, volume) and its most recent
 * {@value #PARCELS_PER_PARTY} parcels, up to {@value #MAX_PARCELS} parcels in all (focus parties taken
 * in order: rings by rank, then leads by rank, then picks); each parcel's waybill, time, sender,
 * receiver, places, pieces, flag and case network; the counterparties of those parcels (their id
 * only); the sizes of the case networks they fall in; the {@value #MAX_ROUTES} busiest relay routes;
 * and, when links.csv exists,
 * the links touching those parcels (at most {@value #MAX_LINKS}).
 *
 * <p>At 4.31M shipments with 40 rings that is some thousands of parties and at most
 * {@value #MAX_PARCELS} parcels: a few MB of JSON, whatever the input size. Cost: two passes over the
 * shipments plus sorting each focus party's parcels by time.
 */
final class AnalyzeWorkbench {

    /** Parcels embedded per focus party at most (the most recent). */
    static final int PARCELS_PER_PARTY = 250;
    /** Parcels embedded at most. */
    static final int MAX_PARCELS = 120_000;
    /** Relay routes embedded at most (the busiest; routes.csv has them all). */
    static final int MAX_ROUTES = 2_000;
    /** Links of links.csv embedded at most. */
    static final int MAX_LINKS = 20_000;

    private final AnalysisResult run;
    private final RouteGeography geography;
    private final int[] focusOrder;
    private final boolean[] isFocus;
    private final int[] parcelRows;
    private final Set<Integer> cutParties = new HashSet<>();

    AnalyzeWorkbench(AnalysisResult run, RouteGeography geography) {
        this.run = run;
        this.geography = geography;
        int n = run.partyGraph().graph().nodeCount();
        isFocus = new boolean[n];
        List<Integer> order = new ArrayList<>();
        for (RingLead ring : run.leads().rings()) {
            for (int v : ring.members()) {
                addFocus(order, v);
            }
        }
        for (PartyLead lead : run.leads().parties()) {
            addFocus(order, lead.party());
        }
        for (RingInterdiction.Picks p : run.interdiction().picks()) {
            for (int v : p.parties()) {
                addFocus(order, v);
            }
        }
        int[] ringOf = run.ringOf();
        for (int v = 0; v < n; v++) {
            if (ringOf[v] >= 0) {
                addFocus(order, v); // members of rings without a lead (none today), for completeness
            }
        }
        focusOrder = order.stream().mapToInt(Integer::intValue).toArray();
        parcelRows = selectParcels();
    }

    private void addFocus(List<Integer> order, int v) {
        if (v >= 0 && v < isFocus.length && !isFocus[v]) {
            isFocus[v] = true;
            order.add(v);
        }
    }

    /** Each focus party's most recent parcels, in focus order, up to the total bound; rows ascending. */
    private int[] selectParcels() {
        ShipmentTable t = run.shipments();
        int[] sender = run.parties().senderParty();
        int[] receiver = run.parties().receiverParty();
        int n = isFocus.length;
        int[] count = new int[n + 1];
        for (int i = 0; i < t.size(); i++) {
            if (isFocus[sender[i]]) {
                count[sender[i]]++;
            }
            if (isFocus[receiver[i]] && receiver[i] != sender[i]) {
                count[receiver[i]]++;
            }
        }
        int[] start = new int[n + 1];
        for (int v = 0; v < n; v++) {
            start[v + 1] = start[v] + count[v];
        }
        int[] rows = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < t.size(); i++) {
            if (isFocus[sender[i]]) {
                rows[fill[sender[i]]++] = i;
            }
            if (isFocus[receiver[i]] && receiver[i] != sender[i]) {
                rows[fill[receiver[i]]++] = i;
            }
        }
        boolean[] taken = new boolean[t.size()];
        int total = 0;
        for (int v : focusOrder) {
            int from = start[v];
            int to = start[v + 1];
            int[] mine = Arrays.copyOfRange(rows, from, to);
            if (mine.length > PARCELS_PER_PARTY) {
                Integer[] boxed = Arrays.stream(mine).boxed().toArray(Integer[]::new);
                Arrays.sort(boxed, (a, b) -> t.shippedAt(a) != t.shippedAt(b) ? Long.compare(t.shippedAt(b), t.shippedAt(a))
                        : Integer.compare(b, a));
                mine = Arrays.stream(boxed).limit(PARCELS_PER_PARTY).mapToInt(Integer::intValue).toArray();
                cutParties.add(v);
            }
            for (int r : mine) {
                if (!taken[r]) {
                    if (total >= MAX_PARCELS) {
                        cutParties.add(v);
                        break;
                    }
                    taken[r] = true;
                    total++;
                }
            }
        }
        int[] out = new int[total];
        int k = 0;
        for (int i = 0; i < taken.length; i++) {
            if (taken[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Whether a waybill id is among the embedded parcels. */
    Set<String> waybills() {
        Set<String> s = new HashSet<>(parcelRows.length * 2);
        for (int r : parcelRows) {
            s.add(run.shipments().shipmentId(r));
        }
        return s;
    }

    /** Focus parties, embedded parcels, parties referenced. */
    int[] counts() {
        return new int[] {focusOrder.length, parcelRows.length, cutParties.size()};
    }

    /** The sentence the page shows under the search box. */
    String holdsText(LinkEvidence evidence) {
        return String.format(Locale.ROOT, "Search the %,d ring members, party leads and interdiction picks by phone "
                        + "or pseudonym, a waybill id of their parcels, or a place. The page holds their facts and their "
                        + "%,d most recent parcels (up to %d each%s), the counterparties of those parcels, the case "
                        + "networks the parcels fall in%s; the CSV files next to this page hold everything.",
                focusOrder.length, parcelRows.length, PARCELS_PER_PARTY,
                cutParties.isEmpty() ? "" : String.format(Locale.ROOT, "; %,d parties have more", cutParties.size()),
                evidence.hasLinks() ? " and the case-linking evidence of links.csv" : "");
    }

    /** The JSON-ready data (see the class comment). */
    Map<String, Object> data(LinkEvidence evidence) {
        ShipmentTable t = run.shipments();
        int[] sender = run.parties().senderParty();
        int[] receiver = run.parties().receiverParty();
        int[] ringOf = run.ringOf();
        Tier[] tier = run.tiers().tier();
        String[] region = run.regions();
        int[] sent = run.tiers().sent();
        int[] received = run.tiers().received();
        Map<Integer, Integer> local = new HashMap<>();
        List<String> partyIds = new ArrayList<>();
        for (int v : focusOrder) {
            local.put(v, partyIds.size());
            partyIds.add(run.partyGraph().label(v));
        }
        Map<Integer, Integer> placeIndex = new LinkedHashMap<>();
        List<String> places = new ArrayList<>();
        int[] sizes = run.links().sizes();
        Map<String, Object> cases = new LinkedHashMap<>();
        // Parcels column by column: flat arrays parse several times faster than one small array per parcel.
        int np = parcelRows.length;
        String[] waybill = new String[np];
        long[] time = new long[np];
        int[] from = new int[np];
        int[] to = new int[np];
        int[] origin = new int[np];
        int[] destination = new int[np];
        int[] pieces = new int[np];
        int[] flagged = new int[np];
        int[] network = new int[np];
        for (int k = 0; k < np; k++) {
            int r = parcelRows[k];
            waybill[k] = t.shipmentId(r);
            time[k] = t.shippedAt(r);
            from[k] = localParty(local, partyIds, sender[r]);
            to[k] = localParty(local, partyIds, receiver[r]);
            origin[k] = place(placeIndex, places, t.originPlace(r));
            destination[k] = place(placeIndex, places, t.destinationPlace(r));
            pieces[k] = t.pieces(r);
            flagged[k] = t.flagged(r) ? 1 : 0;
            network[k] = run.links().networkOf(r); // -1: not a case
            if (network[k] >= 0) {
                cases.putIfAbsent(Integer.toString(network[k]), sizes[network[k]]);
            }
        }
        Map<String, Object> parcels = new LinkedHashMap<>();
        parcels.put("waybill", waybill);
        parcels.put("time", time);
        parcels.put("sender", from);
        parcels.put("receiver", to);
        parcels.put("origin", origin);
        parcels.put("destination", destination);
        parcels.put("pieces", pieces);
        parcels.put("flagged", flagged);
        parcels.put("case", network);
        Set<String> provincesListed = new HashSet<>();
        for (String p : places) {
            provincesListed.add(p.substring(0, Math.max(0, p.indexOf('/'))));
        }
        List<RelayChains.Route> routeList = run.chains().routes();
        for (int i = 0; i < Math.min(MAX_ROUTES, routeList.size()); i++) {
            // the routes' provinces too, so a place search finds them
            for (String p : routeList.get(i).places()) {
                if (provincesListed.add(p)) {
                    places.add(p);
                }
            }
        }
        Map<Integer, PartyLead> leadOf = new HashMap<>();
        for (PartyLead l : run.leads().parties()) {
            leadOf.putIfAbsent(l.party(), l);
        }
        List<Map<String, Object>> focus = new ArrayList<>();
        for (int v : focusOrder) {
            Map<String, Object> f = new LinkedHashMap<>();
            String id = run.partyGraph().label(v);
            f.put("p", local.get(v));
            f.put("ring", ringOf[v]);
            f.put("tier", ringOf[v] >= 0 && tier[v] != null ? tier[v].label() : null);
            LinkEvidence.Member m = evidence.members == null ? null : evidence.members.get(id);
            f.put("role", m == null ? null : m.role());
            f.put("confidence", m == null ? null : m.confidence());
            PartyLead lead = leadOf.get(v);
            f.put("lead", lead == null ? null : lead.rank());
            f.put("score", lead == null ? null : lead.score());
            f.put("why", lead == null ? null : lead.reasonText());
            f.put("region", region[v]);
            f.put("sent", sent[v]);
            f.put("received", received[v]);
            f.put("cut", cutParties.contains(v));
            focus.add(f);
        }
        List<Map<String, Object>> rings = new ArrayList<>();
        double[] volume = run.volume();
        for (RingLead lead : run.leads().rings()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ring", lead.ring());
            r.put("rank", lead.rank());
            r.put("score", lead.score());
            r.put("size", lead.size());
            r.put("colour", RouteMap.ringColour(lead.rank() - 1));
            r.put("region", Dispatch.ringRegion(lead, region, volume));
            r.put("why", lead.reasonText());
            rings.add(r);
        }
        List<Object[]> routes = new ArrayList<>();
        List<RelayChains.Route> all = run.chains().routes();
        for (int i = 0; i < Math.min(MAX_ROUTES, all.size()); i++) {
            RelayChains.Route route = all.get(i);
            RouteGeography.RouteStats s = geography.stats(route.describe());
            routes.add(new Object[] {i + 1, route.describe(), route.chains(), route.pieces(), route.parties(),
                s == null ? -1 : s.topRing(), s == null ? "" : geography.via(s)});
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("shipments", t.size());
        meta.put("focus_parties", focusOrder.length);
        meta.put("parcels", parcelRows.length);
        meta.put("parcels_per_party", PARCELS_PER_PARTY);
        meta.put("max_parcels", MAX_PARCELS);
        meta.put("parties_with_more_parcels", cutParties.size());
        meta.put("links_left_out", evidence.linksLeftOut);
        meta.put("routes", Math.min(MAX_ROUTES, all.size()));
        meta.put("routes_in_routes_csv", all.size());
        data.put("meta", meta);
        data.put("places", places);
        data.put("parties", partyIds);
        data.put("focus", focus);
        data.put("rings", rings);
        data.put("parcels", parcels);
        data.put("cases", cases);
        data.put("routes", routes);
        if (evidence.hasLinks()) {
            List<Object[]> links = new ArrayList<>();
            for (LinkEvidence.Link l : evidence.links) {
                links.add(new Object[] {l.caseA(), l.caseB(), l.identifiers(), l.weight()});
            }
            data.put("links", links);
        }
        return data;
    }

    private static int localParty(Map<Integer, Integer> local, List<String> ids, int v, AnalysisResult run) {
        return local.computeIfAbsent(v, k -> {
            ids.add(run.partyGraph().label(k));
            return ids.size() - 1;
        });
    }

    private int localParty(Map<Integer, Integer> local, List<String> ids, int v) {
        return localParty(local, ids, v, run);
    }

    private int place(Map<Integer, Integer> index, List<String> places, int code) {
        return index.computeIfAbsent(code, c -> {
            places.add(run.shipments().place(c).label());
            return places.size() - 1;
        });
    }
}
