#!/usr/bin/env bash
# Submits filmpalette to a Spark cluster with the installation's spark-submit, which adds the JDK 17 module flags
# itself. Wrapper options come first; everything from the command on (run, ...) goes to filmpalette unchanged.
#
#   deploy/spark-submit.sh [--master URL] [--properties-file FILE] [--spark-conf KEY=VALUE ...] [--jar JAR]
#                          run --input URI --tables URI [filmpalette options...]
#
# Defaults come from the environment, so schedules can set them once:
#   SPARK_HOME                     Spark installation (required unless SPARK_SUBMIT is set)
#   SPARK_SUBMIT                   spark-submit to use (default: $SPARK_HOME/bin/spark-submit)
#   SPARK_MASTER                   --master (default: local[*])
#   FILMPALETTE_SPARK_PROPERTIES   --properties-file: spark.* settings, e.g. conf/s3a.properties
#   FILMPALETTE_JAR                --jar (default: target/filmpalette-<version>.jar beside this folder)
# Credentials are never arguments: give S3 keys through the environment (AWS_ACCESS_KEY_ID, ...), a profile or a
# properties file readable only by the job's user.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
master="${SPARK_MASTER:-local[*]}"
properties="${FILMPALETTE_SPARK_PROPERTIES:-}"
jar="${FILMPALETTE_JAR:-}"
spark_conf=()

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    --master) master="${2:?--master needs a URL}"; shift 2 ;;
    --properties-file) properties="${2:?--properties-file needs a file}"; shift 2 ;;
    --spark-conf) spark_conf+=(--conf "${2:?--spark-conf needs KEY=VALUE}"); shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || usage

if [ -z "$jar" ]; then
  jar="$(ls "$home"/target/filmpalette-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)"
  [ -n "$jar" ] || { echo "spark-submit.sh: no application jar: run 'mvn package' or pass --jar" >&2; exit 2; }
fi
[ -f "$jar" ] || { echo "spark-submit.sh: application jar not found: $jar" >&2; exit 2; }

submit="${SPARK_SUBMIT:-${SPARK_HOME:?spark-submit.sh: set SPARK_HOME (or SPARK_SUBMIT)}/bin/spark-submit}"
properties_option=()
[ -z "$properties" ] || properties_option=(--properties-file "$properties")

exec "$submit" --master "$master" --name filmpalette --class org.filmpalette.cli.Main \
  "${properties_option[@]}" "${spark_conf[@]}" "$jar" "$@"
