package org.parcelnet.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Geography of mainland China for the generator and for analyses that need places: the 31
 * provincial-level divisions (22 provinces, 5 autonomous regions, 4 municipalities), their capitals,
 * several large cities each with approximate coordinates, border entry towns and transit hubs.
 *
 * <p>All facts are public: coordinates are rounded city-centre positions (two decimals, about 1 km),
 * province weights are approximate 2020 census populations in millions (National Bureau of Statistics of
 * China, Seventh National Population Census bulletin), and city weights are rough relative sizes
 * within their province used only to spread synthetic traffic.
 *
 * <p>Border entry towns are land ports on routes often named in drug-trafficking case reports:
 * Ruili, Tengchong (Houqiao), Hekou and Mengla (Mohan) in Yunnan; Pingxiang (Youyiguan) and Dongxing in
 * Guangxi; Horgos in Xinjiang. Transit hubs are Kunming, Nanning, Guangzhou, Shenzhen and Dongguan;
 * the transit provinces are Yunnan, Guangxi and Guangdong.
 *
 * <p>Names are ASCII pinyin as commonly written in English ({@code "Inner Mongolia"}, {@code "Xi'an"}).
 * Look-ups ignore case and surrounding blanks. Two provinces may hold cities of the same name
 * (Yulin in Guangxi and in Shaanxi), so cities are always addressed with their province.
 *
 * <p>The class is immutable and thread-safe; every method is a constant-time hash look-up except
 * the listings.
 */
public final class Geography {

    /** Mean Earth radius in km (IUGG mean radius R1). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    /** A latitude/longitude pair in decimal degrees (WGS 84). */
    public record LatLon(double lat, double lon) {
    }

    /**
     * A city.
     *
     * @param index       dense index in {@link #cities()}
     * @param province    province name
     * @param name        city name
     * @param lat         latitude, degrees north
     * @param lon         longitude, degrees east
     * @param weight      relative size within its province (for spreading traffic)
     * @param capital     whether it is the provincial capital
     * @param borderEntry whether it is a border entry town (land port)
     * @param transitHub  whether it is a major transit hub
     */
    public record City(int index, String province, String name, double lat, double lon, double weight,
                       boolean capital, boolean borderEntry, boolean transitHub) {

        /** Coordinates of the city. */
        public LatLon latLon() {
            return new LatLon(lat, lon);
        }
    }

    /**
     * A provincial-level division.
     *
     * @param index      dense index in {@link #provinces()}
     * @param name       name, e.g. {@code "Yunnan"}
     * @param capital    capital city name
     * @param population 2020 census population, millions
     * @param cities     its cities, capital first
     */
    public record Province(int index, String name, String capital, double population, List<City> cities) {
    }

