/**
 * What an import did, in words: how many results of which tools it shows, and what it hid or
 * left out and why. The language server and the command line say the same.
 */
import type { SarifImport } from './import';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line: "12 results from ESLint in 4 files; 2 suppressed in the log hidden". */
export function importHeadline(imported: SarifImport, files: number): string {
  const tools = imported.tools.length > 0 ? imported.tools.join(', ') : 'no tool';
  const parts = [`${count(imported.results.length, 'result')} from ${tools} in ${count(files, 'file')}`];
  const { suppressed, absent, notProblems } = imported.hidden;
  const hidden = [
    suppressed > 0 ? `${suppressed} suppressed in the log` : '',
    absent > 0 ? `${absent} absent from the latest run` : '',
    notProblems > 0 ? `${count(notProblems, 'pass', 'passes')} or not applicable` : '',
  ].filter(Boolean);
  if (hidden.length > 0) parts.push(`hidden: ${hidden.join(', ')}`);
  return parts.join('; ');
}

/** What was left out and why, one warning each. */
export function importWarnings(imported: SarifImport): string[] {
  const warnings: string[] = [];
  const { outside, noFile, relatedOutside } = imported.dropped;
  if (outside > 0) {
    warnings.push(`left out ${count(outside, 'result')} in files outside the workspace (${imported.outsideExamples.join(', ')}); they were not opened`);
  }
  if (imported.dropped.missing > 0) {
    warnings.push(`left out ${count(imported.dropped.missing, 'result')} in files the workspace does not have (${imported.missingExamples.join(', ')})`);
  }
  if (noFile > 0) warnings.push(`left out ${count(noFile, 'result')} that name${noFile === 1 ? 's' : ''} no file`);
  if (relatedOutside > 0) warnings.push(`left out ${count(relatedOutside, 'related location')} outside the workspace`);
  if (imported.problems.length > 0) {
    const more = imported.problemsNotListed > 0 ? ` and ${imported.problemsNotListed} more` : '';
    warnings.push(`skipped malformed parts: ${imported.problems.join('; ')}${more}`);
  }
  return warnings;
}
