/**
 * time-after-in-loop: `case <-time.After(d):` in a `select` inside a Go loop, which creates a new
 * timer and channel on every round.
 */
import type { Node } from 'web-tree-sitter';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule } from './rule';

/** True when the call is the channel a `select` case receives from, below the loop. */
function inSelectCase(call: Node, loop: Node): boolean {
  for (let n = call.parent; n && !n.equals(loop); n = n.parent) {
    if (n.type === 'communication_case') return true;
    if (n.type === 'block' || n.type === 'func_literal') return false;
  }
  return false;
}

export const timeAfterInLoop: Rule = {
  meta: {
    id: 'time-after-in-loop',
    title: '`time.After` in a `select` inside a loop',
    languages: ['go'],
    severity: 'info',
    confidence: 'high',
    why:
      'Each call of `time.After(d)` creates a new timer and channel. In a `select` inside a ' +
      'loop, every round that another case wins leaves its timer behind: before Go 1.23 such a ' +
      'timer stays in memory until it fires, so a busy loop with a long timeout piles up ' +
      'thousands of live timers, and even on newer versions each round allocates and schedules ' +
      'one. The timeout also restarts on every round rather than bounding the loop as a whole.',
    fix:
      'Create one `time.NewTimer(d)` (or `time.NewTicker`) before the loop, select on its `C`, ' +
      'and `Stop` (or `Reset`) it as needed; or use a `context.WithTimeout` for an overall deadline.',
    examples: {
      go: {
        flagged: 'for {\n\tselect {\n\tcase msg := <-in:\n\t\thandle(msg)\n\tcase <-time.After(time.Minute):\n\t\treturn\n\t}\n}',
        useInstead:
          'idle := time.NewTimer(time.Minute)\ndefer idle.Stop()\nfor {\n\tselect {\n\tcase msg := <-in:\n\t\thandle(msg)\n' +
          '\t\tif !idle.Stop() {\n\t\t\t<-idle.C\n\t\t}\n\t\tidle.Reset(time.Minute)\n\tcase <-idle.C:\n\t\treturn\n\t}\n}',
      },
    },
    references: [
      { title: 'Go: time.After', url: 'https://pkg.go.dev/time#After' },
      { title: 'Go 1.23 release notes: timers', url: 'https://go.dev/doc/go1.23#timer-changes' },
    ],
  },

  check(context) {
    const { dialect } = context;
    for (const site of context.facts.sites.call) {
      const loop = site.loopsInFunction[0];
      if (!loop || dialect.calleePath(site.node) !== 'time.After' || !inSelectCase(site.node, loop.node)) continue;
      context.report(
        site.node,
        `${quote(site.node.text)} creates a new timer ${repetition(loop)}, and one left behind whenever another case wins: create one timer before the loop and reset it`,
        loopsRelated(site.loopsInFunction),
      );
    }
  },
};
