package org.parcelnet.leads;

/** The explainable features of a lead, in the order of {@link LeadWeights#asArray()}. */
public enum Feature {
    /** Shipments the party sent or received. */
    VOLUME,
    /** Share of its parcels with exactly two cartons (a typical packing of the planted rings' goods). */
    TWO_CARTON,
    /** Share of its parcels that started in a border-entry or transit province. */
    BORDER,
    /** Distinct parties it exchanged parcels with. */
    COUNTERPARTIES,
    /** Relay chains (time-respecting forwarding paths) it is on. */
    RELAY,
    /** Membership of a detected ring, scaled by the ring's size. */
    COMMUNITY,
    /** Betweenness centrality in the party graph (a broker between parts of the network). */
    BETWEENNESS,
    /** Parcels found to carry contraband in its case network. */
    FLAGGED;

    /** Whether the raw value is a share in [0, 1] (used as is) rather than a count (log-scaled). */
    public boolean isShare() {
        return this == TWO_CARTON || this == BORDER;
    }
}
