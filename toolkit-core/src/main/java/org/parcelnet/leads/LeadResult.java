package org.parcelnet.leads;

import java.util.List;

/**
 * Scores of all parties, the top party leads and all ring leads.
 *
 * @param partyScores score of every party, by party index
 * @param parties     the top parties, ranked (score descending, ties by party index)
 * @param rings       every ring, ranked (score descending, ties by ring id)
 */
public record LeadResult(double[] partyScores, List<PartyLead> parties, List<RingLead> rings) {

    public LeadResult {
        partyScores = partyScores.clone();
        parties = List.copyOf(parties);
        rings = List.copyOf(rings);
    }

    /**
     * This result with the {@code excluded} parties taken out of the party leads (ranks renumbered, at
     * most {@code topK} kept) and their scores set to 0; rank the parties with {@code topK} plus the
     * number excluded first, so that {@code topK} remain. Used to keep places that are not persons (courier
     * stations) out of the leads. O(parties).
     *
     * @param excluded per party, whether it may not be a lead
     */
    public LeadResult without(boolean[] excluded, int topK) {
        if (excluded.length != partyScores.length) {
            throw new IllegalArgumentException("excluded has " + excluded.length + " entries for "
                    + partyScores.length + " parties");
        }
        double[] scores = partyScores.clone();
        for (int p = 0; p < scores.length; p++) {
            if (excluded[p]) {
                scores[p] = 0;
            }
        }
        List<PartyLead> kept = new java.util.ArrayList<>();
        for (PartyLead l : parties) {
            if (!excluded[l.party()] && kept.size() < topK) {
                kept.add(new PartyLead(kept.size() + 1, l.party(), l.id(), l.score(), l.ring(), l.reasons()));
            }
        }
        return new LeadResult(scores, kept, rings);
    }

    /** Score of every party (a copy). */
    @Override
    public double[] partyScores() {
        return partyScores.clone();
    }
}
