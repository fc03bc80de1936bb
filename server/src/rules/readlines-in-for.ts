/**
 * readlines-in-for: `for line in f.readlines():` in Python, which reads the whole file into a
 * list before the first line is handled, where iterating the file reads it line by line.
 */
import { lastSegment } from '../syntax/paths';
import { quote } from './describe';
import type { Rule } from './rule';

export const readlinesInFor: Rule = {
  meta: {
    id: 'readlines-in-for',
    title: 'File read whole with `readlines()` just to loop over its lines',
    languages: ['python'],
    severity: 'info',
    confidence: 'high',
    why:
      '`f.readlines()` reads the entire file and builds a list with one string per line ' +
      'before the loop starts. The loop then holds the whole file in memory at once (a ' +
      'multi-gigabyte log needs gigabytes of memory), and nothing is processed until the last ' +
      'byte is read. A file object is itself an iterator over its lines, reading through a ' +
      'buffer as the loop goes.',
    fix: 'Iterate the file directly: `for line in f:`.',
    examples: {
      python: {
        flagged: 'with open(path) as f:\n    for line in f.readlines():\n        handle(line)',
        useInstead: 'with open(path) as f:\n    for line in f:\n        handle(line)',
      },
    },
    references: [
      { title: 'Python tutorial: methods of file objects (looping over the file object)', url: 'https://docs.python.org/3/tutorial/inputoutput.html#methods-of-file-objects' },
      { title: 'Ruff: readlines-in-for (FURB129)', url: 'https://docs.astral.sh/ruff/rules/readlines-in-for/' },
    ],
    peers: ['ruff FURB129 readlines-in-for'],
  },

  check(context) {
    const { dialect } = context;
    for (const loop of context.facts.loops) {
      const iterable = loop.iterable;
      if (!iterable || (loop.kind !== 'for-each' && loop.kind !== 'comprehension') || iterable.type !== 'call') continue;
      const receiver = dialect.receiver(iterable);
      if (!receiver || lastSegment(dialect.calleePath(iterable)) !== 'readlines') continue;
      if (dialect.callArgs(iterable).length > 0) continue;
      context.report(iterable, `${quote(iterable.text)} reads the whole file into a list before the loop starts: iterate ${quote(receiver.text)} itself, line by line`);
    }
  },
};
