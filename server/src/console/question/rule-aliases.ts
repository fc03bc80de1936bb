/**
 * What people call the patterns Hotpath's rules flag, as they would type them in a question.
 * Phrases are matched against the question in lower case, words separated by single spaces;
 * plural phrases ("n+1 queries") mean every finding of the rule rather than the rule itself.
 */

export interface RuleAliases {
  singular: readonly string[];
  plural: readonly string[];
}

export const RULE_ALIASES: Readonly<Record<string, RuleAliases>> = {
  'n-plus-one-query': {
    singular: ['n+1', 'n plus one', 'nplusone', 'n+1 query', 'query in a loop', 'query in loop', 'database call in a loop', 'http call in a loop', 'round trip per item'],
    plural: ['n+1 queries', 'n+1s', 'queries in loops', 'queries in a loop', 'database calls in loops', 'http calls in loops', 'round trips'],
  },
  'n-plus-one-through-call': {
    singular: ['n+1 through a call', 'n+1 through a helper', 'query through a helper', 'helper that queries in a loop', 'cross-file n+1'],
    plural: ['n+1s through calls', 'queries through helpers', 'helpers that query in loops'],
  },
  'await-in-loop': {
    singular: ['await in loop', 'await in a loop', 'sequential await', 'awaiting in a loop'],
    plural: ['awaits in loops', 'await in loops', 'sequential awaits'],
  },
  'blocking-call-in-async': {
    singular: ['blocking call', 'blocking io', 'blocking i/o', 'sync call in async', 'blocking the event loop', 'blocks the event loop'],
    plural: ['blocking calls', 'blocking calls in async'],
  },
  'linear-search-in-loop': {
    singular: ['linear search', 'quadratic lookup', 'list search', 'quadratic search', 'includes in a loop', 'in list in a loop'],
    plural: ['linear searches', 'quadratic lookups', 'list searches'],
  },
  'regex-compiled-in-loop': {
    singular: ['regex', 'regex compiled in a loop', 'regular expression', 'compiled regex', 'regex compile', 're.compile', 'pattern.compile'],
    plural: ['regexes', 'regular expressions', 'compiled regexes'],
  },
  'string-concat-in-loop': {
    singular: ['string concat', 'string concatenation', 'string building', 'string concatenation in a loop', 'concatenation', 'string builder'],
    plural: ['string concatenations', 'string concats'],
  },
};
