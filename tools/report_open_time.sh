#!/usr/bin/env bash
# Size of a report.html and how long headless Chromium takes to open it. The page records
# performance.now() (milliseconds since navigation start) at the end of its script (data-ready-ms:
# the page parsed and shown, its search data not yet read) and at the load event (data-load-ms);
# with a QUERY the page opens on that search (report.html#q=QUERY), which reads and indexes the
# embedded data first (data-index-ms: how long that took) and draws the result before its script
# ends. Prints RUNS runs (default 3) and the wall time of each whole Chromium run (browser start
# included). Needs the Debian package chromium.
# Usage: tools/report_open_time.sh REPORT.html [RUNS] [QUERY]
set -euo pipefail
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
runs="${2:-3}"
url="file://$page"
if [[ -n "${3:-}" ]]; then
  url="$url#q=$3"
fi
printf 'report.html: %s bytes%s\n' "$(stat -c %s "$page")" "${3:+, opened on a search}"
attr() { grep -o "$1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo "-"; }
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  dom="$(chromium --headless=new --no-sandbox --disable-gpu --dump-dom "$url" 2>/dev/null | head -c 4000)"
  end=$(date +%s%N)
  printf 'script done %s ms, load event %s ms, data read and indexed in %s ms; whole Chromium run %d ms\n' \
    "$(attr data-ready-ms "$dom")" "$(attr data-load-ms "$dom")" "$(attr data-index-ms "$dom")" $(((end - start) / 1000000))
done
