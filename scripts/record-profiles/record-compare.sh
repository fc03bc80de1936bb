#!/usr/bin/env bash
# Records the base/current pairs of test/fixtures/compare/: the same program before and after a
# planted slowdown, as CPU profiles and benchmark results, for `hotpath compare`'s tests.
#
#   go/    programs/go/exprcalc with three benchmarks (BenchmarkParse, BenchmarkEval and the
#          existing BenchmarkRules), `go test -bench . -benchmem -count 10 -cpuprofile`:
#          base.bench.txt and base.pprof from the program as it is, built with -trimpath (module
#          paths, as CI builds often record them); current.bench.txt and current.pprof after the
#          slowdown is planted in `lookup` (every binding read to the end, names compared byte by
#          byte ignoring case, instead of returning at the first name equal by ==), built without
#          -trimpath, so its paths are the scratch folder's absolute ones.
#   node/  programs/orders/main.mjs under `node --cpu-prof` for 2 s: base.cpuprofile as it is,
#          current.cpuprofile from a copy in another folder where `isValidEmail` tests each
#          address four times (the planted slowdown); and `vitest bench --outputJson` runs of a
#          benchmark of the same modules, RUNS times each (default 6): vitest-base/run-N.json
#          and vitest-current/run-N.json.
#
# Usage: bash scripts/record-profiles/record-compare.sh [go|node|all] [RUNS]
# Needs go (Debian's golang-go) for go/, and npx reaching the npm registry for vitest in node/.
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

record_go() {
  local variant="$1" dir="$2" flags="$3"
  (cd "$dir" && GOCACHE="$scratch/gocache" GOFLAGS=-mod=mod go test $flags -run '^$' -bench . -benchmem -count 10 -benchtime 300ms \
    -o "$scratch/$variant.test" -cpuprofile "$out/go/$variant.pprof") >"$out/go/$variant.bench.txt"
  echo "record-compare: go/$variant.bench.txt, go/$variant.pprof"
}

if [[ "$which" == go || "$which" == all ]]; then
  mkdir -p "$out/go"
  for variant in base current; do
    cp -r "$here/programs/go" "$scratch/$variant"
    write_benchmarks "$scratch/$variant/exprcalc"
  done
  plant_go_slowdown "$scratch/current/exprcalc"
  record_go base "$scratch/base/exprcalc" -trimpath
  record_go current "$scratch/current/exprcalc" ""
  go version
fi

# The planted slowdown of the node program: every address is tested four times.
plant_node_slowdown() {
  perl -0pi -e 's/return re\.test\(email\);/return re.test(email) \&\& re.test(email.toLowerCase()) \&\& re.test(email.trim()) \&\& re.test(email);/' "$1/lib/format.mjs"
  grep -q 'email.toLowerCase' "$1/lib/format.mjs" || { echo "record-compare: could not plant the slowdown" >&2; exit 1; }
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
    for run in $(seq 1 "$runs"); do
      (cd "$scratch/$variant-orders" && "$scratch/tools/node_modules/.bin/vitest" bench --run --outputJson "$out/node/vitest-$variant/run-$run.json" orders.bench.mjs >/dev/null 2>&1)
    done
    echo "record-compare: node/$variant.cpuprofile, node/vitest-$variant/ ($runs runs)"
  done
  node --version
fi
