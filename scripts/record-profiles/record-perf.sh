#!/usr/bin/env bash
# Records a real Linux perf profile of our small freestanding C program in programs/perf/ and
# writes it out the ways the perf script and folded importers read it, for their tests.
# Usage: bash scripts/record-profiles/record-perf.sh [OUT_DIR] [FOLDED_DIR]
#   OUT_DIR defaults to test/fixtures/profiles/perf-script, FOLDED_DIR to test/fixtures/profiles/folded.
# Needs gcc and perf, and permission to record (root, or kernel.perf_event_paranoid <= 1).
# Writes to OUT_DIR:
#   ledger.perf.data                 `perf record -F 999 -g -e cpu-clock:u` (user space only)
#   ledger.perf.script.srcline.txt   `perf script -F comm,pid,tid,time,period,event,ip,sym,symoff,dso,srcline`
#   ledger.perf.script.txt           `perf script` with its default fields
#   symfs/tmp/hotpath-perf/ledger    the program, where `perf report --symfs=OUT_DIR/symfs` finds its symbols
# and to FOLDED_DIR: ledger.folded.txt, `perf script report stackcollapse` of the same data.
# The program is built and run at /tmp/hotpath-perf/ledger, the path the recording keeps; it
# uses no C library, so that every frame resolves from that one binary on any machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fixtures="$here/../../test/fixtures/profiles"
out="$(realpath -m "${1:-$fixtures/perf-script}")"
folded="$(realpath -m "${2:-$fixtures/folded}")"
mkdir -p "$out" "$folded"
bin_dir=/tmp/hotpath-perf
program="$bin_dir/ledger"

mkdir -p "$bin_dir"
# Frame pointers everywhere (leaf functions too) and no inlining, so perf's -g sees every call.
gcc -O1 -g -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-inline -ffreestanding \
  -fno-builtin -fno-stack-protector -nostdlib -static -no-pie -o "$program" "$here/programs/perf/ledger.c"
rm -f "$out/ledger.perf.data" "$out/ledger.perf.data.old"
# -N: leave the build-id cache in ~/.debug alone; the tests find symbols through symfs/.
perf record -F 999 -g -e cpu-clock:u -N -o "$out/ledger.perf.data" -- "$program"
perf script -i "$out/ledger.perf.data" -F comm,pid,tid,time,period,event,ip,sym,symoff,dso,srcline \
  >"$out/ledger.perf.script.srcline.txt"
perf script -i "$out/ledger.perf.data" >"$out/ledger.perf.script.txt"
# `perf script report stackcollapse` reads ./perf.data only: run it where that is our recording.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$out/ledger.perf.data" "$scratch/perf.data"
(cd "$scratch" && perf script report stackcollapse) >"$folded/ledger.folded.txt"
mkdir -p "$out/symfs$bin_dir"
cp "$program" "$out/symfs$program"
perf --version
ls -l "$out" "$folded/ledger.folded.txt"
