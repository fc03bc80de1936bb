/**
 * How much of a function's time each pattern usually accounts for, as a weight from 0 to 1:
 * "what to fix first" ranks by expected gain = the function's measured share × this weight.
 * The weights are judgments from how the patterns behave, not measurements; each says why, and
 * answers show the weight next to the measured share so the ranking can be checked.
 */

export interface RuleCost {
  weight: number;
  reason: string;
}

export const RULE_COSTS: Readonly<Record<string, RuleCost>> = {
  'n-plus-one-query': {
    weight: 0.9,
    reason: 'a round trip per item is usually most of the loop\'s time, and batching leaves one or two',
  },
  'n-plus-one-through-call': {
    weight: 0.8,
    reason: 'the helper\'s round trip per item is usually most of the loop\'s time; the chain through other functions is found statically and may be cut by a cache the index cannot see',
  },
  'linear-search-in-loop': {
    weight: 0.8,
    reason: 'the scan makes the loop quadratic and is usually most of its time; a set or map lookup is constant',
  },
  'await-in-loop': {
    weight: 0.7,
    reason: 'sequential waits add up to most of the wall time; running them together removes it, though not the work itself',
  },
  'blocking-call-in-async': {
    weight: 0.5,
    reason: 'the call stalls every other task while it runs; the async form frees the thread but still does the work',
  },
  'string-concat-in-loop': {
    weight: 0.5,
    reason: 'each step copies the string so far, quadratic in its length, though some runtimes append in place',
  },
  'regex-compiled-in-loop': {
    weight: 0.3,
    reason: 'runtimes often cache compiled patterns (Python\'s `re` does), so hoisting saves the lookup and the object, more in Go and Java',
  },
};

/** The weight of a rule without an entry (another tool's rule). */
export const UNKNOWN_RULE_COST: RuleCost = {
  weight: 0.5,
  reason: 'no cost is known for this rule, so it counts as half of the function\'s time',
};

/** The weight of a hot function of the user's own code where no rule flags anything. */
export const HOT_CODE_COST: RuleCost = {
  weight: 0.25,
  reason: 'without a known pattern there is no known rewrite, so its own time counts at a quarter and flagged code in the same function ranks first',
};

export function ruleCost(ruleId: string): RuleCost {
  return RULE_COSTS[ruleId] ?? UNKNOWN_RULE_COST;
}
