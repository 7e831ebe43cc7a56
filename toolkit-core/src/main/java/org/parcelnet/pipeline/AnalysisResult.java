package org.parcelnet.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.eval.Evaluation;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.interdiction.Disruption;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.io.ReadStats;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.roles.RingFinder;
import org.parcelnet.roles.RingMembers;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

/**
 * Everything an {@link Analysis} found, typed. Party arrays are indexed by the party graph's node
 * ids ({@code partyGraph().label(v)} is the party's id).
 *
 * @param options       the options that ran
 * @param shipments     the shipments analysed (pseudonymised when the options said so)
 * @param read          rows read and rejected
 * @param links         case networks of the cases (flagged shipments, or all when none is flagged), with their links
 * @param parties       sender and receiver party of each shipment
 * @param partyGraph    the directed party graph (sender → receiver, weight = shipments)
 * @param communities   Leiden's communities of the undirected party graph
 * @param chains        time-respecting relay chains from border senders
 * @param rings         rings: the communities after ring splits, each member's ring (-1 for customers and
 *                      parties outside rings)
 * @param members       members and customers of the rings found, with confidences
 * @param tiers         tier of each party
 * @param betweenness   betweenness of the party graph (exact or sampled)
 * @param interdiction  interdiction on the rings' network
 * @param disruption    strike waves on the rings' network: one robustness curve per strategy
 *                      ({@link org.parcelnet.interdiction.RingDisruption}; empty without sources or sinks)
 * @param leads         party and ring leads, best first
 * @param regions       dispatch region of each party (destination province it delivered to most)
 * @param volume        shipments sent or received by each party
 * @param stations      per party, whether it is a courier station ({@link org.parcelnet.roles.CourierStations}):
 *                      kept out of ring members and party leads
 * @param evaluation    comparison with the ground truth, when one was given
 * @param times         seconds per stage
 */
public record AnalysisResult(AnalysisOptions options, ShipmentTable shipments, ReadStats read,
                             CaseNetworks.Result links, PartyIndex parties, LabeledGraph partyGraph,
                             CommunityResult communities, RelayChains.Result chains, RingFinder.Result rings,
                             RingMembers.Result members, TierClassifier.Result tiers,
                             Betweenness.Result betweenness, RingInterdiction.Result interdiction,
                             List<Disruption.Curve> disruption, LeadResult leads,
                             String[] regions, double[] volume, boolean[] stations, Optional<Evaluation> evaluation,
                             StageTimes times) {

    public AnalysisResult {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(shipments, "shipments");
        Objects.requireNonNull(evaluation, "evaluation");
        disruption = List.copyOf(disruption);
        regions = regions.clone();
        volume = volume.clone();
        stations = stations.clone();
    }

    /** Per party, whether it is a courier station (a copy). */
    @Override
    public boolean[] stations() {
        return stations.clone();
    }

    @Override
    public String[] regions() {
        return regions.clone();
    }

    @Override
    public double[] volume() {
        return volume.clone();
    }

    /** Community of each party after the ring splits (what communities.csv holds). */
    public int[] community() {
        return rings.partition().membership();
    }

    /** Ring of each party, -1 outside rings. */
    public int[] ringOf() {
        return rings.ringOf();
    }

    /** Tier names of ring members; null for parties outside rings or unclassified. */
    public String[] tierNamesInRings() {
        int[] ringOf = rings.ringOf();
        Tier[] tier = tiers.tier();
        String[] names = new String[ringOf.length];
        for (int v = 0; v < names.length; v++) {
            names[v] = ringOf[v] >= 0 && tier[v] != null ? tier[v].label() : null;
        }
        return names;
    }

    /**
     * Seconds per stage of the main line, in order, and of the two steps that run beside it on a
     * background thread (the case-linking index of the shipments' identifiers, then betweenness). The
     * main line's {@code betweenness} stage is its wait for that thread; its {@code tiers and rings}
     * stage includes any wait for the index (the successor-phone rule reads its normalised addresses),
     * and its {@code link cases} stage is the case search (it needs the rings).
     *
     * @param stages           stage name → seconds, in run order
     * @param linking          seconds the case-linking index took to build
     * @param betweennessRun   seconds betweenness ran
     */
    public record StageTimes(Map<String, Double> stages, double linking, double betweennessRun) {
        public StageTimes {
            stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        }
    }
}
