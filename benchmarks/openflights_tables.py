#!/usr/bin/env python3
"""Markdown tables for docs/openflights.md from ParcelNet outputs (python3 standard library only).

  degrees CENTRALITY_CSV            degree distribution (log2 bins) of `centrality --measure degree`
  rankgap BETWEENNESS_CSV DEGREE_CSV [TOP]
                                    the TOP (default 50) airports by betweenness with their rank by
                                    degree, and those ranking far higher by betweenness than by degree
  crosstab COMMUNITIES_CSV DEGREE_CSV [TOP]
                                    the TOP (default 10) communities of `communities --nodes`: size,
                                    regions of their airports, and their three highest-degree airports

Ranks are competition ranks (1 + number of nodes with a strictly higher score), so ties share a rank.
Never needed by tests.
"""
import csv
import sys


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["score"] = float(r["score"])
    return rows


def ranks(rows):
    scores = sorted((r["score"] for r in rows), reverse=True)
    first = {}
    for i, s in enumerate(scores):
        first.setdefault(s, i + 1)
    return {r["node"]: first[r["score"]] for r in rows}


def degrees(path):
    rows = read(path)
    deg = sorted(int(r["score"]) for r in rows)
    n = len(deg)
    print(f"{n} nodes, mean degree {sum(deg) / n:.2f}, median {deg[n // 2] if n % 2 else (deg[n // 2 - 1] + deg[n // 2]) / 2}, max {deg[-1]}")
    print()
    print("| degree (in + out arcs) | airports | share |")
    print("|---|---:|---:|")
    lo = 1
    while lo <= deg[-1]:
        hi = 2 * lo - 1
        c = sum(1 for d in deg if lo <= d <= hi)
        label = str(lo) if lo == hi else f"{lo}–{hi}"
        print(f"| {label} | {c} | {100 * c / n:.1f}% |")
        lo *= 2
    top = max(1, n // 100)
    print()
    print(f"top 1% of airports ({top}) hold {100 * sum(deg[-top:]) / sum(deg):.1f}% of all arc ends")


def rankgap(bpath, dpath, top):
    b = read(bpath)
    d = read(dpath)
    rb = ranks(b)
    rd = ranks(d)
    dscore = {r["node"]: int(r["score"]) for r in d}
    head = b[:top]
    print(f"| betweenness rank | airport | region | degree | degree rank |")
    print("|---:|---|---|---:|---:|")
    for r in head[:20]:
        print(f"| {rb[r['node']]} | {r['node']} {r['label']} | {r['region']} | {dscore[r['node']]} | {rd[r['node']]} |")
    print()
    gaps = sorted(head, key=lambda r: rd[r["node"]] / rb[r["node"]], reverse=True)
    print(f"Of the top {top} by betweenness, ranking at least 4x higher by betweenness than by degree:")
    print()
    print("| airport | region | betweenness rank | degree rank | ratio |")
    print("|---|---|---:|---:|---:|")
    for r in gaps:
        ratio = rd[r["node"]] / rb[r["node"]]
        if ratio < 4:
            break
        print(f"| {r['node']} {r['label']} | {r['region']} | {rb[r['node']]} | {rd[r['node']]} | {ratio:.1f} |")


def crosstab(cpath, dpath, top):
    with open(cpath, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    deg = {r["node"]: r["score"] for r in read(dpath)}
    groups = {}
    for r in rows:
        groups.setdefault(int(r["community"]), []).append(r)
    print("| community | airports | regions (airports) | largest hubs (degree) |")
    print("|---:|---:|---|---|")
    for c in sorted(groups)[:top]:
        members = groups[c]
        regions = {}
        for r in members:
            key = r["region"] or "(none)"
            regions[key] = regions.get(key, 0) + 1
        reg = ", ".join(f"{k} {v}" for k, v in sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        hubs = sorted(members, key=lambda r: (-deg[r["node"]], r["node"]))[:3]
        hub = ", ".join(f"{r['node']} {r['label']} ({int(deg[r['node']])})" for r in hubs)
        print(f"| {c} | {len(members)} | {reg} | {hub} |")


def main(argv):
    if len(argv) >= 2 and argv[0] == "degrees":
        degrees(argv[1])
    elif len(argv) >= 3 and argv[0] == "rankgap":
        rankgap(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 50)
    elif len(argv) >= 3 and argv[0] == "crosstab":
        crosstab(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 10)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
