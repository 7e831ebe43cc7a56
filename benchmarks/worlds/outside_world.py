#!/usr/bin/python3
"""A second, independently designed world of parcel shipments with planted smuggling rings.

Written from the documented shipment schema (docs/data-format.md) and a description of the domain
only, without reference to ParcelNet's own generator, so that ParcelNet can be measured on data it
was not tuned on. Python 3 standard library only; every random draw comes from one seeded
random.Random, so the same arguments give the same bytes.

The world (one calendar year, 2025, times in China Standard Time):

* Geography: the 31 mainland provinces with 2-11 real cities each, weighted by population; twelve
  real border entry towns (Ruili, Tengchong, Hekou, Mengla/Mohan in Yunnan; Dongxing, Pingxiang in
  Guangxi; Manzhouli, Erenhot, Suifenhe, Hunchun, Horgos, Gyirong), each with the transit hubs goods
  move through (Ruili -> Mangshi -> Kunming, Hekou -> Mengzi -> Kunming, ...).
* Ordinary traffic (about 90 % of rows): online shops with Pareto-distributed sizes (alpha 1.15)
  concentrated in Guangdong, Zhejiang, Jiangsu, Fujian and Shanghai, with loyal repeat buyers and
  parcel returns; four huge e-commerce senders with 400-numbers shipping from several warehouse
  cities; families spread over several cities sending to each other; offices sending documents to
  business contacts; second-hand sales between strangers; courier stations whose phone stands for
  many walk-in senders; campus and company mailrooms that receive for many people; legitimate
  border traders (jade, fruit, Russian goods) supplying shops that resell online; and a few lone
  seized parcels that belong to no ring.
* Rings: sources in a border entry town (about a third on foreign SIM cards, +95/+84/+856/+7/...),
  1-3 transit warehouses in the entry town's hub cities, 2-10 distributors in inland provinces,
  1-9 retailers per distributor mostly in or near the distributor's province. Goods move in
  batches: a source splits a consignment into 2-10 small parcels (1-2 cartons) to a transit
  warehouse; after delivery (0.5-4 days, by distance and mode) and handling the warehouse forwards
  1-3 parcels to each of a few distributors, which forward to some of their retailers after
  holding stock for 0.5-7 days; retailers sell over the following weeks. Rings are active for part
  of the year (150-365 days), with batches every 5-12 days on average. Upstream senders use fake
  names; a transit warehouse keeps one address across its phones.
* Seizures (`flagged`): a ring parcel is seized with a ring-specific probability of 1.5-5 %,
  higher near the border (x1.6 source legs, x1.2 transit legs) than at retail (x0.3).

Presets:

* low-leakage: retailers sell mostly to a loyal set of 2-10 local customers; members buy few
  ordinary goods; phones are written in a few harmless formats (3 %).
* high-leakage: retailers and distributors sell mostly to one-off buyers across China; members
  receive about 15 ordinary online orders a year and send a few personal parcels.
* noisy: high-leakage plus burner-phone churn (sources and transit warehouses change phone every
  30-90 days, distributors every 60-180 days, three in ten retailers once or twice a year), a
  share of ring parcels handed in at courier stations (station phone as sender), phone formats
  (+86, 0086, spaces, dashes, full-width digits) in a third of rows, digit typos (0.3 %), name and
  address variants, blank names/addresses in a fifth of rows, one or two optional columns missing
  from the whole file (chosen by the seed), times without offset or as bare dates in a share of
  rows, and shuffled column order.
* separated-low, separated-high, separated-noisy: low-leakage, high-leakage and noisy with rings
  that stand apart from the ordinary traffic, as in data where the ring's parcel footprint is its
  supply chain only. Two things make it so, both common in the trade: retailers (and distributors
  selling directly) are shops, stalls and bars that sell in person for cash, so only a small share
  of sales goes out as a parcel to a buyer elsewhere (0.4 % of sales in separated-low, 0.2 % of the
  more numerous one-off sales in separated-high and separated-noisy); and members keep the ring's
  phones for the trade and live their ordinary lives on a personal number under the same name and
  address, which is not a ring party: an everyday number, in use all year (about 15 online orders
  and 3 personal parcels a year, as in high-leakage, in all three), so that it is seen alongside the
  ring phones, not after them as a replaced SIM would be.
  separated-noisy also hands no ring parcel in at courier stations (a station's phone would tie
  the ring to every walk-in customer's contacts); the rest of noisy's recording noise stays. These
  are the worlds in which plain modularity clustering of the party graph already finds most rings
  (mean Louvain ring F1 about 0.93-0.99 over seeds 1-3), the check that the ring finder does not
  lose to it there.

Ground truth: truth_parties.csv (every party, normalised phone digits; ring and tier empty for
background), truth_shipments.csv (every shipment; ring empty unless it carries ring goods, sales to
customers included), truth_rings.csv (ring, entry_city, parties, shipments). Typo phones belong to
no one and are not ring parties.
"""
import argparse
import bisect
import csv
import datetime
import gzip
import io
import math
import os
import random

