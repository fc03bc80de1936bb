/**
 * ESLint as the peer on JavaScript and TypeScript: a flat config written in code that turns on
 * only `no-await-in-loop`, with @typescript-eslint/parser for TypeScript files. It is an options
 * module (ESLint.fromOptionsModule) so that ESLint's own worker threads can load it too.
 */
import type { ESLint } from 'eslint';
import tsParser = require('@typescript-eslint/parser');
import { defaultPoolSize } from '../../server/src/workspace/scan-pool';

const rules = { 'no-await-in-loop': 'error' } as const;

const options: ESLint.Options = {
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules },
    { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } }, rules },
    { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser }, rules },
  ],
  errorOnUnmatchedPattern: false,
  // As many threads as Hotpath's scan pool uses on this machine.
  concurrency: defaultPoolSize(),
};

export = options;
