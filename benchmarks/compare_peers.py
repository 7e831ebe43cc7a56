#!/usr/bin/env python3
"""ParcelNet beside python-igraph and NetworkX on the OpenFlights airport graph.

Runs the same analyses with the three tools and prints a Markdown report:
  - modularity communities (weighted, the directed graph read as undirected with weights summed, the
    view ParcelNet's Louvain/Leiden optimise): communities, modularity of every partition scored by
    one evaluator (igraph's Graph.modularity), NMI against the airports' regions, seconds;
  - exact directed betweenness with hop counts: top-10 overlap with ParcelNet and the largest
    relative difference of the scores, seconds.

Needs the packages python3-igraph and python3-networkx (system python: /usr/bin/python3) and the
ParcelNet jar (mvn -B -q -o -pl toolkit-cli -am package -DskipTests). Never needed by tests.
Seeds are fixed; timings are wall-clock on whatever machine runs it (ParcelNet: the algorithm's own
seconds from summary.json, so without JVM start-up and file reading).

usage: /usr/bin/python3 benchmarks/compare_peers.py [--data sample-data/openflights]
       [--jar toolkit-cli/target/parcelnet.jar] [--out /tmp/compare-peers] [--seed 42]
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import time

import igraph
import networkx as nx
from networkx.algorithms import community as nxcom


def read_graph(data):
    with open(os.path.join(data, "edges.csv"), newline="", encoding="utf-8") as f:
        arcs = [(r["source"], r["target"], float(r["weight"])) for r in csv.DictReader(f)]
    with open(os.path.join(data, "regions.csv"), newline="", encoding="utf-8") as f:
        region = {r["node"]: r["community"] for r in csv.DictReader(f)}
    names = sorted({a for a, _, _ in arcs} | {b for _, b, _ in arcs})
    index = {n: i for i, n in enumerate(names)}
    directed = igraph.Graph(n=len(names), edges=[(index[a], index[b]) for a, b, _ in arcs], directed=True)
    directed.vs["name"] = names
    directed.es["weight"] = [w for _, _, w in arcs]
    undirected = directed.as_undirected(mode="collapse", combine_edges={"weight": "sum"})
    return names, index, directed, undirected, region, arcs


def run_parcelnet(jar, args):
    cmd = ["java", "-jar", jar] + args + ["-q"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def membership_from_csv(path, index):
    m = [0] * len(index)
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            m[index[r["node"]]] = int(r["community"])
    return m


def region_nmi(names, membership, region):
    codes = {}
    truth, found = [], []
    for i, n in enumerate(names):
        if n in region:
            truth.append(codes.setdefault(region[n], len(codes)))
            found.append(membership[i])
    return igraph.compare_communities(truth, found, method="nmi")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="sample-data/openflights")
    ap.add_argument("--jar", default="toolkit-cli/target/parcelnet.jar")
    ap.add_argument("--out", default="/tmp/compare-peers")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    names, index, dg, ug, region, arcs = read_graph(a.data)
    edges = os.path.join(a.data, "edges.csv")
    os.makedirs(a.out, exist_ok=True)
    print(f"graph: {dg.vcount()} airports, {dg.ecount()} arcs; undirected view {ug.ecount()} edges, "
          f"total weight {sum(ug.es['weight']):.0f}")
    print(f"igraph {igraph.__version__}, networkx {nx.__version__}, seed {a.seed}")
    print()

    rows = []
    for alg in ("leiden", "louvain"):
        out = os.path.join(a.out, "parcelnet-" + alg)
        run_parcelnet(a.jar, ["communities", "--graph", edges, "--directed", "--algorithm", alg, "--seed",
                              str(a.seed), "--out", out])
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            s = json.load(f)
        m = membership_from_csv(os.path.join(out, "communities.csv"), index)
        rows.append(("ParcelNet " + alg, m, s["algorithm_seconds"], s["modularity"]))

    random.seed(a.seed)
    t = time.perf_counter()
    cl = ug.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    rows.append(("igraph community_leiden (until stable)", cl.membership, time.perf_counter() - t, None))
    random.seed(a.seed)
    t = time.perf_counter()
    cm = ug.community_multilevel(weights="weight")
    rows.append(("igraph community_multilevel (Louvain)", cm.membership, time.perf_counter() - t, None))

    nxg = nx.Graph()
    nxg.add_nodes_from(range(ug.vcount()))
    for e in ug.es:
        nxg.add_edge(e.source, e.target, weight=e["weight"])
    t = time.perf_counter()
    parts = nxcom.louvain_communities(nxg, weight="weight", seed=a.seed)
    secs = time.perf_counter() - t
    m = [0] * ug.vcount()
    for k, p in enumerate(parts):
        for v in p:
            m[v] = k
    rows.append(("networkx louvain_communities", m, secs, None))

    print("## Modularity communities (weighted, undirected view)")
    print()
    print("| tool | communities | modularity (igraph evaluates) | modularity (tool reports) | NMI vs regions | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, m, secs, own in rows:
        q = ug.modularity(m, weights="weight")
        print(f"| {name} | {len(set(m))} | {q:.4f} | {'' if own is None else f'{own:.4f}'} | "
              f"{region_nmi(names, m, region):.3f} | {secs:.2f} |")
    print()

    out = os.path.join(a.out, "parcelnet-betweenness")
    run_parcelnet(a.jar, ["centrality", "--graph", edges, "--directed", "--measure", "betweenness", "--out", out])
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        pn_secs = json.load(f)["seconds"]
    pn = {}
    with open(os.path.join(out, "centrality.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pn[r["node"]] = float(r["score"])
    t = time.perf_counter()
    ib = dg.betweenness(directed=True)
    ig_secs = time.perf_counter() - t
    nxd = nx.DiGraph()
    nxd.add_nodes_from(names)
    nxd.add_edges_from((s, d) for s, d, _ in arcs)
    t = time.perf_counter()
    nb = nx.betweenness_centrality(nxd, normalized=False)
    nx_secs = time.perf_counter() - t

    def top10(score):
        return [n for n, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[:10]]

    ig_score = {names[i]: ib[i] for i in range(len(names))}
    pn_top = top10(pn)
    print("## Exact directed betweenness (hop counts)")
    print()
    print(f"ParcelNet top 10: {', '.join(pn_top)}")
    print()
    print("| tool | top-10 overlap with ParcelNet | same order | max relative difference | seconds |")
    print("|---|---:|---|---:|---:|")
    print(f"| ParcelNet (read + compute, default threads) | 10 | yes | 0 | {pn_secs:.2f} |")
    for name, score, secs in (("igraph betweenness", ig_score, ig_secs), ("networkx betweenness_centrality", nb, nx_secs)):
        top = top10(score)
        diff = max(abs(score[n] - pn[n]) / max(1.0, abs(pn[n])) for n in names)
        print(f"| {name} | {len(set(top) & set(pn_top))} | {'yes' if top == pn_top else 'no'} | {diff:.2e} | {secs:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
