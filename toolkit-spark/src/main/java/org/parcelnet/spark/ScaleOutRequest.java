package org.parcelnet.spark;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.roles.CourierStations;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.PlaceList;

/**
 * What to analyse and how, independent of the engine.
 *
 * @param input          a shipments file, a folder of part files, or a glob (any Hadoop file system)
 * @param out            the output folder (replaced as a unit)
 * @param lenient        reject bad rows (counted, written to rejects.csv) instead of stopping
 * @param zone           zone of times without an offset
 * @param columnMap      schema column → column name in the files
 * @param key            the pseudonym key to desensitise with, or null for none
 * @param cases          core's case-linking parameters
 * @param communities    community options
 * @param splitCases     split case networks by the communities (as {@code parcelnet link} does); false
 *                       needs {@code cases.maxPathIdentifiers() == 1} (direct links, no split)
 * @param parquet        also write the tables as Parquet folders beside the CSV files
 * @param windowDays     relay window in days (core's {@code --window}, default 3)
 * @param leadCount      party leads to list (core's {@code --leads}, default 100)
 * @param linkOnly       stop after the case networks, as core's {@code parcelnet link}: no relay chains,
 *                       routes or leads
 * @param places         entry places and border/transit provinces (core's {@code --places}; default the
 *                       built-in geography); serialisable, since the executors test places with it
 * @param stationWords   words that mark a courier station's address (core's {@code --station-words}, default
 *                       {@link CourierStations#DEFAULT_WORDS}; blank words ignored, none: no stations): a
 *                       station loses every edge of the graph communities are found on, as in core's analyze
 */
public record ScaleOutRequest(String input, String out, boolean lenient, String zone, Map<String, String> columnMap,
                              ShipmentIngest.KeySource key, CaseNetworks.Params cases,
                              CommunityJob.Options communities, boolean splitCases, boolean parquet,
                              double windowDays, int leadCount, boolean linkOnly, PlaceFacts places,
                              List<String> stationWords) {

    public ScaleOutRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(zone, "zone");
        columnMap = Map.copyOf(columnMap);
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(communities, "communities");
        if (!splitCases && cases.maxPathIdentifiers() > 1) {
            // without the split a case's search may reach any shipment: it does not divide into parts
            throw new IllegalArgumentException("case networks without the community split need --max-path 1");
        }
        if (!(windowDays > 0) || Double.isInfinite(windowDays)) {
            throw new IllegalArgumentException("--window-days must be a number of days > 0, got " + windowDays);
        }
        if (leadCount < 1) {
            throw new IllegalArgumentException("--leads must be >= 1, got " + leadCount);
        }
        Objects.requireNonNull(places, "places");
        if (!(places instanceof java.io.Serializable)) {
            throw new IllegalArgumentException("places must be serialisable to reach the executors");
        }
        stationWords = List.copyOf(stationWords);
    }

    /** Defaults: strict, UTC, core's case parameters and hub threshold, seed 42, γ = 1. */
    public static ScaleOutRequest of(String input, String out) {
        return new ScaleOutRequest(input, out, false, "UTC", Map.of(), null, CaseNetworks.Params.DEFAULTS,
                new CommunityJob.Options(42, 1.0, CaseNetworks.Params.DEFAULTS.maxCounterparties(), 4_000_000, 5), true, false,
                3, 100, false, GeographyPlaces.INSTANCE, CourierStations.DEFAULT_WORDS);
    }

    public ScaleOutRequest withLenient(boolean v) {
        return new ScaleOutRequest(input, out, v, zone, columnMap, key, cases, communities, splitCases, parquet, windowDays, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withKey(ShipmentIngest.KeySource v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, v, cases, communities, splitCases, parquet, windowDays, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withCommunities(CommunityJob.Options v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, v, splitCases, parquet, windowDays, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withCases(CaseNetworks.Params v, boolean split) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, v, communities, split, parquet, windowDays, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withParquet(boolean v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, v, windowDays, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withRelayWindow(double days) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, parquet,
                days, leadCount, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withLeadCount(int v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, parquet,
                windowDays, v, linkOnly, places, stationWords);
    }

    public ScaleOutRequest withLinkOnly(boolean v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, parquet,
                windowDays, leadCount, v, places, stationWords);
    }

    /** Entry places and border/transit provinces (a {@link PlaceList} from {@code --places}). */
    public ScaleOutRequest withPlaces(PlaceFacts v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, parquet,
                windowDays, leadCount, linkOnly, v, stationWords);
    }

    /** Words that mark a courier station's address (core's {@code --station-words}; none: no stations). */
    public ScaleOutRequest withStationWords(List<String> v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, communities, splitCases, parquet,
                windowDays, leadCount, linkOnly, places, v);
    }

    public ScaleOutRequest withZone(String v) {
        return new ScaleOutRequest(input, out, lenient, v, columnMap, key, cases, communities, splitCases, parquet, windowDays, leadCount, linkOnly, places, stationWords);
    }
}
