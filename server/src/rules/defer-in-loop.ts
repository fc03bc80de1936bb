/**
 * defer-in-loop: a Go `defer` inside a loop. Deferred calls run when the function returns, not
 * when the iteration ends, so one is queued per iteration and whatever they release stays held.
 */
import { loopsRelated, quote, repetition } from './describe';
import type { Rule } from './rule';
import { runsOncePerLoop } from '../syntax/runs-once';
import { runsFewRounds } from './per-item-loops';

export const deferInLoop: Rule = {
  meta: {
    id: 'defer-in-loop',
    title: '`defer` inside a loop runs only when the function returns',
    languages: ['go'],
    severity: 'warning',
    confidence: 'high',
    why:
      'A deferred call runs when the surrounding function returns, not at the end of the loop ' +
      'iteration. A `defer` in a loop body queues one call per iteration: every file, response ' +
      'body, lock or transaction it would release stays held until the whole loop is done, and ' +
      'a long loop can run out of file descriptors or connections. Each queued call is also a ' +
      'record the runtime allocates, since the compiler cannot inline defers that sit in a loop.',
    fix:
      'Move the body of the loop into a function (a named helper or a `func() { … }()` literal) ' +
      'so the `defer` runs at the end of each iteration, or release the resource explicitly at ' +
      'the end of the iteration.',
    examples: {
      go: {
        flagged:
          'for _, path := range paths {\n\tf, err := os.Open(path)\n\tif err != nil {\n\t\treturn err\n\t}\n' +
          '\tdefer f.Close()\n\tif err := process(f); err != nil {\n\t\treturn err\n\t}\n}',
        useInstead:
          'for _, path := range paths {\n\tif err := processFile(path); err != nil {\n\t\treturn err\n\t}\n}\n\n' +
          'func processFile(path string) error {\n\tf, err := os.Open(path)\n\tif err != nil {\n\t\treturn err\n\t}\n' +
          '\tdefer f.Close()\n\treturn process(f)\n}',
      },
    },
    references: [
      { title: 'The Go Programming Language Specification: Defer statements', url: 'https://go.dev/ref/spec#Defer_statements' },
      { title: 'Go blog: Defer, Panic, and Recover', url: 'https://go.dev/blog/defer-panic-and-recover' },
      { title: 'go-critic: deferInLoop', url: 'https://go-critic.com/overview.html#deferinloop' },
    ],
    peers: ['go-critic deferInLoop', 'revive defer (its "loop" check)'],
  },

  check(context) {
    for (const site of context.facts.sites.call) {
      const statement = site.node.parent;
      // Only the loops of the function the defer belongs to: a `func() { defer … }()` literal in
      // a loop is the fix, and its defers run when the literal returns.
      const loop = site.loopsInFunction[0];
      // A defer in a lazy set-up, or right before a return, is queued once.
      // Over a handful of rounds written in the source, a handful of defers wait: no growth with the data.
      if (!loop || statement?.type !== 'defer_statement' || runsOncePerLoop(statement, loop.node) || runsFewRounds(context.dialect, loop)) continue;
      context.report(
        statement,
        `${quote(statement.text)} is queued ${repetition(loop)} and runs only when the function returns: ` +
          'move the loop body into a function or release the resource at the end of the iteration',
        loopsRelated(site.loopsInFunction),
      );
    }
  },
};
