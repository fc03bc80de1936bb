// The import benchmark's workload: a deep, varied program to record a large CPU profile of.
// It runs a tiny interpreter over random programs, a hand-written JSON parser over random
// documents and an expression compiler that turns random formulas into closures, so that the
// sampled stacks pass through many distinct functions in many orders, not one hot loop.
// Usage: node main.mjs [SECONDS]
import { runInterpreter } from './interpreter.mjs';
import { runJson } from './json-parser.mjs';
import { runFormulas } from './formulas.mjs';
import { Random } from './random.mjs';

const seconds = Number(process.argv[2] ?? 5);
const random = new Random(20240611);
const until = Date.now() + seconds * 1000;
let checksum = 0;
while (Date.now() < until) {
  checksum = (checksum + runInterpreter(random)) % 1_000_003;
  checksum = (checksum + runJson(random)) % 1_000_003;
  checksum = (checksum + runFormulas(random)) % 1_000_003;
}
console.log(`workload checksum ${checksum}`);
