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
 * Guangxi; Horgos in Xinjiang. The generator's rings enter there ({@link #borderEntries()}). Data from
 * elsewhere names other crossings, so {@link #isBorderEntry} also knows the further land ports of
 * Yunnan, Guangxi, Xinjiang, Tibet, Heilongjiang, Inner Mongolia and Jilin (the border towns or counties
 * that hold them, and the port names themselves: Wanding, Mohan, Daluo, Youyiguan, Erenhot, Manzhouli,
 * Suifenhe, Alashankou, Gyirong, …); they are not generator cities and do not make their provinces
 * border provinces. Transit hubs are Kunming, Nanning, Guangzhou, Shenzhen and Dongguan; the transit
 * provinces are Yunnan, Guangxi and Guangdong.
 *
 * <p>Names are ASCII pinyin as commonly written in English ({@code "Inner Mongolia"}, {@code "Xi'an"});
 * look-ups also accept the simplified Chinese names ({@code 云南}, {@code 瑞丽}), ignore case, blanks,
 * apostrophes and administrative suffixes ({@code 省}, {@code 市}, {@code 自治区}, "Province", "City", …),
 * so {@code isBorderEntry("云南省", "瑞丽市")} holds. Two provinces may hold cities of the same name
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
     * @param chineseName name in simplified Chinese, e.g. {@code 昆明}
     */
    public record City(int index, String province, String name, double lat, double lon, double weight,
                       boolean capital, boolean borderEntry, boolean transitHub, String chineseName) {

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
     * @param chineseName name in simplified Chinese without the administrative suffix, e.g. {@code 云南}
     */
    public record Province(int index, String name, String capital, double population, List<City> cities,
                           String chineseName) {
    }

    // Administrative suffixes dropped before look-up, longest first ("云南省" = "Yunnan Province" = "Yunnan").
    private static final String[] SUFFIXES = {"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市",
        "县", "镇", " uyghur autonomous region", " uygur autonomous region", " zhuang autonomous region",
        " hui autonomous region", " autonomous region", " province", " municipality", " city", " county", " town",
        " sheng", " shi"};

    // name ; population (millions, 2020 census) ; cities as name:lat:lon:weight, capital first.
    // Flags after the weight: B = border entry town, T = transit hub.
    private static final String[] DATA = {
        "Beijing/北京;21.89;Beijing/北京:39.90:116.41:1",
        "Tianjin/天津;13.87;Tianjin/天津:39.08:117.20:3|Binhai/滨海:39.00:117.71:1",
        "Hebei/河北;74.61;Shijiazhuang/石家庄:38.04:114.51:3|Tangshan/唐山:39.63:118.18:2|Baoding/保定:38.87:115.46:2|Handan/邯郸:36.63:114.54:2"
            + "|Langfang/廊坊:39.54:116.68:1|Cangzhou/沧州:38.30:116.84:1",
        "Shanxi/山西;34.92;Taiyuan/太原:37.87:112.55:3|Datong/大同:40.08:113.30:1|Changzhi/长治:36.20:113.12:1|Yuncheng/运城:35.03:111.01:1"
            + "|Linfen/临汾:36.09:111.52:1",
        "Inner Mongolia/内蒙古;24.05;Hohhot/呼和浩特:40.84:111.75:3|Baotou/包头:40.66:109.84:2|Ordos/鄂尔多斯:39.61:109.78:1|Chifeng/赤峰:42.26:118.89:1"
            + "|Tongliao/通辽:43.65:122.24:1",
        "Liaoning/辽宁;42.59;Shenyang/沈阳:41.80:123.43:3|Dalian/大连:38.91:121.61:3|Anshan/鞍山:41.11:122.99:1|Fushun/抚顺:41.88:123.96:1"
            + "|Dandong/丹东:40.00:124.35:1|Jinzhou/锦州:41.10:121.13:1",
        "Jilin/吉林;24.07;Changchun/长春:43.82:125.32:3|Jilin/吉林:43.84:126.55:1|Siping/四平:43.17:124.35:1|Yanji/延吉:42.89:129.51:1",
        "Heilongjiang/黑龙江;31.85;Harbin/哈尔滨:45.80:126.53:3|Qiqihar/齐齐哈尔:47.35:123.92:1|Daqing/大庆:46.59:125.10:1"
            + "|Mudanjiang/牡丹江:44.55:129.63:1|Jiamusi/佳木斯:46.80:130.32:1",
        "Shanghai/上海;24.87;Shanghai/上海:31.23:121.47:1",
        "Jiangsu/江苏;84.75;Nanjing/南京:32.06:118.80:3|Suzhou/苏州:31.30:120.59:3|Wuxi/无锡:31.49:120.31:2|Changzhou/常州:31.81:119.97:2"
            + "|Nantong/南通:32.00:120.89:1|Xuzhou/徐州:34.26:117.18:1|Yangzhou/扬州:32.39:119.41:1",
        "Zhejiang/浙江;64.57;Hangzhou/杭州:30.27:120.16:3|Ningbo/宁波:29.87:121.54:2|Wenzhou/温州:28.00:120.67:2|Jinhua/金华:29.08:119.65:1"
            + "|Yiwu/义乌:29.31:120.08:2|Shaoxing/绍兴:30.00:120.58:1|Taizhou/台州:28.66:121.42:1",
        "Anhui/安徽;61.03;Hefei/合肥:31.82:117.23:3|Wuhu/芜湖:31.35:118.43:1|Bengbu/蚌埠:32.92:117.39:1|Fuyang/阜阳:32.89:115.81:1"
            + "|Anqing/安庆:30.54:117.06:1",
        "Fujian/福建;41.54;Fuzhou/福州:26.07:119.30:3|Xiamen/厦门:24.48:118.09:2|Quanzhou/泉州:24.87:118.68:2|Zhangzhou/漳州:24.51:117.65:1"
            + "|Putian/莆田:25.45:119.01:1",
        "Jiangxi/江西;45.19;Nanchang/南昌:28.68:115.86:3|Ganzhou/赣州:25.83:114.93:1|Jiujiang/九江:29.71:116.00:1|Shangrao/上饶:28.45:117.94:1"
            + "|Yichun/宜春:27.81:114.42:1",
        "Shandong/山东;101.53;Jinan/济南:36.65:117.12:3|Qingdao/青岛:36.07:120.38:3|Yantai/烟台:37.46:121.45:1|Weifang/潍坊:36.71:119.16:1"
            + "|Linyi/临沂:35.10:118.36:2|Zibo/淄博:36.81:118.05:1|Jining/济宁:35.41:116.59:1",
        "Henan/河南;99.37;Zhengzhou/郑州:34.75:113.63:3|Luoyang/洛阳:34.62:112.45:1|Nanyang/南阳:32.99:112.53:1|Xinxiang/新乡:35.30:113.93:1"
            + "|Zhoukou/周口:33.63:114.65:1|Shangqiu/商丘:34.41:115.66:1",
        "Hubei/湖北;57.75;Wuhan/武汉:30.59:114.31:4|Yichang/宜昌:30.69:111.29:1|Xiangyang/襄阳:32.01:112.12:1|Jingzhou/荆州:30.33:112.24:1"
            + "|Shiyan/十堰:32.63:110.80:1",
        "Hunan/湖南;66.44;Changsha/长沙:28.23:112.94:3|Zhuzhou/株洲:27.83:113.13:1|Hengyang/衡阳:26.89:112.57:1|Yueyang/岳阳:29.36:113.13:1"
            + "|Changde/常德:29.03:111.70:1",
        "Guangdong/广东;126.01;Guangzhou/广州:23.13:113.26:4:T|Shenzhen/深圳:22.54:114.06:4:T|Dongguan/东莞:23.02:113.75:2:T"
            + "|Foshan/佛山:23.02:113.12:2|Huizhou/惠州:23.11:114.42:1|Shantou/汕头:23.35:116.68:1|Zhanjiang/湛江:21.27:110.36:1"
            + "|Zhuhai/珠海:22.27:113.58:1|Jiangmen/江门:22.58:113.08:1",
        "Guangxi/广西;50.13;Nanning/南宁:22.82:108.37:3:T|Liuzhou/柳州:24.33:109.41:1|Guilin/桂林:25.27:110.29:1|Yulin/玉林:22.65:110.18:1"
            + "|Beihai/北海:21.48:109.12:1|Chongzuo/崇左:22.38:107.36:0.5|Pingxiang/凭祥:22.10:106.76:0.3:B|Dongxing/东兴:21.55:107.97:0.3:B",
        "Hainan/海南;10.08;Haikou/海口:20.04:110.32:2|Sanya/三亚:18.25:109.51:1|Danzhou/儋州:19.52:109.58:0.5",
        "Chongqing/重庆;32.05;Chongqing/重庆:29.56:106.55:4|Wanzhou/万州:30.81:108.41:1|Fuling/涪陵:29.70:107.39:1",
        "Sichuan/四川;83.67;Chengdu/成都:30.57:104.07:4|Mianyang/绵阳:31.47:104.68:1|Nanchong/南充:30.84:106.11:1|Yibin/宜宾:28.77:104.64:1"
            + "|Luzhou/泸州:28.87:105.44:1|Deyang/德阳:31.13:104.40:1|Leshan/乐山:29.55:103.77:1",
        "Guizhou/贵州;38.56;Guiyang/贵阳:26.65:106.63:3|Zunyi/遵义:27.73:106.93:2|Liupanshui/六盘水:26.59:104.83:1|Anshun/安顺:26.25:105.95:1"
            + "|Bijie/毕节:27.30:105.29:1",
        "Yunnan/云南;47.21;Kunming/昆明:25.04:102.71:4:T|Qujing/曲靖:25.49:103.80:1|Dali/大理:25.61:100.27:1|Yuxi/玉溪:24.35:102.54:1"
            + "|Mengzi/蒙自:23.36:103.38:0.5|Lincang/临沧:23.88:100.09:0.5|Baoshan/保山:25.12:99.16:0.5|Jinghong/景洪:22.01:100.80:0.5"
            + "|Ruili/瑞丽:24.01:97.85:0.3:B|Tengchong/腾冲:25.02:98.49:0.3:B|Hekou/河口:22.51:103.94:0.3:B|Mengla/勐腊:21.46:101.56:0.3:B",
        "Tibet/西藏;3.65;Lhasa/拉萨:29.65:91.14:3|Shigatse/日喀则:29.27:88.88:1|Nyingchi/林芝:29.65:94.36:1|Chamdo/昌都:31.14:97.17:1",
        "Shaanxi/陕西;39.53;Xi'an/西安:34.34:108.94:4|Baoji/宝鸡:34.36:107.24:1|Xianyang/咸阳:34.33:108.71:1|Yulin/榆林:38.29:109.73:1"
            + "|Weinan/渭南:34.50:109.51:1|Hanzhong/汉中:33.07:107.02:1",
        "Gansu/甘肃;25.02;Lanzhou/兰州:36.06:103.83:3|Tianshui/天水:34.58:105.72:1|Jiuquan/酒泉:39.73:98.49:1|Baiyin/白银:36.54:104.14:1"
            + "|Zhangye/张掖:38.93:100.45:1",
        "Qinghai/青海;5.92;Xining/西宁:36.62:101.78:3|Golmud/格尔木:36.40:94.90:1|Haidong/海东:36.50:102.10:1",
        "Ningxia/宁夏;7.20;Yinchuan/银川:38.49:106.23:3|Shizuishan/石嘴山:38.98:106.38:1|Wuzhong/吴忠:37.99:106.20:1|Guyuan/固原:36.02:106.24:1",
        "Xinjiang/新疆;25.85;Urumqi/乌鲁木齐:43.83:87.62:4|Kashgar/喀什:39.47:75.99:1|Korla/库尔勒:41.73:86.17:1|Yining/伊宁:43.91:81.28:1"
            + "|Karamay/克拉玛依:45.58:84.89:1|Aksu/阿克苏:41.17:80.26:1|Horgos/霍尔果斯:44.21:80.42:0.3:B",
    };

    // Further land ports (province ; name/中文:lat:lon, …), recognised as border entry places by
    // isBorderEntry and placed on maps, but not generator cities: the generator's world stays as above.
    private static final String[] LAND_PORTS = {
        "Yunnan;Wanding/畹町:24.08:98.07|Jiegao/姐告:23.99:97.91|Mohan/磨憨:21.18:101.68|Houqiao/猴桥:25.33:98.25"
            + "|Daluo/打洛:21.70:100.05|Menglian/孟连:22.33:99.59|Qingshuihe/清水河:23.52:99.02|Mengding/孟定:23.55:99.08"
            + "|Nansan/南伞:23.76:98.83|Zhangfeng/章凤:24.18:97.79|Tianbao/天保:22.95:104.83|Jinshuihe/金水河:22.53:103.23"
            + "|Guanlei/关累:21.63:101.26|Longchuan/陇川:24.18:97.79|Zhenkang/镇康:23.76:98.83|Gengma/耿马:23.54:99.40"
            + "|Malipo/麻栗坡:23.12:104.70|Jinping/金平:22.78:103.23",
        "Guangxi;Youyiguan/友谊关:22.02:106.71|Shuikou/水口:22.49:106.62|Longzhou/龙州:22.34:106.85"
            + "|Longbang/龙邦:22.87:106.33|Jingxi/靖西:23.13:106.42|Aidian/爱店:21.94:107.07|Ningming/宁明:22.14:107.07"
            + "|Pingmeng/平孟:23.32:105.55|Napo/那坡:23.42:105.83|Shuolong/硕龙:22.83:106.69",
        "Xinjiang;Alashankou/阿拉山口:45.17:82.57|Tacheng/塔城:46.75:82.98|Baketu/巴克图:46.70:82.75"
            + "|Jimunai/吉木乃:47.43:85.88|Tashkurgan/塔什库尔干:37.77:75.23|Khunjerab/红其拉甫:36.85:75.42"
            + "|Irkeshtam/伊尔克什坦:39.71:73.95|Wuqia/乌恰:39.72:75.26|Torugart/吐尔尕特:40.52:75.40"
            + "|Dulata/都拉塔:43.70:80.85|Qapqal/察布查尔:43.83:81.15|Takeshiken/塔克什肯:46.00:90.35",
        "Tibet;Zhangmu/樟木:27.99:85.98|Nyalam/聂拉木:28.16:85.98|Gyirong/吉隆:28.85:85.30|Yadong/亚东:27.48:88.91"
            + "|Burang/普兰:30.29:81.18",
        "Heilongjiang;Suifenhe/绥芬河:44.41:131.15|Heihe/黑河:50.25:127.50|Dongning/东宁:44.06:131.12"
            + "|Fuyuan/抚远:48.36:134.29|Tongjiang/同江:47.64:132.51|Mohe/漠河:52.97:122.54|Luobei/萝北:47.58:130.83"
            + "|Mishan/密山:45.55:131.87|Hulin/虎林:45.77:132.94",
        "Inner Mongolia;Erenhot/二连浩特:43.65:111.98|Manzhouli/满洲里:49.60:117.43|Ejin/额济纳:41.95:101.07"
            + "|Ceke/策克:42.05:101.21|Ganqimaodu/甘其毛都:41.57:108.52|Arxan/阿尔山:47.18:119.94",
        "Jilin;Hunchun/珲春:42.86:130.37|Tumen/图们:42.97:129.84|Ji'an/集安:41.13:126.19|Changbai/长白:41.42:128.20"
            + "|Helong/和龙:42.55:129.00",
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
            String[] pNames = parts[0].split("/");
            String pName = pNames[0];
            double population = Double.parseDouble(parts[1]);
            List<City> own = new ArrayList<>();
            for (String c : parts[2].split("\\|")) {
                String[] f = c.split(":");
                String flags = f.length > 4 ? f[4] : "";
                String[] cNames = f[0].split("/");
                City city = new City(cities.size(), pName, cNames[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), own.isEmpty(), flags.contains("B"), flags.contains("T"), cNames[1]);
                own.add(city);
                cities.add(city);
                for (String pn : pNames) {
                    for (String cn : cNames) {
                        CITY_BY_KEY.put(cityKey(pn, cn), city);
                    }
                }
            }
            Province p = new Province(pIndex, pName, own.get(0).name(), population, Collections.unmodifiableList(own),
                    pNames[1]);
            provinces.add(p);
            for (String pn : pNames) {
                PROVINCE_BY_KEY.put(key(pn), p);
            }
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
        for (String row : LAND_PORTS) {
            String[] parts = row.split(";");
            Province p = PROVINCE_BY_KEY.get(key(parts[0]));
            for (String c : parts[1].split("\\|")) {
                String[] f = c.split(":");
                String[] cNames = f[0].split("/");
                City port = new City(-1, p.name(), cNames[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), 0,
                        false, true, false, cNames[1]);
                for (String pn : new String[] {p.name(), p.chineseName()}) {
                    for (String cn : cNames) {
                        CITY_BY_KEY.putIfAbsent(cityKey(pn, cn), port);
                    }
                }
            }
        }
    }

    private Geography() {
    }

    private static String key(String name) {
        String k = name.trim().toLowerCase(Locale.ROOT).replace("'", "");
        for (String suffix : SUFFIXES) {
            if (k.length() > suffix.length() && k.endsWith(suffix)) {
                return k.substring(0, k.length() - suffix.length()).trim();
            }
        }
        return k;
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

    /** The city (a further land port, not a generator city, has index -1), or {@code null} when unknown. */
    public static City city(String province, String city) {
        if (province == null || city == null) {
            return null;
        }
        return CITY_BY_KEY.get(cityKey(province, city));
    }

    /** The generator's border entry towns, in a fixed order (the further land ports are not listed). */
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

    /**
     * Whether the place is a border entry town: one of the generator's, or one of the further land ports
     * (unknown places are not).
     */
    public static boolean isBorderEntry(String province, String city) {
        City c = city(province, city);
        return c != null && c.borderEntry();
    }

    /** Whether the place is a major transit hub (unknown places are not). */
    public static boolean isTransitHub(String province, String city) {
        City c = city(province, city);
        return c != null && c.transitHub();
    }

    /**
     * Whether the province holds one of the generator's border entry towns (Yunnan, Guangxi, Xinjiang):
     * the border provinces of the routes the toolkit models.
     */
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
     * {@link #EARTH_RADIUS_KM} (error against the WGS 84 ellipsoid below 0.5 %). Uses StrictMath, so results
     * are bit-identical on every JVM.
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = StrictMath.toRadians(lat1);
        double p2 = StrictMath.toRadians(lat2);
        double dp = p2 - p1;
        double dl = StrictMath.toRadians(lon2 - lon1);
        double s1 = StrictMath.sin(dp / 2);
        double s2 = StrictMath.sin(dl / 2);
        double h = s1 * s1 + StrictMath.cos(p1) * StrictMath.cos(p2) * s2 * s2;
        return 2 * EARTH_RADIUS_KM * StrictMath.asin(Math.min(1.0, StrictMath.sqrt(h)));
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
