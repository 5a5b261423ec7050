#!/usr/bin/env bash
# Benchmarks dino on a synthetic portfolio, side by side with cat of the same
# bytes, cmark-gfm and pandoc rendering the same Markdown, and reports peak
# memory. The method and the numbers are in docs/performance.md.
#
#   bench/run.sh [WORKBOOKS] [FOLDER]      (defaults: 1000, a temporary folder)
#
# Installs cmark-gfm, pandoc, hyperfine and GNU time from the distribution's
# packages when they are missing (apt-get; sudo when not root).
set -euo pipefail

count=${1:-1000}
work=${2:-$(mktemp -d)}
cd "$(dirname "$0")/.."

missing=()
command -v cmark-gfm >/dev/null || missing+=(cmark-gfm)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

cargo build --release --locked --quiet
cargo build --release --locked --quiet --example gen-portfolio
dino=$PWD/target/release/dino

rm -rf "$work/portfolio"
target/release/examples/gen-portfolio "$count" "$work/portfolio"
# The same Markdown, in one file, for cat and the Markdown renderers.
find "$work/portfolio" -name '*.md' -print0 | sort -z | xargs -0 cat > "$work/all.md"
input_bytes=$(find "$work/portfolio" -type f -print0 | xargs -0 cat | wc -c)
md_bytes=$(wc -c < "$work/all.md")
files=$(find "$work/portfolio" -type f | wc -l)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "portfolio: $count workbooks, $files files, $input_bytes bytes ($md_bytes of Markdown)"

# dino due lists what is open as of a day: the same day in every run, so
# that every run lists the same items.
export DINO_NOW=2025-09-01T09:00:00+02:00
hyperfine -N --warmup 2 --runs 10 --export-json "$work/fast.json" \
  "$dino status $work/portfolio" \
  "$dino due $work/portfolio" \
  "$dino report $work/portfolio --format html" \
  "$dino report $work/portfolio --format md" \
  "cat $work/all.md" \
  "cmark-gfm -e table -e tasklist $work/all.md"
hyperfine -N --runs 1 --export-json "$work/pandoc.json" \
  "pandoc -f gfm -t html $work/all.md"
hyperfine -N --warmup 20 --runs 300 --export-json "$work/start.json" \
  "$dino --version" \
  "/bin/true"

peak() { /usr/bin/time -f %M "$@" > /dev/null 2> "$work/time.txt" || true; tail -1 "$work/time.txt"; }
status_kb=$(peak "$dino" status "$work/portfolio")
html_kb=$(peak "$dino" report "$work/portfolio" --format html)

python3 - "$work" "$dino" "$input_bytes" "$status_kb" "$html_kb" <<'PY'
import json, sys
work, dino, input_bytes, status_kb, html_kb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
runs = {}
for name in ("fast", "pandoc", "start"):
    for r in json.load(open(f"{work}/{name}.json"))["results"]:
        command = r["command"].replace(dino, "dino").replace(work, "DIR")
        runs[command] = r["median"]
for command, median in runs.items():
    print(f"{median * 1000:10.1f} ms  {command}")
html = runs["dino report DIR/portfolio --format html"]
due = runs["dino due DIR/portfolio"] / runs["dino status DIR/portfolio"]
print()
print(f"dino due vs dino status:     {due:.2f}x the time (required: at most 1.20x)")
print(f"report html vs cmark-gfm:    {runs['cmark-gfm -e table -e tasklist DIR/all.md'] / html:.2f}x faster")
print(f"report html vs pandoc:       {runs['pandoc -f gfm -t html DIR/all.md'] / html:.0f}x faster")
print(f"dino --version vs /bin/true: {runs['dino --version'] / runs['/bin/true']:.2f}x the time")
print(f"peak memory: status {status_kb / 1024:.1f} MiB, report html {html_kb / 1024:.1f} MiB; "
      f"input {input_bytes / 1048576:.1f} MiB; report html at {html_kb * 1024 / input_bytes:.2f}x the input")
PY
