/**
 * Answers on the examples workspace with its real profiles (report.cpuprofile recorded by
 * `node --cpu-prof`, shop.prof by cProfile): what a user reads, line by line. The top hotspot an
 * answer names is the one the reference readers report (Chrome DevTools' model for the V8
 * profile, Python's pstats for cProfile), and the figures are the model's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Answer } from '../../../server/src/console/answer';
import { ask } from '../../../server/src/console/ask';
import type { ConsoleModel } from '../../../server/src/console/model';
import { renderText } from '../../../server/src/console/render-text';
import { RULE_COSTS } from '../../../server/src/console/rule-costs';
import { formatPercent } from '../../../server/src/profiles/format';
import { devtoolsCpuProfile } from '../profiles/devtools-reference';
import { pstatsListing } from '../profiles/pstats-reference';
import { example, examplesModel, REPORT_PROFILE, SHOP_PROFILE } from './examples-model';

/** The answer as a terminal shows it, line by line. */
function lines(answer: Answer): string[] {
  return renderText(answer.markdown).split('\n');
}

function has(answer: Answer, line: string): void {
  assert.ok(lines(answer).includes(line), `no line\n  ${line}\nin\n${renderText(answer.markdown)}`);
}

/** The figure the model has for a function's share, formatted as answers show it. */
function shareInModel(model: ConsoleModel, name: string, by: 'self' | 'total'): string {
  const mp = model.profile!;
  const func = mp.profile.functions.findIndex((f) => f.name === name && mp.stats.total[mp.profile.functions.indexOf(f)] > 0);
  return formatPercent((mp.stats[by][func] / mp.stats.grand) * 100);
}

function cursorAt(file: string, line: number) {
  return { uri: pathToFileURL(example(file)).href, range: { start: { line: line - 1, character: 4 }, end: { line: line - 1, character: 4 } } };
}

