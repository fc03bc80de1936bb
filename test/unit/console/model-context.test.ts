/**
 * The context a language model is given with a question, on the examples workspace with the real
 * report.cpuprofile: it names the function in question with the share the engine computed and
 * the profile file it comes from, lists the findings with the rule that reported them, holds the
 * function's code, leaves absolute paths out, and stays under its size bound however long the
 * function is.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ask } from '../../../server/src/console/ask';
import type { ConsoleModel } from '../../../server/src/console/model';
import { modelFromFiles } from '../../../server/src/console/model-from-files';
import { buildModelContext, CODE_LIMIT, MODEL_CONTEXT_LIMIT } from '../../../server/src/console/model-context';
import { formatPercent, formatValue } from '../../../server/src/profiles/format';
import { examplesDir } from '../../helpers/paths';
import { example, examplesModel, findingsUnder, REPORT_PROFILE } from './examples-model';

function contextOf(question: string, model: ConsoleModel): string {
  return buildModelContext(ask(question, model), model);
}

/** The figures the model holds for a function of the profile: total and self, share and value. */
function figures(model: ConsoleModel, name: string) {
  const mp = model.profile!;
  const func = mp.profile.functions.findIndex((f, i) => f.name === name && mp.stats.total[i] > 0);
  const { unit } = mp.heat.source;
  const share = (v: number) => formatPercent((v / mp.stats.grand) * 100);
  return { total: share(mp.stats.total[func]), self: share(mp.stats.self[func]), totalValue: formatValue(mp.stats.total[func], unit), selfValue: formatValue(mp.stats.self[func], unit) };
}

function hasLine(context: string, line: string): void {
  assert.ok(context.split('\n').includes(line), `no line\n  ${line}\nin\n${context}`);
}

describe('the language model context with report.cpuprofile', () => {
  let model: ConsoleModel;
  before(async () => {
    model = await examplesModel([REPORT_PROFILE]);
  });

  it('names the function asked about, its measured share as the engine computed it, the profile file, its findings and its code', () => {
    const context = contextOf('why is loadCustomers slow?', model);
    const f = figures(model, 'loadCustomers');
    hasLine(context, 'Question: why is loadCustomers slow?');
    hasLine(context, `- \`loadCustomers\` in javascript/report.js: ${f.total} of CPU time in report.cpuprofile (${f.totalValue}) with what it calls; ${f.self} (${f.selfValue}) in its own code. Source: profile file \`report.cpuprofile\`.`);
    hasLine(context, '- Profile file `report.cpuprofile` (V8 CPU profile (.cpuprofile), sample type `cpu`): 1.27 s of CPU time, 438 samples, recorded over 1.32 s.');
    hasLine(context, '- javascript/report.js:7 (warning), reported by Hotpath rule `n-plus-one-query`: Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6)');
    hasLine(context, '- profile file `report.cpuprofile`');
    hasLine(context, '- Hotpath rule `n-plus-one-query`');
    // The function's code, every line numbered as in the file.
    const source = fs.readFileSync(example('javascript/report.js'), 'utf8').split('\n');
    const start = source.findIndex((l) => l.startsWith('function loadCustomers'));
    hasLine(context, 'The code of `loadCustomers` in javascript/report.js, lines 4–11, as it is now (each line starts with its number):');
    for (let line = start; line <= start + 7; line++) hasLine(context, `${String(line + 1).padStart(2)} | ${source[line]}`);
    assert.ok(!context.includes('(cut:'), context);
    // The engine's answer comes along, its links to files read as their labels.
    hasLine(context, '`loadCustomers` (javascript/report.js:4)');
    assert.ok(!context.includes(examplesDir), 'an absolute path is in the context');
    assert.ok(Buffer.byteLength(context) <= MODEL_CONTEXT_LIMIT);
  });

  it('for the top hotspots, is about the hottest function: the one the answer lists first', () => {
    const answer = ask('top 5 hotspots', model);
    const context = buildModelContext(answer, model);
    assert.match(answer.markdown, /^1\. `query` /m);
    const f = figures(model, 'query');
    hasLine(context, `- \`query\` in javascript/lib/db.js: ${f.total} of CPU time in report.cpuprofile (${f.totalValue}) with what it calls; ${f.self} (${f.selfValue}) in its own code. Source: profile file \`report.cpuprofile\`.`);
    hasLine(context, ' 9 |       return tables[table].filter((row) => row[column] === params[0]);');
    hasLine(context, '- No finding is involved.');
  });

  it('says when there is no profile and no function to show', async () => {
    const unprofiled = await examplesModel();
    const context = contextOf('explain rule n-plus-one-query', unprofiled);
    hasLine(context, '- No profile is loaded: there are no measured figures.');
    hasLine(context, 'No code: the question is not about one function of the workspace that I can read.');
  });
});

describe('the language model context of a very long function', () => {
  let dir: string;
  let model: ConsoleModel;
  const LINES = 3000;
  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-model-context-')));
    // An N+1 so that the function has a finding, then thousands of lines, some with long backtick runs.
    const body = Array.from({ length: LINES }, (_, i) => (i % 100 === 0 ? `  const s${i} = \`\`\`\`\`${i}\`;` : `  total += rows.length * ${i};`));
    fs.writeFileSync(
      path.join(dir, 'big.js'),
      ['function buildReport(db, orders) {', '  let total = 0;', '  for (const order of orders) {', "    const rows = db.query('SELECT * FROM items WHERE order_id = ?', [order.id]);", '  }', ...body, '  return total;', '}', ''].join('\n'),
    );
    model = await modelFromFiles({ roots: [dir], findings: await findingsUnder(dir), profiles: [] });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the code under its bound and says which lines were cut', () => {
    const context = contextOf('why is buildReport slow?', model);
    const lines = context.split('\n');
    // Fenced longer than the five backticks the code holds, so the block cannot be closed early.
    const open = lines.indexOf('``````javascript');
    const close = lines.indexOf('``````', open + 1);
    assert.ok(open > 0 && close > open, context.slice(0, 2000));
    const code = lines.slice(open + 1, close);
    assert.equal(code[0], '   1 | function buildReport(db, orders) {');
    assert.ok(Buffer.byteLength(code.join('\n')) <= CODE_LIMIT);
    const lastKept = Number(code[code.length - 1].split('|')[0]);
    const end = LINES + 7;
    hasLine(context, `(cut: lines ${lastKept + 1}–${end}, ${end - lastKept} lines, left out to keep the code under 8 KB)`);
    assert.ok(Buffer.byteLength(context) <= MODEL_CONTEXT_LIMIT);
  });
});
