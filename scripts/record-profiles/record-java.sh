#!/usr/bin/env bash
# Records real JFR profiles of our small Java program in programs/java/ (javac + java with
# -XX:StartFlightRecording), for the JFR importer's tests.
# Usage: bash scripts/record-profiles/record-java.sh [OUT_DIR] [SECONDS]
#   OUT_DIR defaults to test/fixtures/profiles/jfr, SECONDS (how long the program runs) to 3.
# Set JAVA_HOME to record with another JDK than the one on PATH.
# Writes OUT_DIR/catalog-jdkN.jfr.gz (N: the JDK's major version; gzipped, which Hotpath reads as
# is): java/hotpath.jfc settings (execution samples every 10 ms, native samples every 20 ms,
# allocation samples, TLAB allocation events, the settings in effect), two or more chunks (the
# program starts a second recording halfway), and stacks deeper than JFR's 64-frame default, so
# some come out truncated.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(mkdir -p "${1:-$root/test/fixtures/profiles/jfr}" && cd "${1:-$root/test/fixtures/profiles/jfr}" && pwd)"
seconds="${2:-3}"
bin="${JAVA_HOME:+$JAVA_HOME/bin/}"

major="$("${bin}java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
file="$out/catalog-jdk$major.jfr"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
"${bin}javac" -d "$build" $(find "$here/programs/java/src" -name '*.java')
# -Xmx keeps the heap and so the allocation events' sizes the same from machine to machine.
"${bin}java" -Xmx256m -XX:StartFlightRecording="filename=$file,settings=$here/java/hotpath.jfc" \
  -cp "$build" com.example.catalog.CatalogApp "$seconds"
"${bin}jfr" summary "$file" | sed -n '1,6p'
gzip -9 -n -f "$file"
ls -l "$file.gz"
