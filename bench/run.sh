#!/usr/bin/env bash
# Performance benchmark (not part of the tests): generates N film-like 1920x800 JPEG frames (never committed) and
# measures, on this machine in one run: (a) ImageIO full-size decode on all cores, before and after (c), wall and
# CPU; (j) libjpeg-turbo's own 1/4 decode (djpeg -scale 1/4, one process per core: the decode limit); (p) the Python
# peer (bench/python_peer.py: Pillow draft mode, 4,096 random pixels, scikit-learn KMeans k=8 n_init=1, one process
# per core); (b) the job's decode-time work (decode, color bins, accent regions); (k) the in-task kernels on top of
# (b) and on their own; (c) the full job on local[*] (JVM and Spark start-up included, peak RSS, CPU); (d) the job
# with --still-engine mllib on a small subset; and the ratios, (c) against (p) and (j) above all.
# Needs: JDK 17, Maven, python3, and for (j) and (p) Debian's libjpeg-turbo-progs, python3-pil, python3-sklearn
# (apt-get install -y libjpeg-turbo-progs python3-pil python3-sklearn).
# Usage: bench/run.sh [FRAMES=3000] [FILMS=20] [MLLIB_SUBSET=20]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
frames="${1:-3000}"; films="${2:-20}"; subset="${3:-20}"
work="${BENCH_DIR:-target/bench}"
mvn -q -DskipTests package test-compile >&2
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
read -r -a flags < target/classes/org/filmpalette/jvm.options

archive="$work/archive-$frames"
if [ ! -d "$archive" ]; then
  echo "generating $frames frames in $films films under $archive" >&2
  java -cp "$cp" org.filmpalette.bench.BenchArchive "$archive" "$frames" "$films"
fi
mkdir -p "$work/subset"; rm -rf "$work/subset/"*
for f in $(find "$archive" -name '*.jpg' | sort | head -n "$subset"); do
  d="$work/subset/$(basename "$(dirname "$f")")"; mkdir -p "$d"; cp "$f" "$d/"
done

# Debian's python3 (its python3-pil and python3-sklearn), not a python3 a version manager puts first on PATH.
peer_python=/usr/bin/python3
for tool in djpeg "$peer_python"; do command -v "$tool" >/dev/null || { echo "bench/run.sh needs $tool (see the header)" >&2; exit 2; }; done
cores="$(nproc)"
# (j) and (p) before and right after (c): (c) is compared with their mean, and with each side to show the drift.
references() { # suffix: (j) and (p), written to j$1.txt, p$1.txt and p$1.time
  local start_j; start_j=$(date +%s.%N)
  find "$archive" -name '*.jpg' -print0 | xargs -0 -P "$cores" -n 1 djpeg -scale 1/4 -outfile /dev/null
  echo "djpeg 1/4: $(find "$archive" -name '*.jpg' | wc -l) frames in $(echo "$(date +%s.%N) - $start_j" | bc) s" | tee "$work/j$1.txt"
  /usr/bin/time -f "%e s wall, %U s user, %S s system" -o "$work/p$1.time" "$peer_python" bench/python_peer.py "$archive" \
    | tee "$work/p$1.txt"
}
references ""
/usr/bin/time -f "%U %S" -o "$work/a.cpu" java -cp "$cp" org.filmpalette.bench.DecodeBench full "$archive" | tee "$work/a.txt"
java -cp "$cp" org.filmpalette.bench.DecodeBench subsampled "$archive" | tee "$work/b.txt"
java -cp "$cp" org.filmpalette.bench.DecodeBench kernels "$archive" 500 | tee "$work/k.txt"
java -cp "$cp" org.filmpalette.bench.DecodeBench fits "$archive" 500 | tee "$work/f.txt"

timed() { # label, then the command; prints wall seconds and peak RSS
  local label="$1"; shift
  /usr/bin/time -f "$label: %e s wall, %M KB peak RSS, %U s user, %S s system" "$@" > "$work/$label.out" 2> "$work/$label.err" || {
    tail -20 "$work/$label.err"; exit 1; }
  tail -n 1 "$work/$label.err"
}
rm -rf "$work/tables-c" "$work/tables-d" "$work/tables-t"
# (t) first: the first run after a build also writes bin/filmpalette's class-data archive, as a nightly schedule's
# first run would; (c) then starts as every later run does.
timed t bin/filmpalette run --input "$work/subset" --tables "$work/tables-t"
timed c bin/filmpalette run --input "$archive" --tables "$work/tables-c"
references 2
timed d bin/filmpalette run --input "$work/subset" --tables "$work/tables-d" --still-engine mllib
# (a) again: this machine's speed drifts by ±20 % over minutes, so (c) is compared with (a) measured on both sides.
/usr/bin/time -f "%U %S" -o "$work/a2.cpu" java -cp "$cp" org.filmpalette.bench.DecodeBench full "$archive" \
  | sed 's/^full:/full, after (c):/' | tee "$work/a2.txt"

