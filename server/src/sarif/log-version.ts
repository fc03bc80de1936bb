/**
 * The first check of a log: is it SARIF, and the version Hotpath reads (2.1.0)? Logs of SARIF
 * 1.0 and of the 2.0 drafts are refused with the command that upgrades them.
 */
import { isRecord, list } from './json-values';
import { SarifError } from './sarif-error';

const UPGRADE = 'upgrade it with `npx @microsoft/sarif-multitool rewrite LOG --sarif-output-version Current --output NEW.sarif`';

/** The log's runs, once the log is known to be SARIF 2.1.0. */
export function runsOf(file: string, raw: unknown): readonly unknown[] {
  if (!isRecord(raw)) {
    const kind = Array.isArray(raw) ? 'a list' : raw === null ? 'null' : `a ${typeof raw}`;
    throw new SarifError(file, `not a SARIF log: the JSON is ${kind}, not an object with "version" and "runs"`);
  }
  if (raw.version === undefined) {
    if (!('runs' in raw)) throw new SarifError(file, 'not a SARIF log: it has no "version" and no "runs"');
    throw new SarifError(file, 'the log has no "version"; Hotpath reads SARIF 2.1.0 logs');
  }
  if (typeof raw.version !== 'string') throw new SarifError(file, `"version" is ${raw.version === null ? 'null' : `a ${typeof raw.version}`}, not a version string; Hotpath reads SARIF 2.1.0 logs`);
  // A version is a few characters; a long one is cut so that the message stays readable.
  const version = raw.version.length > 40 ? `${raw.version.slice(0, 40)}…` : raw.version;
  if (version.startsWith('1.')) throw new SarifError(file, `the log is SARIF ${version}; Hotpath reads SARIF 2.1.0 — ${UPGRADE}`);
  // The last release candidates of 2.1.0 (rtm.5, rtm.6) have its content; earlier drafts do not.
  const final = version === '2.1.0' || /^2\.1\.0-rtm\.[56]$/.test(version);
  if (!final && version.startsWith('2.')) {
    throw new SarifError(file, `the log is a SARIF 2 draft (version "${version}"); Hotpath reads SARIF 2.1.0 — ${UPGRADE}`);
  }
  if (!final) throw new SarifError(file, `SARIF version "${version}" is not one Hotpath reads; it reads 2.1.0`);
  // The schema allows null runs: the tool could not run at all.
  if (raw.runs === null) return [];
  if (!Array.isArray(raw.runs)) throw new SarifError(file, '"runs" is not a list');
  return list(raw.runs);
}
