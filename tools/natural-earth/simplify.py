#!/usr/bin/env python3
"""Clips the rings written by extract.R to the map window, simplifies them (Douglas-Peucker,
Douglas & Peucker 1973, doi:10.3138/FM57-6770-U75U-7727) and writes the outline file the report
reads: comment lines, then one ring per line, "A3 lon,lat lon,lat ..." with two decimals.

Usage: python3 simplify.py rings.tsv > ../../toolkit-cli/src/main/resources-report/org/parcelnet/cli/report/natural-earth-china.txt
       python3 simplify.py --world rings.tsv > .../natural-earth-world.txt   (rings from extract.R 110 ...)
"""
import sys

CHINA = {
    "window": (68.0, 140.0, 12.0, 57.0),  # lon min, lon max, lat min, lat max
    "tolerance": 0.06,                    # degrees (about 6 km)
    "min_area": 0.15,                     # square degrees: smaller islands are dropped (Hainan is about 3)
    "first": "CHN",                       # written first (filled darker on the map)
    "header": [
        "# Country outlines around China for the report's route maps: Natural Earth 1:50m Admin 0 - Countries",
        "# (public domain; Made with Natural Earth), outer rings clipped to lon 68..140, lat 12..57,",
        "# simplified (Douglas-Peucker, 0.06 degrees), islands under 0.15 square degrees dropped.",
    ],
}
WORLD = {
    "window": (-180.0, 180.0, -58.0, 84.0),  # Antarctica left out (no routes to draw there)
    "tolerance": 0.2,                        # degrees (about 20 km), ample at world scale
    "min_area": 0.5,
    "first": None,
    "header": [
        "# Country outlines of the world for the report's network maps: Natural Earth 1:110m Admin 0 - Countries",
        "# (public domain; Made with Natural Earth), outer rings clipped to lat -58..84 (no Antarctica),",
        "# simplified (Douglas-Peucker, 0.2 degrees), islands under 0.5 square degrees dropped.",
    ],
}
MAP = CHINA
WINDOW = MAP["window"]


def clip(ring):
    """Sutherland-Hodgman against the window rectangle (a convex clip region)."""
    x0, x1, y0, y1 = WINDOW
    edges = [(lambda p: p[0] >= x0, lambda a, b: _cut_x(a, b, x0)),
             (lambda p: p[0] <= x1, lambda a, b: _cut_x(a, b, x1)),
             (lambda p: p[1] >= y0, lambda a, b: _cut_y(a, b, y0)),
             (lambda p: p[1] <= y1, lambda a, b: _cut_y(a, b, y1))]
    out = ring
    for inside, cut in edges:
        src, out = out, []
        for i, cur in enumerate(src):
            prev = src[i - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(cut(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cut(prev, cur))
        if not out:
            break
    return out


def _cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def area(ring):
    return abs(sum(ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1] for i, p in enumerate(ring))) / 2


def douglas_peucker(points, tol):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm > 0 else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if best > tol:
            keep[far] = True
            stack += [(a, far), (far, b)]
    return [p for p, k in zip(points, keep) if k]


def main(path):
    for line in MAP["header"]:
        print(line)
    print("# Produced by tools/natural-earth/extract.R and simplify.py; see tools/natural-earth/README.md.")
    print("# One ring per line: ISO A3 code, then lon,lat pairs (WGS 84 degrees).")
    rings = []
    for line in open(path, encoding="utf-8"):
        a3, coords = line.rstrip("\n").split("\t")
        ring = [tuple(map(float, xy.split())) for xy in coords.split(",")]
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        ring = clip(ring)
        if len(ring) < 3 or area(ring) < MAP["min_area"]:
            continue
        simple = douglas_peucker(ring + [ring[0]], MAP["tolerance"])[:-1]
        if len(simple) >= 3:
            rings.append((a3, simple))
    rings.sort(key=lambda r: (r[0] != MAP["first"], r[0]))
    for a3, ring in rings:
        print(a3, " ".join("%.2f,%.2f" % p for p in ring))


if __name__ == "__main__":
    if sys.argv[1] == "--world":
        MAP = WORLD
        WINDOW = MAP["window"]
        main(sys.argv[2])
    else:
        main(sys.argv[1])
