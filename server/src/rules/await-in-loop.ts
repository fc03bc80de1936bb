import type { Rule } from './rule';

// Work in progress: metadata and check are being written.
export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
    title: '',
    languages: ['javascript', 'typescript', 'python'],
    severity: 'info',
    confidence: 'medium',
    why: '',
    fix: '',
    examples: {},
    references: [],
  },

  check() {},
};
