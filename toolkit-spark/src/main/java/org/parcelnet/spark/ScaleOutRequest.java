package org.parcelnet.spark;

import java.util.Map;
import java.util.Objects;

import org.parcelnet.linking.CaseNetworks;

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
 */
public record ScaleOutRequest(String input, String out, boolean lenient, String zone, Map<String, String> columnMap,
                              ShipmentIngest.KeySource key, CaseNetworks.Params cases,
                              CommunityJob.Options communities) {

    public ScaleOutRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(zone, "zone");
        columnMap = Map.copyOf(columnMap);
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(communities, "communities");
    }

    /** Defaults: strict, UTC, core's case parameters and hub threshold, seed 42, γ = 1. */
    public static ScaleOutRequest of(String input, String out) {
        return new ScaleOutRequest(input, out, false, "UTC", Map.of(), null, CaseNetworks.Params.DEFAULTS,
                new CommunityJob.Options(42, 1.0, CaseNetworks.Params.DEFAULTS.maxCounterparties(), 2_000_000, 5));
    }

    public ScaleOutRequest withLenient(boolean v) {
        return new ScaleOutRequest(input, out, v, zone, columnMap, key, cases, communities);
    }

    public ScaleOutRequest withKey(ShipmentIngest.KeySource v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, v, cases, communities);
    }

    public ScaleOutRequest withCommunities(CommunityJob.Options v) {
        return new ScaleOutRequest(input, out, lenient, zone, columnMap, key, cases, v);
    }

    public ScaleOutRequest withZone(String v) {
        return new ScaleOutRequest(input, out, lenient, v, columnMap, key, cases, communities);
    }
}