# --------------------------------------------------------------------------------------------
# Geography: province -> [(city, Chinese name, population weight in millions)]
GEO = {
    'Beijing': [('Beijing', '北京', 21.9)],
    'Tianjin': [('Tianjin', '天津', 13.7)],
    'Shanghai': [('Shanghai', '上海', 24.9)],
    'Chongqing': [('Chongqing', '重庆', 32.1)],
    'Hebei': [('Shijiazhuang', '石家庄', 11.2), ('Baoding', '保定', 9.2), ('Tangshan', '唐山', 7.7),
              ('Handan', '邯郸', 9.4)],
    'Shanxi': [('Taiyuan', '太原', 5.4), ('Datong', '大同', 3.1), ('Yuncheng', '运城', 4.8)],
    'Inner Mongolia': [('Hohhot', '呼和浩特', 3.5), ('Baotou', '包头', 2.7), ('Hulunbuir', '呼伦贝尔', 2.2),
                       ('Manzhouli', '满洲里', 0.3), ('Erenhot', '二连浩特', 0.1)],
    'Liaoning': [('Shenyang', '沈阳', 9.1), ('Dalian', '大连', 7.5), ('Dandong', '丹东', 2.2)],
    'Jilin': [('Changchun', '长春', 9.1), ('Jilin', '吉林', 3.6), ('Yanji', '延吉', 0.7), ('Hunchun', '珲春', 0.25)],
    'Heilongjiang': [('Harbin', '哈尔滨', 10.0), ('Daqing', '大庆', 2.8), ('Mudanjiang', '牡丹江', 2.3),
                     ('Suifenhe', '绥芬河', 0.15), ('Heihe', '黑河', 1.3)],
    'Jiangsu': [('Nanjing', '南京', 9.4), ('Suzhou', '苏州', 12.9), ('Wuxi', '无锡', 7.5), ('Xuzhou', '徐州', 9.0),
                ('Nantong', '南通', 7.7)],
    'Zhejiang': [('Hangzhou', '杭州', 12.2), ('Ningbo', '宁波', 9.6), ('Wenzhou', '温州', 9.6), ('Jinhua', '金华', 7.1),
                 ('Yiwu', '义乌', 1.9)],
    'Anhui': [('Hefei', '合肥', 9.6), ('Wuhu', '芜湖', 3.7), ('Fuyang', '阜阳', 8.2)],
    'Fujian': [('Fuzhou', '福州', 8.4), ('Xiamen', '厦门', 5.3), ('Quanzhou', '泉州', 8.9), ('Putian', '莆田', 3.2)],
    'Jiangxi': [('Nanchang', '南昌', 6.5), ('Ganzhou', '赣州', 9.0), ('Shangrao', '上饶', 6.4)],
    'Shandong': [('Jinan', '济南', 9.4), ('Qingdao', '青岛', 10.3), ('Linyi', '临沂', 11.0), ('Yantai', '烟台', 7.1)],
    'Henan': [('Zhengzhou', '郑州', 12.8), ('Luoyang', '洛阳', 7.1), ('Nanyang', '南阳', 9.7), ('Zhoukou', '周口', 8.9)],
    'Hubei': [('Wuhan', '武汉', 13.7), ('Xiangyang', '襄阳', 5.3), ('Yichang', '宜昌', 4.0)],
    'Hunan': [('Changsha', '长沙', 10.4), ('Hengyang', '衡阳', 6.6), ('Yueyang', '岳阳', 5.1)],
    'Guangdong': [('Guangzhou', '广州', 18.8), ('Shenzhen', '深圳', 17.7), ('Dongguan', '东莞', 10.5),
                  ('Foshan', '佛山', 9.6), ('Shantou', '汕头', 5.5), ('Zhanjiang', '湛江', 7.0)],
    'Guangxi': [('Nanning', '南宁', 8.9), ('Liuzhou', '柳州', 4.2), ('Guilin', '桂林', 4.9), ('Chongzuo', '崇左', 2.0),
                ('Fangchenggang', '防城港', 1.0), ('Dongxing', '东兴', 0.2), ('Pingxiang', '凭祥', 0.12)],
    'Hainan': [('Haikou', '海口', 2.9), ('Sanya', '三亚', 1.0)],
    'Sichuan': [('Chengdu', '成都', 21.4), ('Mianyang', '绵阳', 4.9), ('Nanchong', '南充', 5.6)],
    'Guizhou': [('Guiyang', '贵阳', 6.2), ('Zunyi', '遵义', 6.6)],
    'Yunnan': [('Kunming', '昆明', 8.6), ('Qujing', '曲靖', 5.8), ('Dali', '大理', 3.3), ('Mangshi', '芒市', 0.5),
               ('Ruili', '瑞丽', 0.27), ('Baoshan', '保山', 2.4), ('Tengchong', '腾冲', 0.7), ('Mengzi', '蒙自', 0.6),
               ('Hekou', '河口', 0.1), ('Jinghong', '景洪', 0.6), ('Mengla', '勐腊', 0.3)],
    'Tibet': [('Lhasa', '拉萨', 0.9), ('Shigatse', '日喀则', 0.8), ('Gyirong', '吉隆', 0.02)],
    'Shaanxi': [("Xi'an", '西安', 13.0), ('Baoji', '宝鸡', 3.3), ('Xianyang', '咸阳', 4.2)],
    'Gansu': [('Lanzhou', '兰州', 4.4), ('Tianshui', '天水', 3.0)],
    'Qinghai': [('Xining', '西宁', 2.5)],
    'Ningxia': [('Yinchuan', '银川', 2.9)],
    'Xinjiang': [('Urumqi', '乌鲁木齐', 4.1), ('Kashgar', '喀什', 4.5), ('Yining', '伊宁', 1.0), ('Horgos', '霍尔果斯', 0.1),
                 ('Bole', '博乐', 0.5), ('Alashankou', '阿拉山口', 0.02)],
}
# Rough (longitude, latitude) of each province's centre, for distances (delivery days, air or land).
PROV_XY = {
    'Beijing': (116.4, 39.9), 'Tianjin': (117.2, 39.1), 'Shanghai': (121.5, 31.2), 'Chongqing': (106.5, 29.6),
    'Hebei': (114.5, 38.0), 'Shanxi': (112.5, 37.9), 'Inner Mongolia': (111.7, 40.8), 'Liaoning': (123.4, 41.8),
    'Jilin': (125.3, 43.9), 'Heilongjiang': (126.6, 45.8), 'Jiangsu': (118.8, 32.1), 'Zhejiang': (120.2, 30.3),
    'Anhui': (117.3, 31.9), 'Fujian': (119.3, 26.1), 'Jiangxi': (115.9, 28.7), 'Shandong': (117.0, 36.7),
    'Henan': (113.7, 34.8), 'Hubei': (114.3, 30.6), 'Hunan': (113.0, 28.2), 'Guangdong': (113.3, 23.1),
    'Guangxi': (108.3, 22.8), 'Hainan': (110.3, 20.0), 'Sichuan': (104.1, 30.7), 'Guizhou': (106.7, 26.6),
    'Yunnan': (102.7, 25.0), 'Tibet': (91.1, 29.7), 'Shaanxi': (108.9, 34.3), 'Gansu': (103.8, 36.1),
    'Qinghai': (101.8, 36.6), 'Ningxia': (106.3, 38.5), 'Xinjiang': (87.6, 43.8),
}
AREA_CODE = {
    'Beijing': '010', 'Tianjin': '022', 'Shanghai': '021', 'Chongqing': '023', 'Hebei': '0311', 'Shanxi': '0351',
    'Inner Mongolia': '0471', 'Liaoning': '024', 'Jilin': '0431', 'Heilongjiang': '0451', 'Jiangsu': '025',
    'Zhejiang': '0571', 'Anhui': '0551', 'Fujian': '0591', 'Jiangxi': '0791', 'Shandong': '0531', 'Henan': '0371',
    'Hubei': '027', 'Hunan': '0731', 'Guangdong': '020', 'Guangxi': '0771', 'Hainan': '0898', 'Sichuan': '028',
    'Guizhou': '0851', 'Yunnan': '0871', 'Tibet': '0891', 'Shaanxi': '029', 'Gansu': '0931', 'Qinghai': '0971',
    'Ningxia': '0951', 'Xinjiang': '0991',
}
BORDER_PROVINCES = {'Yunnan', 'Guangxi', 'Inner Mongolia', 'Heilongjiang', 'Jilin', 'Liaoning', 'Xinjiang', 'Tibet'}
# Border entry towns: (province, town, hub cities goods move through, neighbour's calling code, weight)
ENTRY_TOWNS = [
    ('Yunnan', 'Ruili', ['Ruili', 'Mangshi', 'Kunming'], '95', 3.0),
    ('Yunnan', 'Tengchong', ['Tengchong', 'Baoshan', 'Kunming'], '95', 1.5),
    ('Yunnan', 'Hekou', ['Hekou', 'Mengzi', 'Kunming'], '84', 2.0),
    ('Yunnan', 'Mengla', ['Mengla', 'Jinghong', 'Kunming'], '856', 1.5),
    ('Guangxi', 'Dongxing', ['Dongxing', 'Fangchenggang', 'Nanning'], '84', 2.0),
    ('Guangxi', 'Pingxiang', ['Pingxiang', 'Chongzuo', 'Nanning'], '84', 1.5),
    ('Inner Mongolia', 'Manzhouli', ['Manzhouli', 'Hulunbuir'], '7', 0.8),
    ('Inner Mongolia', 'Erenhot', ['Erenhot', 'Hohhot'], '976', 0.6),
    ('Heilongjiang', 'Suifenhe', ['Suifenhe', 'Mudanjiang', 'Harbin'], '7', 0.8),
    ('Jilin', 'Hunchun', ['Hunchun', 'Yanji'], '7', 0.5),
    ('Xinjiang', 'Horgos', ['Horgos', 'Yining', 'Urumqi'], '7', 0.7),
    ('Tibet', 'Gyirong', ['Gyirong', 'Shigatse'], '977', 0.3),
]
FOREIGN_NATIONAL = {'95': ('9', 9), '84': ('9', 8), '856': ('20', 8), '7': ('9', 9), '976': ('9', 7), '977': ('98', 8)}
# Where online shops sit (share of shops per province; the rest spread by population).
SHOP_PROVINCES = {'Guangdong': 30, 'Zhejiang': 25, 'Jiangsu': 8, 'Fujian': 8, 'Shanghai': 6, 'Shandong': 5,
                  'Hebei': 4, 'Beijing': 3, 'Sichuan': 2, 'Hubei': 2, 'Henan': 2, 'Anhui': 2, 'Hunan': 1, 'Yunnan': 1,
                  'Guangxi': 1}
