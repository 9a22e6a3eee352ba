#!/usr/bin/env bash
# make bench: the Swift reader against the C floor (libcsv with empty callbacks) on the same
# generated file, in 9 rounds that run each once, one after the other (this VM's speed drifts by
# tens of per cent within minutes: a ratio is taken within a round, and the median of the rounds'
# ratios is the figure); and peak memory at two file sizes (flat = streaming).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${BENCH_ROWS:-400000}
mkdir -p bench/data bench/bin
small=bench/data/bench-$((rows / 4)).csv
large=bench/data/bench-$rows.csv
[ -f "$large" ] || python3 bench/make_bench_csv.py "$rows" "$large"
[ -f "$small" ] || python3 bench/make_bench_csv.py "$((rows / 4))" "$small"
cc -O2 -o bench/bin/floor bench/floor.c -lcsv
swift build -c release --static-swift-stdlib --product needs-bench >/dev/null
swiftbin=.build/release/needs-bench

rounds=9
ratios=()
csec=""; ssec=""
for _ in $(seq "$rounds"); do
  cat "$large" >/dev/null  # in the page cache (see pipeline.sh)
  read -r cbytes c crss < <(bench/bin/floor "$large")
  cat "$large" >/dev/null
  read -r sbytes s srss records fields < <("$swiftbin" "$large")
  ratios+=("$(awk -v c="$c" -v s="$s" 'BEGIN { printf "%.4f", c / s }')")
  # The table shows each side's best round.
  if [ -z "$csec" ] || awk -v a="$c" -v b="$csec" 'BEGIN { exit !(a < b) }'; then csec=$c; fi
  if [ -z "$ssec" ] || awk -v a="$s" -v b="$ssec" 'BEGIN { exit !(a < b) }'; then ssec=$s; fi
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
best() { # command... → the run with the least seconds (field 2), of 3
  for _ in 1 2 3; do "$@"; done | sort -k2,2g | head -n 1
}
read -r _ _ srss_small _ _ < <(best "$swiftbin" "$small")
mb() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / s / 1e6 }'; }
echo "file: $large ($(awk -v b="$cbytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $records records, $fields fields)"
printf '%-28s %10s %10s %14s\n' "reader" "seconds" "MB/s" "peak RSS (MB)"
printf '%-28s %10.3f %10s %14.1f\n' "C floor (libcsv, empty cb)" "$csec" "$(mb "$cbytes" "$csec")" "$(awk -v k="$crss" 'BEGIN{print k/1024}')"
printf '%-28s %10.3f %10s %14.1f\n' "needs reader (Swift)" "$ssec" "$(mb "$sbytes" "$ssec")" "$(awk -v k="$srss" 'BEGIN{print k/1024}')"
echo "throughput ratio Swift / C floor per round: ${ratios[*]}"
awk -v m="$median" -v n="$rounds" 'BEGIN { printf "throughput ratio Swift / C floor, median of %d alternating rounds: %.1f%% (target >= 80%%)\n", n, 100 * m }'
awk -v a="$srss_small" -v b="$srss" -v r="$rows" 'BEGIN { printf "peak RSS at %d rows: %.1f MB, at %d rows: %.1f MB (flat when equal)\n", r/4, a/1024, r, b/1024 }'
