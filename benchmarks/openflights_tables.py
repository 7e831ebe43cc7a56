#!/usr/bin/env python3
"""Markdown tables for docs/openflights.md from ParcelNet outputs (python3 standard library only).

  degrees CENTRALITY_CSV            degree distribution (log2 bins) of `centrality --measure degree`
  rankgap BETWEENNESS_CSV DEGREE_CSV [TOP]
                                    the TOP (default 50) airports by betweenness with their rank by
                                    degree, and those ranking far higher by betweenness than by degree
  crosstab COMMUNITIES_CSV DEGREE_CSV [TOP]
                                    the TOP (default 10) communities of `communities --nodes`: size,
                                    regions of their airports, and their three highest-degree airports
  countries COMMUNITIES_CSV NODES_CSV COMMUNITY
                                    countries of one community's airports, per region
  detach EDGES_CSV NODES_CSV AIRPORT...
                                    remove the airports in order (direction ignored) and count, per
                                    removal, the airports that leave the largest component, by country

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


def countries(cpath, npath, community):
    with open(npath, newline="", encoding="utf-8") as f:
        country = {r["node"]: r["country"] for r in csv.DictReader(f)}
    with open(cpath, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["community"] == community]
    by = {}
    for r in rows:
        c = by.setdefault(r["region"] or "(none)", {})
        c[country[r["node"]]] = c.get(country[r["node"]], 0) + 1
    for region in sorted(by, key=lambda k: -sum(by[k].values())):
        top = sorted(by[region].items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        print(f"community {community}, {region}: " + ", ".join(f"{k} {v}" for k, v in top))


def largest_component(adj, removed):
    seen = set(removed)
    best = set()
    for v in adj:
        if v in seen:
            continue
        comp = {v}
        seen.add(v)
        stack = [v]
        while stack:
            u = stack.pop()
            for w in adj[u]:
                if w not in seen:
                    seen.add(w)
                    comp.add(w)
                    stack.append(w)
        if len(comp) > len(best):
            best = comp
    return best


def detach(epath, npath, airports):
    with open(npath, newline="", encoding="utf-8") as f:
        country = {r["node"]: r["country"] for r in csv.DictReader(f)}
    adj = {}
    with open(epath, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            adj.setdefault(r["source"], set()).add(r["target"])
            adj.setdefault(r["target"], set()).add(r["source"])
    removed = set()
    giant = largest_component(adj, removed)
    print(f"largest component: {len(giant)} airports")
    for a in airports:
        removed.add(a)
        after = largest_component(adj, removed)
        lost = [v for v in giant if v not in after and v != a]
        by = {}
        for v in lost:
            by[country[v]] = by.get(country[v], 0) + 1
        top = ", ".join(f"{k} {v}" for k, v in sorted(by.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        print(f"remove {a}: largest component {len(after)}, {len(lost)} airports detached ({top})")
        giant = after


def main(argv):
    if len(argv) >= 2 and argv[0] == "degrees":
        degrees(argv[1])
    elif len(argv) >= 3 and argv[0] == "rankgap":
        rankgap(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 50)
    elif len(argv) >= 3 and argv[0] == "crosstab":
        crosstab(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 10)
    elif len(argv) >= 4 and argv[0] == "countries":
        countries(argv[1], argv[2], argv[3])
    elif len(argv) >= 4 and argv[0] == "detach":
        detach(argv[1], argv[2], argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
