/**
 * SARIF 2.1.0 logs as findings: each result another tool reported becomes a Finding with its
 * tool and rule as `source`, its place in a workspace file, its related locations and code flow
 * steps as related information. Results the log marks as suppressed, as absent from the current
 * run, or as not being problems are hidden; results in files outside the workspace are dropped
 * and counted, never opened. Pure: the caller reads the file (read-log.ts) and, once the texts
 * of the files are at hand, places the findings (place.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as sarif from 'sarif';
import type { Finding, RelatedLocation, Range, Severity } from '../findings';
import { ArtifactContext, artifactPath } from './artifact-paths';
import { isRecord, JsonRecord, list, record, text } from './json-values';
import { runsOf } from './log-version';
import { messageText } from './messages';
import { regionRange } from './regions';
import { RunRules, ToolDescription } from './tool-rules';

export interface ImportedResult {
  /** The workspace file the result is in. */
  file: string;
  finding: Finding;
  /** True when its run counts columns in Unicode code points (SARIF's default), not UTF-16 units. */
  codePoints: boolean;
}

export interface SarifImport {
  /** The log file. */
  log: string;
  /** The tools whose runs the log holds, in order, each once. */
  tools: string[];
  /** What the log says of each of those tools (version, web page). */
  toolDescriptions: ToolDescription[];
  results: ImportedResult[];
  /** Results the log says not to show: suppressed, absent from this run, or passes. */
  hidden: { suppressed: number; absent: number; notProblems: number };
  /** Results left out: in files outside the workspace, in files the workspace does not have, or naming no file at all. */
  dropped: { outside: number; missing: number; noFile: number; relatedOutside: number };
  /** A few of the outside locations and of the missing files, for the warnings that name them. */
  outsideExamples: string[];
  missingExamples: string[];
  /** Parts of the log that were malformed and skipped (the first few), and how many more. */
  problems: string[];
  problemsNotListed: number;
}

export interface ImportOptions {
  /** The workspace folders. */
  roots: readonly string[];
  /** Tells which candidate path exists; by default the file system is asked. */
  exists?(file: string): boolean;
}

/** Problems listed by name; past this many only their count grows. */
const MAX_PROBLEMS = 10;

function realPath(folder: string): string {
  try {
    return fs.realpathSync.native(folder);
  } catch {
    return folder;
  }
}

function example(examples: string[], value: string): void {
  if (examples.length < MAX_EXAMPLES && !examples.includes(value)) examples.push(value);
}

function problem(out: SarifImport, what: string): void {
  if (out.problems.length < MAX_PROBLEMS) out.problems.push(what);
  else out.problemsNotListed++;
}

/** Related locations kept per result: a code flow of thousands of steps is not read in a hover. */
const MAX_RELATED = 50;
const MAX_EXAMPLES = 3;

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', note: 'info', none: 'hint' };

/**
 * The severity a result is shown with, or undefined when it is not a problem. `kind` says what
 * a result is (a failure by default); for failures `level` (or the rule's default level, or
 * `warning`) says how bad it is.
 */
export function severityOf(result: JsonRecord, descriptor: JsonRecord | undefined): Severity | undefined {
  const kind = text(result.kind) as sarif.Result.kind | undefined;
  if (kind === 'pass' || kind === 'notApplicable') return undefined;
  if (kind === 'informational') return 'hint';
  if (kind === 'review' || kind === 'open') return 'info';
  const level = text(result.level) ?? text(record(descriptor?.defaultConfiguration)?.level);
  return (level !== undefined && Object.prototype.hasOwnProperty.call(LEVELS, level) ? LEVELS[level] : undefined) ?? 'warning';
}

/**
 * True when the log says the result is suppressed: it has suppressions and none of them is
 * under review or rejected (a suppression without a status is accepted).
 */
export function isSuppressed(result: JsonRecord): boolean {
  const suppressions = list(result.suppressions);
  if (suppressions.length === 0) return false;
  return suppressions.every((s) => {
    const status = text(record(s)?.status) as sarif.Suppression.status | undefined;
    return status === undefined || status === 'accepted';
  });
}

type Placed = { file: string; range: Range; message?: string } | { outside: string } | { unusable: string };

function place(location: unknown, context: ArtifactContext): Placed {
  const loc = record(location);
  const physical = record(loc?.physicalLocation);
  if (!physical) return { unusable: 'no physical location' };
  const target = artifactPath(physical.artifactLocation, context);
  if (!('file' in target)) return target;
  return { file: target.file, range: regionRange(physical.region), message: messageText(loc?.message, []) };
}

class RunReader {
  private readonly context: ArtifactContext;
  private readonly rules: RunRules;
  private readonly codePoints: boolean;
  private readonly existing: Map<string, boolean>;

