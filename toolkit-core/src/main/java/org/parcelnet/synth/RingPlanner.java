package org.parcelnet.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans the rings: members with tiers, places, addresses and phone rotations, then every ring parcel
 * (consignments relayed down the tiers) and the members' innocent parcels, sorted by time.
 *
 * <p>A consignment starts at a source (at a border entry town) and is split "ant moving" style into
 * parcels of 2 cartons, sent within 8 hours to a transit warehouse (Yunnan, Guangxi or Guangdong). The
 * transit forwards them to 1–3 regional distributors, starting 12 hours to {@code relayMaxDays} days
 * after the last parcel reached it; each distributor forwards what it got to a few of its retailers
 * the same way. Phones used in one consignment are those valid at its start, so a relay's inbound and
 * outbound parcels carry the same number.
 *
 * <p>State: about 60 bytes per member, 12 bytes per phone and one {@link Rows} row (about 70 bytes) per
 * ring or innocent parcel.
 */
final class RingPlanner {

    static final int SOURCE = 0;
    static final int TRANSIT = 1;
    static final int DISTRIBUTOR = 2;
    static final int RETAILER = 3;
    static final String[] TIER_NAMES = {"source", "transit", "distributor", "retailer"};

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private final World w;
    private final GeneratorConfig cfg;

    int memberCount;
    int[] memberRing = new int[64];
    int[] memberTier = new int[64];
    int[] memberCity = new int[64];
    long[] memberAddr = new long[64];
    long[] memberName = new long[64];
    /** Phones of member m are entries phoneStart[m] .. phoneStart[m+1]-1. */
    int[] phoneStart = new int[65];
    int phoneCount;
    int[] phoneParty = new int[64];
    int[] phoneMember = new int[64];
    long[] phoneFrom = new long[64];

    /** Per ring, per tier: member ids. */
    int[][][] tierMembers;
    /** Per distributor member: its retailers (member ids); null for other tiers. */
    int[][] retailersOf;
    int[] ringEntryCity;
    int[] ringQuota;
    int[][] ringCarriers;
    int[] ringGoods;

    /** Ring parcels and innocent parcels of ring members, sorted by time once {@link #plan()} returns. */
    Rows events;

    RingPlanner(World w) {
        this.w = w;
        this.cfg = w.config;
    }

