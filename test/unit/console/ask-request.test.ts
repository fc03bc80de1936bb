/**
 * The `hotpath/ask` request handler, in-process: its parameters are checked (they come from a
 * webview), the model is built from the server's state — the findings shown per file, the
 * editor's unsaved text, the active profile of a ProfileSet, the baseline comparison — and the
 * answer is the engine's, with the language model's context when asked for.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Answer } from '../../../server/src/console/answer';
import { OpenDocuments } from '../../../server/src/documents/open-documents';
import type { Finding } from '../../../server/src/findings';
import { ConsoleRequests } from '../../../server/src/lsp/console-request';
import type { AskAnswer } from '../../../server/src/protocol';
import { loadProfile } from '../../../server/src/profiles/load';
import { PathMapper } from '../../../server/src/profiles/paths';
import { ProfileSet } from '../../../server/src/profiles/profile-set';
import { DEFAULTS } from '../../../server/src/settings';
import { examplesDir } from '../../helpers/paths';
import { findingsUnder, REPORT_PROFILE } from './examples-model';

type Handler = (params: unknown) => Promise<Answer>;

const REPORT_JS = fs.readFileSync(path.join(examplesDir, 'javascript', 'report.js'), 'utf8');

describe('the hotpath/ask request', () => {
  let dir: string;
  let handler: Handler;
  let documents: OpenDocuments;
  let shown: Map<string, Finding[]>;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-ask-request-')));
    fs.mkdirSync(path.join(dir, 'javascript', 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'javascript', 'report.js'), REPORT_JS);
    fs.copyFileSync(path.join(examplesDir, 'javascript', 'lib', 'db.js'), path.join(dir, 'javascript', 'lib', 'db.js'));
    shown = new Map();
    for (const f of await findingsUnder(dir)) shown.set(f.file, [...(shown.get(f.file) ?? []), f.finding]);
    const profiles = new ProfileSet(new PathMapper([path.join(dir, 'javascript', 'report.js'), path.join(dir, 'javascript', 'lib', 'db.js')]));
    profiles.add(REPORT_PROFILE, await loadProfile(REPORT_PROFILE));
    documents = new OpenDocuments((uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined));
    const connection = { onRequest: (_type: unknown, h: Handler) => void (handler = h) } as unknown as Connection;
    new ConsoleRequests({
      connection,
      documents,
      folders: () => [dir],
      settings: () => DEFAULTS,
      findingFiles: () => shown.keys(),
      findings: (key) => shown.get(key) ?? [],
      profiles: {
        consoleState: () => ({
          active: profiles.active(),
          loaded: profiles.state().profiles.map((p) => p.name),
          map: (fn) => profiles.mapperFor(fn),
          baseline: null,
          comparison: undefined,
          runs: undefined,
        }),
      },
      benchmarks: { comparison: () => undefined },
    }).register();
  });
  after(() => {
    documents.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the server\'s findings and active profile', async () => {
    const answer = await handler({ question: 'why is loadCustomers slow?' });
    assert.equal(answer.intent, 'whySlow');
    assert.ok(answer.markdown.includes('took **55.2% of CPU time in report.cpuprofile** (703 ms)'), answer.markdown);
    assert.deepEqual(answer.links[0], {
      uri: pathToFileURL(path.join(dir, 'javascript', 'report.js')).href,
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      label: 'javascript/report.js:4',
      href: `${pathToFileURL(path.join(dir, 'javascript', 'report.js')).href}#L4`,
    });
  });

  it('reads "this" in the editor\'s unsaved text', async () => {
    const file = path.join(dir, 'javascript', 'report.js');
    const uri = pathToFileURL(file).href;
    // Two lines added above the function in the editor, not on disk; the findings follow the editor's text.
    const edited = `// a\n// b\n${REPORT_JS}`;
    documents.open(uri, 'javascript', 2, edited);
    const before = shown.get(file)!;
    shown.set(file, before.map((f) => ({ ...f, range: { start: { ...f.range.start, line: f.range.start.line + 2 }, end: { ...f.range.end, line: f.range.end.line + 2 } } })));
    try {
      const answer = await handler({ question: 'how do I fix this?', context: { uri, range: { start: { line: 8, character: 10 }, end: { line: 8, character: 10 } } } });
      assert.equal(answer.intent, 'fixFinding');
      assert.equal(answer.links[0].label, 'javascript/report.js:9');
      assert.ok(answer.markdown.includes('const customer = customerById.get(order.customerId);'), answer.markdown);
    } finally {
      shown.set(file, before);
      documents.close(uri);
    }
  });

  it('adds the language model\'s context only when asked for it', async () => {
    const plain = await handler({ question: 'why is loadCustomers slow?' });
    assert.equal('modelContext' in plain, false);
    const withContext = (await handler({ question: 'why is loadCustomers slow?', modelContext: true })) as AskAnswer;
    assert.equal(withContext.markdown, plain.markdown);
    const context = withContext.modelContext ?? '';
    assert.ok(context.includes('- `loadCustomers` in javascript/report.js: 55.2% of CPU time in report.cpuprofile (703 ms) with what it calls; 17.2% (219 ms) in its own code. Source: profile file `report.cpuprofile`.'), context);
    assert.ok(context.includes(" 7 |     const [customer] = db.query('SELECT * FROM customers WHERE id = ?', [order.customerId]);"), context);
    assert.equal(context.includes(dir), false, 'the context holds an absolute path');
  });

  it('refuses parameters that are not a question', async () => {
    for (const params of [undefined, {}, { question: 42 }, { question: 'x'.repeat(2001) }, { question: 'why?', modelContext: 'yes' }, { question: 'fix this', context: { uri: 7 } }, { question: 'fix', context: { uri: 'file:///a', range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } } } }]) {
      await assert.rejects(handler(params), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams, JSON.stringify(params)?.slice(0, 80));
    }
  });
});
