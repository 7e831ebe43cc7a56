package org.parcelnet.leads;

import java.util.List;

/**
 * A ring worth investigating.
 *
 * @param rank       1-based rank
 * @param ring       ring id
 * @param score      score in [0, 1]
 * @param members    party indices of the members, highest party score first
 * @param reasons    the largest contributions, largest first
 */
public record RingLead(int rank, int ring, double score, int[] members, List<Reason> reasons) {

    public RingLead {
        members = members.clone();
        reasons = List.copyOf(reasons);
    }

    /** Member party indices, highest party score first (a copy). */
    @Override
    public int[] members() {
        return members.clone();
    }

    /** Number of members. */
    public int size() {
        return members.length;
    }

    /** The reasons as one line. */
    public String reasonText() {
        return LeadScorer.join(reasons);
    }
}
