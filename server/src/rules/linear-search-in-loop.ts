import type { Rule } from './rule';

// Work in progress: metadata and check are being written.
export const linearSearchInLoop: Rule = {
  meta: {
    id: 'linear-search-in-loop',
    title: '',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'info',
    confidence: 'medium',
    why: '',
    fix: '',
    examples: {},
    references: [],
  },

  check() {},
};
