// Runs the order report in node for SECONDS seconds (default 2).
// Usage: node main.mjs [SECONDS]
import { runFor } from './report.mjs';

const report = runFor(Number(process.argv[2] ?? 2) * 1000);
console.log(`report bytes ${report.length}`);
