package org.parcelnet.pipeline;

import java.util.List;
import java.util.Objects;

import org.parcelnet.linking.CaseLinker;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.model.PartyKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.roles.CourierStations;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;

/**
 * Options of an {@link Analysis}, validated on construction. Build them with {@link #builder()};
 * {@link #DEFAULTS} are those of {@code parcelnet analyze}.
 *
 * @param seed                  seed of every randomised step (Leiden, ring splits, betweenness pivots)
 * @param resolution            Leiden resolution γ &gt; 0
 * @param threads               worker threads (≥ 1) of Leiden and betweenness
 * @param partyKey              what identifies a party
 * @param windowDays            relay window in days (&gt; 0): a receiver forwarding within it continues a chain
 * @param hubThreshold          case linking ignores identifiers with more than this many distinct
 *                              counterparties (≥ 1)
 * @param budget                interdiction budget: parties each method may remove (≥ 1)
 * @param leadWeights           weights of the lead features
 * @param leadCount             party leads to list (≥ 1)
 * @param betweennessSamples    betweenness pivots when the party graph has more than
 *                              {@code exactBetweennessUpTo} parties (≥ 1)
 * @param exactBetweennessUpTo  largest party graph whose betweenness is exact (≥ 0)
 * @param minRingChains         relay chains from the border a community needs to count as a ring (≥ 1)
 * @param disruptionWaves       strike waves of {@code budget} removals each on the rings' network (≥ 1),
 *                              as the case study struck in four waves
 * @param pseudonymizer         when not null, phones, names and addresses are replaced by its keyed
 *                              pseudonyms before anything else (and the truth's party ids with them)
 * @param places                where goods enter the country and which provinces they cross: relay chains
 *                              start at parties sending from its entry places, tiers and the leads'
 *                              border share read its provinces (default: the built-in geography,
 *                              {@link GeographyPlaces})
 * @param stationWords          words that mark a courier station's address: a party sending from such
 *                              addresses is a place, kept out of ring members and leads
 *                              ({@link CourierStations}; default {@link CourierStations#DEFAULT_WORDS},
 *                              empty: none)
 */
public record AnalysisOptions(long seed, double resolution, int threads, PartyKey partyKey, double windowDays,
                              int hubThreshold, int budget, LeadWeights leadWeights, int leadCount,
                              int betweennessSamples, int exactBetweennessUpTo, int minRingChains,
                              int disruptionWaves, Pseudonymizer pseudonymizer, PlaceFacts places,
                              List<String> stationWords) {

    /** The defaults of {@code parcelnet analyze}: seed 42, γ = 1, one thread, phone parties, 3-day window. */
    public static final AnalysisOptions DEFAULTS = builder().build();

    public AnalysisOptions {
        if (!(resolution > 0) || Double.isInfinite(resolution)) {
            throw new IllegalArgumentException("resolution must be finite and > 0, got " + resolution);
        }
        atLeast("threads", threads, 1);
        Objects.requireNonNull(partyKey, "partyKey");
        if (!(windowDays > 0) || Double.isInfinite(windowDays)) {
            throw new IllegalArgumentException("windowDays must be finite and > 0, got " + windowDays);
        }
        atLeast("hubThreshold", hubThreshold, 1);
        atLeast("budget", budget, 1);
        Objects.requireNonNull(leadWeights, "leadWeights");
        atLeast("leadCount", leadCount, 1);
        atLeast("betweennessSamples", betweennessSamples, 1);
        atLeast("exactBetweennessUpTo", exactBetweennessUpTo, 0);
        atLeast("minRingChains", minRingChains, 1);
        atLeast("disruptionWaves", disruptionWaves, 1);
        Objects.requireNonNull(places, "places");
        stationWords = List.copyOf(Objects.requireNonNull(stationWords, "stationWords"));
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    /** Whether identifiers are pseudonymised first. */
    public boolean desensitize() {
        return pseudonymizer != null;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().seed(seed).resolution(resolution).threads(threads).partyKey(partyKey)
                .windowDays(windowDays).hubThreshold(hubThreshold).budget(budget).leadWeights(leadWeights)
                .leadCount(leadCount).betweennessSamples(betweennessSamples)
                .exactBetweennessUpTo(exactBetweennessUpTo).minRingChains(minRingChains)
                .disruptionWaves(disruptionWaves).pseudonymizer(pseudonymizer).places(places)
                .stationWords(stationWords);
    }

    /** Builder of {@link AnalysisOptions}. */
    public static final class Builder {
        private long seed = 42;
        private double resolution = 1.0;
        private int threads = 1;
        private PartyKey partyKey = PartyKey.PHONE;
        private double windowDays = 3;
        private int hubThreshold = CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES;
        private int budget = 8;
        private LeadWeights leadWeights = LeadWeights.DEFAULTS;
        private int leadCount = 100;
        private int betweennessSamples = 256;
        private int exactBetweennessUpTo = 20_000;
        private int minRingChains = 5;
        private int disruptionWaves = 4;
        private Pseudonymizer pseudonymizer;
        private PlaceFacts places = GeographyPlaces.INSTANCE;
        private List<String> stationWords = CourierStations.DEFAULT_WORDS;

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder resolution(double v) {
            resolution = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder partyKey(PartyKey v) {
            partyKey = v;
            return this;
        }

        public Builder windowDays(double v) {
            windowDays = v;
            return this;
        }

        public Builder hubThreshold(int v) {
            hubThreshold = v;
            return this;
        }

        public Builder budget(int v) {
            budget = v;
            return this;
        }

        public Builder leadWeights(LeadWeights v) {
            leadWeights = v;
            return this;
        }

        public Builder leadCount(int v) {
            leadCount = v;
            return this;
        }

        public Builder betweennessSamples(int v) {
            betweennessSamples = v;
            return this;
        }

        public Builder exactBetweennessUpTo(int v) {
            exactBetweennessUpTo = v;
            return this;
        }

        public Builder minRingChains(int v) {
            minRingChains = v;
            return this;
        }

        public Builder disruptionWaves(int v) {
            disruptionWaves = v;
            return this;
        }

        /** Pseudonymise identifiers first with {@code p}; null (the default) leaves them as read. */
        public Builder pseudonymizer(Pseudonymizer v) {
            pseudonymizer = v;
            return this;
        }

        /** Entry places and border and transit provinces (default: the built-in geography). */
        public Builder places(PlaceFacts v) {
            places = v;
            return this;
        }

        /** Words that mark a courier station's address (default {@link CourierStations#DEFAULT_WORDS}; empty: none). */
        public Builder stationWords(List<String> v) {
            stationWords = v;
            return this;
        }

        public AnalysisOptions build() {
            return new AnalysisOptions(seed, resolution, threads, partyKey, windowDays, hubThreshold, budget,
                    leadWeights, leadCount, betweennessSamples, exactBetweennessUpTo, minRingChains, disruptionWaves,
                    pseudonymizer, places, stationWords);
        }
    }
}