stage_seconds() { # seconds between the cluster-stills line and the next progress line in a run's log
  python3 - "$1" <<'PY'
import re, sys
lines = [l for l in open(sys.argv[1]) if "PalettePipeline:" in l]
t = lambda l: sum(int(x) * m for x, m in zip(l[:8].split(":"), (3600, 60, 1)))
for i, l in enumerate(lines):
    if "cluster stills" in l:
        print(t(lines[i + 1]) - t(l)); break
PY
}
python3 - "$work" "$frames" "$subset" "$(stage_seconds "$work/d.err")" "$(stage_seconds "$work/t.err")" <<'PY'
import re, sys
work, frames, subset, mllib_stage, task_stage = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
fps = lambda f: float(re.search(r"= ([0-9.]+) frames/s", open(f"{work}/{f}.txt").read()).group(1))
wall = lambda f: float(re.search(r"([0-9.]+) s wall", open(f"{work}/{f}.err").read().splitlines()[-1]).group(1))
a1, a2, b, k, f = fps("a"), fps("a2"), fps("b"), fps("k"), fps("f")
djpeg_of = lambda s: float(re.search(r"in ([0-9.]+) s", open(f"{work}/j{s}.txt").read()).group(1))
peer_of = lambda s: float(re.search(r"([0-9.]+) s wall", open(f"{work}/p{s}.time").read()).group(1))
peer_cpu_of = lambda s: sum(map(float, re.search(r"([0-9.]+) s user, ([0-9.]+) s system", open(f"{work}/p{s}.time").read()).groups()))
djpeg = (djpeg_of("") + djpeg_of("2")) / 2
peer = (peer_of("") + peer_of("2")) / 2
peer_cpu = (peer_cpu_of("") + peer_cpu_of("2")) / 2
a = 2 / (1 / a1 + 1 / a2)
job_cpu = sum(map(float, re.search(r"([0-9.]+) s user, ([0-9.]+) s system", open(f"{work}/c.err").read().splitlines()[-1]).groups()))
decode_wall = frames / a
print(f"(a) decode-only full size : {a:7.1f} frames/s  ({decode_wall:.1f} s for {frames}; mean of {frames / a1:.1f} s "
      f"before and {frames / a2:.1f} s after (c))")
print(f"(b) subsampled decode     : {b:7.1f} frames/s  ({b / a:.2f}x of (a))")
print(f"(k) decode + kernels      : {k:7.1f} frames/s")
print(f"    kernels alone         : {f:7.1f} stills/s (both algorithms; {b / f:.2f} of the subsampled decode's time)")
print(f"(c) full job, wall        : {wall('c'):7.1f} s = {frames / wall('c'):.1f} frames/s; (c)/(a) wall = {wall('c') / decode_wall:.2f} "
      f"({wall('c') * a1 / frames:.2f} against (a) before, {wall('c') * a2 / frames:.2f} against (a) after)")
print(f"(j) djpeg -scale 1/4      : {frames / djpeg:7.1f} frames/s  ({djpeg:.1f} s, mean of {djpeg_of(''):.1f} s before and "
      f"{djpeg_of('2'):.1f} s after (c); one process per core: the decode limit)")
print(f"(p) Python peer           : {frames / peer:7.1f} frames/s  ({peer:.1f} s wall, mean of {peer_of(''):.1f} s before and "
      f"{peer_of('2'):.1f} s after (c); interpreter start-up included; {peer_cpu:.1f} s CPU)")
print(f"    (c) vs (p)            : {peer / wall('c'):7.2f}x the peer's frames/s (bar: 1.2; {peer_of('') / wall('c'):.2f} against "
      f"(p) before, {peer_of('2') / wall('c'):.2f} after); CPU: (p)/(c) = {peer_cpu / job_cpu:.2f}")
print(f"    (c) vs (j)            : {wall('c') / djpeg:7.2f}x the djpeg 1/4 decode time (bar: 2; {wall('c') / djpeg_of(''):.2f} "
      f"against (j) before, {wall('c') / djpeg_of('2'):.2f} after)")
cpu = lambda f: sum(map(float, open(f"{work}/{f}.cpu").read().split()[-2:]))
decode_cpu = (cpu("a") + cpu("a2")) / 2
print(f"    CPU (user + system)   : {job_cpu:7.1f} s against {decode_cpu:.1f} s for (a) (mean of {cpu('a'):.1f} and {cpu('a2'):.1f}): "
      f"(c)/(a) CPU = {job_cpu / decode_cpu:.2f}")
print(f"(d) mllib engine stage    : {mllib_stage:7.1f} s for {subset} stills = {subset / max(mllib_stage, 1e-9):.2f} stills/s")
print(f"    task engine stage     : {task_stage:7.1f} s for {subset} stills (same subset, includes Spark job start)")
per_still_task = 2.0 / k  # two fits per still, cores busy: seconds of wall per still on all cores
print(f"    per still: mllib {mllib_stage / subset:.3f} s vs task {1 / k:.4f} s (decode+fit) -> {mllib_stage / subset * k:.0f}x")
PY
