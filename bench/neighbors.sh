#!/usr/bin/env bash
# Nearest-films and search benchmark (not part of the tests), on generated palettes written straight into tables
# (no frames decoded): (1) film_neighbors on SMALL films and its recall@10 against exact distances for 200 sampled
# films, whose rate gives the projected time of exact all pairs in the same run; (2) the same on LARGE films (recall
# on 20 sampled films), wall
# time against the 15-minute bar; (3) `search --like` over STILLS still palettes in 1,000 films, in-process against
# one plain scan of the colors column, then as the CLI (JVM and Spark start-up included), twice.
# Usage: bench/neighbors.sh [SMALL=10000] [LARGE=100000] [STILLS=1000000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
small="${1:-10000}"; large="${2:-100000}"; stills="${3:-1000000}"
work="${BENCH_DIR:-target/bench-neighbors}"
mvn -q -DskipTests package test-compile >&2
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
read -r -a flags < target/classes/org/filmpalette/jvm.options
mkdir -p "$work"
bench() { /usr/bin/time -f "  (%e s wall, %M KB peak RSS, %U s user)" java -Xmx8g "${flags[@]}" -cp "$cp" \
  org.filmpalette.bench.NeighborsBench "$@" 2> >(grep -v ' INFO \| WARN ' >&2); }
bench films "$small" 200 "$work/films-$small"
bench films "$large" 20 "$work/films-$large"
bench stills "$stills" "$work/stills-$stills"
for round in 1 2; do
  /usr/bin/time -f "cli search --like, round $round: %e s wall (JVM and Spark start-up included)" \
    bin/filmpalette search --tables "$work/stills-$stills" --like data-sample/big_buck_bunny/frame_00001.jpg --top 20 \
    > "$work/search.out" 2> "$work/search.err" || { tail -5 "$work/search.err"; exit 1; }
  tail -n 1 "$work/search.err"; sed -n 2,3p "$work/search.out"
done