describe('answers with report.cpuprofile (V8)', () => {
  let model: ConsoleModel;
  before(async () => {
    model = await examplesModel([REPORT_PROFILE]);
  });

  it('names as top hotspot the function Chrome DevTools shows with the most self time', async () => {
    const reference = await devtoolsCpuProfile(fs.readFileSync(REPORT_PROFILE, 'utf8'));
    const [topKey] = [...reference.cpuSelf].sort((a, b) => b[1].self - a[1].self)[0];
    const [name, url, line] = topKey.split('|');
    const answer = ask('top 5 hotspots', model);
    assert.equal(answer.intent, 'hotspots');
    assert.ok(url.endsWith('/lib/db.js'), topKey);
    has(answer, `1. \`${name}\` (javascript/lib/db.js:${line}) — ${shareInModel(model, name, 'self')} self · ${shareInModel(model, name, 'total')} total (339 ms self)`);
    assert.equal(answer.links[0].label, `javascript/lib/db.js:${line}`);
    assert.deepEqual(answer.sources, [{ kind: 'profile', name: 'report.cpuprofile' }]);
    assert.equal(lines(answer).filter((l) => /^\d+\. /.test(l)).length, 5);
    has(answer, 'From report.cpuprofile (V8 CPU profile (.cpuprofile), sample type `cpu`): 1.27 s of CPU time, 438 samples, recorded over 1.32 s.');
  });

  it('ranks the N+1 in loadCustomers first, by measured share × cost weight, with the rewrite in its own names', () => {
    const answer = ask('what should I fix first?', model);
    const gain = formatPercent(Number(shareInModel(model, 'loadCustomers', 'total').slice(0, -1)) * RULE_COSTS['n-plus-one-query'].weight);
    has(answer, `1. \`n-plus-one-query\` in \`loadCustomers\` — expected gain ≈ ${gain} of CPU time`);
    assert.equal(gain, '49.7%');
    has(answer, 'javascript/report.js:7 `n-plus-one-query`: Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6)');
    has(answer, '    const customerIds = [...new Set(orders.map((order) => order.customerId))];');
    has(answer, "    const customerRows = db.query(`SELECT * FROM customers WHERE id IN (${customerIds.map(() => '?').join(', ')})`, customerIds);");
    has(answer, '      const customer = customerById.get(order.customerId);');
    has(answer, '2. Hot function `query`, no finding — expected gain ≈ 6.7% of CPU time');
    has(answer, 'Its time comes through `loadCustomers` (javascript/report.js:4), where javascript/report.js:7 (`n-plus-one-query`) repeats the calls that reach it: fixing that finding removes most of this too.');
    assert.equal(answer.followUps[0], 'why is query slow?');
  });

  it('explains why loadCustomers is slow: its share, hot lines, callees, callers and the N+1 chain', () => {
    const answer = ask('why is loadCustomers slow?', model);
    has(answer, 'Why `loadCustomers` is slow');
    has(answer, '`loadCustomers` (javascript/report.js:4) took 55.2% of CPU time in report.cpuprofile (703 ms) with what it calls, and 17.2% (219 ms) in its own code.');
    has(answer, '- `query` (javascript/lib/db.js:5) — 38.0%');
    has(answer, '- `main` (javascript/report.js:17) — 55.2%');
    has(answer, '- javascript/report.js:9 — 14.4% (183 ms)');
    has(answer, '- javascript/report.js:7 `n-plus-one-query`: Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6) — the measured calls it makes: `query` (javascript/lib/db.js:5): 38.0% of CPU time in report.cpuprofile');
    assert.equal(answer.followUps[0], 'how do I fix the finding at javascript/report.js:7?');
  });

  it('reads "this" as the function around the cursor', () => {
    const answer = ask('why is this slow?', model, cursorAt('javascript/report.js', 8));
    has(answer, 'Why `loadCustomers` is slow');
  });

  it('fixes the finding at the cursor, and says it has no quick fix', () => {
    const answer = ask('how do I fix this?', model, cursorAt('javascript/report.js', 7));
    assert.equal(answer.intent, 'fixFinding');
    has(answer, 'How to fix `n-plus-one-query` at javascript/report.js:7');
    has(answer, 'Measured: `loadCustomers` took 55.2% of CPU time in report.cpuprofile.');
    has(answer, 'Before (javascript/report.js:6–9):');
    has(answer, 'After (your code, rewritten):');
    has(answer, 'Quick fix: none — Hotpath offers no code action for this finding, so the change is made by hand.');
    assert.deepEqual(answer.actions.filter((a) => a.kind === 'applyQuickFix'), [], 'a button for a quick fix that does not exist');
  });

  it('explains a rule from its metadata, with its cost weight and its findings here', () => {
    const answer = ask('what is an N+1 query?', model);
    has(answer, '`n-plus-one-query`: Database or HTTP call inside a loop (N+1)');
    has(answer, 'Cost weight for ranking: 0.9 — a round trip per item is usually most of the loop\'s time, and batching leaves one or two.');
    has(answer, 'In this workspace: 6 findings.');
    has(answer, '- javascript/report.js:7 `n-plus-one-query`: Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6)');
    assert.ok(answer.markdown.includes('[Prisma: solving the N+1 problem](https://www.prisma.io/'));
  });

  it('lists every N+1 query, with the measured share where the profile has one', () => {
    const answer = ask('list all N+1 queries', model);
    has(answer, '6 findings:');
    has(answer, '- javascript/report.js:7 `n-plus-one-query`: Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6) — its function took 55.2% in `report.cpuprofile`');
    has(answer, '- go/inventory/inventory.go:19 `n-plus-one-query`: Database query `db.QueryRow()` runs once per item of `skus` (`for … range` loop at line 17)');
  });

  it('summarizes the profile: format, unit, total, samples, own code against runtime, top modules', () => {
    const answer = ask('profile summary', model);
    has(answer, '- Format: V8 CPU profile (.cpuprofile) (`v8-cpuprofile`)');
    has(answer, '- Sample type: `cpu`, in nanoseconds (it also has `samples`)');
    has(answer, '- Samples: 438');
    has(answer, '- Your own code (files of this workspace): 65.3%');
    has(answer, '- The runtime (the engine, the standard library, garbage collection): 33.5%');
    has(answer, '1. javascript/lib/db.js (your code) — 38.1% self');
  });

  it('says honestly that it cannot tell what regressed without a baseline', () => {
    const answer = ask('what regressed since the baseline?', model);
    assert.equal(answer.answered, false);
    assert.ok(answer.markdown.startsWith("I can't answer that from the loaded data. No baseline profile is loaded"));
    assert.deepEqual(answer.actions, [{ kind: 'compareBaseline', label: 'Compare with a baseline…' }]);
  });

  it('refuses a memory question on a CPU profile instead of inventing figures', () => {
    const answer = ask('what allocates the most memory?', model);
    assert.equal(answer.answered, false);
    assert.ok(answer.markdown.startsWith("I can't answer that from the loaded data. The active profile, `report.cpuprofile`, measures CPU time, not memory."));
    assert.ok(!/\d+\.\d%/.test(answer.markdown), 'no figure in a refusal');
  });

  it('says when no function has the name asked about', () => {
    const answer = ask('why is `frobnicateWidgets` slow?', model);
    assert.equal(answer.answered, false);
    assert.ok(answer.markdown.startsWith("I can't answer that from the loaded data. I found no function named `frobnicateWidgets` in the profile or among the findings."), answer.markdown);
  });

  it('answers what it cannot with the closest questions it can', () => {
    const answer = ask('why is the weather nice today?', model);
    assert.equal(answer.intent, 'unknown');
    assert.equal(answer.answered, false);
    has(answer, "I can't answer that from the loaded data.");
    assert.equal(answer.followUps.length, 3);
    for (const q of answer.followUps) has(answer, `- ${q}`);
  });

  it('helps with examples made of this workspace\'s names', () => {
    const answer = ask('help', model);
    has(answer, '- Why a function is slow: `why is loadCustomers slow?`, or `why is this slow?` with the cursor in it');
    has(answer, '- How to fix a finding, with your code rewritten: `how do I fix the finding at javascript/report.js:7?`');
    has(answer, '- Hotspots: `top 5 hotspots`, `top 10 by total`, `hottest functions in report.js`');
    assert.ok(answer.followUps.includes('why is loadCustomers slow?'));
  });

  it('links only to lines that exist, each link of the markdown listed once in links', () => {
    const questions = ['top 10 hotspots', 'what should I fix first, top 20', 'why is loadCustomers slow?', 'list all findings', 'profile summary', 'explain await-in-loop'];
    for (const q of questions) {
      const answer = ask(q, model);
      const hrefs = [...answer.markdown.matchAll(/\]\((file:[^)]+)\)/g)].map((m) => m[1]);
      assert.ok(hrefs.length > 0, q);
      for (const href of hrefs) assert.ok(answer.links.some((l) => l.href === href), `${q}: ${href} is not in links`);
      for (const link of answer.links) {
        const text = fs.readFileSync(new URL(link.uri), 'utf8');
        assert.ok(link.range.start.line < text.split('\n').length, `${q}: ${link.label} is past the end of the file`);
        assert.ok(link.href.startsWith(`${link.uri}#L${link.range.start.line + 1}`), link.href);
      }
    }
  });

  it('gives the same answer to the same question', () => {
    assert.deepEqual(ask('what should I fix first?', model), ask('what should I fix first?', model));
  });
});

