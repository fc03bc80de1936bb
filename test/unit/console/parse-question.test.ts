/**
 * Questions → intent and subjects, table-driven, over the examples workspace with the V8 profile
 * of report.js loaded: the names a question mentions are resolved against the real functions,
 * files, folders and rules there, typos included.
 */
import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { IntentKind } from '../../../server/src/console/answer';
import type { ConsoleModel } from '../../../server/src/console/model';
import { parseQuestion, ParsedQuestion } from '../../../server/src/console/question/parse';
import { example, examplesModel, REPORT_PROFILE } from './examples-model';

interface Row {
  question: string;
  intent: IntentKind;
  functions?: string[];
  files?: string[];
  folders?: string[];
  rules?: string[];
  language?: string;
  line?: number;
  this?: boolean;
  limit?: number;
  by?: 'self' | 'total';
  oursOnly?: boolean;
  direction?: ParsedQuestion['direction'];
  measure?: ParsedQuestion['measure'];
}

const ROWS: Row[] = [
  // What to fix first.
  { question: 'what should I fix first?', intent: 'fixFirst' },
  { question: 'What should we fix first in python?', intent: 'fixFirst', language: 'python' },
  { question: 'waht shuold I fix frist', intent: 'fixFirst' },
  { question: 'where do I start?', intent: 'fixFirst' },
  { question: 'biggest wins in javascript/', intent: 'fixFirst', folders: ['javascript'] },
  { question: 'prioritize the work for report.js', intent: 'fixFirst', files: ['javascript/report.js'] },
  // Hotspots.
  { question: 'top 5 hotspots', intent: 'hotspots', limit: 5, by: 'self' },
  { question: 'top ten functions by total time', intent: 'hotspots', limit: 10, by: 'total' },
  { question: 'hottest functions in db.js', intent: 'hotspots', files: ['javascript/lib/db.js'] },
  { question: 'hotspost in javascript/lib/', intent: 'hotspots', folders: ['javascript/lib'] },
  { question: 'which functions are the slowest?', intent: 'hotspots' },
  { question: 'where is the time spent?', intent: 'hotspots' },
  { question: 'what takes the most CPU', intent: 'hotspots', measure: 'time' },
  { question: 'show me the bottlenecks in python code', intent: 'hotspots', language: 'python' },
  { question: 'what allocates the most memory?', intent: 'hotspots', measure: 'memory' },
  { question: 'top 3 functions of my code by self', intent: 'hotspots', limit: 3, by: 'self', oursOnly: true },
  { question: 'three hottest functions inclusive', intent: 'hotspots', limit: 3, by: 'total' },
  // Why is X slow.
  { question: 'why is loadCustomers slow?', intent: 'whySlow', functions: ['loadCustomers'] },
  { question: 'why is `loadCustomers` so slow', intent: 'whySlow', functions: ['loadCustomers'] },
  { question: 'why is loadCustomer slow', intent: 'whySlow', functions: ['loadCustomers'] },
  { question: 'why is load customers slow?', intent: 'whySlow', functions: ['loadCustomers'] },
  { question: 'what does customer_names call?', intent: 'whySlow', functions: ['customer_names'] },
  { question: 'who calls query()', intent: 'whySlow', functions: ['query'] },
  { question: 'explain renderLines', intent: 'whySlow', functions: ['renderLines'] },
  { question: 'why is this slow?', intent: 'whySlow', this: true },
  { question: 'tell me about custmer_names', intent: 'whySlow', functions: ['customer_names'] },
  { question: "what's wrong with \"syncPrices\"", intent: 'whySlow', functions: ['syncPrices'] },
  // How do I fix a finding.
  { question: 'how do I fix this?', intent: 'fixFinding', this: true },
  { question: 'how do I fix the N+1 in report.js?', intent: 'fixFinding', rules: ['n-plus-one-query'], files: ['javascript/report.js'] },
  { question: 'fix the finding at orders.py:19', intent: 'fixFinding', files: ['python/shop/orders.py'], line: 19 },
  { question: 'rewrite valid_skus', intent: 'fixFinding', functions: ['valid_skus'] },
  { question: 'what should I write instead of this?', intent: 'fixFinding', this: true },
  { question: 'how do I fix the blocking call in sync.js', intent: 'fixFinding', rules: ['blocking-call-in-async'], files: ['javascript/sync.js'] },
  { question: 'quick fix for line 28 of orders.py', intent: 'fixFinding', files: ['python/shop/orders.py'], line: 28 },
  // Rules.
  { question: 'explain n-plus-one-query', intent: 'explainRule', rules: ['n-plus-one-query'] },
  { question: 'what is an N+1 query?', intent: 'explainRule', rules: ['n-plus-one-query'] },
  { question: 'explian the regex rule', intent: 'explainRule', rules: ['regex-compiled-in-loop'] },
  { question: 'why is string concatenation in a loop slow?', intent: 'explainRule', rules: ['string-concat-in-loop'] },
  { question: 'what does await-in-lop mean', intent: 'explainRule', rules: ['await-in-loop'] },
  // Listing findings.
  { question: 'list all N+1 queries', intent: 'listFindings', rules: ['n-plus-one-query'] },
  { question: 'show all findings in orders.py', intent: 'listFindings', files: ['python/shop/orders.py'] },
  { question: 'any blocking calls?', intent: 'listFindings', rules: ['blocking-call-in-async'] },
  { question: 'findings in the shop folder', intent: 'listFindings', folders: ['python/shop'] },
  { question: 'how many linear search findings are there in typescript', intent: 'listFindings', rules: ['linear-search-in-loop'], language: 'typescript' },
  { question: 'is there an n+1 in customer_names?', intent: 'listFindings', rules: ['n-plus-one-query'], functions: ['customer_names'] },
  { question: "what's in lib/db.js", intent: 'listFindings', files: ['javascript/lib/db.js'] },
  // The profile.
  { question: 'profile summary', intent: 'profileSummary' },
  { question: 'summarize the profile', intent: 'profileSummary' },
  { question: 'how much time is spent in my own code?', intent: 'profileSummary' },
  { question: 'which libraries take the most time?', intent: 'profileSummary' },
  { question: 'how long did the recording take', intent: 'profileSummary' },
  // Comparison.
  { question: 'what regressed since the baseline?', intent: 'regressions', direction: 'regressed' },
  { question: 'what got faster?', intent: 'regressions', direction: 'improved' },
  { question: 'compare with baseline', intent: 'regressions', direction: 'both' },
  // Benchmarks (results of a base and a current run).
  { question: 'which benchmarks got slower?', intent: 'benchmarks', direction: 'regressed' },
  { question: 'did any benchmark regress?', intent: 'benchmarks', direction: 'regressed' },
  { question: 'benchmark changes', intent: 'benchmarks', direction: 'both' },
  { question: 'is BenchmarkParse slower?', intent: 'benchmarks', direction: 'regressed' },
  { question: 'which benchmarks improved?', intent: 'benchmarks', direction: 'improved' },
  { question: 'compare the benchmarks', intent: 'benchmarks', direction: 'both' },
  { question: 'any microbenchmark regressions', intent: 'benchmarks', direction: 'regressed' },
  { question: 'what got slower since the baseline?', intent: 'regressions', direction: 'regressed' },
  // Help and the rest.
  { question: 'help', intent: 'help' },
  { question: 'what can you answer?', intent: 'help' },
  { question: '', intent: 'help' },
  { question: 'why is the weather nice today', intent: 'unknown' },
];

