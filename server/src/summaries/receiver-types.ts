/**
 * The class of the object a method call is made on (`CallFact.receiverType`) in Python and
 * JavaScript: the class or factory a variable was made from, in the same function or at module
 * level (`repo = UserRepo(db)`, `const r = new Repo()`,
 * `const repo = makeRepo(db)`). A name made from two different things in the same scope is
 * ambiguous and gets no type: none is guessed.
 */
import { Query, Tree } from 'web-tree-sitter';
import type { Language, Node } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import { attributeTypes, ClassNode, MethodOf } from './attribute-types';
import type { InstanceFact } from './file-summary';
import { record, Types } from './record-type';

export interface ReceiverTypes {
  /**
   * The receiver's class for a call's path (`repo.get`, `self.repo.get`) and node; `inFunction`
   * is the function the call stands in, without which an attribute's class is not read.
   */
  of(path: string, call: Node, inFunction?: MethodOf): string | undefined;
}

/** Assignments of a new object to a plain name: `@name` gets `@class` (a class) or `@factory` (a function's result). */
const MADE: Partial<Record<LanguageId, string>> = {
  python: '(assignment left: (identifier) @name right: (call function: [(identifier) (attribute)] @class))',
  javascript:
    '(variable_declarator name: (identifier) @name value: (new_expression constructor: [(identifier) (member_expression)] @class))\n' +
    '(variable_declarator name: (identifier) @name value: (call_expression function: (identifier) @factory))',
};
MADE.typescript = MADE.javascript;

/**
 * Where a file's text may assign a new object to a name, found by its words before any query
 * runs: the query then reads only a function that both assigns a name here and calls a method on
 * it. (Run over every file, the query cost a third of the summary.) Python classes are read by
 * their capitalized names (`UserRepo(…)`, `models.UserRepo(…)`), as PEP 8 names them: `m =
 * re.match(…)` then `m.group()` is everywhere and never a workspace class.
 */
const MAY_ASSIGN: Partial<Record<LanguageId, RegExp>> = {
  python: /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[A-Za-z_]\w*\.)*[A-Z]\w*[ \t]*\(/gm,
  javascript: /\b([A-Za-z_$][\w$]*)\s*=\s*(?:new\s+[A-Za-z_$]|[A-Za-z_$][\w$]*\s*\()/g,
};
MAY_ASSIGN.typescript = MAY_ASSIGN.javascript;

/** Per grammar (TypeScript and TSX are two). */
const madeQueries = new Map<Language, Query>();

/** A function of the file, as summarize.ts records it. */
export interface Scope {
  node: Node;
  start: number;
  end: number;
  /** Its class and how it names its object, for a method. */
  fact?: MethodOf;
}

/** What a function's assignments made, from the query over the function alone. */
function madeInFunction(query: Query, scope: Scope): Types {
  const types: Types = new Map();
  for (const match of query.matches(scope.node)) {
    const name = match.captures.find((c) => c.name === 'name')?.node;
    const from = match.captures.find((c) => c.name === 'class' || c.name === 'factory');
    if (name && from) record(types, name.text, from.name === 'factory' ? `${from.node.text}()` : from.node.text);
  }
  return types;
}

/** The type a new object's expression makes (`UserRepo(…)`, `new Repo(…)`, `makeRepo(…)`), as the query reads it. */
function madeBy(value: Node | null, language: LanguageId): string | undefined {
  if (language === 'python') {
    const fn = value?.type === 'call' ? value.childForFieldName('function') : undefined;
    return fn && (fn.type === 'identifier' || fn.type === 'attribute') ? fn.text : undefined;
  }
  if (value?.type === 'new_expression') {
    const made = value.childForFieldName('constructor');
    return made && (made.type === 'identifier' || made.type === 'member_expression') ? made.text : undefined;
  }
  const fn = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
  return fn?.type === 'identifier' ? `${fn.text}()` : undefined;
}

/**
 * What the module's own statements made, read statement by statement: a query over the file
 * walks every node of it.
 */
function madeAtModuleLevel(root: Node, language: LanguageId, assigned: ReadonlyMap<string, unknown>): Types {
  const types: Types = new Map();
  for (const child of root.namedChildren) {
    const statement = child?.type === 'export_statement' ? child.childForFieldName('declaration') : child;
    if (!statement) continue;
    if (statement.type === 'expression_statement' && language === 'python') {
      const assignment = statement.firstNamedChild;
      const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
      if (left?.type !== 'identifier' || !assigned.has(left.text)) continue;
      const type = madeBy(assignment!.childForFieldName('right'), language);
      if (type) record(types, left.text, type);
    } else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') {
      for (const declarator of statement.namedChildren) {
        const name = declarator?.type === 'variable_declarator' ? declarator.childForFieldName('name') : undefined;
        if (name?.type !== 'identifier' || !assigned.has(name.text)) continue;
        const type = madeBy(declarator!.childForFieldName('value'), language);
        if (type) record(types, name.text, type);
      }
    }
  }
  return types;
}

