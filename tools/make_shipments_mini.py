# Composes sample-data/shipments-mini.csv: two small hand-designed rings and background traffic.
# Run from the repository root: python3 tools/make_shipments_mini.py (deterministic, seed 7).
import random, csv, io
random.seed(7)
rows=[]
def ph(n): return "1%02d%08d" % (30+n%60, (n*7919)%100000000)
sid=[0]
def add(t, op, oc, dp, dc, s, r, sn, rn, sa, ra, car, mode, pcs, w, goods, fl):
    sid[0]+=1
    rows.append(["WB%06d"%sid[0], t, op, oc, dp, dc, s, r, sn, rn, sa, ra, car, mode, pcs, w, goods, fl])
def ts(day, h, m): return "2025-03-%02dT%02d:%02d:00+08:00"%(day,h,m)
# Ring A: Ruili source -> Kunming transit -> Chengdu, Wuhan distributors -> retailers
src="+86 138-7000-0001"; trans="13870000002"; dists=[("四川","成都","13870000003"),("湖北","武汉","13870000004")]
retail={0:[("四川","绵阳"),("四川","德阳"),("重庆","重庆")],1:[("湖北","宜昌"),("湖南","长沙"),("河南","郑州")]}
k=100
for wave in range(6):
    d=2+wave*4
    for p in range(4):
        add(ts(d,9,10+p), "云南","瑞丽","云南","昆明", src, trans, random.choice(["李明","李敏","黎明"]), "张强", "瑞丽市姐告路8号", "昆明市官渡区仓储路12号", "顺丰", "land", 2, round(18+random.random()*4,1), "茶叶", "true" if (wave==1 and p==0) else "false")
    for di,(pv,ct,dp) in enumerate(dists):
        for p in range(3):
            add(ts(d+1,14,5+p+di*10), "云南","昆明",pv,ct, trans, dp, random.choice(["王芳","王方","汪芳"]), "陈刚" if di==0 else "刘洋", "昆明市官渡区仓储路12号", f"{ct}市物流园{di+3}号", "中通", "air" if di==1 else "land", 2, round(17+random.random()*5,1), "茶叶", "false")
        for p in range(5):
            pv2,ct2=retail[di][p%3]
            k+=1
            add(ts(d+2,10,p*7), pv,ct, pv2,ct2, dp, ph(k), "赵六", f"客户{k}", f"{ct}市物流园{di+3}号", f"{ct2}市人民路{k}号", "圆通", "land", 2, round(16+random.random()*6,1), "土特产", "false")
# Ring B: Dongxing -> Nanning -> Guangzhou -> retailers
srcB="0086 139 7100 0001"; transB="13971000002"; distB="13971000003"
for wave in range(5):
    d=3+wave*5
    for p in range(4):
        add(ts(d,8,20+p), "广西","东兴","广西","南宁", srcB, transB, random.choice(["黄伟","黄玮"]), "周杰", "东兴市北仑大道5号", "南宁市西乡塘区货运街3号", "韵达", "land", 2, round(19+random.random()*3,1), "日用品", "false")
    for p in range(3):
        add(ts(d+1,16,p*9), "广西","南宁","广东","广州", transB, distB, "周杰", "吴磊", "南宁市西乡塘区货运街3号", "广州市白云区仓库路7号", "申通", "land", 2, round(18+random.random()*4,1), "日用品", "true" if (wave==3 and p==1) else "false")
    for p in range(5):
        k+=1
        pv2,ct2=random.choice([("广东","深圳"),("广东","东莞"),("福建","厦门"),("江西","南昌"),("浙江","杭州")])
        add(ts(d+2,11,p*6), "广东","广州", pv2,ct2, distB, ph(k), "吴磊", f"买家{k}", "广州市白云区仓库路7号", f"{ct2}市中山路{k}号", "中通", "air" if p==0 else "land", 2, round(16+random.random()*6,1), "日用品", "false")
# Background: merchants and individuals
cities=[("北京","北京"),("上海","上海"),("广东","广州"),("浙江","杭州"),("江苏","南京"),("四川","成都"),("湖北","武汉"),("山东","济南"),("陕西","西安"),("云南","昆明")]
merchants=[("13%d0000%04d"%(5+i%4, i), cities[i%len(cities)]) for i in range(8)]
station="13999990000"  # a courier station phone used by many unrelated senders
for i in range(170):
    day=1+random.randrange(28); h=8+random.randrange(12); m=random.randrange(60)
    if i%5==0:
        s=station; o=cities[i%len(cities)]
    elif i%2==0:
        s,o=random.choice(merchants)
    else:
        s="186%08d"%(1000+i); o=random.choice(cities)
    dest=random.choice(cities)
    pcs=random.choice([1,1,1,1,2,3,5])
    goods=random.choice(["服装","电子产品","书籍","食品","化妆品","玩具, 文具"])
    add(ts(day,h,m), o[0],o[1],dest[0],dest[1], s, "15%09d"%(i*37%1000000000), "", "", "", "", random.choice(["顺丰","中通","圆通","韵达","EMS"]), random.choice(["land","land","air"]), pcs, round(0.3+random.random()*pcs*3,2), goods, "false")
rows.sort(key=lambda r:r[1])
hdr=["shipment_id","shipped_at","origin_province","origin_city","destination_province","destination_city","sender_phone","receiver_phone","sender_name","receiver_name","sender_address","receiver_address","carrier","mode","pieces","weight_kg","declared_goods","flagged"]
with open("sample-data/shipments-mini.csv","w",newline="",encoding="utf-8") as f:
    w=csv.writer(f, lineterminator="\n"); w.writerow(hdr); w.writerows(rows)
print(len(rows))
