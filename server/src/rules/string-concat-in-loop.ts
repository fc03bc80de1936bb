import type { Rule } from './rule';

// Work in progress: metadata and check are being written.
export const stringConcatInLoop: Rule = {
  meta: {
    id: 'string-concat-in-loop',
    title: '',
    languages: ['python', 'java', 'go'],
    severity: 'info',
    confidence: 'medium',
    why: '',
    fix: '',
    examples: {},
    references: [],
  },

  check() {},
};
