/**
 * parse-in-sort-comparator: a sort whose comparator parses its operands (dates, JSON, patterns)
 * on every comparison, where each value could be parsed once before sorting.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import { callsNamed } from '../syntax/named-calls';
import { lastSegment } from '../syntax/paths';
import { compilePatterns } from './call-patterns';
import { lineOf, quote } from './describe';
import type { Rule, RuleContext } from './rule';

interface Comparators {
  /** The names of sorting calls and comparator factories, as found in the text. */
  words: RegExp;
  /** Which arguments of a found call are comparators (or key extractors called per comparison). */
  comparators(context: RuleContext, call: Node): Node[];
  /** Calls that parse (call-patterns.ts globs). */
  parses: RegExp | undefined;
}

function functionArgs(context: RuleContext, call: Node): Node[] {
  return context.dialect.callArgs(call).filter((a) => context.dialect.functionTypes.has(a.type));
}

const JS: Comparators = {
  words: /\.\s*(sort|toSorted)\s*\(/g,
  comparators: functionArgs,
  parses: compilePatterns(['new Date', 'Date.parse', 'JSON.parse', 'moment', 'dayjs', 'parseISO', 'DateTime.fromISO', 'new Intl.Collator']),
};

const COMPARATORS: Record<LanguageId, Comparators | undefined> = {
  python: undefined,
  javascript: JS,
  typescript: JS,
  go: {
    words: /\b(?:sort|slices)\.(Slice|SliceStable|SortFunc|SortStableFunc)\s*\(/g,
    comparators: (context, call) => (/^(sort|slices)\./.test(context.dialect.calleePath(call)) ? functionArgs(context, call) : []),
    parses: compilePatterns(['time.{Parse,ParseInLocation}', 'json.Unmarshal', 'regexp.{Compile,MustCompile}']),
  },
  java: {
    words: /\b(sort|comparing|comparingInt|comparingLong|comparingDouble|thenComparing)\s*\(/g,
    comparators: functionArgs,
    parses: compilePatterns([
      '{LocalDate,LocalDateTime,LocalTime,ZonedDateTime,OffsetDateTime,Instant}.parse', 'new SimpleDateFormat',
      'Pattern.compile',
    ]),
  },
};

/** The parsing calls of a comparator's own body: not those of functions nested in it. */
function parsesIn(context: RuleContext, comparator: Node, parses: RegExp): Node[] {
  const { dialect } = context;
  return comparator.descendantsOfType([...dialect.callTypes]).filter((call): call is Node => {
    if (!call || !parses.test(dialect.calleePath(call))) return false;
    for (let n = call.parent; n && !n.equals(comparator); n = n.parent) if (dialect.functionTypes.has(n.type)) return false;
    return true;
  });
}

export const parseInSortComparator: Rule = {
  meta: {
    id: 'parse-in-sort-comparator',
    title: 'Values parsed again on every comparison of a sort',
    languages: ['javascript', 'typescript', 'go', 'java'],
    severity: 'info',
    confidence: 'high',
    why:
      'A sort calls its comparator about n log n times for n items, and each item takes part in ' +
      'about 2 log n comparisons. A comparator that parses its operands (`new Date(a.createdAt)`, ' +
      '`LocalDate.parse(…)`, `time.Parse(…)`) parses every item that many times: sorting 10,000 ' +
      'rows parses some 260,000 dates instead of 10,000. Java\'s `Comparator.comparing(key)` ' +
      'calls its key function twice per comparison too. Python is not checked: `sorted(key=…)` ' +
      'computes each key once.',
    fix:
      'Parse each value once: store the parsed value on the items, or map the items to ' +
      '(key, item) pairs, sort the pairs, and map back. Dates in ISO 8601 form also sort ' +
      'correctly as plain strings.',
    examples: {
      javascript: {
        flagged: 'orders.sort((a, b) => new Date(a.createdAt) - new Date(b.createdAt));',
        useInstead: 'const keyed = orders.map((o) => [Date.parse(o.createdAt), o]);\nkeyed.sort((a, b) => a[0] - b[0]);\nconst sorted = keyed.map(([, o]) => o);',
      },
      typescript: {
        flagged: 'rows.sort((a, b) => JSON.parse(a.meta).rank - JSON.parse(b.meta).rank);',
        useInstead: 'const rank = new Map(rows.map((r) => [r, JSON.parse(r.meta).rank as number]));\nrows.sort((a, b) => rank.get(a)! - rank.get(b)!);',
      },
      go: {
        flagged: 'sort.Slice(events, func(i, j int) bool {\n\tti, _ := time.Parse(time.RFC3339, events[i].At)\n\ttj, _ := time.Parse(time.RFC3339, events[j].At)\n\treturn ti.Before(tj)\n})',
        useInstead: 'for i := range events {\n\tevents[i].Time, _ = time.Parse(time.RFC3339, events[i].At)\n}\nsort.Slice(events, func(i, j int) bool { return events[i].Time.Before(events[j].Time) })',
      },
      java: {
        flagged: 'orders.sort(Comparator.comparing(o -> LocalDate.parse(o.getDate())));',
        useInstead: 'Map<Order, LocalDate> dates = new HashMap<>();\nfor (Order o : orders) dates.put(o, LocalDate.parse(o.getDate()));\norders.sort(Comparator.comparing(dates::get));',
      },
    },
    references: [
      { title: 'MDN: Array.prototype.sort() — sorting with map', url: 'https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/sort#sorting_with_map' },
      { title: 'Java: Comparator.comparing', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/Comparator.html#comparing(java.util.function.Function)' },
      { title: 'Go: sort.Slice', url: 'https://pkg.go.dev/sort#Slice' },
      { title: 'Python: sorting HOW TO (key functions run once per item)', url: 'https://docs.python.org/3/howto/sorting.html#key-functions' },
    ],
  },

  check(context) {
    const comparators = COMPARATORS[context.language];
    if (!comparators?.parses) return;
    for (const call of callsNamed(context.root, context.dialect, comparators.words)) {
      const sort = lastSegment(context.dialect.calleePath(call));
      for (const comparator of comparators.comparators(context, call)) {
        for (const parse of parsesIn(context, comparator, comparators.parses)) {
          const path = context.dialect.calleePath(parse);
          context.report(
            parse,
            `${quote(path.startsWith('new ') ? path : `${path}()`)} runs on every comparison of the \`${sort}\` at line ${lineOf(call)}, about log n times per item: parse each value once before sorting`,
          );
        }
      }
    }
  },
};
