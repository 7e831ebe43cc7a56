#!/usr/bin/env bash
# Size of a report.html and how long headless Chromium takes to open it: the page records
# performance.now() (milliseconds since navigation start) at the end of its script, when the page
# is parsed and its embedded data read and indexed (data-ready-ms), and at the load event
# (data-load-ms). Prints both for RUNS runs (default 3) and the wall time of each whole Chromium
# run (browser start included). Needs the Debian package chromium.
# Usage: tools/report_open_time.sh REPORT.html [RUNS]
set -euo pipefail
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
runs="${2:-3}"
printf 'report.html: %s bytes\n' "$(stat -c %s "$page")"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  dom="$(chromium --headless=new --no-sandbox --disable-gpu --dump-dom "file://$page" 2>/dev/null | head -c 4000)"
  end=$(date +%s%N)
  ready=$(grep -o 'data-ready-ms="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' || echo "?")
  load=$(grep -o 'data-load-ms="[0-9]*"' <<<"$dom" | grep -o '[0-9]*' || echo "?")
  printf 'script done %s ms, load event %s ms, whole Chromium run %d ms\n' "$ready" "$load" $(((end - start) / 1000000))
done
