#!/usr/bin/env python3
"""Regenerates the report screenshots in docs/img with headless Chromium (Debian package `chromium`;
a CJK font such as `fonts-wqy-microhei` for Chinese place names).

- report-overview.png: the top of report.html of the bundled sample (`./parcelnet analyze`).
- report-search.png:   the same page opened as report.html#q=PHONE, the search for the top party lead.
- report-map.png:      the route map of all rings and the first ring's time line and map: the
                       figures' markup copied from report.html into a page with the report's own
                       styles (Chromium cannot screenshot a scrolled position of a page).
- report-dark.png:     the first charts of the same report in the dark style.
- report-world.png:    the world map of `parcelnet interdict --report` on the bundled OpenFlights
                       network (docs/openflights.md), chokepoints highlighted.

Usage: python3 tools/report_screenshots.py   (from the repository root; takes about a minute)
"""
import csv
import pathlib
import re
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"


def shoot(url, png, width, height):
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--virtual-time-budget=5000", "--window-size=%d,%d" % (width, height),
                    "--screenshot=%s" % png, url], check=True, capture_output=True)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "report"
        subprocess.run([str(ROOT / "parcelnet"), "analyze", "--out", str(out), "-q"], check=True)
        page = out / "report.html"
        with open(out / "leads.csv", encoding="utf-8") as f:
            top = next(csv.DictReader(f))["party"]
        shoot(page.as_uri(), IMG / "report-overview.png", 1280, 1400)
        shoot(page.as_uri() + "#q=" + top, IMG / "report-search.png", 1280, 1500)
        html = page.read_text(encoding="utf-8")
        style = re.search(r"<style>.*?</style>", html, re.S).group(0)
        figures = re.findall(r'<figure class="wide">.*?</figure>', html, re.S)[:1]
        figures += re.findall(r"<figure><h3>Parcels over time by tier</h3>.*?</figure>", html, re.S)[:1]
        figures += re.findall(r"<figure><h3>Its routes</h3>.*?</figure>", html, re.S)[:1]
        maps = pathlib.Path(tmp) / "maps.html"
        maps.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>' + style
                        + '</head><body><main><div class="grid">' + "".join(figures)
                        + "</div></main></body></html>", encoding="utf-8")
        shoot(maps.as_uri(), IMG / "report-map.png", 1280, 1500)
        charts = re.findall(r"<figure><h3>(?:Degree distribution|Community sizes)</h3>.*?</figure>", html, re.S)[:2]
        dark = pathlib.Path(tmp) / "dark.html"
        dark.write_text('<!DOCTYPE html><html lang="en" data-theme="dark"><head><meta charset="utf-8"/>' + style
                        + '</head><body><main><div class="grid">' + "".join(charts)
                        + "</div></main></body></html>", encoding="utf-8")
        shoot(dark.as_uri(), IMG / "report-dark.png", 1280, 560)

        flights = ROOT / "sample-data" / "openflights"
        of = pathlib.Path(tmp) / "openflights"
        subprocess.run([str(ROOT / "parcelnet"), "interdict", "--graph", str(flights / "edges.csv"), "--directed",
                        "--nodes", str(flights / "nodes.csv"), "--budget", "10", "--report", "--out", str(of), "-q"],
                       check=True)
        html = (of / "report.html").read_text(encoding="utf-8")
        style = re.search(r"<style>.*?</style>", html, re.S).group(0)
        world = re.findall(r'<figure class="wide">.*?</figure>', html, re.S)[:1]
        page = pathlib.Path(tmp) / "world.html"
        page.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>' + style
                        + "</head><body><main>" + "".join(world) + "</main></body></html>", encoding="utf-8")
        shoot(page.as_uri(), IMG / "report-world.png", 1300, 610)
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(IMG.glob("report-*.png"))))


if __name__ == "__main__":
    main()
