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

names=()
commands=()
# One of dino's commands, and the same of BASE's right after it.
add() {
  names+=("$1")
  commands+=("$dino $2")
  if [ -n "${BASE:-}" ] && [ "$1" != due ]; then
    names+=("base-$1")
    commands+=("$BASE $2")
  fi
}
add status "status $work/portfolio"
add due "due $work/portfolio"
add html "report $work/portfolio --format html"
add md "report $work/portfolio --format md"
names+=(cmark-gfm)
commands+=("cmark-gfm -e table -e tasklist $work/all.md")
times=$(mktemp)
# Every other round runs the commands in reverse order, so that none
# always follows the same one.
forward=("${!commands[@]}")
backward=()
for i in "${forward[@]}"; do backward=("$i" "${backward[@]}"); done
for round in $(seq "$rounds"); do
  order=("${forward[@]}")
  [ $((round % 2)) -eq 0 ] && order=("${backward[@]}")
  for i in "${order[@]}"; do
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
