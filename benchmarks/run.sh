#!/usr/bin/env bash
# Runs the SmartFile SDK benchmark suite (see benchmarks/README.md).
#
#   benchmarks/run.sh [--quick] [--size BYTES] [--reps N] [--only jmh,latency,calls,transfers,listing,startup]
#                     [--out DIR] [--name NAME] [--work-dir DIR] [--no-build]
#
#   --quick      about two minutes; figures are smoke, not claims. Results go to benchmarks/target/results.
#   --size       transfer size, e.g. 8MiB or 1GiB (default 1GiB; quick 128MiB)
#   --no-build   use the jar already built (benchmarks/target/smartfile-benchmarks.jar), as CI does
#
# The java on the PATH runs it (and its child JVMs). Without --quick it takes about 25 minutes and
# writes benchmarks/results/<date>-results.json and <date>-summary.md. Exits 1 when a measurement could not be made; never because of a figure.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done

jar=benchmarks/target/smartfile-benchmarks.jar
if [ "$build" = 1 ]; then
  echo "== building $jar"
  mvn -B -q -ntp -pl benchmarks -am package -DskipTests -Dmaven.javadoc.skip
fi
if [ ! -f "$jar" ]; then
  echo "run.sh: $jar is missing; run without --no-build (or mvn -pl benchmarks -am package)" >&2
  exit 2
fi
exec java -jar "$jar" ${args[@]+"${args[@]}"}
