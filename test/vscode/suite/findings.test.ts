/**
 * The first thing a user sees: the planted N+1 query of examples/python/shop/orders.py as a
 * diagnostic, found by the workspace scan before the file is opened, explained in a hover, and
 * following the code as the user edits it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleById } from '../../../server/src/rules';
import { codeOf, hotpathDiagnostics, SOURCE, waitForDiagnostics } from './diagnostics';
import { activateHotpath, exampleFile, lineOf, openExample } from './examples-workspace';

const FILE = 'python/shop/orders.py';
const RULE = 'n-plus-one-query';
/** The call the finding underlines, and the loop that repeats it. */
const CALL = 'session.query(Customer)';
/** The line of that call in the loop (customer_of makes the same call outside any loop). */
const CALL_LINE = 'customer = session.query(Customer)';
const LOOP = 'for order in orders:';

/** The message of the finding, which names the loop right above the call by its line. */
function expectedMessage(document: vscode.TextDocument): string {
  const loop = lineOf(document, CALL_LINE) - 1;
  assert.ok(document.lineAt(loop).text.includes(LOOP), `the line above the query is not "${LOOP}"`);
  return `Database query \`session.query()\` runs once per item of \`orders\` (\`for\` loop at line ${loop + 1})`;
}

describe('findings in orders.py', () => {
  let uri: vscode.Uri;
  let original: string;

  before(async () => {
    await activateHotpath();
    uri = await exampleFile(FILE);
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  });

  after(async () => {
    // The file is put back as it was, for the suites that run after this one.
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document && document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
  });

  it('lists the planted N+1 query before the file is opened, with its range, rule id, message and source', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${FILE} is open already, so this would not prove the workspace scan`);
    const [finding] = (await waitForDiagnostics(uri, `a ${RULE} finding`, (ds) => ds.some((d) => codeOf(d) === RULE))).filter((d) => codeOf(d) === RULE);
    const document = await vscode.workspace.openTextDocument(uri);
    const line = lineOf(document, CALL_LINE);
    assert.equal(document.getText(finding.range), CALL, 'the squiggle covers the query call');
    assert.equal(finding.range.start.line, line);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(finding.source, SOURCE);
    assert.equal(finding.message, expectedMessage(document));
    const code = finding.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes(RULE), `the rule id links to the rule's page: ${JSON.stringify(code)}`);
  });

  it('explains the finding in a hover with the rule title, why it is slow and what to write instead', async () => {
    const title = ruleById(RULE)?.meta.title;
    assert.ok(title, `no rule ${RULE}`);
    const document = await openExample(FILE);
    const [finding] = hotpathDiagnostics(uri, RULE);
    assert.ok(finding, `no ${RULE} finding in ${FILE}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, finding.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(title), `no hover names "${title}" over ${document.getText(finding.range)}; the hovers say:\n${text}`);
    assert.match(text, /Why it is slow/);
    assert.match(text, /Instead/);
  });

  it('moves the finding with the code when lines are inserted above it', async () => {
    const document = await openExample(FILE);
    const before = lineOf(document, CALL_LINE);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(lineOf(document, 'def customer_names'), 0), '# Two lines added above the function\n# by the test.\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    const moved = await waitForDiagnostics(uri, `the ${RULE} finding two lines further down`, (ds) =>
      ds.some((d) => codeOf(d) === RULE && d.range.start.line === before + 2),
    );
    const finding = moved.find((d) => codeOf(d) === RULE);
    assert.ok(finding);
    assert.equal(document.getText(finding.range), CALL);
    assert.equal(finding.message, expectedMessage(document), 'the message names the loop at its new line');
  });

  it('drops the finding once the loop no longer queries the database', async () => {
    const document = await openExample(FILE);
    const line = lineOf(document, CALL_LINE);
    const text = document.lineAt(line).text;
    const start = text.indexOf('session.query');
    const edit = new vscode.WorkspaceEdit();
    // The query is replaced by a lookup in a dict built before the loop, the rule's own advice.
    edit.replace(uri, new vscode.Range(line, start, line, text.length), 'customers_by_id[order.customer_id]');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    await waitForDiagnostics(uri, `no ${RULE} finding`, (ds) => !ds.some((d) => codeOf(d) === RULE));
    // The other findings of the file stay: the server analyzed the edited text, it did not drop the file.
    assert.ok(hotpathDiagnostics(uri).length > 0, `the other findings of ${FILE} disappeared too`);
  });

  it('offers a quick fix for the regex compiled in the loop, and applying it removes the finding', async () => {
    const regexRule = 'regex-compiled-in-loop';
    const document = await openExample(FILE);
    const [finding] = (await waitForDiagnostics(uri, `a ${regexRule} finding`, (ds) => ds.some((d) => codeOf(d) === regexRule))).filter((d) => codeOf(d) === regexRule);
    assert.ok(finding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Compile the pattern once, before the loop');
    assert.ok(fix?.edit, `no quick fix "Compile the pattern once, before the loop"; the actions are ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true, 'hoisting a constant pattern keeps what the code does, so the fix is preferred');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix was not applied');
    await waitForDiagnostics(uri, `no ${regexRule} finding`, (ds) => !ds.some((d) => codeOf(d) === regexRule));
    assert.ok(!document.getText().includes('re.compile(r"^[A-Z]{3}-\\d{4}$").match(sku)'), 'the loop still compiles the pattern');
  });
});