/**
 * Whether a function has a name of its own that hides the module's: a parameter, or any
 * assignment to it in the function (`users = []`), which the words show without a query.
 */
function bindsItself(scope: Scope, name: string, text: string): boolean {
  const word = name.replace(/\$/g, '\\$');
  const parameters = scope.node.childForFieldName('parameters') ?? scope.node.childForFieldName('parameter');
  if (parameters && new RegExp(`(?<![\\w$])${word}(?![\\w$])`).test(parameters.text)) return true;
  return new RegExp(`(?<![\\w$.])${word}\\s*=(?!=)`).test(text.slice(scope.start, scope.end));
}

/**
 * Python and JavaScript: the variables made from a class or a factory, in the function a call
 * stands in (read once per function, when first asked), else at module level, and the
 * attributes of the method's class (attribute-types.ts). `scopeOf` gives the function an offset
 * stands in and `classes` the file's classes; they are asked only once the file's functions and
 * classes are known.
 */
export function madeReceiverTypes(
  tree: Tree,
  language: LanguageId,
  scopeOf: (offset: number) => Scope | undefined,
  classes: () => readonly ClassNode[],
): { types: ReceiverTypes; instances: () => InstanceFact[] } | undefined {
  const pattern = MADE[language];
  const words = MAY_ASSIGN[language];
  if (!pattern || !words) return undefined;
  const text = tree.rootNode.text;
  const attribute = attributeTypes(tree, language, text, (offset) => scopeOf(offset)?.fact, classes);
  const assigned = new Map<string, number[]>();
  for (const match of text.matchAll(words)) {
    const at = assigned.get(match[1]);
    if (at) at.push(match.index);
    else assigned.set(match[1], [match.index]);
  }
  let query = madeQueries.get(tree.language);
  if (!query) madeQueries.set(tree.language, (query = new Query(tree.language, pattern)));
  const made = query;
  const byScope = new Map<Scope | undefined, Types>();
  const typesIn = (scope: Scope | undefined) => {
    let types = byScope.get(scope);
    if (!types) byScope.set(scope, (types = assigned.size === 0 ? new Map() : scope ? madeInFunction(made, scope) : madeAtModuleLevel(tree.rootNode, language, assigned)));
    return types;
  };
  return {
    types: {
      of(path, call, inFunction) {
        const parts = path.split('.');
        // `self.repo.get`: an attribute of the method's own object.
        if (parts.length === 3) return inFunction?.selfName === parts[0] && attribute ? attribute(inFunction, parts[1]) : undefined;
        const at = parts.length === 2 ? assigned.get(parts[0]) : undefined;
        if (!at) return undefined;
        const scope = scopeOf(call.startIndex);
        const local = scope && at.some((i) => scope.start <= i && i < scope.end) ? typesIn(scope) : undefined;
        if (local?.has(parts[0])) return local.get(parts[0]);
        if (scope && bindsItself(scope, parts[0], text)) return undefined;
        return typesIn(undefined).get(parts[0]);
      },
    },
    instances: () => [...typesIn(undefined)].flatMap(([name, type]) => (type ? [{ name, type }] : [])),
  };
}