    void plan() {
        int rings = cfg.rings();
        tierMembers = new int[rings][][];
        ringEntryCity = new int[rings];
        ringCarriers = new int[rings][];
        ringGoods = new int[rings];
        long endEpoch = w.startEpoch + cfg.spanDays() * DAY;
        List<Geography.City> entries = Geography.borderEntries();
        double[] entryWeight = new double[entries.size()];
        double totalEntry = 0;
        for (int i = 0; i < entries.size(); i++) {
            entryWeight[i] = switch (entries.get(i).name()) {
                case "Ruili" -> 3;
                case "Hekou", "Pingxiang", "Dongxing" -> 2;
                default -> 1;
            };
            totalEntry += entryWeight[i];
        }
        int[] sizes = new int[rings];
        double sizeSum = 0;
        java.util.ArrayList<int[]> retailerLists = new java.util.ArrayList<>();
        for (int r = 0; r < rings; r++) {
            SplittableRandom rng = new SplittableRandom(w.hash(0x52494E47L, r));
            double lo = StrictMath.log(cfg.minRingSize());
            double hi = StrictMath.log(cfg.maxRingSize());
            int size = (int) Math.round(StrictMath.exp(lo + rng.nextDouble() * (hi - lo)));
            size = Math.max(cfg.minRingSize(), Math.min(cfg.maxRingSize(), size));
            sizes[r] = size;
            sizeSum += Math.sqrt(size);
            double pickE = rng.nextDouble() * totalEntry;
            int e = 0;
            while (e < entries.size() - 1 && pickE >= entryWeight[e]) {
                pickE -= entryWeight[e];
                e++;
            }
            Geography.City entry = entries.get(e);
            ringEntryCity[r] = entry.index();
            int c1 = w.carrierPick[rng.nextInt(1000)];
            int c2 = w.carrierPick[rng.nextInt(1000)];
            ringCarriers[r] = new int[] {c1, c2};
            ringGoods[r] = rng.nextInt(World.RING_GOODS);

            int ns = clamp((int) Math.round(size * 0.04), 1, 3);
            int nt = clamp((int) Math.round(size * 0.06), 1, 4);
            int nd = clamp((int) Math.round(size * 0.12), 1, 20);
            int nr = size - ns - nt - nd;
            int[][] tiers = {new int[ns], new int[nt], new int[nd], new int[nr]};
            tierMembers[r] = tiers;
            for (int i = 0; i < ns; i++) {
                tiers[SOURCE][i] = newMember(r, SOURCE, entry.index(), rng, endEpoch);
            }
            int[] transitCities = transitCandidates(entry.province());
            for (int i = 0; i < nt; i++) {
                tiers[TRANSIT][i] = newMember(r, TRANSIT, transitCities[rng.nextInt(transitCities.length)], rng,
                        endEpoch);
            }
            // destination provinces: a shuffled list of the non-transit provinces, dealt 1–3 per distributor
            int[] dest = destinationProvinces(rng);
            int[][] distProvinces = new int[nd][];
            int next = 0;
            for (int i = 0; i < nd; i++) {
                int k = 1 + rng.nextInt(3);
                distProvinces[i] = new int[k];
                for (int j = 0; j < k; j++) {
                    distProvinces[i][j] = dest[next++ % dest.length];
                }
                tiers[DISTRIBUTOR][i] = newMember(r, DISTRIBUTOR, bigCity(distProvinces[i][0], rng), rng, endEpoch);
            }
            int[] perDist = new int[nd];
            int[] boss = new int[nr];
            for (int i = 0; i < nr; i++) {
                int d = i < nd ? i : rng.nextInt(nd);
                boss[i] = d;
                perDist[d]++;
                int[] provs = distProvinces[d];
                int prov = provs[rng.nextInt(provs.length)];
                tiers[RETAILER][i] = newMember(r, RETAILER, anyCity(prov, rng), rng, endEpoch);
            }
            int[][] lists = new int[nd][];
            for (int d = 0; d < nd; d++) {
                lists[d] = new int[perDist[d]];
                perDist[d] = 0;
            }
            for (int i = 0; i < nr; i++) {
                lists[boss[i]][perDist[boss[i]]++] = tiers[RETAILER][i];
            }
            for (int d = 0; d < nd; d++) {
                retailerLists.add(new int[] {tiers[DISTRIBUTOR][d]});
                retailerLists.add(lists[d]);
            }
            // a transit warehouse shared with an earlier ring (its own generator: the default stream
            // of ring plans is unchanged; the replaced warehouse never ships and is not in the truth)
            if (r > 0 && cfg.sharedTransit() > 0) {
                SplittableRandom share = new SplittableRandom(w.hash(0x53485452L, r));
                if (share.nextDouble() < cfg.sharedTransit()) {
                    int[] other = tierMembers[share.nextInt(r)][TRANSIT];
                    tiers[TRANSIT][share.nextInt(nt)] = other[share.nextInt(other.length)];
                }
            }
        }
        retailersOf = new int[memberCount][];
        for (int i = 0; i < retailerLists.size(); i += 2) {
            retailersOf[retailerLists.get(i)[0]] = retailerLists.get(i + 1);
        }
        ringQuota = new int[rings];
        long total = Math.round(cfg.ringShare() * cfg.shipments());
        // parcels ∝ √size: small rings are busier per member, as a crew's throughput does not shrink
        // in proportion to its head count (and a very thin ring would be lost in any network)
        double cum = 0;
        long prev = 0;
        for (int r = 0; r < rings; r++) {
            cum += Math.sqrt(sizes[r]);
            long upto = r == rings - 1 ? total : Math.round(total * cum / sizeSum);
            ringQuota[r] = (int) (upto - prev);
            prev = upto;
        }
        events = new Rows(1024);
        for (int r = 0; r < rings; r++) {
            consignments(r, endEpoch);
        }
        sortEvents();
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private int newMember(int ring, int tier, int city, SplittableRandom rng, long endEpoch) {
        int m = memberCount++;
        if (m == memberRing.length) {
            int cap = m * 2;
            memberRing = Arrays.copyOf(memberRing, cap);
            memberTier = Arrays.copyOf(memberTier, cap);
            memberCity = Arrays.copyOf(memberCity, cap);
            memberAddr = Arrays.copyOf(memberAddr, cap);
            memberName = Arrays.copyOf(memberName, cap);
            phoneStart = Arrays.copyOf(phoneStart, cap + 1);
        }
        memberRing[m] = ring;
        memberTier[m] = tier;
        memberCity[m] = city;
        memberAddr[m] = rng.nextLong();
        memberName[m] = rng.nextLong();
        phoneStart[m] = phoneCount;
        addPhone(m, Long.MIN_VALUE);
        // phone rotations: a Poisson process of rate phoneChurn per 30 days over the span
        if (cfg.phoneChurn() > 0) {
            double meanGap = 30.0 * DAY / cfg.phoneChurn();
            double t = w.startEpoch;
            while (true) {
                t += -StrictMath.log(1 - rng.nextDouble()) * meanGap;
                if (t >= endEpoch) {
                    break;
                }
                addPhone(m, (long) t);
            }
        }
        phoneStart[m + 1] = phoneCount;
        return m;
    }

    private void addPhone(int member, long from) {
        if (phoneCount == phoneParty.length) {
            phoneParty = Arrays.copyOf(phoneParty, phoneCount * 2);
            phoneMember = Arrays.copyOf(phoneMember, phoneCount * 2);
            phoneFrom = Arrays.copyOf(phoneFrom, phoneCount * 2);
        }
        phoneParty[phoneCount] = w.ringBase + phoneCount;
        phoneFrom[phoneCount] = from;
        phoneMember[phoneCount] = member;
        phoneCount++;
    }

    /** The party id (phone) member m uses at time t. */
    int phoneAt(int m, long t) {
        int p = phoneStart[m];
        int end = phoneStart[m + 1];
        while (p + 1 < end && phoneFrom[p + 1] <= t) {
            p++;
        }
        return phoneParty[p];
    }

    private static int[] transitCandidates(String entryProvince) {
        String[][] names = switch (entryProvince) {
            case "Yunnan" -> new String[][] {{"Yunnan", "Kunming"}, {"Yunnan", "Kunming"}, {"Yunnan", "Kunming"},
                {"Yunnan", "Qujing"}, {"Guangdong", "Guangzhou"}, {"Guangdong", "Dongguan"}, {"Guangdong", "Shenzhen"}};
            case "Guangxi" -> new String[][] {{"Guangxi", "Nanning"}, {"Guangxi", "Nanning"}, {"Guangxi", "Nanning"},
                {"Guangxi", "Yulin"}, {"Guangdong", "Guangzhou"}, {"Guangdong", "Dongguan"}, {"Guangdong", "Shenzhen"}};
            default -> new String[][] {{"Guangdong", "Guangzhou"}, {"Guangdong", "Dongguan"},
                {"Guangdong", "Shenzhen"}, {"Yunnan", "Kunming"}};
        };
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = Geography.city(names[i][0], names[i][1]).index();
        }
        return out;
    }

