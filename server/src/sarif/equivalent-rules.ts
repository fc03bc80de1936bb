/**
 * Rules of other tools that flag what a Hotpath rule flags. A result of one of them at the place
 * of a Hotpath finding of the equivalent rule is the same problem reported twice: the two are
 * shown as one diagnostic that names both. Tools are matched by the name their SARIF logs give
 * (case ignored), rules by the id their results carry.
 */
import { ruleById } from '../rules';

interface Equivalence {
  /** The Hotpath rule. */
  ours: string;
  /** Tool names as SARIF drivers spell them, lower-cased. */
  tools: readonly string[];
  /** Rule ids as the tool's results carry them. */
  rules: readonly string[];
}

export const EQUIVALENT_RULES: readonly Equivalence[] = [
  { ours: 'await-in-loop', tools: ['eslint'], rules: ['no-await-in-loop'] },
  { ours: 'await-in-loop', tools: ['oxlint'], rules: ['eslint(no-await-in-loop)', 'no-await-in-loop'] },
  { ours: 'await-in-loop', tools: ['biome'], rules: ['lint/performance/noAwaitInLoops'] },
  { ours: 'await-in-loop', tools: ['deno lint', 'deno'], rules: ['no-await-in-loop'] },
  // Ruff's flake8-async rules: HTTP calls, subprocesses, open(), os.path and time.sleep() in async functions.
  {
    ours: 'blocking-call-in-async',
    tools: ['ruff'],
    rules: ['ASYNC210', 'ASYNC212', 'ASYNC220', 'ASYNC221', 'ASYNC222', 'ASYNC230', 'ASYNC240', 'ASYNC251'],
  },
  { ours: 'blocking-call-in-async', tools: ['eslint', 'oxlint'], rules: ['n/no-sync', 'node/no-sync'] },
  { ours: 'regex-compiled-in-loop', tools: ['eslint', 'oxlint'], rules: ['prefer-regex-literals', 'eslint(prefer-regex-literals)'] },
  { ours: 'regex-compiled-in-loop', tools: ['staticcheck'], rules: ['SA6000'] },
  { ours: 'regex-compiled-in-loop', tools: ['sonarqube', 'sonarlint', 'sonarcloud'], rules: ['java:S4248', 'S4248'] },
  { ours: 'linear-search-in-loop', tools: ['eslint', 'oxlint'], rules: ['unicorn/prefer-set-has', 'unicorn(prefer-set-has)'] },
  { ours: 'string-concat-in-loop', tools: ['pylint'], rules: ['R1713', 'consider-using-join'] },
  { ours: 'string-concat-in-loop', tools: ['pmd'], rules: ['UseStringBufferForStringAppends'] },
  { ours: 'string-concat-in-loop', tools: ['sonarqube', 'sonarlint', 'sonarcloud'], rules: ['java:S1643', 'S1643'] },
];

/** Hotpath's own name in the logs it writes: its results re-imported are its own rules. */
export const HOTPATH_TOOL = 'Hotpath';

export function isHotpath(tool: string): boolean {
  return tool.toLowerCase() === HOTPATH_TOOL.toLowerCase();
}

/** The Hotpath rule that a rule of another tool is equivalent to, if any. */
export function equivalentRule(tool: string, ruleId: string): string | undefined {
  if (isHotpath(tool)) return ruleById(ruleId) ? ruleId : undefined;
  const name = tool.toLowerCase();
  return EQUIVALENT_RULES.find((e) => e.tools.includes(name) && e.rules.includes(ruleId))?.ours;
}
