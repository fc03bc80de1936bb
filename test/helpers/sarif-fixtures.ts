/**
 * What the SARIF tests share: the fixture logs in test/fixtures/sarif/ read against the fixture
 * workspace there, findings reduced to what a user sees of them, and validation of logs against
 * the SARIF 2.1.0 schema shipped with the tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Finding } from '../../server/src/findings';
import { importSarif, SarifImport } from '../../server/src/sarif/import';
import { diskText, placeResults } from '../../server/src/sarif/place';
import { fixturesDir } from './paths';

export const sarifFixturesDir = path.join(fixturesDir, 'sarif');
/** The folder the fixture logs' relative URIs point into. */
export const sarifWorkspace = fs.realpathSync(path.join(sarifFixturesDir, 'workspace'));

/** A fixture log's JSON, with `@@WORKSPACE@@` standing for the fixture workspace's file URI. */
export function fixtureLog(name: string): unknown {
  const text = fs.readFileSync(path.join(sarifFixturesDir, name), 'utf8');
  return JSON.parse(text.replaceAll('@@WORKSPACE@@', `${pathToFileURL(sarifWorkspace).href}/`));
}

/** Imports a fixture log against the fixture workspace and places its findings on the files. */
export async function importFixture(name: string): Promise<{ imported: SarifImport; findings: Map<string, Finding[]> }> {
  const imported = importSarif(name, fixtureLog(name), { roots: [sarifWorkspace] });
  return { imported, findings: await placeResults(imported.results, diskText(1024 * 1024)) };
}

/** A finding as the user sees it: where (1-based, as editors show it), how bad, what it says. */
export interface SeenFinding {
  file: string;
  at: string;
  severity: string;
  rule: string;
  message: string;
}

export function seen(findings: Map<string, readonly Finding[]>, root = sarifWorkspace): SeenFinding[] {
  return [...findings].flatMap(([file, list]) =>
    list.map((f) => ({
      file: path.relative(root, file).split(path.sep).join('/'),
      at: `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`,
      severity: f.severity,
      rule: f.source ? `${f.source.tool} ${f.ruleId}` : f.ruleId,
      message: f.message,
    })),
  );
}

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Schema errors of a log, as readable lines; empty when it is valid SARIF 2.1.0. */
export function schemaErrors(log: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(sarifFixturesDir, 'schema', 'sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
