#!/usr/bin/env bash
# serve's film index on a big archive (not part of the tests): generates FILMS film palettes (never committed),
# starts the web app on them and times index pages and searches over HTTP against the same server's CSS file.
# Usage: bench/serve.sh [FILMS=100000] [STILLS=0]  (STILLS > 0 also times a color search over that many stills)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
films="${1:-100000}"
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
mvn -q -DskipTests package test-compile >&2
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
read -r -a flags < target/classes/org/filmpalette/jvm.options
java -Xmx4g "${flags[@]}" -cp "$cp" org.filmpalette.bench.ServeIndexBench "$work" "$films" "${2:-0}"
