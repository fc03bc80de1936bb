import type { Rule } from './rule';

// Work in progress: metadata and check are being written.
export const regexCompiledInLoop: Rule = {
  meta: {
    id: 'regex-compiled-in-loop',
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
