#!/usr/bin/env bash
# Times dino's portfolio commands and cmark-gfm in turn, round after round,
# so that a busy host weighs on all of them alike; prints each one's median.
# Run after bench/run.sh, on the portfolio it made (docs/performance.md).
# With BASE set to another dino binary (an earlier build, say), its
# status and reports are timed in the same rounds, for a fair comparison.
#
#   bench/interleave.sh [FOLDER] [ROUNDS]      (defaults: /tmp/bench, 20)
#   BASE=/path/to/old/dino bench/interleave.sh /tmp/bench
set -euo pipefail

work=${1:-/tmp/bench}
rounds=${2:-20}
cd "$(dirname "$0")/.."
dino=$PWD/target/release/dino
export DINO_NOW=2025-09-01T09:00:00+02:00

names=(status due html md cmark-gfm)
commands=(
  "$dino status $work/portfolio"
  "$dino due $work/portfolio"
  "$dino report $work/portfolio --format html"
  "$dino report $work/portfolio --format md"
  "cmark-gfm -e table -e tasklist $work/all.md"
)
if [ -n "${BASE:-}" ]; then
  names+=(base-status base-html base-md)
  commands+=(
    "$BASE status $work/portfolio"
    "$BASE report $work/portfolio --format html"
    "$BASE report $work/portfolio --format md"
  )
fi
times=$(mktemp)
for _ in $(seq "$rounds"); do
  for i in "${!commands[@]}"; do
    start=$(date +%s%N)
    ${commands[$i]} > /dev/null 2>&1
    echo "${names[$i]} $(( ($(date +%s%N) - start) / 1000 ))" >> "$times"
  done
done
for name in "${names[@]}"; do
  awk -v n="$name" '$1 == n { print $2 }' "$times" | sort -n |
    awk -v n="$name" '{ t[NR] = $1 } END { printf "%-10s median %7.1f ms\n", n, t[int((NR + 1) / 2)] / 1000 }'
done
rm -f "$times"
