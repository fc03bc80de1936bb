/**
 * The class of an object a class keeps in an attribute, for `self.repo.get()` and
 * `this.repo.find()` in its methods: Python's `self.repo = Repo()` and JavaScript's
 * `this.repo = new Repo()` in any method of the class, a JavaScript class field made with `new`
 * (`repo = new Repo()`), and TypeScript's declared types (`private repo: Repo;`,
 * `constructor(private repo: Repo)`), which win over what is assigned. An attribute assigned
 * anything else in the class (a parameter, a call of a function), or two different classes,
 * has no type: none is guessed.
 *
 * The assignments are found by their words in the file's text, and read only for the
 * attributes a call asks about; a class's own declarations are read from its body's direct
 * children, once per class asked about.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { LanguageId } from '../syntax/languages';
import { record, Types } from './record-type';

/** A class of the file, as the summary's query captured it. */
export interface ClassNode {
  name: string;
  node: Node;
}

/** What a function of the file says of its own object: its class and how it names the object. */
export interface MethodOf {
  owner?: string;
  selfName?: string;
}

/** `self.name = value` or `this.name = value`: the name, and the value's text to the end of its line. */
const ASSIGNED: Partial<Record<LanguageId, RegExp>> = {
  python: /(?<![\w.])self\.([A-Za-z_]\w*)[ \t]*=(?!=)[ \t]*([^\n]{0,120})/g,
  javascript: /(?<![\w$.])this\.([A-Za-z_$][\w$]*)\s*=(?![=>])\s*([^\n]{0,120})/g,
};
ASSIGNED.typescript = ASSIGNED.javascript;

/** A new object of a class, as the value's text starts: the class is group 1. */
const MADE: Partial<Record<LanguageId, RegExp>> = {
  // Classes by their capitalized names, as PEP 8 names them (receiver-types.ts says why).
  python: /^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)[ \t]*\(/,
  javascript: /^new\s+([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)\s*[(<]/,
};
MADE.typescript = MADE.javascript;

/** Values that hold no object and do not change what the attribute holds when it holds one. */
const EMPTY: Partial<Record<LanguageId, RegExp>> = {
  python: /^None[ \t]*(?:#.*)?$/,
  javascript: /^(?:null|undefined)\s*;?\s*(?:\/\/.*)?$/,
};
EMPTY.typescript = EMPTY.javascript;

/** The node type the object's own name has: only code, not a string or comment, is read. */
const SELF_NODE: Partial<Record<LanguageId, string>> = { python: 'identifier', javascript: 'this', typescript: 'this' };

/** `Repo`, `repos.Repo` or `Repo<T>` as a type annotation writes it; undefined for other types (unions, arrays, interfaces of literals). */
function declaredType(annotation: Node | null): string | undefined {
  let type = annotation?.type === 'type_annotation' ? annotation.firstNamedChild : annotation;
  if (type?.type === 'generic_type') type = type.childForFieldName('name');
  return type && (type.type === 'type_identifier' || type.type === 'nested_type_identifier') ? type.text : undefined;
}

/** A constructor's parameter properties: `private repo: Repo`, `readonly repo: Repo`. */
function parameterProperties(constructor: Node, declared: Types): void {
  for (const parameter of constructor.childForFieldName('parameters')?.namedChildren ?? []) {
    if (parameter?.type !== 'required_parameter' && parameter?.type !== 'optional_parameter') continue;
    if (!parameter.children.some((c) => c?.type === 'accessibility_modifier' || c?.type === 'readonly')) continue;
    const name = parameter.childForFieldName('pattern');
    if (name?.type === 'identifier') record(declared, name.text, declaredType(parameter.childForFieldName('type')));
  }
}

/**
 * What a JavaScript or TypeScript class body says of its attributes: the declared types of its
 * fields and parameter properties, and the classes its fields are made from.
 */
function readClassBody(cls: Node, declared: Types, made: Types): void {
  for (const member of cls.childForFieldName('body')?.namedChildren ?? []) {
    if (member?.type === 'method_definition') {
      if (member.childForFieldName('name')?.text === 'constructor') parameterProperties(member, declared);
      continue;
    }
    if (member?.type !== 'public_field_definition' && member?.type !== 'field_definition') continue;
    const name = member.childForFieldName('name') ?? member.childForFieldName('property');
    if (name?.type !== 'property_identifier') continue;
    const type = member.childForFieldName('type');
    if (type) {
      record(declared, name.text, declaredType(type));
      continue;
    }
    const value = member.childForFieldName('value');
    if (!value || value.type === 'null' || value.type === 'undefined') continue;
    const madeFrom = value.type === 'new_expression' ? value.childForFieldName('constructor') : undefined;
    record(made, name.text, madeFrom && (madeFrom.type === 'identifier' || madeFrom.type === 'member_expression') ? madeFrom.text : undefined);
  }
}

/**
 * The attribute types of a file's classes. `methodAt` gives the function an offset stands in
 * and `classes` the file's classes; both are asked only once the summary's query has been read.
 */
export function attributeTypes(
  tree: Tree,
  language: LanguageId,
  text: string,
  methodAt: (offset: number) => MethodOf | undefined,
  classes: () => readonly ClassNode[],
): ((method: MethodOf, attribute: string) => string | undefined) | undefined {
  const words = ASSIGNED[language];
  const newObject = MADE[language];
  const empty = EMPTY[language];
  if (!words || !newObject || !empty) return undefined;
  let assignments: Map<string, Array<{ at: number; value: string }>> | undefined;
  // Owner → attribute → class, from the assignments in the owner's methods.
  const made = new Map<string, Types>();
  const declared = new Map<string, Types>();
  const read = new Set<string>();

  /** Records what the assignments of one attribute in the file's methods make it, per class. */
  const readAssignments = (attribute: string) => {
    if (!assignments) {
      assignments = new Map();
      for (const match of text.matchAll(words)) {
        const list = assignments.get(match[1]);
        const found = { at: match.index, value: match[2].trim() };
        if (list) list.push(found);
        else assignments.set(match[1], [found]);
      }
    }
    for (const { at, value } of assignments.get(attribute) ?? []) {
      if (empty.test(value)) continue;
      const method = methodAt(at);
      if (!method?.owner || method.selfName !== (language === 'python' ? 'self' : 'this')) continue;
      const cls = newObject.exec(value)?.[1];
      // A class's name is taken only from code: the words may stand in a string or comment.
      if (cls && tree.rootNode.descendantForIndex(at)?.type !== SELF_NODE[language]) continue;
      let types = made.get(method.owner);
      if (!types) made.set(method.owner, (types = new Map()));
      record(types, attribute, cls);
    }
  };

  return (method, attribute) => {
    const owner = method.owner;
    if (!owner) return undefined;
    if (language !== 'python' && !declared.has(owner)) {
      const types: Types = new Map();
      const fields: Types = new Map();
      for (const cls of classes()) if (cls.name === owner) readClassBody(cls.node, types, fields);
      declared.set(owner, types);
      let own = made.get(owner);
      if (!own) made.set(owner, (own = new Map()));
      for (const [name, type] of fields) record(own, name, type);
    }
    const types = declared.get(owner);
    if (types?.has(attribute)) return types.get(attribute);
    if (!read.has(attribute)) {
      read.add(attribute);
      readAssignments(attribute);
    }
    return made.get(owner)?.get(attribute);
  };
}
