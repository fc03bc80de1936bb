import type { Rule } from './rule';

// Work in progress: metadata and check are being written.
export const blockingCallInAsync: Rule = {
  meta: {
    id: 'blocking-call-in-async',
    title: '',
    languages: ['python', 'javascript', 'typescript'],
    severity: 'info',
    confidence: 'medium',
    why: '',
    fix: '',
    examples: {},
    references: [],
  },

  check() {},
};
