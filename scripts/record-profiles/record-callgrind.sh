#!/usr/bin/env bash
# Records callgrind and cachegrind profiles of our small C program programs/c/ledger.c (direct
# and mutual recursion, a libc callback, code inlined from checksum.h) into
# test/fixtures/profiles/callgrind/:
#   ledger.callgrind.out           callgrind's defaults: line positions, Ir, recursion levels (fib'2)
#   ledger-cache.callgrind.out     --dump-instr --cache-sim --branch-sim: instr+line positions, 13 events
#   ledger-one-level.callgrind.out --separate-recs=1: recursive calls into the function itself
#   ledger.cachegrind.out          valgrind --tool=cachegrind: cachegrind's format, no calls
#   python-inventory.callgrind.out.gz  the CPython interpreter running programs/python/inventory.py,
#                                  --dump-instr --collect-jumps: thousands of functions, deep recursion
#                                  through the interpreter, inlined code everywhere; gzipped
# The sources are compiled at -O0 with debug information whose paths read /srv/hotpath/programs/c,
# whatever folder the recording runs in; the binary is built in a fixed scratch folder.
# Usage: bash scripts/record-profiles/record-callgrind.sh [SCALE]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/fixtures/profiles/callgrind"
scale="${1:-1}"
build="${TMPDIR:-/tmp}/hotpath-record-callgrind"

for tool in gcc valgrind; do
  command -v "$tool" >/dev/null || { echo "record-callgrind: $tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
rm -rf "$build"
mkdir -p "$build" "$out"
cp "$here/programs/c/ledger.c" "$here/programs/c/checksum.h" "$build/"
(cd "$build" && gcc -O0 -g -fdebug-prefix-map="$build"=/srv/hotpath/programs/c -o ledger ledger.c)

# Runs the program under a valgrind tool, quietly, and names the file it wrote.
record() {
  local file="$1"
  shift
  (cd "$build" && valgrind -q "$@" ./ledger "$scale" >/dev/null)
  printf 'record-callgrind: %s (%s bytes)\n' "${file#"$root/"}" "$(wc -c <"$file")"
}

record "$out/ledger.callgrind.out" --tool=callgrind --callgrind-out-file="$out/ledger.callgrind.out"
record "$out/ledger-cache.callgrind.out" --tool=callgrind --dump-instr=yes --cache-sim=yes --branch-sim=yes \
  --callgrind-out-file="$out/ledger-cache.callgrind.out"
record "$out/ledger-one-level.callgrind.out" --tool=callgrind --separate-recs=1 \
  --callgrind-out-file="$out/ledger-one-level.callgrind.out"
record "$out/ledger.cachegrind.out" --tool=cachegrind --cachegrind-out-file="$out/ledger.cachegrind.out"

# The interpreter binary itself: valgrind would trace a launcher script (pyenv's shims) instead.
python="$(python3 -c 'import sys; print(sys.executable)')"
(cd "$here/programs/python" && valgrind -q --tool=callgrind --dump-instr=yes --collect-jumps=yes \
  --callgrind-out-file="$build/python-inventory.callgrind.out" "$python" inventory.py "$scale" >/dev/null)
gzip -9 -n -c "$build/python-inventory.callgrind.out" >"$out/python-inventory.callgrind.out.gz"
printf 'record-callgrind: %s (%s bytes, %s before gzip)\n' "test/fixtures/profiles/callgrind/python-inventory.callgrind.out.gz" \
  "$(wc -c <"$out/python-inventory.callgrind.out.gz")" "$(wc -c <"$build/python-inventory.callgrind.out")"
rm -rf "$build"