    private int[] destinationProvinces(SplittableRandom rng) {
        List<Geography.Province> ps = Geography.provinces();
        int[] out = new int[ps.size()];
        int n = 0;
        for (Geography.Province p : ps) {
            if (!Geography.isTransitProvince(p.name())) {
                out[n++] = p.index();
            }
        }
        out = Arrays.copyOf(out, n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    /** A large city of the province: the capital half of the time, else the second city. */
    private static int bigCity(int province, SplittableRandom rng) {
        List<Geography.City> cs = Geography.provinces().get(province).cities();
        return cs.get(cs.size() > 1 && rng.nextBoolean() ? 1 : 0).index();
    }

    /** Any non-border city of the province, by size. */
    private static int anyCity(int province, SplittableRandom rng) {
        List<Geography.City> cs = Geography.provinces().get(province).cities();
        double total = 0;
        for (Geography.City c : cs) {
            total += c.borderEntry() ? 0 : c.weight();
        }
        double x = rng.nextDouble() * total;
        for (Geography.City c : cs) {
            double wt = c.borderEntry() ? 0 : c.weight();
            if (x < wt) {
                return c.index();
            }
            x -= wt;
        }
        return cs.get(0).index();
    }

    private void consignments(int r, long endEpoch) {
        SplittableRandom rng = new SplittableRandom(w.hash(0x45564E54L, r));
        int[][] tiers = tierMembers[r];
        int quota = ringQuota[r];
        long relay = cfg.relayMaxDays() * DAY;
        long latestStart = (cfg.spanDays() - 3L * cfg.relayMaxDays() - 1) * DAY;
        int produced = 0;
        int firstEvent = events.size;
        int[] dists = tiers[DISTRIBUTOR].clone();
        int guard = 0;
        while (produced < quota && guard++ < 1_000_000) {
            long t0 = w.startEpoch + rng.nextLong(Math.max(1, latestStart));
            int remaining = quota - produced;
            int parcels = Math.min(4 + rng.nextInt(20), Math.max(1, (remaining + 2) / 3));
            int source = tiers[SOURCE][rng.nextInt(tiers[SOURCE].length)];
            int transit = tiers[TRANSIT][rng.nextInt(tiers[TRANSIT].length)];
            long lastIn = Long.MIN_VALUE;
            for (int p = 0; p < parcels; p++) {
                long t = t0 + rng.nextLong(8 * HOUR);
                if (parcel(r, source, transit, t, t0, rng, endEpoch)) {
                    produced++;
                    lastIn = Math.max(lastIn, t);
                }
            }
            if (lastIn == Long.MIN_VALUE) {
                continue;
            }
            // transit → 1..3 distributors
            int k = Math.min(parcels, 1 + rng.nextInt(Math.min(dists.length, 3)));
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(dists.length - i);
                int t = dists[i];
                dists[i] = dists[j];
                dists[j] = t;
            }
            int[] share = split(parcels, k, rng);
            long tf = lastIn + 12 * HOUR + rng.nextLong(relay - 18 * HOUR);
            for (int i = 0; i < k; i++) {
                int dist = dists[i];
                long distLast = Long.MIN_VALUE;
                int got = 0;
                for (int p = 0; p < share[i]; p++) {
                    long t = tf + rng.nextLong(6 * HOUR);
                    int to = dist;
                    if (rng.nextDouble() < cfg.mixing() * 0.75) {
                        to = otherRingMember(r, DISTRIBUTOR, rng, dist);
                    }
                    if (parcel(r, transit, to, t, t0, rng, endEpoch)) {
                        produced++;
                        if (to == dist) {
                            got++;
                            distLast = Math.max(distLast, t);
                        }
                    }
                }
                if (got == 0) {
                    continue;
                }
                // distributor → a few of its retailers
                int[] rets = retailersOf[dist].length > 0 ? retailersOf[dist] : tiers[RETAILER];
                if (rets.length == 0) {
                    continue;
                }
                int m = Math.min(got, 1 + rng.nextInt(Math.min(5, rets.length)));
                int[] chosen = choose(rets, m, rng);
                int[] each = split(got, m, rng);
                long td = distLast + 12 * HOUR + rng.nextLong(relay - 18 * HOUR);
                for (int a = 0; a < m; a++) {
                    for (int p = 0; p < each[a]; p++) {
                        long t = td + rng.nextLong(6 * HOUR);
                        int to = chosen[a];
                        if (rng.nextDouble() < cfg.mixing() * 0.75) {
                            to = otherRingMember(r, RETAILER, rng, to);
                        }
                        if (parcel(r, dist, to, t, t0, rng, endEpoch)) {
                            produced++;
                        }
                    }
                }
            }
        }
        int consignmentEnd = events.size;
        innocent(r, rng, (int) Math.round(produced * cfg.innocentShare()), firstEvent, endEpoch);
        // extras with their own generator, so that a knob changes only what it adds
        if (cfg.customerLeakage() > 0) {
            leakage(r, new SplittableRandom(w.hash(0x4C45414BL, r)), firstEvent, consignmentEnd, endEpoch);
        }
        if (cfg.memberPurchases() > 0) {
            purchases(r, new SplittableRandom(w.hash(0x50555243L, r)), (int) Math.round(produced * cfg.memberPurchases()),
                    firstEvent, consignmentEnd, endEpoch);
        }
    }

    /**
     * Customer leakage: for each parcel a distributor sends to one of its retailers, on average
     * {@code customerLeakage} more ring parcels from that distributor to one-off buyers: background
     * individuals chosen uniformly, each at their own phone, name and address, within two days. A
     * retail lot: one carton of 0.3–3 kg of the ring's goods. They are ring parcels (flagged like any)
     * but the buyers are customers, not members: the truth lists them without a ring.
     */
    private void leakage(int r, SplittableRandom rng, int from, int to, long endEpoch) {
        double each = cfg.customerLeakage();
        for (int k = from; k < to; k++) {
            int dist = memberOfPhone(events.sender[k]);
            int ret = memberOfPhone(events.receiver[k]);
            if (dist < 0 || ret < 0 || memberTier[dist] != DISTRIBUTOR || memberTier[ret] != RETAILER
                    || events.ring[k] != r + 1) {
                continue;
            }
            int n = (int) each + (rng.nextDouble() < each - (int) each ? 1 : 0);
            for (int j = 0; j < n; j++) {
                long t = Math.min(endEpoch - 1, events.time[k] + rng.nextLong(2 * DAY));
                int buyer = rng.nextInt(w.individuals);
                Rows e = events;
                int i = e.add();
                e.time[i] = t;
                e.originCity[i] = e.originCity[k];
                e.destCity[i] = w.individualCity(buyer);
                e.sender[i] = e.sender[k];
                e.senderAddr[i] = e.senderAddr[k];
                e.senderName[i] = rng.nextLong();
                e.receiver[i] = buyer;
                e.receiverName[i] = w.individualName(buyer);
                e.receiverAddr[i] = w.individualAddress(buyer);
                e.addrKinds[i] = (byte) (e.addrKinds[k] & 3 | Names.HOME << 2);
                e.pieces[i] = 1;
                e.weight[i] = 30 + rng.nextInt(271);
                int flags = 0;
                if (rng.nextDouble() < (w.km(e.originCity[i], e.destCity[i]) > 500 ? 0.3 : 0.1)) {
                    flags |= Rows.AIR;
                }
                if (rng.nextDouble() < cfg.flaggedShare()) {
                    flags |= Rows.FLAGGED;
                }
                e.flags[i] = (byte) flags;
                e.carrier[i] = (byte) ringCarriers[r][rng.nextInt(10) < 7 ? 0 : 1];
                e.goods[i] = (byte) ringGoods[r];
                e.ring[i] = (short) (r + 1);
            }
        }
    }

    /**
     * Ring members' ordinary online purchases: {@code count} parcels from shops (chosen by shop
     * activity, as in the background) to members that received one of the ring's parcels, at the
     * phone they use then, under their usual name and address, within two days of that parcel.
     */
    private void purchases(int r, SplittableRandom rng, int count, int from, int to, long endEpoch) {
        if (to == from) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int ref = from + rng.nextInt(to - from);
            int member = memberOfPhone(events.receiver[ref]);
            if (member < 0 || memberRing[member] != r) {
                continue;
            }
            long t = Math.max(w.startEpoch, Math.min(endEpoch - 1, events.time[ref] + rng.nextLong(4 * DAY) - 2 * DAY));
            double u = rng.nextDouble();
            int m = (int) (w.merchants * (u * u * Math.sqrt(u)));
            long key = w.merchantKey(m);
            Rows e = events;
            int i = e.add();
            e.time[i] = t;
            e.originCity[i] = w.merchantCity(m);
            e.destCity[i] = memberCity[member];
            e.sender[i] = w.merchantBase + m;
            e.senderName[i] = key;
            e.senderAddr[i] = key ^ 0x5A5A5A5AL;
            e.receiver[i] = phoneAt(member, t);
            e.receiverName[i] = memberName[member];
            e.receiverAddr[i] = memberAddr[member];
            int receiverKind = memberTier[member] <= TRANSIT ? Names.SHOP : Names.HOME;
            e.addrKinds[i] = (byte) (Names.SHOP | receiverKind << 2);
            e.pieces[i] = 1;
            e.weight[i] = 20 + rng.nextInt(300);
            e.flags[i] = (byte) Rows.MERCHANT_NAME;
            e.carrier[i] = (byte) w.carrierPick[(int) ((key >>> 8) & 0x3FF) % 1000];
            e.goods[i] = (byte) (World.RING_GOODS + rng.nextInt(World.GOODS.length - World.RING_GOODS));
            e.ring[i] = 0;
        }
    }

