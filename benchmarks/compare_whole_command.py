#!/usr/bin/env python3
"""ParcelNet's whole command beside igraph's algorithm alone, on one weighted planted-partition edge list.

For Louvain, Leiden and label propagation it times, in one run on one machine:
  - igraph (python-igraph 0.10): the algorithm call only (reading the file and building the igraph
    graph are not counted);
  - ParcelNet: the whole process `./parcelnet communities --graph edges.csv --algorithm A` (JVM start,
    reading the CSV, building the graph, the algorithm, writing communities.csv and summary.json);
  - ParcelNet from a binary graph snapshot: the same command with `--graph graph.pnb`, after one
    `./parcelnet convert edges` (its time is printed separately).
Modularity of every partition is evaluated by igraph (`Graph.modularity`, weighted, resolution 1) so the
numbers are comparable. Prints a Markdown report with the machine, versions and load averages.

The input is the standard fixture: 1,000,000 nodes, 10,000,000 distinct edges, blocks of 100, 90% of
edges inside blocks, integer weights 1..9, written from --seed by org.parcelnet.bench.PlantedEdgeList
(benchmarks/target/benchmarks.jar; build it with `mvn -B -q -DskipTests -pl benchmarks -am package`).
Needs python3-igraph (system python: /usr/bin/python3). Never needed by tests.

usage: /usr/bin/python3 benchmarks/compare_whole_command.py [--work DIR] [--seed 42]
       [--algorithms louvain,leiden,lpa] [--nodes N --edges M] [--skip-snapshot]
"""
import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time

import igraph

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOALS = {"louvain": 15, "leiden": 8, "lpa": 20}


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    cpus = os.cpu_count()
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = f"{kb / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return f"{platform.machine()}, {cpus} cores, {mem}, {java}, python-igraph {igraph.__version__}"


def generate(path, seed, nodes, edges):
    jar = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
    cmd = ["java", "-Xmx6g", "-cp", jar, "org.parcelnet.bench.PlantedEdgeList", path, str(seed)]
    if nodes:
        cmd += [str(nodes), str(edges)]
    subprocess.run(cmd, check=True)


def read_igraph(path):
    tails, heads, weights = [], [], []
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        si, ti, wi = header.index("source"), header.index("target"), header.index("weight")
        for line in f:
            cells = line.split(",")
            tails.append(int(cells[si]))
            heads.append(int(cells[ti]))
            weights.append(float(cells[wi]))
    n = max(max(tails), max(heads)) + 1
    g = igraph.Graph(n=n, edges=list(zip(tails, heads)), directed=False)
    g.es["weight"] = weights
    return g


def run_igraph(g, alg, seed):
    random.seed(seed)
    t = time.perf_counter()
    if alg == "louvain":
        c = g.community_multilevel(weights="weight")
    elif alg == "leiden":
        c = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    else:
        c = g.community_label_propagation(weights="weight")
    return time.perf_counter() - t, c.membership


def run_parcelnet(graph, alg, seed, out):
    cmd = [os.path.join(ROOT, "parcelnet"), "communities", "--graph", graph, "--algorithm", alg, "--seed", str(seed),
           "--out", out, "-q"]
    t = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - t
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    return secs, summary


def stages(summary):
    """Where the command's seconds went, from its summary.json (JVM start and summary statistics are the rest)."""
    return (f"read {summary.get('read_seconds', 0):.1f}, algorithm {summary['algorithm_seconds']:.1f}, "
            f"csv {summary['communities_csv_seconds']:.1f}")


def membership(path, n):
    m = [0] * n
    with open(path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            node, community = line.rstrip("\n").split(",")[:2]
            m[int(node)] = int(community)
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", default=os.path.join(ROOT, "benchmarks", "target", "whole-command"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--algorithms", default="louvain,leiden,lpa")
    ap.add_argument("--nodes", type=int, default=0, help="smaller fixture (with --edges), for a quick check")
    ap.add_argument("--edges", type=int, default=0)
    ap.add_argument("--skip-snapshot", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    edges = os.path.join(a.work, f"planted-{a.seed}" + (f"-{a.nodes}-{a.edges}" if a.nodes else "") + ".csv")
    if not os.path.exists(edges):
        generate(edges, a.seed, a.nodes, a.edges)
    print(f"machine: {machine()}")
    print(f"input: {os.path.basename(edges)} ({os.path.getsize(edges) / 1e6:.0f} MB), planted partition, seed {a.seed}")
    t = time.perf_counter()
    g = read_igraph(edges)
    print(f"igraph graph: {g.vcount():,} nodes, {g.ecount():,} edges (read and built in {time.perf_counter() - t:.1f} s, "
          "not counted)")
    snapshot = os.path.join(a.work, "graph.pnb")
    if not a.skip_snapshot:
        t = time.perf_counter()
        subprocess.run([os.path.join(ROOT, "parcelnet"), "convert", "edges", "--in", edges, "--out", snapshot, "-q"],
                       check=True)
        print(f"snapshot: `parcelnet convert edges` {time.perf_counter() - t:.1f} s, {os.path.getsize(snapshot) / 1e6:.0f} MB "
              "(once per input, not counted below)")
    print()
    print("| algorithm | igraph run only | ParcelNet whole command (CSV) | ratio | from snapshot | ratio | goal | "
          "Q igraph | Q ParcelNet | load before → after |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for alg in a.algorithms.split(","):
        before = load()
        ig_secs, ig_m = run_igraph(g, alg, a.seed)
        q_ig = g.modularity(ig_m, weights="weight")
        out = os.path.join(a.work, "parcelnet-" + alg)
        pn_secs, summary = run_parcelnet(edges, alg, a.seed, out)
        q_pn = g.modularity(membership(os.path.join(out, "communities.csv"), g.vcount()), weights="weight")
        snap_cells = "| — | —"
        if not a.skip_snapshot:
            out_s = os.path.join(a.work, "parcelnet-snapshot-" + alg)
            sn_secs, sn_summary = run_parcelnet(snapshot, alg, a.seed, out_s)
            with open(os.path.join(out, "communities.csv"), "rb") as f1, \
                    open(os.path.join(out_s, "communities.csv"), "rb") as f2:
                same = f1.read() == f2.read()
            snap_cells = (f"| {sn_secs:.1f} s ({stages(sn_summary)}){'' if same else ' (DIFFERENT communities.csv!)'} | "
                          f"{ig_secs / sn_secs:.1f}×")
        print(f"| {alg} | {ig_secs:.1f} s | {pn_secs:.1f} s ({stages(summary)}) | "
              f"{ig_secs / pn_secs:.1f}× {snap_cells} | ≥ {GOALS[alg]}× | {q_ig:.4f} | {q_pn:.4f} | "
              f"{before} → {load()} |", flush=True)
    print()
    print("ratio = igraph seconds / ParcelNet seconds; Q evaluated by igraph for both partitions. ParcelNet's "
          "JVM options: " + os.environ.get("PARCELNET_JAVA_OPTS", "the launcher's default") + ".")


if __name__ == "__main__":
    sys.exit(main())
