/** Where each rule's documentation page lives: docs/rules/<id>.md beside the package. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from './version';

export const RULE_DOCS_DIR = path.join(PACKAGE_ROOT, 'docs', 'rules');

/** A page of docs/ (`profiles.md`), as a file URI. */
export function docUri(page: string): string {
  return pathToFileURL(path.join(PACKAGE_ROOT, 'docs', page)).href;
}

export function ruleDocUri(ruleId: string): string {
  return pathToFileURL(path.join(RULE_DOCS_DIR, `${ruleId}.md`)).href;
}