    private static int[] split(int total, int parts, SplittableRandom rng) {
        int[] out = new int[parts];
        for (int i = 0; i < parts; i++) {
            out[i] = 1;
        }
        for (int i = parts; i < total; i++) {
            out[rng.nextInt(parts)]++;
        }
        return out;
    }

    private static int[] choose(int[] from, int m, SplittableRandom rng) {
        int[] copy = from.clone();
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, m);
    }

    private int otherRingMember(int r, int tier, SplittableRandom rng, int fallback) {
        int rings = tierMembers.length;
        if (rings < 2) {
            return fallback;
        }
        int o = rng.nextInt(rings - 1);
        if (o >= r) {
            o++;
        }
        int[] list = tierMembers[o][tier];
        return list.length == 0 ? fallback : list[rng.nextInt(list.length)];
    }

    /** Adds one ring parcel; false when it would fall after the span. */
    private boolean parcel(int r, int from, int to, long t, long t0, SplittableRandom rng, long endEpoch) {
        if (t >= endEpoch) {
            return false;
        }
        Rows e = events;
        int i = e.add();
        e.time[i] = t;
        int oc = memberCity[from];
        int dc = memberCity[to];
        e.originCity[i] = oc;
        e.destCity[i] = dc;
        int senderKind = memberTier[from] <= TRANSIT ? Names.SHOP : Names.HOME;
        e.sender[i] = phoneAt(from, t0);
        e.senderAddr[i] = rng.nextInt(4) == 0 ? rng.nextLong() : memberAddr[from];
        if (rng.nextDouble() < cfg.mixing() * 0.25) {
            int h = w.hubIn(oc, rng.nextLong());
            if (h >= 0) {
                e.sender[i] = w.hubBase + h;
                e.senderAddr[i] = w.hubAddress(h);
                senderKind = Names.STATION_KIND;
            }
        }
        // handed in at a courier station: decided by a hash of the row (no draw from rng), so the
        // ring plan is the same at every value of the knob
        if (cfg.stationHandIn() > 0 && senderKind != Names.STATION_KIND
                && (w.hash(0x48414E44L, i) >>> 11) * 0x1.0p-53 < cfg.stationHandIn()) {
            int h = w.hubNear(oc, w.hash(0x48554231L, i));
            if (h >= 0) {
                e.sender[i] = w.hubBase + h;
                e.senderAddr[i] = w.hubAddress(h);
                senderKind = Names.STATION_KIND;
            }
        }
        // person–goods separation: a fresh sender name on every parcel
        e.senderName[i] = rng.nextLong();
        e.receiver[i] = phoneAt(to, t0);
        e.receiverName[i] = rng.nextBoolean() ? memberName[to] : rng.nextLong();
        e.receiverAddr[i] = rng.nextInt(7) == 0 ? rng.nextLong() : memberAddr[to];
        int receiverKind = memberTier[to] <= TRANSIT ? Names.SHOP : Names.HOME;
        e.addrKinds[i] = (byte) (senderKind | receiverKind << 2);
        int u = rng.nextInt(100);
        int pieces = u < 90 ? 2 : u < 96 ? 4 : u < 98 ? 6 : 1;
        e.pieces[i] = (byte) pieces;
        e.weight[i] = pieces * (850 + rng.nextInt(300));
        int flags = 0;
        if (rng.nextDouble() < (w.km(oc, dc) > 500 ? 0.3 : 0.1)) {
            flags |= Rows.AIR;
        }
        if (rng.nextDouble() < cfg.flaggedShare()) {
            flags |= Rows.FLAGGED;
        }
        e.flags[i] = (byte) flags;
        e.carrier[i] = (byte) ringCarriers[r][rng.nextInt(10) < 7 ? 0 : 1];
        e.goods[i] = (byte) (rng.nextInt(10) < 7 ? ringGoods[r] : rng.nextInt(World.RING_GOODS));
        e.ring[i] = (short) (r + 1);
        return true;
    }

    /**
     * Innocent parcels: ring members sending ordinary goods, mostly returns to online shops (85 %),
     * else to background individuals. The
     * sender is a member (with the phone) of one of the ring's own parcels, a few days around it, so
     * every phone with innocent parcels also has ring parcels.
     */
    private void innocent(int r, SplittableRandom rng, int count, int firstEvent, long endEpoch) {
        int ringEvents = events.size - firstEvent;
        if (ringEvents == 0) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int ref = firstEvent + rng.nextInt(ringEvents);
            boolean useReceiver = rng.nextBoolean() || events.sender[ref] < w.ringBase;
            int party = useReceiver ? events.receiver[ref] : events.sender[ref];
            int from = memberOfPhone(party);
            if (from < 0 || memberRing[from] != r) {
                continue;
            }
            long t = events.time[ref] + rng.nextLong(4 * DAY) - 2 * DAY;
            t = Math.max(w.startEpoch, Math.min(endEpoch - 1, t));
            Rows e = events;
            int i = e.add();
            e.time[i] = t;
            e.originCity[i] = memberCity[from];
            e.sender[i] = party;
            e.senderName[i] = memberName[from];
            e.senderAddr[i] = memberAddr[from];
            int senderKind = memberTier[from] <= TRANSIT ? Names.SHOP : Names.HOME;
            if (rng.nextInt(100) < 85) {
                // a return or purchase to an online shop, shops chosen by their activity (as in the
                // background), so no shop gets more than its share of ring contacts
                double u = rng.nextDouble();
                int m = (int) (w.merchants * (u * u * Math.sqrt(u)));
                long key = w.merchantKey(m);
                e.destCity[i] = w.merchantCity(m);
                e.receiver[i] = w.merchantBase + m;
                e.receiverName[i] = rng.nextLong();
                e.receiverAddr[i] = key ^ 0x5A5A5A5AL;
                e.addrKinds[i] = (byte) (senderKind | Names.SHOP << 2);
            } else {
                double u = rng.nextDouble();
                int customer = w.customerAt((long) (w.individuals * u * u * u));
                e.destCity[i] = w.individualCity(customer);
                e.receiver[i] = customer;
                e.receiverName[i] = w.individualName(customer);
                e.receiverAddr[i] = w.individualAddress(customer);
                e.addrKinds[i] = (byte) (senderKind | Names.HOME << 2);
            }
            int pieces = rng.nextInt(10) == 0 ? 2 : 1;
            e.pieces[i] = (byte) pieces;
            e.weight[i] = pieces * (30 + rng.nextInt(400));
            e.flags[i] = (byte) (w.km(e.originCity[i], e.destCity[i]) > 800 && rng.nextInt(4) == 0 ? Rows.AIR : 0);
            e.carrier[i] = (byte) w.carrierPick[rng.nextInt(1000)];
            e.goods[i] = (byte) (World.RING_GOODS + rng.nextInt(World.GOODS.length - World.RING_GOODS));
            e.ring[i] = 0;
        }
    }

    /** The member owning a ring phone (party id), or -1 for a non-ring party. */
    int memberOfPhone(int party) {
        int q = party - w.ringBase;
        if (q < 0 || q >= phoneCount) {
            return -1;
        }
        return phoneMember[q];
    }

    private void sortEvents() {
        int n = events.size;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (events.time[i] - w.startEpoch) << 34 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & ((1L << 34) - 1));
        }
        events.permute(order);
    }
}