CARRIERS = [('SF Express', 'SF', 14), ('ZTO', 'ZT', 22), ('YTO', 'YT', 18), ('STO', 'ST', 10), ('Yunda', 'YD', 15),
            ('JD Logistics', 'JD', 8), ('EMS', 'EM', 5), ('J&T', 'JT', 8)]
CARRIER_PREFIX = {name: prefix for name, prefix, _ in CARRIERS}
MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156',
                   '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185',
                   '186', '187', '188', '189', '191', '193', '195', '198', '199']
SURNAMES = ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
            '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌飞鹏辉波宁婷雪梅琳晨宇浩然子涵欣怡俊杰博文雨轩'
ROADS = ['人民路', '解放路', '中山路', '建设路', '新华路', '和平路', '胜利路', '文化路', '长江路', '黄河路', '青年路',
         '东风路', '幸福路', '团结路', '光明路', '朝阳路', '迎宾路', '滨江路', '工业园路', '商贸街', '边贸街', '兴业路']
SHOP_GOODS = ['服装', '鞋子', '化妆品', '零食', '手机配件', '日用品', '图书', '母婴用品', '家居用品', '小家电', '饰品',
              '茶叶', '运动用品', '玩具']
RING_GOODS = ['茶叶', '日用品', '服装', '干果', '食品', '化妆品', '工艺品', '配件']
BORDER_GOODS = {'95': '玉石', '84': '水果', '856': '水果', '7': '食品', '976': '食品', '977': '工艺品'}
TIERS = ['source', 'transit', 'distributor', 'retailer']
YEAR_START = datetime.datetime(2025, 1, 1)
DAYS = 365.0
CST = datetime.timezone(datetime.timedelta(hours=8))

PRESETS = {
    'low-leakage': dict(loyal_share=0.9, loyal_size=(2, 10), sales=(1, 3), dist_direct=(0, 0), member_buys=1.5,
                        member_sends=0.3, churn=False, station_share=0.0, format_share=0.03, typo=0.0,
                        blank_share=0.03, drop_columns=0, naive_times=0.0),
    'high-leakage': dict(loyal_share=0.25, loyal_size=(2, 6), sales=(2, 6), dist_direct=(0, 3), member_buys=15.0,
                         member_sends=3.0, churn=False, station_share=0.0, format_share=0.03, typo=0.0,
                         blank_share=0.03, drop_columns=0, naive_times=0.0),
    'noisy': dict(loyal_share=0.25, loyal_size=(2, 6), sales=(2, 6), dist_direct=(0, 3), member_buys=15.0,
                  member_sends=3.0, churn=True, station_share=1.0, format_share=0.33, typo=0.003,
                  blank_share=0.2, drop_columns=2, naive_times=0.12),
}
# Separated rings (module docstring): the ring's retail is sold in person, a small share by parcel, and
# members live their ordinary lives on personal phones.
PRESETS['separated-low'] = dict(PRESETS['low-leakage'], parcel_sales=0.004, personal_phone=True, member_buys=15.0,
                                member_sends=3.0)
PRESETS['separated-high'] = dict(PRESETS['high-leakage'], parcel_sales=0.002, personal_phone=True)
PRESETS['separated-noisy'] = dict(PRESETS['noisy'], parcel_sales=0.002, personal_phone=True, station_share=0.0)
COLUMNS = ['shipment_id', 'shipped_at', 'origin_province', 'origin_city', 'destination_province', 'destination_city',
           'sender_phone', 'sender_name', 'sender_address', 'receiver_phone', 'receiver_name', 'receiver_address',
           'carrier', 'mode', 'pieces', 'weight_kg', 'declared_goods', 'flagged']
DROPPABLE = [('carrier',), ('declared_goods',), ('weight_kg',), ('pieces',), ('mode',),
             ('sender_name', 'receiver_name'), ('sender_address', 'receiver_address')]


