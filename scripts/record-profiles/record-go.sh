#!/usr/bin/env bash
# Records real pprof profiles of our small Go program in programs/go/ (an expression parser and
# evaluator: deep, recursive stacks and a hot inlined lookup), for the pprof importer's tests.
# Usage: bash scripts/record-profiles/record-go.sh [OUT_DIR] [BENCHTIME]
#   OUT_DIR defaults to test/fixtures/profiles/pprof, BENCHTIME (go test -benchtime) to 3s.
# Writes OUT_DIR/exprcalc_cpu.pprof (`go test -cpuprofile`: samples/count, cpu/nanoseconds) and
# OUT_DIR/exprcalc_mem.pprof (`-memprofile`: alloc_objects, alloc_space, inuse_objects,
# inuse_space), both gzipped as Go writes them. Built with -trimpath, so source paths are
# recorded as module paths (example.com/exprcalc/exprcalc/eval.go), as CI builds often do.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(realpath -m "${1:-$here/../../test/fixtures/profiles/pprof}")"
benchtime="${2:-3s}"
mkdir -p "$out"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT

cd "$here/programs/go/exprcalc"
# A cache of our own, so that recording leaves nothing in the user's Go cache.
GOCACHE="$build/cache" GOFLAGS=-mod=mod go test -trimpath -run TestEval -bench BenchmarkRules \
  -benchtime="$benchtime" -o "$build/exprcalc.test" \
  -cpuprofile "$out/exprcalc_cpu.pprof" -memprofile "$out/exprcalc_mem.pprof"
go version
ls -l "$out/exprcalc_cpu.pprof" "$out/exprcalc_mem.pprof"
