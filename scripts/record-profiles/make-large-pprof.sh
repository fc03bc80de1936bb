#!/usr/bin/env bash
# Makes a large real pprof profile for the import benchmark: Go's runtime/pprof heap profile of
# programs/go/cmd/manystacks, which samples every allocation and allocates from hundreds of
# thousands of distinct stacks (a deep shared prefix, then a branching recursive walk, and
# allocation sites inlined into it). About 24 MB of protobuf for the default 500000 allocations.
# Usage: bash scripts/record-profiles/make-large-pprof.sh OUT.pprof [ALLOCATIONS]
# Writes OUT.pprof uncompressed (what the importer and pprof-format decode) and OUT.pprof.gz as Go
# wrote it (what users have). Needs Go (Debian: golang-go); takes about half a minute.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 1 ]] || { echo "usage: $0 OUT.pprof [ALLOCATIONS]" >&2; exit 2; }
out="$1"
mkdir -p "$(dirname "$out")"
allocations="${2:-500000}"

build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
(cd "$here/programs/go" && GOCACHE="$build/cache" GOFLAGS=-mod=mod go build -o "$build/manystacks" ./cmd/manystacks)
"$build/manystacks" "$out.gz" "$allocations"
gzip -dc "$out.gz" >"$out"
ls -l "$out" "$out.gz"
