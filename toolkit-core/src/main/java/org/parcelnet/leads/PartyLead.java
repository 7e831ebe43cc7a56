package org.parcelnet.leads;

import java.util.List;

/**
 * A party worth investigating.
 *
 * @param rank    1-based rank (1 = highest score)
 * @param party   party index in the {@link LeadFeatures}
 * @param id      party id (phone or pseudonym)
 * @param score   score in [0, 1]
 * @param ring    ring of the party, or -1
 * @param reasons the largest contributions, largest first (at most {@link LeadScorer#REASONS})
 */
public record PartyLead(int rank, int party, String id, double score, int ring, List<Reason> reasons) {

    public PartyLead {
        reasons = List.copyOf(reasons);
    }

    /** The reasons as one line, e.g. {@code "3 flagged parcels in its case network; 100% of parcels are 2-carton"}. */
    public String reasonText() {
        return LeadScorer.join(reasons);
    }
}
