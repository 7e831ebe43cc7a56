package org.parcelnet.synth;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The knobs of {@link NetworkGenerator}, immutable and validated on construction. Build with
 * {@link #builder()}; every knob has a default (see {@code docs/generator.md}). Invalid values throw
 * {@link IllegalArgumentException} naming the knob, the allowed range and the value given.
 *
 * @param shipments     total shipments written (exactly), 1..200,000,000; default 50,000
 * @param rings         planted rings, 0..10,000; default 8
 * @param minRingSize   smallest ring (member count before phone rotation), 4..100,000; default 20
 * @param maxRingSize   largest ring, ≥ minRingSize; default 150 (sizes are log-uniform in between)
 * @param ringShare     share of all shipments that are ring (contraband) parcels, 0..0.5; default 0.05
 * @param innocentShare innocent parcels sent by ring members, as a fraction of ring parcels, 0..1;
 *                      default 0.05
 * @param flaggedShare  share of ring parcels flagged (seized), 0..1; default 0.02
 * @param hubs          courier stations whose phone and address stand in for many unrelated senders
 *                      and receivers, 0..1,000,000; default 100
 * @param hubShare      share of individuals' parcels dropped off at a courier station (half that share
 *                      of all parcels is collected at one), 0..1; default 0.3
 * @param phoneChurn    expected phone rotations per ring member per 30 days, 0..10; default 0.1
 * @param mixing        probability that a ring parcel links outside its ring (half to a member of
 *                      another ring one tier down, half sent through a courier station), 0..1;
 *                      default 0.01
 * @param relayMaxDays  a relay forwards a consignment within this many days of receiving it, 1..30;
 *                      default 4
 * @param startDate     first day (local time UTC+08:00); default 2024-01-01
 * @param spanDays      days covered, 7..3,660; default 365
 * @param seed          seed of every random choice; default 1
 * @param merchants     background merchants; 0 = automatic (max(20, shipments / 150)); default 0
 * @param individuals   background individuals; 0 = automatic (max(1,000, shipments / 2)); default 0
 * @param customerLeakage extra ring parcels that distributors sell to one-off buyers (ordinary
 *                      individuals, not ring members), per ring parcel a distributor delivers to a
 *                      retailer, 0..2; default 0
 * @param memberPurchases ordinary online purchases shops send to ring members, per ring parcel, 0..1;
 *                      default 0
 * @param stationHandIn share of ring parcels handed in at a courier station (the station's phone and
 *                      address replace the sender's), 0..1; default 0
 * @param sharedTransit probability that a ring (other than the first) uses a transit warehouse of an
 *                      earlier ring as one of its own, 0..1; default 0
 * @param falseFlagShare share of ordinary (background) parcels flagged by mistake, 0..0.05; default 0
 * @param flaggedColumn whether {@code shipments.csv} has the {@code flagged} column; default true
 * @param nameNoise     probability that a rendered name is misspelt (one letter changed, or spacing and
 *                      case changed), 0..1; default 0
 * @param addressNoise  probability that a rendered address is written differently (case and punctuation,
 *                      an abbreviated street word, or the room left out), 0..1; default 0
 * @param omittedColumns optional columns left out of {@code shipments.csv} (any of
 *                      {@link #OPTIONAL_COLUMNS}); default none
 */
public record GeneratorConfig(int shipments, int rings, int minRingSize, int maxRingSize, double ringShare,
                              double innocentShare, double flaggedShare, int hubs, double hubShare,
                              double phoneChurn, double mixing, int relayMaxDays, LocalDate startDate,
                              int spanDays, long seed, int merchants, int individuals, double customerLeakage,
                              double memberPurchases, double stationHandIn, double sharedTransit,
                              double falseFlagShare, boolean flaggedColumn, double nameNoise, double addressNoise,
                              java.util.Set<String> omittedColumns) {

    /** Columns of {@code shipments.csv} that {@link #omittedColumns} may name (the format's optional ones). */
    public static final java.util.List<String> OPTIONAL_COLUMNS = java.util.List.of("sender_name", "receiver_name",
            "sender_address", "receiver_address", "carrier", "mode", "pieces", "weight_kg", "declared_goods");

    /** Validates every knob. */
    public GeneratorConfig {
        Objects.requireNonNull(startDate, "startDate must not be null");
        range("shipments", shipments, 1, 200_000_000);
        range("rings", rings, 0, 10_000);
        range("minRingSize", minRingSize, 4, 100_000);
        if (maxRingSize < minRingSize || maxRingSize > 100_000) {
            throw new IllegalArgumentException("maxRingSize must be between minRingSize (" + minRingSize
                    + ") and 100000, got " + maxRingSize);
        }
        share("ringShare", ringShare, 0.5);
        share("innocentShare", innocentShare, 1);
        share("flaggedShare", flaggedShare, 1);
        range("hubs", hubs, 0, 1_000_000);
        share("hubShare", hubShare, 1);
        share("phoneChurn", phoneChurn, 10);
        share("mixing", mixing, 1);
        range("relayMaxDays", relayMaxDays, 1, 30);
        range("spanDays", spanDays, 7, 3660);
        if (spanDays < 3 * relayMaxDays + 2) {
            throw new IllegalArgumentException("spanDays must be at least 3 × relayMaxDays + 2 = "
                    + (3 * relayMaxDays + 2) + " so a consignment fits, got " + spanDays);
        }
        range("merchants", merchants, 0, 50_000_000);
        range("individuals", individuals, 0, 500_000_000);
        share("customerLeakage", customerLeakage, 2);
        share("memberPurchases", memberPurchases, 1);
        share("stationHandIn", stationHandIn, 1);
        share("sharedTransit", sharedTransit, 1);
        share("falseFlagShare", falseFlagShare, 0.05);
        share("nameNoise", nameNoise, 1);
        share("addressNoise", addressNoise, 1);
        Objects.requireNonNull(omittedColumns, "omittedColumns must not be null");
        for (String c : omittedColumns) {
            if (!OPTIONAL_COLUMNS.contains(c)) {
                throw new IllegalArgumentException("omittedColumns: '" + c + "' is not an optional column (one of "
                        + String.join(", ", OPTIONAL_COLUMNS) + ")");
            }
        }
        omittedColumns = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(omittedColumns));
        // leakage parcels: at most customerLeakage per distributor-to-retailer parcel, about a third of ring parcels
        double ringRelated = 1 + innocentShare + customerLeakage / 2 + memberPurchases;
        if (ringShare * ringRelated > 0.75) {
            throw new IllegalArgumentException("ringShare × (1 + innocentShare + customerLeakage / 2 + memberPurchases)"
                    + " must be at most 0.75 to leave room for background traffic, got " + ringShare + " × "
                    + ringRelated);
        }
        if ((long) rings * maxRingSize > 10_000_000L) {
            throw new IllegalArgumentException("rings × maxRingSize must be at most 10000000 ring members, got "
                    + rings + " × " + maxRingSize);
        }
        if (rings > 0) {
            long ringParcels = Math.round(ringShare * shipments);
            if (ringParcels < 30L * rings) {
                throw new IllegalArgumentException("ringShare × shipments = " + ringParcels
                        + " ring parcels is too few for " + rings + " rings (need at least 30 per ring):"
                        + " raise shipments or ringShare, or lower rings");
            }
        }
    }

    private static void range(String name, long v, long lo, long hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", got " + v);
        }
    }

    private static void share(String name, double v, double hi) {
        if (!(v >= 0 && v <= hi)) {
            String max = hi == Math.rint(hi) ? Long.toString((long) hi) : Double.toString(hi);
            throw new IllegalArgumentException(name + " must be between 0 and " + max + ", got " + v);
        }
    }

    /** Merchants actually used (resolves the automatic value). */
    public int effectiveMerchants() {
        return merchants > 0 ? merchants : Math.max(20, shipments / 150);
    }

    /** Individuals actually used (resolves the automatic value). */
    public int effectiveIndividuals() {
        return individuals > 0 ? individuals : Math.max(1000, shipments / 2);
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.shipments = shipments;
        b.rings = rings;
        b.minRingSize = minRingSize;
        b.maxRingSize = maxRingSize;
        b.ringShare = ringShare;
        b.innocentShare = innocentShare;
        b.flaggedShare = flaggedShare;
        b.hubs = hubs;
        b.hubShare = hubShare;
        b.phoneChurn = phoneChurn;
        b.mixing = mixing;
        b.relayMaxDays = relayMaxDays;
        b.startDate = startDate;
        b.spanDays = spanDays;
        b.seed = seed;
        b.merchants = merchants;
        b.individuals = individuals;
        b.customerLeakage = customerLeakage;
        b.memberPurchases = memberPurchases;
        b.stationHandIn = stationHandIn;
        b.sharedTransit = sharedTransit;
        b.falseFlagShare = falseFlagShare;
        b.flaggedColumn = flaggedColumn;
        b.nameNoise = nameNoise;
        b.addressNoise = addressNoise;
        b.omittedColumns = omittedColumns;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. Setters are named like the knobs. */
    public static final class Builder {
        private int shipments = 50_000;
        private int rings = 8;
        private int minRingSize = 20;
        private int maxRingSize = 150;
        private double ringShare = 0.05;
        private double innocentShare = 0.05;
        private double flaggedShare = 0.02;
        private int hubs = 100;
        private double hubShare = 0.3;
        private double phoneChurn = 0.1;
        private double mixing = 0.01;
        private int relayMaxDays = 4;
        private LocalDate startDate = LocalDate.of(2024, 1, 1);
        private int spanDays = 365;
        private long seed = 1;
        private int merchants;
        private int individuals;
        private double customerLeakage;
        private double memberPurchases;
        private double stationHandIn;
        private double sharedTransit;
        private double falseFlagShare;
        private boolean flaggedColumn = true;
        private double nameNoise;
        private double addressNoise;
        private java.util.Set<String> omittedColumns = java.util.Set.of();

        private Builder() {
        }

        public Builder shipments(int v) {
            shipments = v;
            return this;
        }

        public Builder rings(int v) {
            rings = v;
            return this;
        }

        public Builder minRingSize(int v) {
            minRingSize = v;
            return this;
        }

        public Builder maxRingSize(int v) {
            maxRingSize = v;
            return this;
        }

        /** Sets both ring size bounds. */
        public Builder ringSize(int min, int max) {
            minRingSize = min;
            maxRingSize = max;
            return this;
        }

        public Builder ringShare(double v) {
            ringShare = v;
            return this;
        }

        public Builder innocentShare(double v) {
            innocentShare = v;
            return this;
        }

        public Builder flaggedShare(double v) {
            flaggedShare = v;
            return this;
        }

        public Builder hubs(int v) {
            hubs = v;
            return this;
        }

        public Builder hubShare(double v) {
            hubShare = v;
            return this;
        }

        public Builder phoneChurn(double v) {
            phoneChurn = v;
            return this;
        }

        public Builder mixing(double v) {
            mixing = v;
            return this;
        }

        public Builder relayMaxDays(int v) {
            relayMaxDays = v;
            return this;
        }

        public Builder startDate(LocalDate v) {
            startDate = v;
            return this;
        }

        public Builder spanDays(int v) {
            spanDays = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder merchants(int v) {
            merchants = v;
            return this;
        }

        public Builder individuals(int v) {
            individuals = v;
            return this;
        }

        public Builder customerLeakage(double v) {
            customerLeakage = v;
            return this;
        }

        public Builder memberPurchases(double v) {
            memberPurchases = v;
            return this;
        }

        public Builder stationHandIn(double v) {
            stationHandIn = v;
            return this;
        }

        public Builder sharedTransit(double v) {
            sharedTransit = v;
            return this;
        }

        public Builder falseFlagShare(double v) {
            falseFlagShare = v;
            return this;
        }

        public Builder flaggedColumn(boolean v) {
            flaggedColumn = v;
            return this;
        }

        public Builder nameNoise(double v) {
            nameNoise = v;
            return this;
        }

        public Builder addressNoise(double v) {
            addressNoise = v;
            return this;
        }

        public Builder omittedColumns(java.util.Set<String> v) {
            omittedColumns = v;
            return this;
        }

        /** Validates and builds. */
        public GeneratorConfig build() {
            return new GeneratorConfig(shipments, rings, minRingSize, maxRingSize, ringShare, innocentShare,
                    flaggedShare, hubs, hubShare, phoneChurn, mixing, relayMaxDays, startDate, spanDays, seed,
                    merchants, individuals, customerLeakage, memberPurchases, stationHandIn, sharedTransit,
                    falseFlagShare, flaggedColumn, nameNoise, addressNoise, omittedColumns);
        }
    }
}
