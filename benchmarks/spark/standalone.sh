#!/usr/bin/env bash
# The job jar under Spark's own submit, on a standalone cluster started on this machine: a master, a
# worker and executors in JVMs of their own, so that every closure, broadcast and task result crosses
# a process boundary as on a real cluster. Each case runs once on the cluster and once with the local
# launcher, and every output file must be byte-identical (summary.json apart from its stage seconds):
#   1. analyze on the bundled sample;
#   2. link --lenient on two parts with a malformed row and a shipment id repeated across the parts;
#   3. the same input without --lenient: the same one-line error and exit code, and no output folder;
#   4. link --desensitize --key-file on the bundled sample.
# The cluster's Spark is the build's own jars (toolkit-spark/target/spark-classpath.txt and core's
# runtime libraries) linked into a temporary Spark home; nothing is downloaded.
#
# usage: benchmarks/spark/standalone.sh [WORKDIR]      (WORKDIR is emptied; default: a temporary folder)
set -euo pipefail
trap 'echo "standalone: failed at line $LINENO" >&2' ERR
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-$(mktemp -d)}"
rm -rf "$WORK" && mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

"$ROOT/parcelnet-spark" >/dev/null          # builds the job jar when it is missing or stale
JAR="$ROOT/toolkit-spark/target/parcelnet-spark.jar"
OPENS="$(tr '\n' ' ' < "$ROOT/toolkit-spark/conf/java17-options")"