class Entity:
    """A person, shop, office, station or ring member; phones[i] is used from days[i] on."""
    __slots__ = ('kind', 'prov', 'city', 'name', 'addr', 'phones', 'days', 'ring', 'tier', 'weight', 'contacts',
                 'fake_names', 'extra')

    def __init__(self, kind, prov, city, name, addr, phone):
        self.kind, self.prov, self.city, self.name, self.addr = kind, prov, city, name, addr
        self.phones, self.days = [phone], [0.0]
        self.ring, self.tier, self.weight, self.contacts, self.fake_names, self.extra = None, None, 1.0, None, 0.0, None

    def phone_at(self, day):
        return self.phones[bisect.bisect_right(self.days, day) - 1]


class World:
    def __init__(self, seed, rows, rings, preset):
        self.rng = random.Random(seed)
        self.seed, self.rows_target, self.ring_count, self.preset = seed, rows, rings, preset
        self.p = PRESETS[preset]
        self.used_phones = set()
        self.used_ids = set()
        self.rows = []
        self.cities = [(prov, city) for prov, cs in GEO.items() for city, _, _ in cs]
        self.city_cn = {city: cn for cs in GEO.values() for city, cn, _ in cs}
        self.city_prov = {city: prov for prov, cs in GEO.items() for city, _, _ in cs}
        self.city_cw = self._cum([w for cs in GEO.values() for _, _, w in cs])
        self.carrier_cw = self._cum([c[2] for c in CARRIERS])
        self.stations_by_city = {}

    # ---- helpers --------------------------------------------------------------------------
    @staticmethod
    def _cum(weights):
        out, s = [], 0.0
        for w in weights:
            s += w
            out.append(s)
        return out

    def pick(self, items, cum):
        return items[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def random_city(self, province=None):
        if province is None:
            return self.pick(self.cities, self.city_cw)
        cs = GEO[province]
        c = self.rng.choices(cs, weights=[w for _, _, w in cs])[0]
        return province, c[0]

    def mobile(self):
        while True:
            p = self.rng.choice(MOBILE_PREFIXES) + '%08d' % self.rng.randrange(10 ** 8)
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def landline(self, prov):
        code = AREA_CODE[prov]
        while True:
            n = 8 if len(code) == 3 else 7
            p = code + str(self.rng.randint(2, 8)) + '%0*d' % (n - 1, self.rng.randrange(10 ** (n - 1)))
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def foreign(self, cc):
        lead, n = FOREIGN_NATIONAL[cc]
        while True:
            p = cc + lead + '%0*d' % (n, self.rng.randrange(10 ** n))
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def person_name(self):
        r = self.rng
        return r.choice(SURNAMES) + ''.join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))

    def address(self, city, building=True):
        r = self.rng
        a = '%s市%s%d号' % (self.city_cn[city], r.choice(ROADS), r.randint(1, 999))
        if building and r.random() < 0.6:
            a += '%d栋%d室' % (r.randint(1, 30), r.randint(1, 30) * 100 + r.randint(1, 8))
        return a

    def new_entity(self, kind, prov=None, city=None, phone_kind='mobile', name=None):
        if city is None:
            prov, city = self.random_city(prov)
        elif prov is None:
            prov = self.city_prov[city]
        phone = self.mobile() if phone_kind == 'mobile' else self.landline(prov)
        return Entity(kind, prov, city, name or self.person_name(), self.address(city), phone)

    def carrier(self):
        return self.pick(CARRIERS, self.carrier_cw)[0]

    def distance(self, prov_a, prov_b):
        (x1, y1), (x2, y2) = PROV_XY[prov_a], PROV_XY[prov_b]
        return math.hypot((x1 - x2) * math.cos(math.radians((y1 + y2) / 2)), y1 - y2) * 111.0

    def delivery_days(self, a, b, mode):
        """Days from pickup to delivery: same city half a day, otherwise by distance and mode."""
        if a.city == b.city:
            return self.rng.uniform(0.3, 1.0)
        km = self.distance(a.prov, b.prov)
        if mode == 'air':
            return self.rng.uniform(0.8, 2.0)
        return self.rng.uniform(0.8, 1.5) + km / self.rng.uniform(600, 900)

    def mode_for(self, a_prov, b_prov, air_bias=0.0):
        km = self.distance(a_prov, b_prov)
        p_air = 0.0 if km < 800 else min(0.6, 0.1 + air_bias + (km - 800) / 4000)
        return 'air' if self.rng.random() < p_air else 'land'

    def shop_time(self, day):
        """A pickup time on the given day: business hours, evenings lighter."""
        h = self.rng.choices(range(7, 23), weights=[1, 3, 5, 6, 6, 5, 5, 6, 6, 6, 5, 4, 3, 2, 2, 1])[0]
        return math.floor(day) + (h + self.rng.random()) / 24.0

    def random_day(self):
        # Mild seasonality: the November shopping festival and the pre-New-Year peak in January.
        while True:
            d = self.rng.uniform(0, DAYS)
            w = 1.0 + (1.2 if 309 <= d < 322 else 0.0) + (0.4 if d < 25 else 0.0) - (0.4 if 28 <= d < 40 else 0.0)
            if self.rng.random() < w / 2.2:
                return self.shop_time(d)

    # ---- one shipment ---------------------------------------------------------------------
    def ship(self, day, sender, receiver, ring=None, goods=None, pieces=1, weight=None, mode=None,
             flagged=False, station=None, sender_name=None, receiver_name=None, receiver_agent=None,
             origin_city=None, carrier=None):
        if day < 0 or day >= DAYS:
            return False
        o_prov, o_city = (self.city_prov[origin_city], origin_city) if origin_city else (sender.prov, sender.city)
        dest = receiver_agent or receiver
        if mode is None:
            mode = self.mode_for(o_prov, dest.prov)
        if weight is None:
            weight = round(max(0.05, self.rng.lognormvariate(0.0, 0.8)) * pieces, 2)
        s_phone_ent = station or sender
        self.rows.append(dict(
            day=day, carrier=carrier or self.carrier(), o_prov=o_prov, o_city=o_city,
            d_prov=dest.prov, d_city=dest.city,
            s_phone=s_phone_ent.phone_at(day), s_name=sender_name or sender.name,
            s_addr=(station.addr if station else sender.addr),
            r_phone=dest.phone_at(day), r_name=receiver_name or receiver.name, r_addr=dest.addr,
            mode=mode, pieces=pieces, weight=weight, goods=goods or self.rng.choice(SHOP_GOODS),
            flagged=flagged, ring=ring))
        return True

    # ---- background population ------------------------------------------------------------
    def build_population(self):
        r = self.rng
        n_people = int(self.rows_target * 0.7)
        self.people = [self.new_entity('person') for _ in range(n_people)]
        for e in self.people:
            e.weight = r.lognormvariate(0.0, 1.1)
        self.people_cw = self._cum([e.weight for e in self.people])
        self.people_by_prov = {}
        for e in self.people:
            self.people_by_prov.setdefault(e.prov, []).append(e)
        # a few per cent of people change phone during the year
        for e in self.people:
            if r.random() < 0.03:
                e.phones.append(self.mobile())
                e.days.append(r.uniform(30, 330))
        # online shops: Pareto sizes, mostly in the manufacturing provinces
        n_shops = max(200, self.rows_target // 45)
        provs = list(SHOP_PROVINCES) + ['*']
        pw = list(SHOP_PROVINCES.values()) + [3]
        self.shops = []
        for _ in range(n_shops):
            prov = r.choices(provs, weights=pw)[0]
            prov = None if prov == '*' else prov
            s = self.new_entity('shop', prov, phone_kind='mobile' if r.random() < 0.7 else 'landline',
                                name=r.choice(SURNAMES) + r.choice(['记', '氏', '家', '小']) + r.choice(SHOP_GOODS) + '店')
            s.weight = min(r.paretovariate(1.15), 4000.0)
            s.extra = r.choice(SHOP_GOODS)
            s.contacts = []  # loyal buyers
            self.shops.append(s)
        self.shops_cw = self._cum([s.weight for s in self.shops])
        # huge e-commerce senders: 400 numbers, several warehouse cities
        self.giants = []
        for name, cities in [('京东自营', ['Beijing', 'Shanghai', 'Guangzhou', 'Chengdu', 'Wuhan']),
                             ('天猫超市', ['Hangzhou', 'Shanghai', 'Guangzhou', 'Tianjin']),
                             ('拼多多官方仓', ['Shanghai', 'Dongguan', 'Zhengzhou']),
                             ('唯品会', ['Guangzhou', 'Suzhou', "Xi'an"])]:
            g = Entity('giant', self.city_prov[cities[0]], cities[0], name, self.address(cities[0], False),
                       '400' + '%07d' % r.randrange(10 ** 7))
            self.used_phones.add(g.phones[0])
            g.extra = cities
            self.giants.append(g)
        # courier stations (senders for walk-in customers), more in big cities
        self.stations = []
        for _ in range(max(40, self.rows_target // 900)):
            prov, city = self.random_city()
            self.stations.append(self.make_station(prov, city))
        # mailrooms that receive for many people (campuses, company front desks)
        self.mailrooms = {}
        for _ in range(max(15, self.rows_target // 5000)):
            prov, city = self.random_city()
            m = self.new_entity('mailroom', prov, city, phone_kind='landline',
                                name=r.choice(['大学', '学院', '科技园', '大厦']) + '收发室')
            self.mailrooms.setdefault(city, []).append(m)
        # families across cities
        self.families = []
        for _ in range(n_people // 6):
            size = r.choice((2, 2, 3, 3, 4, 5, 6))
            home = self.pick(self.people, self.people_cw)
            fam = [home] + [r.choice(self.people_by_prov.get(home.prov, self.people)) if r.random() < 0.5
                            else self.pick(self.people, self.people_cw) for _ in range(size - 1)]
            self.families.append(fam)
        # offices and their business contacts
        self.offices = []
        for _ in range(max(60, self.rows_target // 400)):
            prov, city = self.random_city()
            o = self.new_entity('office', prov, city, phone_kind='landline' if r.random() < 0.5 else 'mobile',
                                name=r.choice(SURNAMES) + r.choice(['律师事务所', '贸易公司', '科技公司', '会计师事务所', '设计院']))
            o.weight = r.lognormvariate(0, 1.0)
            self.offices.append(o)
        for o in self.offices:
            k = int(min(80, 2 + r.paretovariate(1.3) * 3))
            o.contacts = [r.choice(self.offices) if r.random() < 0.3 else self.pick(self.people, self.people_cw)
                          for _ in range(k)]
        self.offices_cw = self._cum([o.weight for o in self.offices])
        # legitimate border traders supplying shops
        self.traders = []
        for _ in range(max(8, self.rows_target // 7000)):
            et = r.choices(ENTRY_TOWNS, weights=[t[4] for t in ENTRY_TOWNS])[0]
            city = r.choice(et[2])
            t = self.new_entity('trader', et[0], city, name=r.choice(SURNAMES) + '氏' + BORDER_GOODS[et[3]] + '行')
            t.extra = BORDER_GOODS[et[3]]
            t.contacts = [self.pick(self.shops, self.shops_cw) for _ in range(r.randint(4, 40))]
            t.weight = r.lognormvariate(0, 0.8)
            self.traders.append(t)
        self.traders_cw = self._cum([t.weight for t in self.traders])

    def make_station(self, prov, city):
        r = self.rng
        s = self.new_entity('station', prov, city, phone_kind='landline' if r.random() < 0.3 else 'mobile',
                            name=r.choice(['菜鸟驿站', '快递超市', '兔喜生活', '妈妈驿站']) + '(%s店)' % r.choice(ROADS))
        self.stations_by_city.setdefault(city, []).append(s)
        return s

    def station_in(self, ent):
        lst = self.stations_by_city.get(ent.city)
        if not lst:
            return self.make_station(ent.prov, ent.city)
        return self.rng.choice(lst)

    def buyer(self):
        return self.pick(self.people, self.people_cw)

    # ---- rings ----------------------------------------------------------------------------
    def build_rings(self):
        r = self.rng
        self.rings = []
        inland = [p for p in GEO if p not in ('Tibet',)]
        inland_w = [sum(w for _, _, w in GEO[p]) for p in inland]
        for ring_id in range(self.ring_count):
            et = r.choices(ENTRY_TOWNS, weights=[t[4] for t in ENTRY_TOWNS])[0]
            prov, town, hubs, cc = et[0], et[1], et[2], et[3]
            ring = dict(id=ring_id, entry=town, cc=cc, members=[], shipments=0,
                        flag_p=r.uniform(0.015, 0.05))
            start = r.uniform(0, 180)
            ring['start'] = start
            ring['end'] = min(DAYS, start + r.uniform(150, 365))
            ring['interval'] = r.uniform(5, 12)

            def member(tier, city, foreign=False):
                p = self.city_prov[city]
                e = Entity('member', p, city, self.person_name(), self.address(city),
                           self.foreign(cc) if foreign else self.mobile())
                e.ring, e.tier = ring_id, tier
                ring['members'].append(e)
                return e

            ring['sources'] = [member('source', town, foreign=r.random() < 0.33)
                               for _ in range(r.choice((1, 1, 2, 2, 3, 4)))]
            for s in ring['sources']:
                s.fake_names = 0.7
                if r.random() < 0.5:
                    s.addr = '%s%s' % (self.city_cn[town], r.choice(['边贸市场', '口岸', '姐告', '货场', '国门']))
            ring['transit'] = []
            for _ in range(r.choice((1, 1, 2, 2, 3))):
                t = member('transit', r.choice(hubs))
                t.addr = '%s市%s%d号%s仓库' % (self.city_cn[t.city], r.choice(ROADS), r.randint(1, 400),
                                            r.choice(['', 'A', 'B', '3号']))
                t.fake_names = 0.5
                t.weight = r.uniform(0.5, 2.0)
                ring['transit'].append(t)
            n_dist = r.randint(2, 10)
            dist_provs = r.choices(inland, weights=inland_w, k=r.randint(2, min(7, n_dist)))
            ring['dists'] = []
            for i in range(n_dist):
                dp = dist_provs[i % len(dist_provs)]
                d = member('distributor', self.random_city(dp)[1])
                d.fake_names = 0.2
                d.weight = r.uniform(0.5, 2.0)
                d.contacts = []
                for _ in range(r.randint(1, 9)):
                    u = r.random()
                    if u < 0.55:
                        city = d.city
                    elif u < 0.85:
                        city = self.random_city(d.prov)[1]
                    else:
                        city = self.random_city(r.choice(inland))[1]
                    ret = member('retailer', city)
                    ret.fake_names = 0.1
                    lo, hi = self.p['loyal_size']
                    ret.contacts = [r.choice(self.people_by_prov.get(ret.prov) or self.people)
                                    for _ in range(r.randint(lo, hi))]
                    d.contacts.append(ret)
                ring['dists'].append(d)
            # burner phones
            for e in ring['members']:
                if self.p['churn'] and e.tier != 'retailer':
                    # burner cards: upstream tiers change most often
                    lo, hi = (30, 90) if e.tier in ('source', 'transit') else (60, 180)
                    day = r.uniform(lo, hi)
                    while day < DAYS:
                        e.phones.append(self.foreign(cc) if e.tier == 'source' and r.random() < 0.33 else self.mobile())
                        e.days.append(day)
                        day += r.uniform(lo, hi)
                elif self.p['churn'] and r.random() < 0.3:
                    for day in sorted(r.uniform(30, 330) for _ in range(r.randint(1, 2))):
                        e.phones.append(self.mobile())
                        e.days.append(day)
                elif r.random() < 0.15:
                    e.phones.append(self.mobile())
                    e.days.append(r.uniform(60, 300))
            self.rings.append(ring)

    def ring_ship(self, ring, leg, day, sender, receiver, goods, pieces, weight, receiver_name=None):
        r = self.rng
        mult = {'src': 1.6, 'tr': 1.2, 'dist': 0.8, 'sale': 0.3}[leg]
        flagged = r.random() < ring['flag_p'] * mult
        station = None
        share = {'src': 0.3, 'tr': 0.1, 'dist': 0.15, 'sale': 0.2}[leg] * self.p['station_share']
        if share and r.random() < share:
            station = self.station_in(sender)
        name = self.person_name() if r.random() < sender.fake_names else None
        mode = self.mode_for(sender.prov, receiver.prov, air_bias=0.1) if leg in ('tr', 'dist') else None
        ok = self.ship(day, sender, receiver, ring=ring['id'], goods=goods, pieces=pieces, weight=weight, mode=mode,
                       flagged=flagged, station=station, sender_name=name, receiver_name=receiver_name)
        if ok:
            ring['shipments'] += 1
        return mode or 'land'

    def ring_sale(self, ring, seller, day, loyal):
        r = self.rng
        if self.p.get('parcel_sales') is not None and r.random() >= self.p['parcel_sales']:
            return  # sold in person: no parcel
        if loyal and r.random() < self.p['loyal_share']:
            buyer = r.choice(loyal)
        elif r.random() < 0.5:
            buyer = r.choice(self.people_by_prov.get(seller.prov) or self.people)
        else:
            buyer = self.buyer()
        self.ring_ship(ring, 'sale', day, seller, buyer, r.choice(RING_GOODS), 1,
                       round(r.uniform(0.3, 3.0), 2))

    def run_rings(self):
        r = self.rng
        for ring in self.rings:
            t = ring['start'] + r.expovariate(1 / ring['interval'])
            goods = r.choice(RING_GOODS)
            while t < ring['end']:
                src = r.choice(ring['sources'])
                tr = r.choices(ring['transit'], weights=[x.weight for x in ring['transit']])[0]
                k = r.randint(2, 10)
                arrive = t
                for _ in range(k):  # "ant moving": one consignment as many small parcels
                    d0 = t + r.uniform(0, 1.5)
                    self.ring_ship(ring, 'src', d0, src, tr, goods, r.choice((1, 1, 2)), round(r.uniform(3, 12), 1))
                    arrive = max(arrive, d0 + self.delivery_days(src, tr, 'land'))
                fwd = arrive + r.uniform(0.1, 2.0)
                dists = r.sample(ring['dists'], k=min(len(ring['dists']), r.randint(1, 4)))
                for d in dists:
                    d_arrive = fwd
                    for _ in range(r.randint(1, 3)):
                        d1 = fwd + r.uniform(0, 0.5)
                        mode = self.ring_ship(ring, 'tr', d1, tr, d, goods, r.choice((1, 2, 2)),
                                              round(r.uniform(4, 15), 1))
                        d_arrive = max(d_arrive, d1 + self.delivery_days(tr, d, mode))
                    hold = d_arrive + r.uniform(0.5, 7.0)
                    rets = r.sample(d.contacts, k=min(len(d.contacts), r.randint(1, 4)))
                    for ret in rets:
                        r_arrive = hold
                        for _ in range(r.choice((1, 1, 2))):
                            d2 = hold + r.uniform(0, 1.0)
                            mode = self.ring_ship(ring, 'dist', d2, d, ret, goods, r.choice((1, 1, 2)),
                                                  round(r.uniform(1, 8), 1))
                            r_arrive = max(r_arrive, d2 + self.delivery_days(d, ret, mode))
                        lo, hi = self.p['sales']
                        for _ in range(r.randint(lo, hi)):
                            self.ring_sale(ring, ret, r_arrive + r.uniform(0, 20), ret.contacts)
                    lo, hi = self.p['dist_direct']
                    for _ in range(r.randint(lo, hi)):
                        self.ring_sale(ring, d, d_arrive + r.uniform(0, 15), None)
                if r.random() < 0.1:  # the warehouse now and then skips a tier
                    d = r.choice(ring['dists'])
                    if d.contacts:
                        self.ring_ship(ring, 'tr', fwd + r.uniform(0, 1), tr, r.choice(d.contacts), goods, 1,
                                       round(r.uniform(2, 8), 1))
                t += r.expovariate(1 / ring['interval'])
            # members' ordinary lives
            for member in ring['members']:
                e = member
                if self.p.get('personal_phone'):
                    # the member's own life on a personal number: same person, not a ring phone
                    e = Entity('person', member.prov, member.city, member.name, member.addr, self.mobile())
                for _ in range(self.poisson(self.p['member_buys'])):
                    s = self.pick(self.shops, self.shops_cw) if r.random() < 0.8 else r.choice(self.giants)
                    self.ship_from_shop(self.random_day(), s, e)
                for _ in range(self.poisson(self.p['member_sends'])):
                    other = r.choice(self.people_by_prov.get(e.prov) or self.people) if r.random() < 0.5 \
                        else self.buyer()
                    if r.random() < 0.5:
                        self.ship(self.random_day(), e, other, goods=r.choice(['食品', '衣物', '文件', '特产']))
                    else:
                        self.ship(self.random_day(), other, e, goods=r.choice(['食品', '衣物', '文件', '特产']))

    def poisson(self, lam):
        if lam <= 0:
            return 0
        k, p, L = 0, 1.0, math.exp(-lam)
        while True:
            p *= self.rng.random()
            if p < L:
                return k
            k += 1

    def ship_from_shop(self, day, shop, buyer):
        r = self.rng
        origin = r.choice(shop.extra) if shop.kind == 'giant' else None
        agent = None
        if r.random() < 0.05 and buyer.city in self.mailrooms:
            agent = r.choice(self.mailrooms[buyer.city])
        goods = shop.extra if shop.kind == 'shop' else r.choice(SHOP_GOODS)
        self.ship(day, shop, buyer, goods=goods, receiver_agent=agent, origin_city=origin,
                  carrier='JD Logistics' if shop.name == '京东自营' else None)

    # ---- background traffic ---------------------------------------------------------------
    def run_background(self):
        r = self.rng
        kinds = ['shop', 'giant', 'station', 'family', 'office', 'trader', 'c2c']
        weights = [50, 12, 7, 12, 7, 4, 6]
        returns = []
        lone_flags = max(20, self.rows_target // 4000)
        while len(self.rows) < self.rows_target:
            kind = r.choices(kinds, weights=weights)[0]
            day = self.random_day()
            if kind == 'shop':
                s = self.pick(self.shops, self.shops_cw)
                if s.contacts and r.random() < 0.3:
                    b = r.choice(s.contacts)
                else:
                    b = self.buyer()
                    if len(s.contacts) < 200:
                        s.contacts.append(b)
                self.ship_from_shop(day, s, b)
                if r.random() < 0.05:
                    returns.append((day + r.uniform(3, 15), b, s))
            elif kind == 'giant':
                g = r.choices(self.giants, weights=[5, 4, 3, 2])[0]
                self.ship_from_shop(day, g, self.buyer())
            elif kind == 'station':
                st = r.choice(self.stations)
                walk_in = r.choice(self.people_by_prov.get(st.prov) or self.people)
                self.ship(day, walk_in, self.buyer(), station=st, goods=r.choice(['文件', '衣物', '食品', '日用品']))
            elif kind == 'family':
                fam = r.choice(self.families)
                a, b = r.sample(fam, 2)
                if a is b:
                    continue
                goods = '特产' if r.random() < 0.5 else r.choice(['衣物', '食品', '药品', '日用品'])
                self.ship(day, a, b, goods=goods, pieces=r.choice((1, 1, 1, 2)))
            elif kind == 'office':
                o = self.pick(self.offices, self.offices_cw)
                c = r.choice(o.contacts)
                if r.random() < 0.15:
                    self.ship(day, c, o, goods='文件', weight=round(r.uniform(0.1, 1.0), 2))
                else:
                    self.ship(day, o, c, goods='文件', weight=round(r.uniform(0.1, 1.0), 2))
            elif kind == 'trader':
                t = self.pick(self.traders, self.traders_cw)
                if r.random() < 0.7:
                    self.ship(day, t, r.choice(t.contacts), goods=t.extra, pieces=r.choice((1, 2, 2, 3)),
                              weight=round(r.uniform(5, 25), 1))
                else:
                    self.ship(day, t, self.buyer(), goods=t.extra)
            else:
                self.ship(day, self.buyer(), self.buyer(), goods=r.choice(SHOP_GOODS))
            while returns and len(self.rows) < self.rows_target and r.random() < 0.5:
                d, b, s = returns.pop()
                self.ship(d, b, s, goods='退货')
        # lone seized parcels: small-time smuggling and misdeclared goods outside any ring
        bg = [row for row in self.rows if row['ring'] is None]
        for row in r.sample(bg, lone_flags):
            row['flagged'] = True

    # ---- output ---------------------------------------------------------------------------
    def fmt_phone(self, digits):
        """The phone as a clerk might type it; every form but a typo normalises back to `digits`."""
        r = self.rng
        p = self.p
        if p['typo'] and r.random() < p['typo']:
            i = r.randrange(3, len(digits))
            digits = digits[:i] + str((int(digits[i]) + r.randint(1, 9)) % 10) + digits[i + 1:]
            return digits, digits
        canon = digits
        if r.random() >= p['format_share']:
            return (('+' + digits) if self.is_foreign(digits) else digits), canon
        if self.is_foreign(digits):
            return '+' + digits[:len(digits) - 9] + ' ' + digits[len(digits) - 9:], canon
        mobile = len(digits) == 11 and digits[0] == '1'
        forms = ['spaces', 'dashes', 'fullwidth']
        if mobile:
            forms += ['+86', '+86 ', '0086', '86']
        else:
            forms += ['paren']
        f = r.choice(forms if self.preset == 'noisy' else ['spaces', 'dashes'])
        if f == 'spaces':
            s = digits[:3] + ' ' + digits[3:7] + ' ' + digits[7:] if mobile else digits[:4] + ' ' + digits[4:]
        elif f == 'dashes':
            s = digits[:3] + '-' + digits[3:7] + '-' + digits[7:] if mobile else digits[:4] + '-' + digits[4:]
        elif f == 'fullwidth':
            s = ''.join(chr(ord(c) + 0xFEE0) for c in digits)
        elif f == '+86':
            s = '+86' + digits
        elif f == '+86 ':
            s = '+86 ' + digits[:3] + ' ' + digits[3:7] + ' ' + digits[7:]
        elif f == '0086':
            s = '0086' + digits
        elif f == '86':
            s = '86' + digits
        else:
            s = '(' + digits[:4] + ')' + digits[4:]
        return s, canon

    @staticmethod
    def is_foreign(digits):
        return not (digits[0] in '01' or digits.startswith('400'))

    def fmt_name(self, name):
        r = self.rng
        if self.preset != 'noisy' or r.random() > 0.3:
            return name
        f = r.randrange(4)
        if f == 0:
            return ' '.join(name)
        if f == 1:
            return name[0] + ('先生' if r.random() < 0.5 else '女士')
        if f == 2:
            return name[0] + '*' * (len(name) - 1)
        return name + ' '

    def fmt_addr(self, addr):
        r = self.rng
        if self.preset != 'noisy' or r.random() > 0.3:
            return addr
        f = r.randrange(4)
        if f == 0:
            return addr.replace('号', '#', 1)
        if f == 1:
            return ''.join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in addr)
        if f == 2:
            return addr.replace('市', '市 ', 1)
        return addr.split('市', 1)[-1]

    def fmt_time(self, day):
        dt = YEAR_START + datetime.timedelta(days=day)
        u = self.rng.random()
        if u < self.p['naive_times'] * 0.8:
            return dt.strftime('%Y-%m-%d %H:%M')
        if u < self.p['naive_times']:
            return dt.strftime('%Y-%m-%d')
        return dt.replace(microsecond=0, tzinfo=CST).isoformat()

    def shipment_id(self, carrier):
        prefix = CARRIER_PREFIX[carrier]
        while True:
            sid = prefix + '%012d' % self.rng.randrange(10 ** 12)
            if sid not in self.used_ids:
                self.used_ids.add(sid)
                return sid

    def write(self, out):
        r = self.rng
        os.makedirs(out, exist_ok=True)
        self.rows.sort(key=lambda row: row['day'])
        columns = list(COLUMNS)
        dropped = []
        if self.p['drop_columns']:
            for group in r.sample(DROPPABLE, self.p['drop_columns']):
                dropped.extend(group)
            columns = [c for c in columns if c not in dropped]
            head, tail = columns[:2], columns[2:]
            r.shuffle(tail)
            columns = head + tail
        self.dropped = dropped
        truth_party = {}
        for ring in self.rings:
            for e in ring['members']:
                for ph in e.phones:
                    truth_party[ph] = (ring['id'], e.tier)
        seen_parties = {}
        ring_ship_rows = []
        buf = io.BytesIO()
        with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0) as gz:
            text = io.TextIOWrapper(gz, encoding='utf-8', newline='')
            w = csv.writer(text, lineterminator='\n')
            w.writerow(columns)
            for row in self.rows:
                sid = self.shipment_id(row['carrier'])
                s_phone, s_canon = self.fmt_phone(row['s_phone'])
                r_phone, r_canon = self.fmt_phone(row['r_phone'])
                # A foreign number written with the international call prefix 00 instead of +; the
                # truth lists that form as well, as the member's (a reader that does not read 00 as +
                # sees another party).
                if self.preset == 'noisy' and self.is_foreign(s_canon) and r.random() < 0.2 \
                        and s_canon in truth_party:
                    s_phone = '00' + s_phone[1:]
                    s_canon = '00' + s_canon
                    truth_party.setdefault(s_canon, truth_party[row['s_phone']])
                blank = self.p['blank_share']
                vals = {
                    'shipment_id': sid, 'shipped_at': self.fmt_time(row['day']),
                    'origin_province': row['o_prov'], 'origin_city': row['o_city'],
                    'destination_province': row['d_prov'], 'destination_city': row['d_city'],
                    'sender_phone': s_phone,
                    'sender_name': '' if r.random() < blank else self.fmt_name(row['s_name']),
                    'sender_address': '' if r.random() < blank else self.fmt_addr(row['s_addr']),
                    'receiver_phone': r_phone,
                    'receiver_name': '' if r.random() < blank else self.fmt_name(row['r_name']),
                    'receiver_address': '' if r.random() < blank else self.fmt_addr(row['r_addr']),
                    'carrier': row['carrier'], 'mode': row['mode'], 'pieces': row['pieces'],
                    'weight_kg': row['weight'], 'declared_goods': row['goods'],
                    'flagged': 'true' if row['flagged'] else 'false'}
                w.writerow([vals[c] for c in columns])
                seen_parties[s_canon] = True
                seen_parties[r_canon] = True
                ring_ship_rows.append((sid, row['ring']))
            text.flush()
            text.detach()
        with open(os.path.join(out, 'shipments.csv.gz'), 'wb') as f:
            f.write(buf.getvalue())
        with open(os.path.join(out, 'truth_parties.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['party', 'ring', 'tier'])
            for ph in seen_parties:
                ring, tier = truth_party.get(ph, ('', ''))
                w.writerow([ph, ring, tier])
        ring_rows = {}
        with open(os.path.join(out, 'truth_shipments.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['shipment_id', 'ring'])
            for sid, ring in ring_ship_rows:
                w.writerow([sid, '' if ring is None else ring])
                if ring is not None:
                    ring_rows[ring] = ring_rows.get(ring, 0) + 1
        with open(os.path.join(out, 'truth_rings.csv'), 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['ring', 'entry_city', 'parties', 'shipments'])
            for ring in self.rings:
                parties = sum(1 for ph, (rid, _) in truth_party.items() if rid == ring['id'] and ph in seen_parties)
                w.writerow([ring['id'], ring['entry'], parties, ring_rows.get(ring['id'], 0)])
        return dict(rows=len(self.rows), ring_rows=sum(ring_rows.values()),
                    flagged=sum(1 for row in self.rows if row['flagged']),
                    ring_parties=sum(1 for ph in truth_party if ph in seen_parties),
                    parties=len(seen_parties), dropped=dropped)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--rows', type=int, default=None, help='shipments (default: 120,000-150,000 by seed)')
    ap.add_argument('--rings', type=int, default=None, help='planted rings (default: 8-10 by seed)')
    ap.add_argument('--preset', choices=sorted(PRESETS), default='high-leakage')
    ap.add_argument('--out', required=True)
    a = ap.parse_args()
    sizer = random.Random(a.seed * 7919 + 17)
    rows = a.rows if a.rows else sizer.randint(120000, 150000)
    rings = a.rings if a.rings else sizer.randint(8, 10)
    world = World(a.seed, rows, rings, a.preset)
    world.build_population()
    world.build_rings()
    world.run_rings()
    world.run_background()
    info = world.write(a.out)
    print('%s seed %d: %d shipments (%d ring parcels in %d rings, %d flagged), %d parties (%d in rings)%s -> %s'
          % (a.preset, a.seed, info['rows'], info['ring_rows'], rings, info['flagged'], info['parties'],
             info['ring_parties'], ', columns dropped: ' + '+'.join(info['dropped']) if info['dropped'] else '',
             a.out))


if __name__ == '__main__':
    main()
