/**
 * The fixes of findings, with the code's own names. Every rewriter can show its rewrite as before
 * and after (the console's answers); the ones listed in QUICK_FIXES are also quick fixes, whose
 * edits an editor applies as they are. A quick fix whose edit may change what the code does in
 * some cases says what to check at the end of its title, "(check …)", and is not preferred, so
 * editors never apply it without the user choosing it (and no fix-all includes it). What to
 * check is said per language below, or by the rewrite itself when only some of its cases need it.
 */
import type { Tree } from 'web-tree-sitter';
import type { Finding } from '../findings';
import type { GrammarId, LanguageId } from '../syntax/languages';
import { asyncCall } from './async-call';
import { batchQuery } from './batch-query';
import { concurrentLoop } from './concurrent-loop';
import { hoistRegex } from './hoist-regex';
import type { OffsetEdit } from './offset-edits';
import { preallocateSlice } from './preallocate-slice';
import { setLookup } from './set-lookup';
import { sharedField } from './shared-field';
import { findingSite, FindingSite } from './site';
import type { Rewrite } from './snippet-edit';
import { stringBuilder } from './string-builder';

export type { Rewrite } from './snippet-edit';

type Rewriter = (site: FindingSite) => Rewrite | undefined;

/** Per rule, the rewriters to try in order. */
const REWRITERS: Readonly<Record<string, readonly Rewriter[]>> = {
  'n-plus-one-query': [batchQuery, concurrentLoop],
  'await-in-loop': [concurrentLoop],
  'regex-compiled-in-loop': [hoistRegex],
  'string-concat-in-loop': [stringBuilder],
  'linear-search-in-loop': [setLookup],
  'blocking-call-in-async': [asyncCall],
  'slice-append-without-capacity': [preallocateSlice],
  'expensive-object-in-loop': [sharedField],
};

interface QuickFixKind {
  rewriter: Rewriter;
  title: Partial<Record<LanguageId, string>>;
  /** What to check, for fixes that may change what the code does; per language, absent where none. */
  check?: Partial<Record<LanguageId, string>>;
}

const TOGETHER_CHECK = { python: 'the order of side effects', javascript: 'the order of side effects', typescript: 'the order of side effects' };

/**
 * Per rule, the quick fix its findings get. N+1 queries and blocking calls get none: their
 * rewrites are sketches to check against the database or the library, not edits to apply.
 */
const QUICK_FIXES: Readonly<Record<string, QuickFixKind>> = {
  'regex-compiled-in-loop': {
    rewriter: hoistRegex,
    title: {
      python: 'Compile the pattern once, before the loop',
      javascript: 'Compile the pattern once, before the loop',
      typescript: 'Compile the pattern once, before the loop',
      go: 'Compile the pattern once, in a package-level variable',
      java: 'Compile the pattern once, in a static final field',
    },
  },
  'string-concat-in-loop': {
    rewriter: stringBuilder,
    title: {
      python: 'Collect the pieces in a list and join them once',
      java: 'Build the string in one StringBuilder',
      go: 'Build the string in one strings.Builder',
    },
  },
  'linear-search-in-loop': {
    rewriter: setLookup,
    title: {
      python: 'Look items up in a set built once before the loop',
      javascript: 'Look items up in a Set built once before the loop',
      typescript: 'Look items up in a Set built once before the loop',
      java: 'Look items up in a HashSet built once before the loop',
    },
    check: { python: 'the items are hashable' },
  },
  'await-in-loop': {
    rewriter: concurrentLoop,
    title: {
      python: 'Run the iterations together with asyncio.gather',
      javascript: 'Run the iterations together with Promise.all',
      typescript: 'Run the iterations together with Promise.all',
    },
    check: TOGETHER_CHECK,
  },
  // Its check, for a slice declared with `var` (nil until the first append), comes from the rewrite.
  'slice-append-without-capacity': {
    rewriter: preallocateSlice,
    title: { go: 'Allocate the slice once with room for every item' },
  },
  // Its check, for an object the code passes to a method, comes from the rewrite.
  'expensive-object-in-loop': {
    rewriter: sharedField,
    title: { java: 'Create the object once, in a static final field' },
  },
};

export interface QuickFix {
  /** The code action's title; ends with "(check …)" when the fix is not preferred. */
  title: string;
  /** True when the edit keeps what the code does: editors may apply it with a fix-all. */
  preferred: boolean;
  edits: OffsetEdit[];
}

/** The rewrite of a finding at a site, for the rules that have rewriters; undefined otherwise. */
export function rewriteSite(ruleId: string, site: FindingSite): Rewrite | undefined {
  for (const rewriter of REWRITERS[ruleId] ?? []) {
    const rewrite = rewriter(site);
    if (rewrite) return rewrite;
  }
  return undefined;
}

/**
 * The quick fix of one of Hotpath's findings in a file with this tree, or undefined when it has
 * none. `packageTexts` are the texts of the other files of its Go package (see FindingSite).
 */
export function quickFix(tree: Tree, grammar: GrammarId, text: string, finding: Finding, packageTexts: readonly string[] = []): QuickFix | undefined {
  const kind = finding.source ? undefined : QUICK_FIXES[finding.ruleId];
  // A finding older than the text (the file changed since the analysis) finds no node and gets no fix.
  const site = kind && findingSite(tree, grammar, text, finding.range, packageTexts);
  const title = site && kind.title[site.language];
  const rewrite = title ? kind.rewriter(site) : undefined;
  if (!site || !title || !rewrite) return undefined;
  const check = rewrite.check ?? kind.check?.[site.language];
  return { title: check ? `${title} (check ${check})` : title, preferred: !check, edits: rewrite.edits };
}

/** Go fixes that add a package-level name, which must be new in every file of the package. */
const ADDS_PACKAGE_NAMES: ReadonlySet<string> = new Set(['regex-compiled-in-loop']);

/** True when the fix of a finding in a file of this language reads the other files of its package. */
export function readsPackage(ruleId: string, language: LanguageId): boolean {
  return language === 'go' && ADDS_PACKAGE_NAMES.has(ruleId);
}

/** The quick-fix titles of a rule, per language, for its documentation. */
export function quickFixTitles(ruleId: string): Partial<Record<LanguageId, string>> {
  const kind = QUICK_FIXES[ruleId];
  if (!kind) return {};
  return Object.fromEntries(
    Object.entries(kind.title).map(([language, title]) => {
      const check = kind.check?.[language as LanguageId];
      return [language, check ? `${title} (check ${check})` : title];
    }),
  );
}