# A Spark home: the worker starts executors from $SPARK_HOME/jars
export SPARK_HOME="$WORK/spark-home" SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
(cd "$ROOT" && mvn -B -q -Dstyle.color=never -pl toolkit-core \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/core-classpath.txt" >"$WORK/maven.log" 2>&1) \
  || { cat "$WORK/maven.log" >&2; exit 1; }
for j in $(tr ':' '\n' < "$ROOT/toolkit-spark/target/spark-classpath.txt") $(tr ':' '\n' < "$WORK/core-classpath.txt"); do
  ln -sf "$j" "$SPARK_HOME/jars/"
done
cat > "$SPARK_HOME/conf/daemon-log4j2.properties" <<'EOF'
rootLogger.level = info
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
EOF
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
MASTER="spark://127.0.0.1:$PORT"
daemon() {  # class, log file, arguments
  local cls="$1" log="$2"
  shift 2
  # shellcheck disable=SC2086
  java $OPENS -Xmx512m -Dlog4j2.configurationFile="$SPARK_HOME/conf/daemon-log4j2.properties" \
    -cp "$SPARK_HOME/jars/*" "$cls" "$@" >"$log" 2>&1 &
  echo $!
}
MASTER_PID="$(daemon org.apache.spark.deploy.master.Master "$WORK/master.log" --host 127.0.0.1 --port "$PORT" \
  --webui-port "$(free_port)")"
WORKER_PID=""
cleanup() { kill ${WORKER_PID:+"$WORKER_PID"} "$MASTER_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 60); do grep -q "New state: ALIVE" "$WORK/master.log" && break; sleep 1; done
WORKER_PID="$(daemon org.apache.spark.deploy.worker.Worker "$WORK/worker.log" "$MASTER" --host 127.0.0.1 \
  --cores 2 --memory 3g --webui-port "$(free_port)" --work-dir "$WORK/executors")"
for _ in $(seq 60); do grep -q "Registering worker" "$WORK/master.log" && break; sleep 1; done
grep -q "Registering worker" "$WORK/master.log" || { echo "standalone: the worker did not register" >&2; exit 1; }

PARTITIONS=8
on_cluster() {  # output folder, job arguments
  local out="$1"
  shift
  # shellcheck disable=SC2086
  java $OPENS -Xmx1g -Dlog4j2.configurationFile="$ROOT/toolkit-spark/conf/log4j2.properties" \
    -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master "$MASTER" --deploy-mode client \
    --executor-memory 2g --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    --conf spark.sql.shuffle.partitions=$PARTITIONS --class org.parcelnet.spark.SparkMain "$JAR" "$@" --out "$out"
}
locally() {  # output folder, job arguments
  local out="$1"
  shift
  PARCELNET_SPARK_JAVA_OPTS="-Xmx2g -Dspark.sql.shuffle.partitions=$PARTITIONS" "$ROOT/parcelnet-spark" "$@" --out "$out"
}
same_outputs() {  # two output folders
  local a="$1" b="$2" f
  (cd "$a" && find . -type f ! -name summary.json ! -name '.*' | sort) > "$WORK/files-a"
  (cd "$b" && find . -type f ! -name summary.json ! -name '.*' | sort) > "$WORK/files-b"
  cmp -s "$WORK/files-a" "$WORK/files-b" || { echo "standalone: different files in $a and $b" >&2; return 1; }
  while read -r f; do
    cmp "$a/$f" "$b/$f" || return 1
  done < "$WORK/files-a"
  # the summaries agree but for their stage seconds
  /usr/bin/python3 - "$a/summary.json" "$b/summary.json" <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for s in (a, b):
    s.pop("seconds", None)
sys.exit(0 if a == b else 1)
EOF
}
check() {  # case name, job arguments
  local name="$1"
  shift
  on_cluster "$WORK/$name-cluster" "$@" > "$WORK/$name-cluster.txt" 2>&1
  locally "$WORK/$name-local" "$@" > "$WORK/$name-local.txt" 2>&1
  same_outputs "$WORK/$name-cluster" "$WORK/$name-local"
  echo "$name: outputs byte-identical ($(grep -c '' "$WORK/$name-cluster/networks.csv") lines in networks.csv)"
}

# inputs: the sample, and the sample in two parts with a malformed time and a repeated id in the second
SAMPLE="$ROOT/sample-data/shipments.csv.gz"
mkdir -p "$WORK/parts"
zcat "$SAMPLE" > "$WORK/sample.csv"
head -n 25001 "$WORK/sample.csv" > "$WORK/parts/part-0.csv"
{ head -n 1 "$WORK/sample.csv"; tail -n +25002 "$WORK/sample.csv"; } > "$WORK/parts/part-1.csv"
rm "$WORK/sample.csv"
sed -n 2p "$WORK/parts/part-0.csv" >> "$WORK/parts/part-1.csv"
sed -n 3p "$WORK/parts/part-0.csv" | awk -F, -v OFS=, '{$1 = "BAD" $1; $2 = "yesterday"; print}' >> "$WORK/parts/part-1.csv"
head -c 48 /dev/urandom > "$WORK/key.bin" && chmod 600 "$WORK/key.bin"

check analyze-sample analyze --shipments "$SAMPLE"
check link-parts-lenient link --shipments "$WORK/parts" --lenient
trap - ERR
set +e
on_cluster "$WORK/strict-cluster" link --shipments "$WORK/parts" > "$WORK/strict-cluster.txt" 2>&1
cluster_code=$?
locally "$WORK/strict-local" link --shipments "$WORK/parts" > "$WORK/strict-local.txt" 2>&1
local_code=$?
set -e
trap 'echo "standalone: failed at line $LINENO" >&2' ERR
# the job's message is its last line (the launcher may say first that it builds the jar)
cluster_error="$(grep '^parcelnet-spark:' "$WORK/strict-cluster.txt" | tail -n 1 || true)"
local_error="$(grep '^parcelnet-spark:' "$WORK/strict-local.txt" | tail -n 1 || true)"
if [[ $cluster_code -eq 0 || $cluster_code -ne $local_code || "$cluster_error" != "$local_error" \
      || -e "$WORK/strict-cluster" ]]; then
  echo "standalone: strict runs differ: cluster exit $cluster_code '$cluster_error', local exit $local_code '$local_error'" >&2
  exit 1
fi
echo "strict: exit code $cluster_code and the same message on both, no output folder: ${cluster_error#parcelnet-spark: }"
check link-desensitized link --shipments "$SAMPLE" --desensitize --key-file "$WORK/key.bin"
echo "standalone: all cases agree ($(ls "$WORK/executors" | grep -c '^app-') applications ran on the cluster at $MASTER)"
