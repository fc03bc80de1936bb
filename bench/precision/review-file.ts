/**
 * The review file of one language: the sampled findings, each with its code and an empty verdict
 * for a reviewer to fill. Written as Markdown so it reads well on GitHub, and parsed back so that a
 * new run keeps the verdicts of the entries it samples again.
 */
import { createHash } from 'node:crypto';

/** One sampled finding and what the reviewer said about it. */
export interface ReviewEntry {
  ruleId: string;
  /** Path relative to the language's corpus folder; its first segment names the package. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
  /** The lines around the finding, the finding's own marked with `>`. */
  context: string;
  /** `TP`, `FP`, or empty while not reviewed. */
  verdict: string;
  reason: string;
}

/** What identifies a finding across runs: its rule, file, line and message. */
export function reviewKey(entry: Pick<ReviewEntry, 'ruleId' | 'file' | 'line' | 'message'>): string {
  return `${entry.ruleId}\u0000${entry.file}\u0000${entry.line}\u0000${entry.message}`;
}

/** A short id derived from the key, so an entry keeps its id whatever else the sample holds. */
export function reviewId(language: string, entry: Pick<ReviewEntry, 'ruleId' | 'file' | 'line' | 'message'>): string {
  return `${language}-${createHash('sha1').update(reviewKey(entry)).digest('hex').slice(0, 8)}`;
}

/** The package a corpus file comes from: the first segment of its path. */
export function packageOf(file: string): string {
  return file.split('/')[0];
}

/** A fence longer than any run of backticks in the code, so code holding ``` cannot close it early. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Messages are one line in the file: a line break in one would split the entry. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

export function renderReview(language: string, intro: string, entries: readonly ReviewEntry[]): string {
  const parts = [`# Precision review: ${language}`, '', intro, ''];
  for (const entry of entries) {
    const fence = fenceFor(entry.context);
    parts.push(
      `## ${reviewId(language, entry)} \`${entry.ruleId}\``,
      '',
      `- rule: ${entry.ruleId}`,
      `- file: ${entry.file}`,
      `- package: ${packageOf(entry.file)}`,
      `- line: ${entry.line}`,
      `- message: ${oneLine(entry.message)}`,
      '',
      `${fence}${language}`,
      entry.context,
      fence,
      '',
      `verdict: ${entry.verdict}`,
      `reason: ${entry.reason}`,
      '',
    );
  }
  return parts.join('\n');
}

/** The entries of a review file; fields it cannot read are left empty, never a crash. */
export function parseReview(text: string): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  let current: ReviewEntry | undefined;
  let fence: string | undefined;
  let context: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (fence !== undefined) {
      if (line.trim() === fence) {
        if (current) current.context = context.join('\n');
        fence = undefined;
      } else {
        context.push(line);
      }
      continue;
    }
    const opening = /^(`{3,})/.exec(line);
    if (opening) {
      fence = opening[1];
      context = [];
      continue;
    }
    if (line.startsWith('## ')) {
      current = { ruleId: '', file: '', line: 0, message: '', context: '', verdict: '', reason: '' };
      entries.push(current);
      continue;
    }
    const field = /^(?:- )?(rule|file|line|message|verdict|reason):[ \t]?(.*)$/.exec(line);
    if (!current || !field) continue;
    const value = field[2].trim();
    if (field[1] === 'rule') current.ruleId = value;
    else if (field[1] === 'file') current.file = value;
    else if (field[1] === 'line') current.line = Number.parseInt(value, 10) || 0;
    else if (field[1] === 'message') current.message = value;
    else if (field[1] === 'verdict') current.verdict = value;
    else current.reason = value;
  }
  return entries;
}

/**
 * The new sample with the verdicts and reasons of the previous review copied onto the entries that
 * are still sampled, and how many reviewed entries of the previous file the new sample dropped.
 */
export function mergeVerdicts(sampled: readonly ReviewEntry[], previous: readonly ReviewEntry[]): { entries: ReviewEntry[]; dropped: number } {
  const reviewed = new Map(previous.filter((e) => e.verdict !== '' || e.reason !== '').map((e) => [reviewKey({ ...e, message: oneLine(e.message) }), e]));
  const kept = new Set<string>();
  const entries = sampled.map((entry) => {
    const key = reviewKey({ ...entry, message: oneLine(entry.message) });
    const before = reviewed.get(key);
    if (!before) return entry;
    kept.add(key);
    return { ...entry, verdict: before.verdict, reason: before.reason };
  });
  return { entries, dropped: reviewed.size - kept.size };
}
