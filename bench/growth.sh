#!/usr/bin/env bash
# Growth benchmark (not part of the tests): runs the whole job (bin/filmpalette run, embedded local[*], JVM and Spark
# start-up included) on generated archives of 100, 1,000 and 10,000 film-like 1920x800 JPEGs in 20 films, fits
# wall = fixed + per_frame * frames by least squares, and projects the per-frame cost to 7 million frames.
# The archives are hard-linked subsets of the largest one (generated once under $BENCH_DIR, never committed).
# Usage: bench/growth.sh [SIZES="100 1000 10000"] [FILMS=20]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes="${1:-100 1000 10000}"; films="${2:-20}"
work="${BENCH_DIR:-target/bench}"
largest=$(echo $sizes | tr ' ' '\n' | sort -n | tail -1)
mvn -q -DskipTests package test-compile >&2
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"

full="$work/archive-$largest"
echo "generating up to $largest frames in $films films under $full (kept between runs)" >&2
java -cp "$cp" org.filmpalette.bench.BenchArchive "$full" "$largest" "$films"

results="$work/growth.txt"; : > "$results"
warmed=""
for n in $sizes; do
  archive="$work/growth-$n"
  if [ "$n" != "$largest" ] && [ ! -d "$archive" ]; then
    per_film=$(( (n + films - 1) / films ))
    for film in "$full"/film-*; do
      mkdir -p "$archive/$(basename "$film")"
      find "$film" -name '*.jpg' | sort | sed -n "1,${per_film}p" | xargs -r ln -f -t "$archive/$(basename "$film")"
    done
  fi
  [ "$n" = "$largest" ] && archive="$full"
  frames=$(find "$archive" -name '*.jpg' | wc -l)
  if [ -z "$warmed" ]; then
    # The first run after a build writes bin/filmpalette's class-data archive: not a run to time.
    rm -rf "$work/growth-tables"
    bin/filmpalette run --input "$archive" --tables "$work/growth-tables" > /dev/null 2>&1
    warmed=yes
  fi
  rm -rf "$work/growth-tables"
  /usr/bin/time -f "%e %M" -o "$work/growth-time" \
    bin/filmpalette run --input "$archive" --tables "$work/growth-tables" > "$work/growth-$n.out" 2> "$work/growth-$n.err"
  read -r wall rss < "$work/growth-time"
  echo "$frames $wall $rss" | tee -a "$results"
done

python3 - "$results" <<'PY'
import sys
rows = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
n = len(rows)
mx = sum(r[0] for r in rows) / n; my = sum(r[1] for r in rows) / n
slope = sum((r[0] - mx) * (r[1] - my) for r in rows) / sum((r[0] - mx) ** 2 for r in rows)
fixed = my - slope * mx
print(f"{'frames':>8} {'wall s':>8} {'frames/s':>9} {'s/frame':>9} {'peak RSS':>9}")
for frames, wall, rss in rows:
    print(f"{frames:8.0f} {wall:8.1f} {frames / wall:9.1f} {wall / frames:9.4f} {rss / 1048576:7.2f} GB")
print(f"least squares: wall = {fixed:.1f} s + {slope * 1000:.2f} ms x frames on this 2-core machine "
      f"({2 * slope * 1000:.2f} core-ms per frame)")
for executors, cores in ((1, 2), (10, 8), (50, 8), (200, 8)):
    hours = 7e6 * 2 * slope / (executors * cores) / 3600
    print(f"7,000,000 frames on {executors:3d} executor(s) x {cores} cores: {hours:7.2f} h of frame work "
          f"(+ start-up, listing and film fits)")
PY
