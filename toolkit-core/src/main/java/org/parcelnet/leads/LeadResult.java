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

    /** Score of every party (a copy). */
    @Override
    public double[] partyScores() {
        return partyScores.clone();
    }
}
