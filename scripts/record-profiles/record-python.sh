#!/usr/bin/env bash
# Records cProfile statistics (pstats files, Python's marshal format) of our small program
# programs/python/inventory.py into test/fixtures/profiles/pstats/, with each Python named in
# PYTHONS (default python3.11): inventory-pyX.Y.prof by cProfile, and
# inventory-profile-module-pyX.Y.prof by the pure-Python `profile` module, whose caller entries
# are plain call counts and one of whose keys holds a code object.
# Usage: [PYTHONS="python3.8 python3.11 python3.13"] bash scripts/record-profiles/record-python.sh [SCALE]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/fixtures/profiles/pstats"
scale="${1:-2}"
read -r -a pythons <<<"${PYTHONS:-python3.11}"
mkdir -p "$out"

# Runs the program under a profiler module and names the file it wrote.
record() {
  local python="$1" module="$2" file="$3"
  (cd "$here/programs/python" && "$python" -m "$module" -o "$file" inventory.py "$scale" >/dev/null)
  printf 'record-python: %s (%s bytes)\n' "${file#"$root/"}" "$(wc -c <"$file")"
}

for python in "${pythons[@]}"; do
  version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  record "$python" cProfile "$out/inventory-py$version.prof"
  record "$python" profile "$out/inventory-profile-module-py$version.prof"
done