  constructor(
    run: JsonRecord,
    options: ImportOptions,
    private readonly out: SarifImport,
    existing: Map<string, boolean>,
  ) {
    this.existing = existing;
    this.rules = new RunRules(run);
    this.codePoints = text(run.columnKind) !== 'utf16CodeUnits';
    this.context = {
      roots: options.roots,
      realRoots: options.roots.map(realPath),
      baseIds: record(run.originalUriBaseIds) ?? {},
      artifacts: run.artifacts,
      exists: options.exists ?? ((file) => fs.existsSync(file)),
    };
    if (!out.tools.includes(this.rules.tool)) {
      out.tools.push(this.rules.tool);
      out.toolDescriptions.push(this.rules.description);
    }
  }

  read(results: readonly unknown[], where: string): void {
    results.forEach((result, i) => {
      if (isRecord(result)) this.result(result);
      else problem(this.out, `${where}.results[${i}] is not an object`);
    });
  }

  private outside(uri: string): void {
    this.out.dropped.outside++;
    example(this.out.outsideExamples, uri);
  }

  /** True when the file is there (asked once per file): a log from another checkout may name files deleted since. */
  private present(file: string): boolean {
    let found = this.existing.get(file);
    if (found === undefined) {
      found = this.context.exists(file);
      this.existing.set(file, found);
    }
    return found;
  }

  private result(result: JsonRecord): void {
    const { hidden } = this.out;
    if (isSuppressed(result)) return void hidden.suppressed++;
    if (text(result.baselineState) === 'absent') return void hidden.absent++;
    const descriptor = this.rules.descriptor(result);
    const severity = severityOf(result, descriptor);
    if (severity === undefined) return void hidden.notProblems++;
    const places = list(result.locations).map((l) => place(l, this.context));
    const primary = places.find((p): p is Extract<Placed, { file: string }> => 'file' in p);
    if (!primary) {
      const outside = places.find((p): p is { outside: string } => 'outside' in p);
      if (outside) return this.outside(outside.outside);
      this.out.dropped.noFile++;
      // A broken log (a base id defined in a circle) is named once, not once per result.
      const broken = places.find((p): p is { unusable: string } => 'unusable' in p && p.unusable.startsWith('uriBaseId'));
      if (broken && !this.out.problems.includes(broken.unusable)) problem(this.out, broken.unusable);
      return;
    }
    if (!this.present(primary.file)) {
      this.out.dropped.missing++;
      const root = this.context.roots.find((r) => primary.file.startsWith(r + path.sep));
      return example(this.out.missingExamples, root ? path.relative(root, primary.file).split(path.sep).join('/') : primary.file);
    }
    const ruleId = text(result.ruleId) ?? text(record(result.rule)?.id) ?? text(descriptor?.id) ?? '(no rule id)';
    const source = this.rules.source(ruleId, descriptor);
    const message = messageText(result.message, [record(descriptor?.messageStrings), this.rules.globalStrings]) ?? source.description ?? ruleId;
    const finding: Finding = { ruleId, severity, message, range: primary.range, related: this.related(result, places, primary), source };
    this.out.results.push({ file: primary.file, finding, codePoints: this.codePoints });
  }

  /** Further locations, related locations and code flow steps, as related information. */
  private related(result: JsonRecord, places: readonly Placed[], primary: { file: string }): RelatedLocation[] {
    const related: RelatedLocation[] = [];
    const add = (p: Placed, message: string) => {
      if ('outside' in p) this.out.dropped.relatedOutside++;
      if (!('file' in p) || related.length >= MAX_RELATED || (p.file !== primary.file && !this.present(p.file))) return;
      related.push({ ...(p.file === primary.file ? {} : { file: p.file }), range: p.range, message });
    };
    for (const p of places) if (p !== primary) add(p, ('message' in p && p.message) || 'also reported here');
    for (const location of list(result.relatedLocations)) {
      const p = place(location, this.context);
      add(p, ('message' in p && p.message) || 'related location');
    }
    for (const flow of list(result.codeFlows)) {
      for (const thread of list(record(flow)?.threadFlows)) {
        list(record(thread)?.locations).forEach((step, i) => {
          const p = place(record(step)?.location, this.context);
          const said = 'message' in p ? p.message : undefined;
          add(p, `step ${i + 1}${said ? `: ${said}` : ''}`);
        });
      }
    }
    return related;
  }
}

/** Reads a parsed SARIF log; throws SarifError when it is not SARIF 2.1.0. */
export function importSarif(log: string, raw: unknown, options: ImportOptions): SarifImport {
  const runs = runsOf(log, raw);
  const out: SarifImport = {
    log,
    tools: [],
    toolDescriptions: [],
    results: [],
    hidden: { suppressed: 0, absent: 0, notProblems: 0 },
    dropped: { outside: 0, missing: 0, noFile: 0, relatedOutside: 0 },
    outsideExamples: [],
    missingExamples: [],
    problems: [],
    problemsNotListed: 0,
  };
  const existing = new Map<string, boolean>();
  runs.forEach((run, i) => {
    if (!isRecord(run)) return problem(out, `runs[${i}] is not an object`);
    if (run.results !== undefined && run.results !== null && !Array.isArray(run.results)) problem(out, `runs[${i}].results is not a list`);
    new RunReader(run, options, out, existing).read(list(run.results), `runs[${i}]`);
  });
  return out;
}