    // name ; population (millions, 2020 census) ; cities as name:lat:lon:weight, capital first.
    // Flags after the weight: B = border entry town, T = transit hub.
    private static final String[] DATA = {
        "Beijing;21.89;Beijing:39.90:116.41:1",
        "Tianjin;13.87;Tianjin:39.08:117.20:3|Binhai:39.00:117.71:1",
        "Hebei;74.61;Shijiazhuang:38.04:114.51:3|Tangshan:39.63:118.18:2|Baoding:38.87:115.46:2|Handan:36.63:114.54:2"
            + "|Langfang:39.54:116.68:1|Cangzhou:38.30:116.84:1",
        "Shanxi;34.92;Taiyuan:37.87:112.55:3|Datong:40.08:113.30:1|Changzhi:36.20:113.12:1|Yuncheng:35.03:111.01:1"
            + "|Linfen:36.09:111.52:1",
        "Inner Mongolia;24.05;Hohhot:40.84:111.75:3|Baotou:40.66:109.84:2|Ordos:39.61:109.78:1|Chifeng:42.26:118.89:1"
            + "|Tongliao:43.65:122.24:1",
        "Liaoning;42.59;Shenyang:41.80:123.43:3|Dalian:38.91:121.61:3|Anshan:41.11:122.99:1|Fushun:41.88:123.96:1"
            + "|Dandong:40.00:124.35:1|Jinzhou:41.10:121.13:1",
        "Jilin;24.07;Changchun:43.82:125.32:3|Jilin:43.84:126.55:1|Siping:43.17:124.35:1|Yanji:42.89:129.51:1",
        "Heilongjiang;31.85;Harbin:45.80:126.53:3|Qiqihar:47.35:123.92:1|Daqing:46.59:125.10:1"
            + "|Mudanjiang:44.55:129.63:1|Jiamusi:46.80:130.32:1",
        "Shanghai;24.87;Shanghai:31.23:121.47:1",
        "Jiangsu;84.75;Nanjing:32.06:118.80:3|Suzhou:31.30:120.59:3|Wuxi:31.49:120.31:2|Changzhou:31.81:119.97:2"
            + "|Nantong:32.00:120.89:1|Xuzhou:34.26:117.18:1|Yangzhou:32.39:119.41:1",
        "Zhejiang;64.57;Hangzhou:30.27:120.16:3|Ningbo:29.87:121.54:2|Wenzhou:28.00:120.67:2|Jinhua:29.08:119.65:1"
            + "|Yiwu:29.31:120.08:2|Shaoxing:30.00:120.58:1|Taizhou:28.66:121.42:1",
        "Anhui;61.03;Hefei:31.82:117.23:3|Wuhu:31.35:118.43:1|Bengbu:32.92:117.39:1|Fuyang:32.89:115.81:1"
            + "|Anqing:30.54:117.06:1",
        "Fujian;41.54;Fuzhou:26.07:119.30:3|Xiamen:24.48:118.09:2|Quanzhou:24.87:118.68:2|Zhangzhou:24.51:117.65:1"
            + "|Putian:25.45:119.01:1",
        "Jiangxi;45.19;Nanchang:28.68:115.86:3|Ganzhou:25.83:114.93:1|Jiujiang:29.71:116.00:1|Shangrao:28.45:117.94:1"
            + "|Yichun:27.81:114.42:1",
        "Shandong;101.53;Jinan:36.65:117.12:3|Qingdao:36.07:120.38:3|Yantai:37.46:121.45:1|Weifang:36.71:119.16:1"
            + "|Linyi:35.10:118.36:2|Zibo:36.81:118.05:1|Jining:35.41:116.59:1",
        "Henan;99.37;Zhengzhou:34.75:113.63:3|Luoyang:34.62:112.45:1|Nanyang:32.99:112.53:1|Xinxiang:35.30:113.93:1"
            + "|Zhoukou:33.63:114.65:1|Shangqiu:34.41:115.66:1",
        "Hubei;57.75;Wuhan:30.59:114.31:4|Yichang:30.69:111.29:1|Xiangyang:32.01:112.12:1|Jingzhou:30.33:112.24:1"
            + "|Shiyan:32.63:110.80:1",
        "Hunan;66.44;Changsha:28.23:112.94:3|Zhuzhou:27.83:113.13:1|Hengyang:26.89:112.57:1|Yueyang:29.36:113.13:1"
            + "|Changde:29.03:111.70:1",
        "Guangdong;126.01;Guangzhou:23.13:113.26:4:T|Shenzhen:22.54:114.06:4:T|Dongguan:23.02:113.75:2:T"
            + "|Foshan:23.02:113.12:2|Huizhou:23.11:114.42:1|Shantou:23.35:116.68:1|Zhanjiang:21.27:110.36:1"
            + "|Zhuhai:22.27:113.58:1|Jiangmen:22.58:113.08:1",
        "Guangxi;50.13;Nanning:22.82:108.37:3:T|Liuzhou:24.33:109.41:1|Guilin:25.27:110.29:1|Yulin:22.65:110.18:1"
            + "|Beihai:21.48:109.12:1|Chongzuo:22.38:107.36:0.5|Pingxiang:22.10:106.76:0.3:B|Dongxing:21.55:107.97:0.3:B",
        "Hainan;10.08;Haikou:20.04:110.32:2|Sanya:18.25:109.51:1|Danzhou:19.52:109.58:0.5",
        "Chongqing;32.05;Chongqing:29.56:106.55:4|Wanzhou:30.81:108.41:1|Fuling:29.70:107.39:1",
        "Sichuan;83.67;Chengdu:30.57:104.07:4|Mianyang:31.47:104.68:1|Nanchong:30.84:106.11:1|Yibin:28.77:104.64:1"
            + "|Luzhou:28.87:105.44:1|Deyang:31.13:104.40:1|Leshan:29.55:103.77:1",
        "Guizhou;38.56;Guiyang:26.65:106.63:3|Zunyi:27.73:106.93:2|Liupanshui:26.59:104.83:1|Anshun:26.25:105.95:1"
            + "|Bijie:27.30:105.29:1",
        "Yunnan;47.21;Kunming:25.04:102.71:4:T|Qujing:25.49:103.80:1|Dali:25.61:100.27:1|Yuxi:24.35:102.54:1"
            + "|Mengzi:23.36:103.38:0.5|Lincang:23.88:100.09:0.5|Baoshan:25.12:99.16:0.5|Jinghong:22.01:100.80:0.5"
            + "|Ruili:24.01:97.85:0.3:B|Tengchong:25.02:98.49:0.3:B|Hekou:22.51:103.94:0.3:B|Mengla:21.46:101.56:0.3:B",
        "Tibet;3.65;Lhasa:29.65:91.14:3|Shigatse:29.27:88.88:1|Nyingchi:29.65:94.36:1|Chamdo:31.14:97.17:1",
        "Shaanxi;39.53;Xi'an:34.34:108.94:4|Baoji:34.36:107.24:1|Xianyang:34.33:108.71:1|Yulin:38.29:109.73:1"
            + "|Weinan:34.50:109.51:1|Hanzhong:33.07:107.02:1",
        "Gansu;25.02;Lanzhou:36.06:103.83:3|Tianshui:34.58:105.72:1|Jiuquan:39.73:98.49:1|Baiyin:36.54:104.14:1"
            + "|Zhangye:38.93:100.45:1",
        "Qinghai;5.92;Xining:36.62:101.78:3|Golmud:36.40:94.90:1|Haidong:36.50:102.10:1",
        "Ningxia;7.20;Yinchuan:38.49:106.23:3|Shizuishan:38.98:106.38:1|Wuzhong:37.99:106.20:1|Guyuan:36.02:106.24:1",
        "Xinjiang;25.85;Urumqi:43.83:87.62:4|Kashgar:39.47:75.99:1|Korla:41.73:86.17:1|Yining:43.91:81.28:1"
            + "|Karamay:45.58:84.89:1|Aksu:41.17:80.26:1|Horgos:44.21:80.42:0.3:B",
    };

