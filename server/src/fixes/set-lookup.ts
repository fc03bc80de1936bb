/**
 * linear-search-in-loop: build a set of the collection once, above the loop, and look items up
 * in it — `x in items` in Python, `items.includes(x)` in JavaScript and TypeScript,
 * `items.contains(x)` in Java. Only when the loop does not change the collection. In Python a
 * set needs hashable items (a list of lists or dicts would raise `TypeError`), which the code
 * does not show, so that fix asks the user to check.
 */
import type { Node } from 'web-tree-sitter';
import { declarationInScope } from '../syntax/scopes';
import { javaImport } from './imports';
import type { OffsetEdit } from './offset-edits';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { freshName, joinName } from './naming';
import { Rewrite, SnippetEdit } from './snippet-edit';

const MUTATORS = 'append|push|add|remove|insert|pop|splice|extend|clear|unshift|shift|set|put|discard|update';

/** True when the code changes the collection named `name`. */
function changes(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w$.])${name}\\s*(\\.(${MUTATORS})\\s*\\(|(\\[[^\\]]*\\])?\\s*[-+*]?=(?!=)|\\.length\\s*=)`).test(code);
}

interface Lookup {
  /** The node to replace, and the collection it searches. */
  search: Node;
  collection: Node;
  /** The lookup written against the set. */
  lookup(set: string): string;
  declaration(set: string, collection: string): string;
  /** Imports the declaration needs. */
  imports: Array<OffsetEdit | undefined>;
}

/** `Set<String>` for a collection declared `List<String>`, `Set<?>` when its type does not show. */
function javaSetType(collection: Node): string {
  const type = declarationInScope('java', collection, collection.text)?.type?.text ?? '';
  const item = /^(?:java\.util\.)?(?:List|ArrayList|LinkedList|Collection)<(.+)>$/.exec(type.replace(/\s+/g, ''))?.[1];
  return `Set<${item ?? '?'}>`;
}

function lookupOf(site: FindingSite): Lookup | undefined {
  const { node, language } = site;
  if (language === 'python' && node.type === 'comparison_operator') {
    const operands = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    const collection = operands[1];
    if (operands.length !== 2 || collection.type !== 'identifier') return undefined;
    return { search: collection, collection, lookup: (set) => set, declaration: (set, c) => `${set} = set(${c})`, imports: [] };
  }
  const callee = node.childForFieldName('function');
  const member = callee?.type === 'member_expression' ? callee : undefined;
  const args = site.dialect.callArgs(node);
  if ((language === 'javascript' || language === 'typescript') && member?.childForFieldName('property')?.text === 'includes' && args.length === 1) {
    const collection = member.childForFieldName('object');
    if (collection?.type !== 'identifier') return undefined;
    return { search: node, collection, lookup: (set) => `${set}.has(${args[0].text})`, declaration: (set, c) => `const ${set} = new Set(${c});`, imports: [] };
  }
  if (language === 'java' && node.type === 'method_invocation' && node.childForFieldName('name')?.text === 'contains' && args.length === 1) {
    const collection = node.childForFieldName('object');
    if (collection?.type !== 'identifier') return undefined;
    const root = node.tree.rootNode;
    return {
      search: node,
      collection,
      lookup: (set) => `${set}.contains(${args[0].text})`,
      declaration: (set, c) => `${javaSetType(collection)} ${set} = new HashSet<>(${c});`,
      imports: [javaImport(root, 'java.util.HashSet'), javaImport(root, 'java.util.Set')],
    };
  }
  return undefined;
}

export function setLookup(site: FindingSite): Rewrite | undefined {
  const outer = site.loops[site.loops.length - 1];
  const found = lookupOf(site);
  if (!outer || !found) return undefined;
  const name = found.collection.text;
  const statement = statementOf(outer.node);
  if (changes(statement.text, name)) return undefined;
  const set = freshName(site.text, joinName(site.language, name, 'set'));
  const edit = new SnippetEdit(site.text, statement);
  edit.addAbove(found.declaration(set, name)).replace(found.search, found.lookup(set));
  for (const add of found.imports) edit.addElsewhere(add);
  return edit.result([`\`${set}\` is built once; each lookup in it takes constant time instead of a scan of \`${name}\`.`]);
}
