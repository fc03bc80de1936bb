/**
 * The second flow: "Hotpath: Import Profile" with the examples' recorded V8 profile
 * (profiles/report.cpuprofile of examples/javascript/report.js). The measured figures appear on
 * the code: a code lens above the hot function, the share in the hover, and the N+1 query in that
 * function raised to a warning that names its measured share, while findings the profile did not
 * measure keep their severity.
 *
 * To show the raise, the workspace's settings make n-plus-one-query an info first, as a user who
 * finds N+1 warnings too loud would; the profile then raises the one in hot code.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { measuredFunction, percent, type MeasuredFunction } from '../../helpers/profile-figures';
import { codeOf, waitForDiagnostics } from './diagnostics';
import { activateHotpath, exampleFile, examplesFolder, lineOf, openExample } from './examples-workspace';

const REPORT = 'javascript/report.js';
const PROFILE = 'profiles/report.cpuprofile';
/** A file with an N+1 query that the profile never measured. */
const UNMEASURED = 'javascript/sync.js';
const RULE = 'n-plus-one-query';
const STATIC_MESSAGE = 'Database query `db.query()` runs once per item of `orders` (`for…of` loop at line 6)';

function n1(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return diagnostics.find((d) => codeOf(d) === RULE);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('importing report.cpuprofile', () => {
  let report: vscode.Uri;
  let document: vscode.TextDocument;
  let loadCustomers: MeasuredFunction;

  before(async () => {
    const extension = await activateHotpath();
    report = await exampleFile(REPORT);
    document = await openExample(REPORT);
    const profile = await exampleFile(PROFILE);
    loadCustomers = measuredFunction(path.join(extension.extensionPath, 'dist', 'cli.js'), profile.fsPath, examplesFolder().fsPath, 'loadCustomers');
    await vscode.workspace.getConfiguration('hotpath').update('rules', { [RULE]: 'info' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(report, `the ${RULE} finding as an info, as the settings say`, (ds) => n1(ds)?.severity === vscode.DiagnosticSeverity.Information);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('hotpath').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('imports the profile given to "Hotpath: Import Profile" as a file', async () => {
    const imported = await vscode.commands.executeCommand<boolean>('hotpath.importProfile', await exampleFile(PROFILE));
    assert.equal(imported, true, 'the command reports that the import failed');
  });

  it('raises the N+1 query in the hot function to a warning that names the measured share and the profile', async () => {
    const expected = `${STATIC_MESSAGE} — this function took ${percent(loadCustomers.totalPercent)} of CPU time in report.cpuprofile`;
    const diagnostics = await waitForDiagnostics(report, 'the N+1 query with its measured share', (ds) => n1(ds)?.message.includes('this function took') === true);
    const finding = n1(diagnostics);
    assert.ok(finding);
    assert.equal(finding.message, expected);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(finding.range.start.line, lineOf(document, 'db.query('));
  });

  it('leaves the N+1 query of a file the profile did not measure at the severity the settings give', async () => {
    const sync = await exampleFile(UNMEASURED);
    // The file is not open: its findings come from the workspace scan, which the settings change
    // runs again; until it reaches sync.js, the finding shown is the one from before the change.
    const finding = n1(await waitForDiagnostics(sync, `the ${RULE} finding as an info, as the settings say`, (ds) => n1(ds)?.severity === vscode.DiagnosticSeverity.Information));
    assert.ok(finding);
    assert.ok(!finding.message.includes('took'), finding.message);
  });

  it('puts a code lens with the measured shares above the hot function', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', report, 10);
    const line = lineOf(document, 'function loadCustomers');
    const ours = lenses.filter((lens) => lens.command?.title.startsWith('🔥'));
    const lens = ours.find((l) => l.range.start.line === line);
    assert.ok(lens?.command, `no Hotpath code lens on line ${line + 1}; the lenses are ${JSON.stringify(ours.map((l) => [l.range.start.line + 1, l.command?.title]))}`);
    const title = `🔥 ${percent(loadCustomers.totalPercent)} total · ${percent(loadCustomers.selfPercent)} self · `;
    assert.ok(lens.command.title.startsWith(title), `the lens reads "${lens.command.title}", not "${title}…"`);
    assert.match(lens.command.title, /· [\d.]+ (µs|ms|s)$/);
    assert.equal(lens.command.command, 'hotpath.openConsole', 'clicking the lens opens the console');
    assert.deepEqual(lens.command.arguments, [{ question: 'why is loadCustomers slow?' }]);
  });

  it('shows the measured shares in the hover over the hot function and its hot line', async () => {
    const line = lineOf(document, 'function loadCustomers');
    const name = new vscode.Position(line, document.lineAt(line).text.indexOf('loadCustomers') + 2);
    const overFunction = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, name));
    const figures = `\`loadCustomers\`: ${percent(loadCustomers.totalPercent)} total · ${percent(loadCustomers.selfPercent)} self`;
    assert.ok(overFunction.includes(figures), `the hover over loadCustomers lacks "${figures}"; it says:\n${overFunction}`);

    const call = lineOf(document, 'db.query(');
    const position = new vscode.Position(call, document.lineAt(call).text.indexOf('db.query') + 1);
    const overCall = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, position));
    assert.match(overCall, /🔥 (\d+\.\d|<0\.1)% of CPU time in report\.cpuprofile\*\* on this line/, `the hover over the query says:\n${overCall}`);
  });
});
