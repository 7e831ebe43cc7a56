#!/usr/bin/env python3
"""igraph's equivalents of the six LDBC Graphalytics kernels on a Graphalytics dataset, timed kernel
by kernel (loading excluded), for comparison with ParcelNet's GraphalyticsBenchmark on the same graph.
Not needed by the tests; needs python3-igraph (0.10) and numpy.

Usage:
  java -Xmx6g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.Kronecker 20 1 /tmp/kron
  /usr/bin/python3 benchmarks/compare_graphalytics_igraph.py /tmp/kron/kron-20 [repeats]

The dataset is undirected (NAME.v, NAME.e "src dst weight", NAME.properties). igraph's kernels are
the closest equivalents, not identical definitions: BFS = Graph.bfs (visit order and layers); PR =
Graph.pagerank (PRPACK, solved to convergence rather than a fixed iteration count); WCC =
connected_components; CDLP = community_label_propagation (asynchronous, random order, run to
convergence; the specification's CDLP is synchronous with fixed iterations); LCC =
transitivity_local_undirected(mode="zero"); SSSP = Graph.distances with weights (Dijkstra).
Each kernel runs `repeats` times (default 3); the script prints the best and the mean.
"""
import sys
import time

import igraph as ig
import numpy as np


def props(path):
    p = {}
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            k, v = line.split("=", 1)
            p[k.strip()] = v.strip()
    return p


def main():
    base = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    name = base.rstrip("/").split("/")[-1]
    p = props(base + ".properties")
    pre = "graph." + name + "."
    t0 = time.perf_counter()
    ids = np.fromfile(base + ".v", sep=" ", dtype=np.int64)
    e = np.fromfile(base + ".e", sep=" ").reshape(-1, 3)
    assert (ids == np.arange(len(ids))).all(), "vertex ids must be 0..n-1"
    g = ig.Graph(n=len(ids), edges=e[:, :2].astype(np.int64), directed=False)
    g.es["weight"] = e[:, 2]
    print(f"igraph {ig.__version__}: {g.vcount():,} vertices, {g.ecount():,} edges, loaded in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    src = int(p[pre + "bfs.source-vertex"])
    damping = float(p[pre + "pr.damping-factor"])
    kernels = [
        ("bfs", lambda: g.bfs(src)),
        ("pr", lambda: g.pagerank(damping=damping)),
        ("wcc", lambda: g.connected_components(mode="weak")),
        ("cdlp", lambda: g.community_label_propagation()),
        ("lcc", lambda: g.transitivity_local_undirected(mode="zero")),
        ("sssp", lambda: g.distances(source=src, weights="weight")),
    ]
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    for k, f in kernels:
        if only and k not in only:
            continue
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            f()
            times.append(time.perf_counter() - t)
        print(f"{k}: best {min(times) * 1000:,.0f} ms, mean {sum(times) / len(times) * 1000:,.0f} ms "
              f"over {repeats}", flush=True)


if __name__ == "__main__":
    main()