describe('answers with shop.prof (cProfile)', () => {
  let model: ConsoleModel;
  before(async () => {
    model = await examplesModel([SHOP_PROFILE]);
  });

  it("names as top hotspot the function Python's pstats shows with the most own time", () => {
    const top = pstatsListing(SHOP_PROFILE).rows.sort((a, b) => b.tottime - a.tottime)[0];
    const answer = ask('top 3 hotspots', model);
    assert.ok(top.file.endsWith('/shop/models.py'), top.file);
    has(answer, `1. \`${top.name}\` (python/shop/models.py:${top.line}) — 44.2% self · 59.1% total (3.92 s self)`);
  });

  it('follows customer_names into the calls its N+1 query repeats', () => {
    const answer = ask('why is customer_names slow?', model);
    has(answer, '`customer_names` (python/shop/orders.py:8) took 97.5% of time in shop.prof (8.64 s) with what it calls, and 0.3% (27.4 ms) in its own code.');
    assert.ok(
      lines(answer).some((l) => l.startsWith('- python/shop/orders.py:11 `n-plus-one-query`') && l.includes('the measured calls it makes: `filter` (python/shop/db.py:9): 96.7% of time in shop.prof')),
      renderText(answer.markdown),
    );
    assert.ok(!answer.markdown.includes('customerNames'), 'the Python function only, not its namesakes in other languages');
  });

  it('offers to apply the quick fix of the finding it explains, at the finding\'s exact range', () => {
    const answer = ask('how do I fix the finding at orders.py:19?', model);
    const finding = model.findings.find((f) => f.file === example('python/shop/orders.py') && f.finding.range.start.line === 18);
    assert.ok(finding, 'no finding on line 19 of orders.py');
    assert.equal(finding.finding.ruleId, 'regex-compiled-in-loop');
    assert.deepEqual(answer.actions, [
      {
        kind: 'applyQuickFix',
        label: 'Apply quick fix at python/shop/orders.py:19: Compile the pattern once, before the loop',
        uri: pathToFileURL(example('python/shop/orders.py')).href,
        range: finding.finding.range,
        title: 'Compile the pattern once, before the loop',
      },
    ]);
  });

  it('names the quick fix the editor offers, and says whether it may change what the code does', () => {
    has(
      ask('how do I fix the finding at orders.py:19?', model),
      "Quick fix: Compile the pattern once, before the loop — on the finding's light bulb in the editor; it keeps what the code does, so it is the preferred fix (Auto Fix and the fix-all apply it).",
    );
    has(
      ask('how do I fix the finding at orders.py:34?', model),
      "Quick fix: Look items up in a set built once before the loop (check the items are hashable) — on the finding's light bulb in the editor; it may change what the code does in some cases, so it is never applied automatically: check before you choose it.",
    );
    const java = ask('how do I fix the finding at ReportService.java:35?', model);
    has(java, '        if (SKU_PATTERN.matcher(sku).matches()) {');
    has(java, '- A field of the class, `private static final Pattern SKU_PATTERN = Pattern.compile("^[A-Z]{3}-\\\\d{4}$");`, is compiled once, when the class is loaded, instead of on every iteration.');
  });

  it('rewrites the SQLAlchemy N+1 into one IN query with the code\'s names', () => {
    const answer = ask('how do I fix the finding at orders.py:11?', model);
    has(answer, '    customer_ids = {order.customer_id for order in orders}');
    has(answer, '    customers_by_id = {row.id: row for row in session.query(Customer).filter(Customer.id.in_(customer_ids))}');
    has(answer, '        customer = customers_by_id.get(order.customer_id)');
  });
});

describe('answers with no profile loaded', () => {
  let model: ConsoleModel;
  before(async () => {
    model = await examplesModel([]);
  });

  it('has no hotspots to show, and offers to import a profile', () => {
    const answer = ask('top 5 hotspots', model);
    assert.equal(answer.answered, false);
    assert.deepEqual(answer.actions, [{ kind: 'importProfile', label: 'Import a profile…' }]);
  });

  it('ranks findings by the rule\'s confidence and loop depth', () => {
    const answer = ask('what should I fix first?', model);
    has(answer, 'Without measurements, findings are ranked by the rule\'s confidence and how many loops repeat them.');
    const first = lines(answer).find((l) => l.startsWith('1. '));
    assert.match(first ?? '', /^1\. `(n-plus-one-query|linear-search-in-loop)`/);
    has(answer, 'Not measured: ranked by the rule\'s confidence (high) and loop depth (1).');
  });
});
