package org.parcelnet.leads;

/**
 * Why a lead scored: one feature's share of the score.
 *
 * @param feature      the feature
 * @param contribution weight × normalised value / sum of weights (the lead's score is the sum of these)
 * @param text         the raw value in words, e.g. "85% of parcels are 2-carton"
 */
public record Reason(Feature feature, double contribution, String text) {
}