describe('parsing questions (examples workspace, report.cpuprofile)', () => {
  let model: ConsoleModel;
  before(async () => {
    model = await examplesModel([REPORT_PROFILE]);
  });

  it(`covers at least 40 phrasings (${ROWS.length})`, () => assert.ok(ROWS.length >= 40));

  for (const row of ROWS) {
    it(`${JSON.stringify(row.question)} → ${row.intent}`, () => {
      const parsed = parseQuestion(row.question, model);
      assert.equal(parsed.intent, row.intent, `read as "${parsed.normalized}"`);
      const s = parsed.subjects;
      if (row.functions) assert.deepEqual(s.functions, row.functions);
      if (row.files) assert.deepEqual(s.files, row.files.map(example));
      if (row.folders) assert.deepEqual(s.folders, row.folders.map(example));
      if (row.rules) assert.deepEqual(s.rules, row.rules);
      if (row.language) assert.equal(s.language, row.language);
      if (row.line !== undefined) assert.equal(s.line, row.line);
      assert.equal(s.this, row.this ?? false);
      if (row.limit !== undefined) assert.equal(parsed.limit, row.limit);
      if (row.by) assert.equal(parsed.by, row.by);
      if (row.oursOnly !== undefined) assert.equal(parsed.oursOnly, row.oursOnly);
      if (row.direction) assert.equal(parsed.direction, row.direction);
      if (row.measure) assert.equal(parsed.measure, row.measure);
    });
  }

  it('keeps a code-like name that matches nothing as unresolved, rather than guessing', () => {
    const parsed = parseQuestion('why is `frobnicateWidgets` slow?', model);
    assert.equal(parsed.intent, 'whySlow');
    assert.deepEqual(parsed.subjects.functions, []);
    assert.deepEqual(parsed.subjects.unresolved, ['frobnicateWidgets']);
  });

  it('parses the same question the same way every time', () => {
    const a = parseQuestion('why is load customers slow?', model);
    const b = parseQuestion('why is load customers slow?', model);
    assert.deepEqual(a, b);
  });
});
