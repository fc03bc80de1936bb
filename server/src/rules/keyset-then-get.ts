/**
 * keyset-then-get: a loop over a map's keys that looks each key up in the same map again
 * (`for (K k : map.keySet()) map.get(k)`, `for k in d.keys(): d[k]`), where iterating the
 * entries gives key and value in one step.
 */
import type { Node } from 'web-tree-sitter';
import type { Loop } from '../syntax/facts';
import { collectionKeptAcross } from '../syntax/loop-invariance';
import { quote } from './describe';
import type { Rule, RuleContext } from './rule';

/** The map and key variable of `for (K k : map.keySet())` or `for k in d.keys()`. */
function keyLoop(context: RuleContext, loop: Loop): { map: Node; key: Node } | undefined {
  const iterable = loop.iterable;
  if (!iterable || loop.kind !== 'for-each' || !context.dialect.callTypes.has(iterable.type)) return undefined;
  const receiver = context.dialect.receiver(iterable);
  const method = context.language === 'java' ? 'keySet' : 'keys';
  if (!receiver || context.dialect.calleePath(iterable) !== `${receiver.text}.${method}` || context.dialect.callArgs(iterable).length > 0) return undefined;
  const key = context.language === 'java' ? loop.node.childForFieldName('name') : loop.node.childForFieldName('left');
  return key?.type === 'identifier' ? { map: receiver, key } : undefined;
}

/** The lookups of `key` in `map` inside the loop body: `map.get(key)` or `map[key]`. */
function lookups(context: RuleContext, loop: Loop, map: string, key: string): Node[] {
  const body = loop.node.childForFieldName('body');
  if (!body) return [];
  if (context.language === 'java') {
    return body.descendantsOfType('method_invocation').filter((call): call is Node =>
      !!call && context.dialect.calleePath(call) === `${map}.get` && context.dialect.callArgs(call).map((a) => a.text).join() === key);
  }
  return body.descendantsOfType('subscript').filter((s): s is Node => {
    if (!s || s.childForFieldName('value')?.text !== map || s.childForFieldName('subscript')?.text !== key) return false;
    // `d[k] = …` writes: only reads are a second lookup that `.items()` would save.
    const parent = s.parent;
    return !(parent?.type === 'assignment' || parent?.type === 'augmented_assignment') || !parent.childForFieldName('left')?.equals(s);
  });
}

export const keysetThenGet: Rule = {
  meta: {
    id: 'keyset-then-get',
    title: 'Map iterated by key, then each value looked up again',
    languages: ['java', 'python'],
    severity: 'info',
    confidence: 'high',
    why:
      'Iterating the keys of a map and then calling `get(key)` (or `d[key]`) for each one ' +
      'hashes every key a second time and searches its bucket again, work the iteration had ' +
      'already done. On a `TreeMap` each `get` is a walk down the tree, so the loop costs ' +
      'n log n instead of n.',
    fix: 'Iterate the entries: `for (Map.Entry<K, V> e : map.entrySet())` in Java, `for k, v in d.items():` in Python.',
    examples: {
      java: {
        flagged: 'for (String name : totals.keySet()) {\n    report(name, totals.get(name));\n}',
        useInstead: 'for (Map.Entry<String, Long> e : totals.entrySet()) {\n    report(e.getKey(), e.getValue());\n}',
      },
      python: {
        flagged: 'for name in totals.keys():\n    report(name, totals[name])',
        useInstead: 'for name, total in totals.items():\n    report(name, total)',
      },
    },
    references: [
      { title: 'SpotBugs: WMI_WRONG_MAP_ITERATOR', url: 'https://spotbugs.readthedocs.io/en/stable/bugDescriptions.html#wmi-inefficient-use-of-keyset-iterator-instead-of-entryset-iterator-wmi-wrong-map-iterator' },
      { title: 'Pylint: consider-using-dict-items (C0206)', url: 'https://pylint.readthedocs.io/en/stable/user_guide/messages/convention/consider-using-dict-items.html' },
      { title: 'Java: Map.entrySet', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/Map.html#entrySet()' },
    ],
    peers: ['SpotBugs WMI_WRONG_MAP_ITERATOR', 'Pylint consider-using-dict-items (C0206)'],
  },

  check(context) {
    const { dialect, facts, language } = context;
    for (const loop of facts.loops) {
      const found = keyLoop(context, loop);
      if (!found || !collectionKeptAcross(language, facts, dialect, found.map, loop)) continue;
      const iteration = language === 'java' ? `${found.map.text}.entrySet()` : `${found.map.text}.items()`;
      // One finding per loop, at the first lookup: the rewrite removes them all.
      const [lookup] = lookups(context, loop, found.map.text, found.key.text);
      if (!lookup) continue;
      context.report(
        lookup,
        `${quote(lookup.text)} looks up each key of ${quote(found.map.text)} again inside the loop over its keys: iterate ${quote(iteration)} to get key and value together`,
      );
    }
  },
};
