/**
 * The words of a question: identifiers quoted or backticked, code-like tokens, plain words, and
 * the words the console's grammar knows, against which typos in plain words are corrected.
 */
import { closest } from './fuzzy';

export interface Word {
  /** As typed. */
  raw: string;
  /** Lower case, typos of known words corrected. */
  lower: string;
  /** Quoted, backticked, or shaped like code (`load_customers`, `loadCustomers`, `db.query()`). */
  code: boolean;
}

/**
 * Words the intents are recognized by (see intent-table.ts), rule aliases and scopes. Plain words
 * a letter or two away from one of these are read as it ("hotspost", "summery", "regresions").
 */
export const KEYWORDS: readonly string[] = [
  'help', 'commands', 'usage', 'examples', 'answer',
  'regress', 'regressed', 'regression', 'regressions', 'baseline', 'compare', 'compared', 'comparison',
  'changed', 'improved', 'improvement', 'improvements', 'slower', 'faster', 'worse', 'better', 'since',
  'fix', 'fixes', 'fixing', 'first', 'next', 'priority', 'priorities', 'prioritize', 'prioritise', 'biggest', 'largest',
  'impact', 'gain', 'gains', 'wins', 'start', 'recommend', 'optimize', 'optimise', 'optimization',
  'rewrite', 'repair', 'resolve', 'refactor', 'solve', 'instead', 'before', 'after', 'suggest', 'quick',
  'explain', 'describe', 'tell', 'about', 'mean', 'means', 'meaning', 'rule', 'rules', 'definition',
  'list', 'show', 'every', 'which', 'where', 'find', 'count', 'many', 'findings', 'finding', 'issues',
  'problems', 'warnings', 'diagnostics', 'patterns', 'queries',
  'why', 'slow', 'takes', 'long', 'makes', 'wrong', 'analyze', 'analyse', 'breakdown', 'callers',
  'callees', 'calls', 'called', 'lines', 'details', 'costly', 'expensive',
  'summary', 'summarize', 'summarise', 'overview', 'profile', 'profiles', 'duration', 'samples',
  'library', 'libraries', 'runtime', 'modules', 'format', 'third', 'party', 'code',
  'hotspot', 'hotspots', 'hottest', 'slowest', 'bottleneck', 'bottlenecks', 'costliest', 'heaviest',
  'time', 'spent', 'spend', 'spends', 'functions', 'function', 'methods', 'self', 'total', 'inclusive',
  'exclusive', 'cumulative', 'memory', 'allocates', 'allocations', 'allocation',
  'regex', 'regexes', 'regular', 'expression', 'expressions', 'string', 'strings', 'concatenation',
  'concat', 'blocking', 'linear', 'search', 'quadratic', 'await', 'awaits', 'sequential', 'loop', 'loops',
  'python', 'javascript', 'typescript', 'golang', 'java', 'folder', 'directory', 'package', 'file', 'files',
];

const KEYWORD_SET = new Set(KEYWORDS);

/** Words that carry no subject: never taken for a function name. */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'i', 'we', 'you', 'it', 'its',
  'my', 'our', 'me', 'us', 'what', 'whats', 'how', 'so', 'in', 'on', 'of', 'for', 'to', 'from', 'by', 'with',
  'and', 'or', 'not', 'no', 'this', 'that', 'these', 'those', 'there', 'here', 'can', 'could', 'should', 'would',
  'will', 'please', 'all', 'any', 'some', 'most', 'more', 'much', 'top', 'at', 'as', 'has', 'have', 'had',
  'get', 'got', 'give', 'me', 'up', 'out', 'than', 'then', 'one', 'each', 'own', 'their', 'them', 'they',
  'which', 'who', 'whom', 'line', 'hot', 'cpu', 'go', 'js', 'ts', 'py', 'node', 'under', 'inside', 'within',
  'current', 'cursor', 'selected', 'selection', 'if', 'into', 'over', 'per', 'vs', 'versus', 'n', 'ok',
]);

/** Plain words that are neither grammar nor filler: candidates for function names. */
export function isContentWord(word: string): boolean {
  return !KEYWORD_SET.has(word) && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

export function isKeyword(word: string): boolean {
  return KEYWORD_SET.has(word);
}

/** Quoted or backticked pieces: `loadCustomers`, "customer_names", 'report.js'. */
const QUOTED = /`([^`]+)`|"([^"]+)"|(?<![\w])'([^'\s][^']*)'(?![\w])/g;
/** Runs of characters a word, a path or an identifier is made of. */
const WORD = /[A-Za-z0-9_$][\w$.\/+:-]*(?:\(\))?/g;
const CODE_SHAPE = /[_$]|[a-z][A-Z]|\(\)$|^[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*$/;

export interface Words {
  words: Word[];
  /** The question in lower case with typos corrected, words separated by single spaces. */
  normalized: string;
}

/**
 * Splits a question into words. `known` says which plain words are names of the model (a
 * function called `first`, a folder called `lib`): those are not corrected into keywords.
 */
export function splitWords(question: string, known: (word: string) => boolean): Words {
  const words: Word[] = [];
  const rest = question.replace(QUOTED, (_, a?: string, b?: string, c?: string) => {
    const quoted = (a ?? b ?? c ?? '').trim();
    if (quoted) words.push({ raw: quoted, lower: quoted.toLowerCase(), code: true });
    return ' \u0000 ';
  });
  const ordered: Word[] = [];
  let quotedAt = 0;
  for (const piece of rest.split(/\s+/)) {
    if (piece === '\u0000') {
      ordered.push(words[quotedAt++]);
      continue;
    }
    for (const match of piece.matchAll(WORD)) {
      const raw = match[0].replace(/[.:/+-]+$/, (tail) => (tail === '/' ? tail : ''));
      if (!raw) continue;
      const lower = raw.toLowerCase();
      const code = CODE_SHAPE.test(raw);
      ordered.push({ raw, lower: code || known(lower) ? lower : correct(lower), code });
    }
  }
  const normalized = ordered.map((w) => w.lower).join(' ');
  return { words: ordered, normalized };
}

/** A plain word as the keyword it was probably meant to be, or as typed. */
function correct(word: string): string {
  if (KEYWORD_SET.has(word) || STOPWORDS.has(word) || /[^a-z]/.test(word)) return word;
  const [best] = closest(word, KEYWORDS);
  return best ?? word;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A count written in digits or as a word up to twenty. */
export function countOf(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const index = NUMBER_WORDS.indexOf(word);
  return index > 0 ? index : undefined;
}
