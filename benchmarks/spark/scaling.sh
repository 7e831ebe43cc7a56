#!/usr/bin/env bash
# Spark scaling series on local[2]: generated shipments at 1x, 4x and 10x of a base size, each cut
# into 8 .csv.gz parts (docs/spark.md, "Run it locally"), run through `parcelnet-spark analyze`; then
# core's `parcelnet link` with the Spark job's communities as its split, compared byte for byte with the
# job's networks.csv. Prints one Markdown row per size (wall, CPU, peak resident set, stage seconds,
# load average before and after).
#
#   benchmarks/spark/scaling.sh WORKDIR [BASE_SHIPMENTS] [HEAP]      (defaults: 431000, 6g)
#
# Sizes: BASE, 4*BASE, 10*BASE shipments with 4, 16 and 40 planted rings (seed 7). Input folders are
# made once and reused. Needs GNU time (/usr/bin/time).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:?usage: scaling.sh WORKDIR [BASE_SHIPMENTS] [HEAP]}"
BASE="${2:-431000}"
HEAP="${3:-6g}"
mkdir -p "$WORK"

parts() {  # parts SHIPMENTS_GZ DIR: 8 gzip parts, each with the header line
  local src=$1 dst=$2 rows
  mkdir -p "$dst"
  HEADER="$(zcat "$src" | head -1 || true)"  # head closes the pipe early
  export HEADER
  rows=$(( ($(zcat "$src" | wc -l) - 1 + 7) / 8 ))
  zcat "$src" | tail -n +2 | split -l "$rows" -d -a 3 \
    --filter='{ printf "%s\n" "$HEADER"; cat; } | gzip -1 > "$FILE.csv.gz"' - "$dst/part-"
}

field() {  # field LOG NAME: a value of GNU time's report
  grep -F "$2" "$1" | sed 's/.*: //'
}

echo "| shipments | wall | CPU (user + system) | peak resident set | stage seconds | networks equal to core's | load before → after |"
echo "|---:|---:|---:|---:|---|---|---|"
for factor in 1 4 10; do
  n=$((BASE * factor))
  rings=$((4 * factor))
  gen="$WORK/g$n"
  if [[ ! -d "$gen/parts" ]]; then
    "$ROOT/parcelnet" generate --shipments "$n" --rings "$rings" --seed 7 --gzip --out "$gen" -q
    parts "$gen/shipments.csv.gz" "$gen/parts"
  fi
  out="$WORK/spark$n"
  log="$WORK/spark$n.log"
  rm -rf "$out"
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  PARCELNET_SPARK_JAVA_OPTS="-Xmx$HEAP -Dspark.master=local[2]" /usr/bin/time -v \
    "$ROOT/parcelnet-spark" analyze --shipments "$gen/parts" --out "$out" > "$log" 2>&1
  after="$(cut -d' ' -f1-3 /proc/loadavg)"
  wall="$(field "$log" "Elapsed (wall clock)")"
  cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.0f s", s}' "$log")"
  rss="$(awk -F': ' '/Maximum resident/ {printf "%.2f GB", $2 * 1024 / 1e9}' "$log")"
  stages="$(grep '^output:' "$log" | sed 's/.*{//; s/}//; s/=/ /g')"
  core="$WORK/core-link$n"
  rm -rf "$core"
  "$ROOT/parcelnet" link --shipments "$gen/shipments.csv.gz" --communities "$out/communities.csv" --out "$core" -q \
    2> "$WORK/core-link$n.log"
  if cmp -s "$core/networks.csv" "$out/networks.csv"; then same="yes ($(($(wc -l < "$out/networks.csv") - 1)) cases)"; else same="**no**"; fi
  echo "| $(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') | $wall | $cpu | $rss | $stages | $same | $before → $after |"
done