    /** The three provinces through which goods from the southern and western border usually transit. */
    private static final String[] TRANSIT_PROVINCES = {"Yunnan", "Guangxi", "Guangdong"};

    private static final List<Province> PROVINCES;
    private static final List<City> CITIES;
    private static final Map<String, Province> PROVINCE_BY_KEY = new HashMap<>();
    private static final Map<String, City> CITY_BY_KEY = new HashMap<>();
    private static final boolean[] BORDER_PROVINCE;
    private static final boolean[] TRANSIT_PROVINCE;

    static {
        List<Province> provinces = new ArrayList<>();
        List<City> cities = new ArrayList<>();
        for (String row : DATA) {
            String[] parts = row.split(";");
            int pIndex = provinces.size();
            String pName = parts[0];
            double population = Double.parseDouble(parts[1]);
            List<City> own = new ArrayList<>();
            for (String c : parts[2].split("\\|")) {
                String[] f = c.split(":");
                String flags = f.length > 4 ? f[4] : "";
                City city = new City(cities.size(), pName, f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), own.isEmpty(), flags.contains("B"), flags.contains("T"));
                own.add(city);
                cities.add(city);
                CITY_BY_KEY.put(cityKey(pName, f[0]), city);
            }
            Province p = new Province(pIndex, pName, own.get(0).name(), population, Collections.unmodifiableList(own));
            provinces.add(p);
            PROVINCE_BY_KEY.put(key(pName), p);
        }
        PROVINCES = Collections.unmodifiableList(provinces);
        CITIES = Collections.unmodifiableList(cities);
        BORDER_PROVINCE = new boolean[provinces.size()];
        TRANSIT_PROVINCE = new boolean[provinces.size()];
        for (City c : cities) {
            if (c.borderEntry()) {
                BORDER_PROVINCE[PROVINCE_BY_KEY.get(key(c.province())).index()] = true;
            }
        }
        for (String t : TRANSIT_PROVINCES) {
            TRANSIT_PROVINCE[PROVINCE_BY_KEY.get(key(t)).index()] = true;
        }
    }

    private Geography() {
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String cityKey(String province, String city) {
        return key(province) + '\u0000' + key(city);
    }

    /** The 31 provincial-level divisions, in a fixed order (north to south-west, as in census tables). */
    public static List<Province> provinces() {
        return PROVINCES;
    }

    /** All cities, in a fixed order ({@link City#index()} is the position). */
    public static List<City> cities() {
        return CITIES;
    }

    /** The province of that name (case-insensitive), or {@code null}. */
    public static Province province(String name) {
        return name == null ? null : PROVINCE_BY_KEY.get(key(name));
    }

    /** The city, or {@code null} when unknown. */
    public static City city(String province, String city) {
        if (province == null || city == null) {
            return null;
        }
        return CITY_BY_KEY.get(cityKey(province, city));
    }

    /** The border entry towns, in a fixed order. */
    public static List<City> borderEntries() {
        List<City> out = new ArrayList<>();
        for (City c : CITIES) {
            if (c.borderEntry()) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The transit hub cities (Kunming, Nanning, Guangzhou, Shenzhen, Dongguan), in a fixed order. */
    public static List<City> transitHubs() {
        List<City> out = new ArrayList<>();
        for (City c : CITIES) {
            if (c.transitHub()) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the place is a border entry town (unknown places are not). */
    public static boolean isBorderEntry(String province, String city) {
        City c = city(province, city);
        return c != null && c.borderEntry();
    }

    /** Whether the place is a major transit hub (unknown places are not). */
    public static boolean isTransitHub(String province, String city) {
        City c = city(province, city);
        return c != null && c.transitHub();
    }

    /** Whether the province contains a border entry town (Yunnan, Guangxi, Xinjiang). */
    public static boolean isBorderProvince(String province) {
        Province p = province(province);
        return p != null && BORDER_PROVINCE[p.index()];
    }

    /** Whether the province is a transit province (Yunnan, Guangxi, Guangdong). */
    public static boolean isTransitProvince(String province) {
        Province p = province(province);
        return p != null && TRANSIT_PROVINCE[p.index()];
    }

    /** Coordinates of a city, or {@code null} when the place is unknown. */
    public static LatLon coordinates(String province, String city) {
        City c = city(province, city);
        return c == null ? null : c.latLon();
    }

    /**
     * Coordinates of a city; when the city is unknown but the province is known, the province
     * capital's; {@code null} when neither is known.
     */
    public static LatLon approximateCoordinates(String province, String city) {
        LatLon exact = coordinates(province, city);
        if (exact != null) {
            return exact;
        }
        Province p = province(province);
        return p == null ? null : p.cities().get(0).latLon();
    }

    /**
     * Great-circle distance in km between two points by the haversine formula on a sphere of radius
     * {@link #EARTH_RADIUS_KM} (error against the WGS 84 ellipsoid below 0.5 %).
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double s1 = Math.sin(dp / 2);
        double s2 = Math.sin(dl / 2);
        double h = s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** Great-circle distance in km between two coordinates. */
    public static double distanceKm(LatLon a, LatLon b) {
        return distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
    }

    /**
     * Great-circle distance in km between two places (see {@link #coordinates}); {@code NaN} when
     * either place is unknown.
     */
    public static double distanceKm(String province1, String city1, String province2, String city2) {
        LatLon a = coordinates(province1, city1);
        LatLon b = coordinates(province2, city2);
        if (a == null || b == null) {
            return Double.NaN;
        }
        return distanceKm(a, b);
    }
}
