#!/usr/bin/env bash
# make bench, part 3: needs report end to end on a generated export of each tool's shape
# (BENCH_SHAPE_ROWS respondents, default 200,000), median of 3 runs, peak RSS from /usr/bin/time:
# the Kobo export of part 2 is one shape of five, and each tool writes its own dates, answers and
# choice columns. Then needs rows on an export with a stray quote on every line (each a finding),
# to show that its memory stays flat.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${BENCH_SHAPE_ROWS:-200000}
mkdir -p bench/data
swift build -c release --static-swift-stdlib --product needs >/dev/null
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-44s %10s %10s %14s\n' "export ($rows respondents)" "MB" "seconds" "peak RSS (MB)"
for shape in kobo google msforms limesurvey generic; do
  file=bench/data/$shape-$rows.csv
  [ -f "$file" ] || .build/release/needs synth --rows "$rows" --seed 2025 --shape "$shape" --out "$file"
  times=() rss=0
  for _ in 1 2 3; do
    status=0
    /usr/bin/time -f "%e %M" -o /tmp/needs-shape-time .build/release/needs report --quiet --out /tmp/needs-shape-reports "$file" \
      >/dev/null 2>/tmp/needs-shape-err || status=$?
    [ "$status" -le 1 ] || { cat /tmp/needs-shape-err >&2; exit 1; }
    read -r t m < <(tail -n 1 /tmp/needs-shape-time)
    times+=("$t"); [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-44s %10.1f %10s %14.1f\n' "needs report, $shape" "$(awk -v b="$(stat -c %s "$file")" 'BEGIN { print b / 1e6 }')" \
    "$(printf '%s\n' "${times[@]}" | median)" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
stray=bench/data/stray-quote-1000000.csv
[ -f "$stray" ] || awk 'BEGIN { print "a,b,c"; for (i = 0; i < 1000000; i++) printf "x\"y,%d,z\n", i }' > "$stray"
status=0
/usr/bin/time -f "%e %M" -o /tmp/needs-shape-time .build/release/needs rows "$stray" >/dev/null 2>/dev/null || status=$?
[ "$status" -le 1 ] || { echo "needs rows failed on $stray" >&2; exit 1; }
read -r t m < <(tail -n 1 /tmp/needs-shape-time)
printf '%-44s %10.1f %10s %14.1f\n' "needs rows, a stray quote on every line" "$(awk -v b="$(stat -c %s "$stray")" 'BEGIN { print b / 1e6 }')" \
  "$t" "$(awk -v k="$m" 'BEGIN { print k / 1024 }')"
