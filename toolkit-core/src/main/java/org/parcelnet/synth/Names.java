package org.parcelnet.synth;

/**
 * Synthetic names, addresses and phone numbers, rendered from 64-bit keys straight into a {@link
 * ByteSink}. Everything is made from short syllable and word lists written for this project; any
 * resemblance to a real person, shop or address is chance. Output is ASCII without commas or quotes,
 * so no CSV quoting is needed.
 */
final class Names {

    private static final byte[][] SURNAMES = bytes(
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
            "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng",
            "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng",
            "Wei", "Su", "Lu", "Ding", "Ren", "Shen");

    private static final String[] GIVEN = {
        "wei", "fang", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "juan", "tao",
        "ming", "chao", "xiu", "hua", "ping", "gang", "hui", "ling", "na", "bo", "lan", "xin", "yu", "hao", "tian",
        "kai", "rong", "feng", "zhen", "qing", "dan", "mei", "bin", "hong", "wen", "ying", "peng", "shan", "yun",
        "jia", "xiang", "long", "fei", "chun", "lin", "song", "rui", "zhi", "guo", "an", "ning", "heng"};
    private static final byte[][] GIVEN_LOWER = new byte[GIVEN.length][];
    private static final byte[][] GIVEN_UPPER = new byte[GIVEN.length][];

    private static final byte[][] STREET_SUFFIX = bytes("Road", "Street", "Avenue", "Lane", "Road", "Road");
    private static final byte[][] SHOP_WORDS = bytes(
            "Trading", "Store", "Apparel", "Electronics", "Tea House", "Foods", "Home Goods", "Cosmetics", "Toys",
            "Outdoor", "Digital", "Textiles", "Kitchenware", "Crafts", "Shoes", "Books");
    private static final byte[][] SHOP_FORMS = bytes("Co Ltd", "Shop", "Flagship Store", "Factory Outlet", "Studio");

    private static final byte[] NO = ByteSink.ascii("No.");
    private static final byte[] BLDG = ByteSink.ascii(" Bldg ");
    private static final byte[] ROOM = ByteSink.ascii(" Room ");
    private static final byte[] STATION = ByteSink.ascii(" Courier Station ");

    /**
     * Mainland mobile number prefixes (three digits) used for synthetic numbers; each holds 10^8
     * numbers.
     */
    private static final int[] PREFIXES = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 166,
        173, 175, 176, 177, 180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 198, 199};

    /** Number of distinct synthetic phone numbers. */
    static final long PHONE_SPACE = PREFIXES.length * 100_000_000L;

    static {
        for (int i = 0; i < GIVEN.length; i++) {
            GIVEN_LOWER[i] = ByteSink.ascii(GIVEN[i]);
            GIVEN_UPPER[i] = ByteSink.ascii(Character.toUpperCase(GIVEN[i].charAt(0)) + GIVEN[i].substring(1));
        }
    }

    private Names() {
    }

    private static byte[][] bytes(String... words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = ByteSink.ascii(words[i]);
        }
        return out;
    }

    private static int pick(long key, int shift, int n) {
        return (int) (((key >>> shift) & 0xFFFFL) % n);
    }

    /** A person's name such as {@code Wang Xiuying}. */
    static void person(ByteSink out, long key) {
        out.put(SURNAMES[pick(key, 0, SURNAMES.length)]).put(' ');
        out.put(GIVEN_UPPER[pick(key, 16, GIVEN.length)]);
        if (((key >>> 32) & 3) != 0) {
            out.put(GIVEN_LOWER[pick(key, 40, GIVEN.length)]);
        }
    }

    /** A shop name such as {@code Xinhua Tea House Shop}. */
    static void merchant(ByteSink out, long key) {
        out.put(GIVEN_UPPER[pick(key, 0, GIVEN.length)]).put(GIVEN_LOWER[pick(key, 16, GIVEN.length)]).put(' ');
        out.put(SHOP_WORDS[pick(key, 32, SHOP_WORDS.length)]).put(' ');
        out.put(SHOP_FORMS[pick(key, 48, SHOP_FORMS.length)]);
    }

    private static void street(ByteSink out, long key) {
        out.put(GIVEN_UPPER[pick(key, 8, GIVEN.length)]).put(GIVEN_LOWER[pick(key, 24, GIVEN.length)]).put(' ');
        out.put(STREET_SUFFIX[pick(key, 40, STREET_SUFFIX.length)]);
    }

    /** An address kind: a home (with building and room). */
    static final int HOME = 0;
    /** An address kind: a shop or warehouse front. */
    static final int SHOP = 1;
    /** An address kind: a courier station. */
    static final int STATION_KIND = 2;

    /** An address in {@code city}, e.g. {@code No.12 Jinhua Road Bldg 3 Room 502 Hangzhou}. */
    static void address(ByteSink out, long key, int kind, byte[] city) {
        if (kind == STATION_KIND) {
            street(out, key);
            out.put(STATION).put(NO).putInt((int) (1 + ((key >>> 56) & 0x3F)));
        } else {
            out.put(NO).putInt((int) (1 + ((key >>> 48) & 0x3FFL) % 999)).put(' ');
            street(out, key);
            if (kind == HOME) {
                long r = key ^ (key >>> 29);
                out.put(BLDG).putInt((int) (1 + (r & 31))).put(ROOM).putInt((int) (100 * (1 + ((r >>> 5) & 31)) + 1 + ((r >>> 10) & 7)));
            }
        }
        out.put(' ').put(city);
    }

    /**
     * A phone number for a party id: an affine bijection {@code (a·id + b) mod PHONE_SPACE} spreads
     * ids over the synthetic number space, so distinct ids always give distinct numbers ({@code id}
     * below 2^31, {@code a} coprime to the space, {@code 0 <= b < PHONE_SPACE}).
     */
    static void phone(ByteSink out, long id, long a, long b) {
        // a < 3.6e9 and id < 2^31, so a·id + b < 8e18 fits in a long
        long idx = (a * id + b) % PHONE_SPACE;
        out.putPadded(PREFIXES[(int) (idx / 100_000_000L)], 3).putPadded((int) (idx % 100_000_000L), 8);
    }

    /** The phone number of a party id as a string (for truth files and tests). */
    static String phoneString(long id, long a, long b) {
        ByteSink s = new ByteSink(16);
        phone(s, id, a, b);
        return new String(s.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * A multiplier coprime to {@link #PHONE_SPACE} (= 36·10^8 = 2^10·3^2·5^8), derived from a seed.
     */
    static long phoneMultiplier(long seed) {
        long a = Math.floorMod(seed, PHONE_SPACE / 7) * 7 + 1_000_003L;
        while (a % 2 == 0 || a % 3 == 0 || a % 5 == 0) {
            a++;
        }
        return a % PHONE_SPACE;
    }
}
