package org.parcelnet.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed, read-only world of one generator run: places, party id ranges, courier stations, carriers
 * and the per-party attributes that are derived from hashes instead of stored (so memory stays
 * bounded by the parties' state). Built once from the config; shared read-only by all workers.
 */
final class World {

    /** Carriers (fictional), their waybill prefixes and market shares in per mille. */
    static final String[] CARRIERS = {"Huayun Express", "Jinfeng Logistics", "Tianma Express", "Anda Courier",
        "Xunjie Express", "Postal Parcel Service"};
    static final String[] CARRIER_PREFIX = {"HY", "JF", "TM", "AD", "XJ", "PP"};
    private static final int[] CARRIER_PERMILLE = {250, 200, 180, 150, 120, 100};

    /** Declared goods; the first {@link #RING_GOODS} are the covers rings use. */
    static final String[] GOODS = {"tea", "dried food", "daily necessities", "clothing", "snacks",
        "household goods", "shoes", "cosmetics", "electronics", "phone accessories", "books", "toys",
        "kitchenware", "documents", "bedding", "sporting goods", "auto parts", "stationery"};
    static final int RING_GOODS = 6;

    // Relative pickups per hour of day (local time), from typical courier pickup patterns: merchants
    // hand over in business hours with an afternoon peak, individuals also in the evening.
    private static final double[] MERCHANT_HOURS = {1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 2, 4, 7, 9, 9, 7, 6, 8, 10,
        10, 9, 7, 5, 4, 3, 2, 1.5};
    private static final double[] PERSON_HOURS = {1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 2, 4, 6, 7, 7, 7, 6, 6, 7, 7,
        7, 8, 9, 8, 6, 4, 2};

    private static final int PICK = 1 << 16;

    /** Size of the normal-quantile tables (a power of two) and its mask. */
    static final int QUANTILES = 1 << 12;
    static final int QUANTILE_MASK = QUANTILES - 1;
    /**
     * exp(σ·z) at the QUANTILES mid-point quantiles z of the standard normal, for σ = 0.5 and 0.7: a
     * log-normal factor drawn with one random int, the same on every JVM (StrictMath).
     */
    final double[] logNormal05 = logNormalTable(0.5);
    final double[] logNormal07 = logNormalTable(0.7);

    final GeneratorConfig config;
    final long seed;
    final int cityCount;
    final byte[][] provinceBytes;
    final byte[][] cityBytes;
    final int[] cityProvince;
    final float[] distanceKm;
    final int[] populationPick = new int[PICK];
    final int[] commercePick = new int[PICK];
    final int[] merchantHourPick = new int[1024];
    final int[] personHourPick = new int[1024];
    final int[] carrierPick = new int[1000];
    final byte[][] carrierBytes = new byte[CARRIERS.length][];
    final byte[][] carrierPrefixBytes = new byte[CARRIERS.length][];
    final byte[][] goodsBytes = new byte[GOODS.length][];

    final int individuals;
    final int merchants;
    final int hubs;
    final int merchantBase;
    final int hubBase;
    final int ringBase;
    final int[] hubCity;
    final int[][] hubsByCity;
    final long phoneA;
    final long phoneB;
    private final long customerA;
    private final long customerB;

    final long startEpoch;
    final byte[][] dayPrefix;
    final double[] dayWeight;

    World(GeneratorConfig config) {
        this.config = config;
        this.seed = config.seed();
        List<Geography.City> cities = Geography.cities();
        cityCount = cities.size();
        provinceBytes = new byte[cityCount][];
        cityBytes = new byte[cityCount][];
        cityProvince = new int[cityCount];
        double[] pop = new double[cityCount];
        double[] commerce = new double[cityCount];
        for (Geography.Province p : Geography.provinces()) {
            double sum = 0;
            for (Geography.City c : p.cities()) {
                sum += c.weight();
            }
            double boost = switch (p.name()) {
                case "Guangdong", "Zhejiang", "Jiangsu", "Shanghai", "Fujian" -> 3.0;
                case "Beijing", "Shandong" -> 1.5;
                default -> 1.0;
            };
            for (Geography.City c : p.cities()) {
                int i = c.index();
                provinceBytes[i] = ByteSink.ascii(p.name());
                cityBytes[i] = ByteSink.ascii(c.name());
                cityProvince[i] = p.index();
                pop[i] = p.population() * c.weight() / sum;
                commerce[i] = pop[i] * boost;
            }
        }
        fill(populationPick, pop);
        fill(commercePick, commerce);
        fill(merchantHourPick, MERCHANT_HOURS);
        fill(personHourPick, PERSON_HOURS);
        double[] carrierShare = new double[CARRIERS.length];
        for (int i = 0; i < CARRIERS.length; i++) {
            carrierShare[i] = CARRIER_PERMILLE[i];
            carrierBytes[i] = ByteSink.ascii(CARRIERS[i]);
            carrierPrefixBytes[i] = ByteSink.ascii(CARRIER_PREFIX[i]);
        }
        fill(carrierPick, carrierShare);
        for (int i = 0; i < GOODS.length; i++) {
            goodsBytes[i] = ByteSink.ascii(GOODS[i]);
        }
        distanceKm = new float[cityCount * cityCount];
        for (int i = 0; i < cityCount; i++) {
            for (int j = 0; j < cityCount; j++) {
                Geography.City a = cities.get(i);
                Geography.City b = cities.get(j);
                distanceKm[i * cityCount + j] = (float) Geography.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
            }
        }

        individuals = config.effectiveIndividuals();
        merchants = config.effectiveMerchants();
        hubs = config.hubs();
        merchantBase = individuals;
        hubBase = merchantBase + merchants;
        ringBase = hubBase + hubs;
        hubCity = new int[hubs];
        int[] perCity = new int[cityCount];
        for (int h = 0; h < hubs; h++) {
            hubCity[h] = populationPick[(int) (hash(0x4855_4200L, h) >>> 48)];
            perCity[hubCity[h]]++;
        }
        hubsByCity = new int[cityCount][];
        for (int c = 0; c < cityCount; c++) {
            hubsByCity[c] = new int[perCity[c]];
            perCity[c] = 0;
        }
        for (int h = 0; h < hubs; h++) {
            hubsByCity[hubCity[h]][perCity[hubCity[h]]++] = h;
        }
        phoneA = Names.phoneMultiplier(hash(0x5048_4F4EL, 0));
        phoneB = Math.floorMod(hash(0x5048_4F4EL, 1), Names.PHONE_SPACE);
        long ca = 1_000_003L + Math.floorMod(hash(0x4355_5354L, 0), 1_000_000L);
        while (gcd(ca, individuals) != 1) {
            ca++;
        }
        customerA = ca;
        customerB = Math.floorMod(hash(0x4355_5354L, 1), individuals);

        LocalDate start = config.startDate();
        startEpoch = start.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toEpochSecond();
        int span = config.spanDays();
        dayPrefix = new byte[span][];
        dayWeight = new double[span];
        for (int d = 0; d < span; d++) {
            LocalDate day = start.plusDays(d);
            dayPrefix[d] = ByteSink.ascii(day + "T");
            dayWeight[d] = weekday(day.getDayOfWeek()) * festival(day);
        }
    }

    /**
     * Normal quantiles at (i + 0.5) / QUANTILES, found on the CDF integrated with Simpson's rule on
     * [-9, 9] (step 1/1024), then exp(σ·z). StrictMath keeps it bit-identical across machines.
     */
    static double[] logNormalTable(double sigma) {
        int steps = 18 * 1024;
        double h = 18.0 / steps;
        double[] cdf = new double[steps + 1];
        double norm = 1 / StrictMath.sqrt(2 * StrictMath.PI);
        for (int k = 1; k <= steps; k++) {
            double x0 = -9 + (k - 1) * h;
            double x1 = x0 + h / 2;
            double x2 = x0 + h;
            double f = StrictMath.exp(-x0 * x0 / 2) + 4 * StrictMath.exp(-x1 * x1 / 2) + StrictMath.exp(-x2 * x2 / 2);
            cdf[k] = cdf[k - 1] + norm * f * h / 6;
        }
        double[] out = new double[QUANTILES];
        int k = 1;
        for (int i = 0; i < QUANTILES; i++) {
            double p = (i + 0.5) / QUANTILES * cdf[steps];
            while (cdf[k] < p) {
                k++;
            }
            double z = -9 + (k - 1) * h + (p - cdf[k - 1]) / (cdf[k] - cdf[k - 1]) * h;
            out[i] = StrictMath.exp(sigma * z);
        }
        return out;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static double weekday(DayOfWeek d) {
        return switch (d) {
            case SATURDAY -> 0.85;
            case SUNDAY -> 0.75;
            default -> 1.0;
        };
    }

    // Online shopping festivals lift parcel volume: "Double 11" (11 November) and "618" (18 June).
    private static double festival(LocalDate day) {
        int m = day.getMonthValue();
        int d = day.getDayOfMonth();
        if (m == 11 && d >= 11 && d <= 13) {
            return 2.5;
        }
        if (m == 11 && (d == 10 || d == 14 || d == 15)) {
            return 1.5;
        }
        if (m == 6 && d >= 18 && d <= 19) {
            return 1.6;
        }
        return 1.0;
    }

    /** Fills a pick table so that a uniform index selects entry i with probability ∝ weight[i]. */
    private static void fill(int[] table, double[] weight) {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        int k = 0;
        double cum = 0;
        for (int i = 0; i < weight.length; i++) {
            cum += weight[i];
            int end = (int) Math.round(cum / total * table.length);
            while (k < end) {
                table[k++] = i;
            }
        }
        while (k < table.length) {
            table[k++] = weight.length - 1;
        }
    }

    /** SplitMix64 finaliser: a well-mixed 64-bit hash of (seed, salt, x). */
    long hash(long salt, long x) {
        return mix(seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + x);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    int individualCity(int id) {
        return populationPick[(int) (hash(1, id) >>> 48)];
    }

    long individualName(int id) {
        return hash(2, id);
    }

    long individualAddress(int id) {
        return hash(3, id);
    }

    int merchantCity(int m) {
        return commercePick[(int) (hash(4, m) >>> 48)];
    }

    long merchantKey(int m) {
        return hash(5, m);
    }

    /** The individual at a popularity rank (rank 0 receives most): a bijection of 0..individuals-1. */
    int customerAt(long rank) {
        return (int) ((rank * customerA + customerB) % individuals);
    }

    float km(int a, int b) {
        return distanceKm[a * cityCount + b];
    }

    /** A courier station in the city, or -1 when there is none. */
    int hubIn(int city, long random) {
        int[] list = hubsByCity[city];
        if (list.length == 0) {
            return -1;
        }
        return list[(int) Math.floorMod(random, list.length)];
    }

    /**
     * A courier station in the city, else one in its province, else any (-1 only without stations):
     * a parcel handed in "at a station" in a town without one goes to the nearest town that has one.
     */
    int hubNear(int city, long random) {
        int h = hubIn(city, random);
        if (h >= 0 || hubs == 0) {
            return h;
        }
        int province = cityProvince[city];
        int count = 0;
        for (int c = 0; c < cityCount; c++) {
            count += cityProvince[c] == province ? hubsByCity[c].length : 0;
        }
        if (count == 0) {
            return (int) Math.floorMod(random, (long) hubs);
        }
        int k = (int) Math.floorMod(random, (long) count);
        for (int c = 0; c < cityCount; c++) {
            if (cityProvince[c] == province) {
                if (k < hubsByCity[c].length) {
                    return hubsByCity[c][k];
                }
                k -= hubsByCity[c].length;
            }
        }
        throw new AssertionError();
    }

    long hubAddress(int h) {
        return hash(6, h);
    }
}
