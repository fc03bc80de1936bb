#!/usr/bin/env bash
# Records the base/current pairs of test/fixtures/compare/: the same program before and after a
# planted slowdown, as CPU profiles and benchmark results, for `hotpath compare`'s tests.
#
#   go/    programs/go/exprcalc with three benchmarks (BenchmarkParse, BenchmarkEval and the
#          existing BenchmarkRules): ten runs of `-bench . -benchmem` of each variant's test
#          binary (`go test -c`), base and current alternating, give base.bench.txt and
#          current.bench.txt; a `-cpuprofile` run of each gives base.pprof and current.pprof.
#          Base is the program as it is, built with -trimpath (module
#          paths, as CI builds often record them); current.bench.txt and current.pprof after the
#          slowdown is planted in `lookup` (every binding read to the end, names compared byte by
#          byte ignoring case, instead of returning at the first name equal by ==), built without
#          -trimpath, so its paths are the scratch folder's absolute ones.
#   node/  programs/orders/main.mjs under `node --cpu-prof` for 2 s: base.cpuprofile as it is,
#          current.cpuprofile from a copy in another folder where `renderReport` round-trips
#          each row through JSON before writing it (the planted slowdown); and
#          `vitest bench --outputJson` runs of a benchmark of the same modules, RUNS times each (default 6): vitest-base/run-N.json
#          and vitest-current/run-N.json, base and current runs alternating.
#   python/ programs/python/inventory.py with two pytest-benchmark tests (test_total_weight,
#          untouched, and test_report, which looks each part up with find_part):
#          `pytest --benchmark-json` gives base.benchmark.json and current.benchmark.json (the
#          planted slowdown: find_part lower-cases both SKUs before comparing them); the same
#          tests under `python -m cProfile` give base.prof and current.prof. The machine's host
#          name is removed from machine_info.
#
# Usage: bash scripts/record-profiles/record-compare.sh [go|node|python|all] [RUNS]
# Needs go (Debian's golang-go) for go/, npm reaching the registry for vitest in node/, and
# Debian's python3-pytest-benchmark (run with /usr/bin/python3, or $PYTHON) for python/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/test/fixtures/compare"
which="${1:-all}"
runs="${2:-6}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# The benchmarks added to exprcalc for the comparison: parsing alone (untouched by the
# slowdown) and evaluation alone (which looks every variable up).
write_benchmarks() {
  cat >"$1/compare_bench_test.go" <<'GO'
package exprcalc

import "testing"

func BenchmarkParse(b *testing.B) {
	src := Nested(32)
	for i := 0; i < b.N; i++ {
		if _, err := Parse(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEval(b *testing.B) {
	n, err := Parse(Nested(32))
	if err != nil {
		b.Fatal(err)
	}
	e := env()
	for i := 0; i < b.N; i++ {
		_ = Eval(n, e)
	}
}
GO
}

# The planted slowdown: `lookup` reads every binding to the end, comparing names byte by byte and
# ignoring case, instead of returning at the first name equal by ==.
plant_go_slowdown() {
  perl -0pi -e 's/\tfor _, b := range env \{\n\t\tif b\.Name == name \{\n\t\t\treturn b\.Value\n\t\t\}\n\t\}\n\treturn 0\n/\tvalue := 0.0\n\tfor _, b := range env {\n\t\tsame := len(b.Name) == len(name)\n\t\tfor i := 0; i < len(b.Name) \&\& i < len(name); i++ {\n\t\t\tsame = same \&\& b.Name[i]|0x20 == name[i]|0x20\n\t\t}\n\t\tif same {\n\t\t\tvalue = b.Value\n\t\t}\n\t}\n\treturn value\n/' "$1/eval.go"
  grep -q 'same := len(b.Name)' "$1/eval.go" || { echo "record-compare: could not plant the slowdown" >&2; exit 1; }
}

# Builds a variant's test binary: base with -trimpath, current without.
build_go() {
  local variant="$1" flags="$2"
  (cd "$scratch/$variant/exprcalc" && GOCACHE="$scratch/gocache" GOFLAGS=-mod=mod go test $flags -c -o "$scratch/$variant.test")
}

if [[ "$which" == go || "$which" == all ]]; then
  mkdir -p "$out/go"
  for variant in base current; do
    cp -r "$here/programs/go" "$scratch/$variant"
    write_benchmarks "$scratch/$variant/exprcalc"
  done
  plant_go_slowdown "$scratch/current/exprcalc"
  build_go base -trimpath
  build_go current ""
  # Base and current runs alternate, so that a busy machine slows both alike.
  : >"$out/go/base.bench.txt"
  : >"$out/go/current.bench.txt"
  for run in $(seq 1 10); do
    for variant in base current; do
      (cd "$scratch/$variant/exprcalc" && "$scratch/$variant.test" -test.run '^$' -test.bench . -test.benchmem -test.benchtime 300ms) >>"$out/go/$variant.bench.txt"
    done
  done
  for variant in base current; do
    (cd "$scratch/$variant/exprcalc" && "$scratch/$variant.test" -test.run '^$' -test.bench . -test.benchtime 1s -test.count 2 \
      -test.cpuprofile "$out/go/$variant.pprof" >/dev/null)
    echo "record-compare: go/$variant.bench.txt, go/$variant.pprof"
  done
  go version
fi

# The planted slowdown of the node program: renderReport round-trips each row through JSON.
plant_node_slowdown() {
  perl -0pi -e 's/(  for \(const r of rows\) \{\n)/$1    out += JSON.stringify(JSON.parse(JSON.stringify(r))).length > 0 ? "" : "?";\n/' "$1/lib/format.mjs"
  grep -q 'JSON.parse(JSON.stringify(r))' "$1/lib/format.mjs" || { echo "record-compare: could not plant the slowdown" >&2; exit 1; }
}

write_vitest_bench() {
  cat >"$1/orders.bench.mjs" <<'JS'
import { bench, describe } from 'vitest';
import { isValidEmail, renderReport } from './lib/format.mjs';
import { findCustomer } from './lib/customers.mjs';

const rows = Array.from({ length: 500 }, (_, i) => ({ orderId: i, customer: `customer${i}`, total: i * 1.5, depth: i % 7 }));

describe('orders', () => {
  bench('isValidEmail', () => {
    for (let i = 0; i < 200; i++) isValidEmail(`customer${i}@example.com`);
  });
  bench('renderReport', () => {
    renderReport(rows);
  });
  bench('findCustomer', () => {
    for (let i = 0; i < 50; i++) findCustomer((i * 7919) % 4000);
  });
});
JS
}

if [[ "$which" == node || "$which" == all ]]; then
  mkdir -p "$out/node" "$scratch/tools"
  (cd "$scratch/tools" && npm init -y >/dev/null && npm install --ignore-scripts --save-exact --no-audit --no-fund vitest@4.1.1 >/dev/null)
  for variant in base current; do
    cp -r "$here/programs/orders" "$scratch/$variant-orders"
    write_vitest_bench "$scratch/$variant-orders"
    ln -s "$scratch/tools/node_modules" "$scratch/$variant-orders/node_modules"
  done
  plant_node_slowdown "$scratch/current-orders"
  for variant in base current; do
    node --cpu-prof --cpu-prof-dir="$scratch/$variant-cpu" --cpu-prof-interval 500 "$scratch/$variant-orders/main.mjs" 2 >/dev/null
    install -m 644 "$scratch/$variant-cpu"/*.cpuprofile "$out/node/$variant.cpuprofile"
    mkdir -p "$out/node/vitest-$variant"
  done
  # Base and current runs alternate, so that a busy machine slows both alike.
  for run in $(seq 1 "$runs"); do
    for variant in base current; do
      (cd "$scratch/$variant-orders" && "$scratch/tools/node_modules/.bin/vitest" bench --run --outputJson "$out/node/vitest-$variant/run-$run.json" orders.bench.mjs >/dev/null 2>&1)
    done
  done
  echo "record-compare: node/{base,current}.cpuprofile, node/vitest-{base,current}/ ($runs runs each)"
  node --version
fi

# The planted slowdown of the Python program: SKUs are lower-cased before each comparison.
plant_python_slowdown() {
  perl -0pi -e 's/if part\.sku == sku:/if part.sku.lower() == sku.lower():/' "$1/inventory.py"
  grep -q 'sku.lower()' "$1/inventory.py" || { echo "record-compare: could not plant the slowdown" >&2; exit 1; }
}

write_pytest_bench() {
  cat >"$1/test_inventory_bench.py" <<'PY'
from inventory import build, flatten, report, total_weight

ROOT = build(5, 4)
PARTS = list(flatten(ROOT))
WANTED = sorted((p.sku for p in PARTS[::7]), key=len)


def test_total_weight(benchmark):
    assert benchmark(total_weight, ROOT) > 0


def test_report(benchmark):
    assert benchmark(report, PARTS, WANTED)
PY
}

if [[ "$which" == python || "$which" == all ]]; then
  python="${PYTHON:-/usr/bin/python3}"
  mkdir -p "$out/python"
  for variant in base current; do
    mkdir -p "$scratch/$variant-python"
    cp "$here/programs/python/inventory.py" "$scratch/$variant-python/"
    write_pytest_bench "$scratch/$variant-python"
  done
  plant_python_slowdown "$scratch/current-python"
  for variant in base current; do
    (cd "$scratch/$variant-python" && "$python" -m pytest -q -p no:cacheprovider --benchmark-max-time=0.5 \
      --benchmark-json="$out/python/$variant.benchmark.json" test_inventory_bench.py >/dev/null)
    "$python" - "$out/python/$variant.benchmark.json" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    data = json.load(f)
data["machine_info"].pop("node", None)
with open(path, "w") as f:
    json.dump(data, f, indent=4)
PY
    (cd "$scratch/$variant-python" && "$python" -m cProfile -o "$out/python/$variant.prof" -m pytest -q -p no:cacheprovider \
      --benchmark-max-time=0.2 test_inventory_bench.py >/dev/null)
    echo "record-compare: python/$variant.benchmark.json, python/$variant.prof"
  done
  "$python" -m pytest --version
fi
