#!/usr/bin/env bash
# Records the sample profiles of examples/ with the real profilers: Node's --cpu-prof for the
# JavaScript report and Python's cProfile for the shop report. Run from anywhere.
set -euo pipefail
examples="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../examples" && pwd)"
profiles="$examples/profiles"
mkdir -p "$profiles"

(cd "$examples/javascript" && node --cpu-prof --cpu-prof-dir="$profiles" --cpu-prof-name=report.cpuprofile report.js)
(cd "$examples/python" && python3 -m cProfile -o "$profiles/shop.prof" report.py)
chmod 644 "$profiles"/*
echo "recorded: $(ls "$profiles")"
