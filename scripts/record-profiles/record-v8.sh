#!/usr/bin/env bash
# Records real V8 profiles of programs/orders/main.mjs with the node that runs this script, into
# test/fixtures/profiles/: a CPU profile sampled every 250 µs (v8/recorded-app.cpuprofile), a
# sampling heap profile with a 16 KB interval, so that it holds many samples
# (v8/recorded-app.heapprofile), and node's own trace events (trace/node-app.trace.json, the
# object form, with B/E and X events and no CPU samples).
# Usage: bash scripts/record-profiles/record-v8.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="$here/programs/orders/main.mjs"
fixtures="$root/test/fixtures/profiles"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$fixtures/v8" "$fixtures/trace"

node --cpu-prof --cpu-prof-dir="$scratch/cpu" --cpu-prof-interval 250 "$app" 3
install -m 644 "$scratch"/cpu/*.cpuprofile "$fixtures/v8/recorded-app.cpuprofile"

node --heap-prof --heap-prof-dir="$scratch/heap" --heap-prof-interval 16384 "$app" 1
install -m 644 "$scratch"/heap/*.heapprofile "$fixtures/v8/recorded-app.heapprofile"

(cd "$scratch" && node --trace-events-enabled --trace-event-categories v8,node,node.fs.sync \
  --trace-event-file-pattern node-app.trace.json "$app" 1)
install -m 644 "$scratch/node-app.trace.json" "$fixtures/trace/node-app.trace.json"

echo "record-v8: recorded with node $(node --version):"
ls -l "$fixtures/v8/recorded-app.cpuprofile" "$fixtures/v8/recorded-app.heapprofile" "$fixtures/trace/node-app.trace.json"
