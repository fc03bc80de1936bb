/**
 * dom-query-in-loop: the same DOM query (`document.querySelector(".x")`) run on every round of a
 * loop, where the element (or list) found once before the loop would do.
 */
import { invariantInLoop } from '../syntax/loop-invariance';
import { compilePatterns } from './call-patterns';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule } from './rule';

const QUERIES = compilePatterns([
  '{document,this.document,window.document}.{querySelector,querySelectorAll,getElementById,getElementsByClassName,getElementsByTagName,getElementsByName}',
]);

export const domQueryInLoop: Rule = {
  meta: {
    id: 'dom-query-in-loop',
    title: 'The same DOM query run on every iteration',
    languages: ['javascript', 'typescript'],
    severity: 'info',
    confidence: 'high',
    why:
      '`document.querySelector` and its relatives search the document tree each time they are ' +
      'called: matching a selector walks the elements until one matches (all of them for ' +
      '`querySelectorAll`, which also builds a new list). A loop that runs the same query with ' +
      'the same selector repeats that search once per item, and on a page of thousands of ' +
      'elements the searches can cost more than the work the loop does.',
    fix: 'Run the query once before the loop and keep the element or list in a variable; query inside the loop only when the selector depends on the item.',
    examples: {
      javascript: {
        flagged: 'for (const item of items) {\n  document.querySelector("#list").append(render(item));\n}',
        useInstead: 'const list = document.querySelector("#list");\nfor (const item of items) {\n  list.append(render(item));\n}',
      },
      typescript: {
        flagged: 'rows.forEach((row) => {\n  const total = document.getElementById("total") as HTMLElement;\n  total.textContent = String(sum(row));\n});',
        useInstead: 'const total = document.getElementById("total") as HTMLElement;\nrows.forEach((row) => {\n  total.textContent = String(sum(row));\n});',
      },
    },
    references: [
      { title: 'MDN: Document.querySelector()', url: 'https://developer.mozilla.org/en-US/docs/Web/API/Document/querySelector' },
      { title: 'web.dev: avoid large, complex layouts and layout thrashing', url: 'https://web.dev/articles/avoid-large-complex-layouts-and-layout-thrashing' },
    ],
  },

  check(context) {
    const { dialect, facts, language } = context;
    for (const site of facts.sites.call) {
      const loop = site.loops[0];
      const path = loop && dialect.calleePath(site.node);
      if (!path || !QUERIES?.test(path)) continue;
      const args = dialect.callArgs(site.node);
      if (args.length !== 1 || !invariantInLoop(language, facts, dialect, args[0], loop)) continue;
      context.report(
        site.node,
        `${quote(site.node.text)} searches the document again ${repetition(loop)}, with the same selector each time: run it once before the loop`,
        loopsRelated(site.loops),
      );
    }
  },
};
