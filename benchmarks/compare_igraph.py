#!/usr/bin/env python3
"""Modularity and time of igraph's Louvain (community_multilevel) and Leiden on an edge list, for
comparison with ParcelNet on the same graph. Not needed by the tests; needs python3-igraph (0.10).

Usage:
  java -Xmx6g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.CommunityQuality 1 fixture.txt
  /usr/bin/python3 benchmarks/compare_igraph.py fixture.txt [seed]   # the system Python that apt installs into

The edge list is one "u v" pair of non-negative ints per line (undirected, unweighted).
"""
import random
import sys
import time

import igraph as ig


def main():
    path = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    t0 = time.perf_counter()
    g = ig.Graph.Read_Edgelist(path, directed=False)
    print(f"read {g.vcount()} nodes, {g.ecount()} edges in {time.perf_counter() - t0:.1f} s", flush=True)
    random.seed(seed)
    t0 = time.perf_counter()
    lv = g.community_multilevel()
    print(f"igraph {ig.__version__} louvain: Q {lv.modularity:.5f}, {len(lv)} communities, "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    random.seed(seed)
    t0 = time.perf_counter()
    ld = g.community_leiden(objective_function="modularity", n_iterations=2)
    q = g.modularity(ld.membership)
    print(f"igraph {ig.__version__} leiden (modularity, 2 iterations): Q {q:.5f}, {len(ld)} communities, "
          f"{time.perf_counter() - t0:.1f} s", flush=True)


if __name__ == "__main__":
    main()
