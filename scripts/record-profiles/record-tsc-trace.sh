#!/usr/bin/env bash
# Records a real trace-event file in the array form: the TypeScript compiler's own trace of
# type-checking programs/ts-app (`tsc --generateTrace`), with the project's pinned typescript.
# It has B/E and X events on one thread and no CPU samples.
# Writes test/fixtures/profiles/trace/tsc-check.trace.json.
# Usage: bash scripts/record-profiles/record-tsc-trace.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$root/test/fixtures/profiles/trace"

node "$root/node_modules/typescript/bin/tsc" -p "$here/programs/ts-app" --generateTrace "$scratch"
cp "$scratch/trace.json" "$root/test/fixtures/profiles/trace/tsc-check.trace.json"
echo "record-tsc-trace: recorded with tsc $(node "$root/node_modules/typescript/bin/tsc" --version):"
ls -l "$root/test/fixtures/profiles/trace/tsc-check.trace.json"
