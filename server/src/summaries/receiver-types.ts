/**
 * The class of the object a method call is made on (`CallFact.receiverType`) in Python and
 * JavaScript: the class or factory a variable was made from, in the same function or at module
 * level (`repo = UserRepo(db)`, `const r = new Repo()`,
 * `const repo = makeRepo(db)`). A name made from two different things in the same scope is
 * ambiguous and gets no type: none is guessed.
 */
import { Query, Tree } from 'web-tree-sitter';
import type { Language } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import type { InstanceFact } from './file-summary';

export interface ReceiverTypes {
  /** The receiver's class for a call's path (`repo.get`), the call standing at `offset`. */
  of(path: string, offset: number): string | undefined;
}

/** Names to types, a name with two different types mapping to undefined. */
type Types = Map<string, string | undefined>;

function record(types: Types, name: string, type: string | undefined): void {
  types.set(name, types.has(name) && types.get(name) !== type ? undefined : type);
}

/** Assignments of a new object to a plain name: `@name` gets `@class` (a class) or `@factory` (a function's result). */
const MADE: Partial<Record<LanguageId, string>> = {
  python: '(assignment left: (identifier) @name right: (call function: [(identifier) (attribute)] @class))',
  javascript:
    '(variable_declarator name: (identifier) @name value: (new_expression constructor: [(identifier) (member_expression)] @class))\n' +
    '(variable_declarator name: (identifier) @name value: (call_expression function: (identifier) @factory))',
};
MADE.typescript = MADE.javascript;

/** Per grammar (TypeScript and TSX are two). */
const madeQueries = new Map<Language, Query>();

/**
 * Python and JavaScript: the variables made from a class or a factory, per scope. `scopeOf`
 * gives the function an offset stands in (undefined at module level); it is asked only once the
 * file's functions are known.
 */
function madeTypes(tree: Tree, language: LanguageId, scopeOf: (offset: number) => object | undefined): { types: ReceiverTypes; instances: () => InstanceFact[] } {
  let query = madeQueries.get(tree.language);
  if (!query) madeQueries.set(tree.language, (query = new Query(tree.language, MADE[language]!)));
  const made: Array<{ offset: number; name: string; type: string }> = [];
  for (const match of query.matches(tree.rootNode)) {
    const name = match.captures.find((c) => c.name === 'name')?.node;
    const from = match.captures.find((c) => c.name === 'class' || c.name === 'factory');
    if (!name || !from) continue;
    made.push({ offset: name.startIndex, name: name.text, type: from.name === 'factory' ? `${from.node.text}()` : from.node.text });
  }
  let byScope: Map<object | undefined, Types> | undefined;
  const scopes = () => {
    if (byScope) return byScope;
    byScope = new Map();
    for (const { offset, name, type } of made) {
      const scope = scopeOf(offset);
      let types = byScope.get(scope);
      if (!types) byScope.set(scope, (types = new Map()));
      record(types, name, type);
    }
    return byScope;
  };
  return {
    types: {
      of(path, offset) {
        const parts = path.split('.');
        if (parts.length !== 2) return undefined;
        const local = scopes().get(scopeOf(offset));
        if (local?.has(parts[0])) return local.get(parts[0]);
        return scopes().get(undefined)?.get(parts[0]);
      },
    },
    instances: () => [...(scopes().get(undefined) ?? [])].flatMap(([name, type]) => (type ? [{ name, type }] : [])),
  };
}

/** Python and JavaScript: the receiver types of a file's calls, and its module-level instances. */
export function madeReceiverTypes(tree: Tree, language: LanguageId, scopeOf: (offset: number) => object | undefined): { types: ReceiverTypes; instances: () => InstanceFact[] } | undefined {
  return MADE[language] ? madeTypes(tree, language, scopeOf) : undefined;
}
