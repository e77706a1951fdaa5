#!/usr/bin/env bash
# Many-films benchmark (not part of the tests): the whole job (bin/filmpalette run, embedded local[*], JVM and Spark
# start-up included) on N one-frame films against the same N frames in 20 films, in the same run of this script,
# then `compare` on the N-film tables, and an incremental rerun after every frame changed (every film replaced).
# The N-film archive is hard links to the 20-film one (generated once under $BENCH_DIR, never committed).
# Bars (issue 15): N one-frame films take at most 1.5x the 20-film time; compare on them at most 10 s.
# Usage: bench/films.sh [N=10000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n="${1:-10000}"
work="${BENCH_DIR:-target/bench}"
mvn -q -DskipTests package test-compile >&2
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"

few="$work/films-$n-in-20"
many="$work/films-$n-of-1"
echo "generating $n frames in 20 films under $few (kept between runs)" >&2
java -cp "$cp" org.filmpalette.bench.BenchArchive "$few" "$n" 20
if [ ! -d "$many" ]; then
  i=0
  find "$few" -name '*.jpg' | sort | while read -r frame; do
    film=$(printf 'film-%06d' "$i"); mkdir -p "$many/$film"; ln -f "$frame" "$many/$film/frame_000001.jpg"
    i=$((i + 1))
  done
fi

timed() { # label, then the command; prints "label seconds"
  local label="$1"; shift
  /usr/bin/time -f "%e" -o "$work/films-time" "$@" > "$work/films-$label.out" 2> "$work/films-$label.err"
  echo "$label $(cat "$work/films-time")"
}

# The first run after a build writes bin/filmpalette's class-data archive: not a run to time.
rm -rf "$work/films-warmup"; mkdir -p "$work/films-warmup-in/film-a"
cp "$(find "$few" -name '*.jpg' | head -n 1)" "$work/films-warmup-in/film-a/"
bin/filmpalette run --input "$work/films-warmup-in" --tables "$work/films-warmup" > /dev/null 2>&1

results="$work/films.txt"; : > "$results"
rm -rf "$work/films-tables-few" "$work/films-tables-many"
timed few bin/filmpalette run --input "$few" --tables "$work/films-tables-few" | tee -a "$results"
timed many bin/filmpalette run --input "$many" --tables "$work/films-tables-many" | tee -a "$results"
timed compare bin/filmpalette compare --film film-000000 --tables "$work/films-tables-many" --top 10 \
  | tee -a "$results"
timed sql bin/filmpalette sql --tables "$work/films-tables-many" \
  "SELECT count(*) AS films FROM film_palettes WHERE algorithm = 'kmeans'" | tee -a "$results"
# Every file gets a new modification time: an incremental run replaces all N films through the MERGE path.
find "$many" -name '*.jpg' -exec touch {} +
timed replace-all bin/filmpalette run --input "$many" --tables "$work/films-tables-many" | tee -a "$results"
timed unchanged bin/filmpalette run --input "$many" --tables "$work/films-tables-many" | tee -a "$results"

python3 - "$results" "$n" <<'PY'
import sys
t = dict((line.split()[0], float(line.split()[1])) for line in open(sys.argv[1]) if line.strip())
n = int(sys.argv[2])
ratio = t["many"] / t["few"]
print(f"{n} frames in 20 films: {t['few']:.1f} s; {n} one-frame films: {t['many']:.1f} s = {ratio:.2f}x "
      f"(bar 1.5x: {'met' if ratio <= 1.5 else 'not met'})")
print(f"compare on {n} films: {t['compare']:.1f} s (bar 10 s: {'met' if t['compare'] <= 10 else 'not met'}); "
      f"sql count: {t['sql']:.1f} s")
print(f"incremental run replacing all {n} films: {t['replace-all']:.1f} s; unchanged rerun: {t['unchanged']:.1f} s")
PY
