/**
 * What the readers of loop bodies (loop-body.ts) and of the names an expression reads
 * (reads.ts) need to know about each grammar: which nodes bind names, read names, await, leave
 * a loop.
 */
import type { Node } from 'web-tree-sitter';
import type { LanguageId } from './languages';

/** The parts of a binding construct. */
export interface Target {
  targets: Node;
  value?: Node;
  /** Set for the variable of `for await` / `async for`: its value comes from an await. */
  awaitedItem?: boolean;
  /**
   * For loop variables, the loop whose rounds each start with a new value: the comprehension
   * around a `for … in` clause, whose element is written before the clause but runs after it.
   */
  loop?: Node;
}

export type BindingReader = (node: Node) => Target | undefined;

export interface FlowGrammar {
  awaitType: string;
  yieldType: string;
  /** Node types of plain names. */
  nameTypes: readonly string[];
  /** Member accesses (`a.b`, `a[i]`) by node type, with the field of the object accessed. */
  members: Readonly<Record<string, string>>;
  /** The member types that index (`a[i]`) rather than name a field. */
  indexTypes: ReadonlySet<string>;
  /** Nodes that only wrap an expression: `(x)`, `x!`. */
  wrappers: ReadonlySet<string>;
  /**
   * Nodes with a name in them that is not a read, by node type: the field of the name, and a
   * character the node's text must contain (`=` for the `key` in `f(key=1)`).
   */
  nonReads: Readonly<Record<string, { field: string; marker: string }>>;
  breakType: string;
  returnType: string;
  /** Statements a bare `break` leaves instead of the loop around them. */
  breakTargets: ReadonlySet<string>;
  labeledType?: string;
  /** Nodes that run whatever happens once control reaches them. */
  plainBlocks: ReadonlySet<string>;
  /** Statements and expressions that choose what runs, by node type, with the field of the choice. */
  conditionals: Readonly<Record<string, string>>;
  /** How each binding construct names its parts, by node type. */
  bindings: Readonly<Record<string, BindingReader>>;
  /** The keyword that makes a loop await each item: `await` in `for await`, `async` in `async for`. */
  asyncKeyword(loop: Node): Node | undefined;
}

export function tokenOf(node: Node, type: string): Node | undefined {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child?.type === type) return child;
  }
  return undefined;
}

/** A binding whose target and value are fields of the node; `value: null` binds the whole node. */
function fields(targets: string, value: string | null): BindingReader {
  return (node) => {
    const target = node.childForFieldName(targets);
    if (!target) return undefined;
    return { targets: target, value: value === null ? node : (node.childForFieldName(value) ?? undefined) };
  };
}

/** The variable of a `for … of` / `for … in` loop or clause, bound anew on each round. */
function loopVariable(asyncKeyword: string, clause = false): BindingReader {
  const read = fields('left', 'right');
  return (node) => {
    const target = read(node);
    const loop = (clause ? node.parent : node) ?? node;
    return target && { ...target, loop, awaitedItem: !!tokenOf(node, asyncKeyword) };
  };
}

/** The error a `catch` / `except` receives: it comes from what the `try` body awaited. */
function caughtError(target: (clause: Node) => Node | null | undefined): BindingReader {
  return (clause) => {
    const targets = target(clause);
    const body = clause.parent?.childForFieldName('body');
    return targets ? { targets, value: body ?? undefined } : undefined;
  };
}

const JAVASCRIPT: FlowGrammar = {
  awaitType: 'await_expression',
  yieldType: 'yield_expression',
  nameTypes: ['identifier', 'this', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern'],
  members: { member_expression: 'object', subscript_expression: 'object' },
  indexTypes: new Set(['subscript_expression']),
  wrappers: new Set(['parenthesized_expression', 'non_null_expression']),
  nonReads: {},
  breakType: 'break_statement',
  returnType: 'return_statement',
  breakTargets: new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement', 'switch_statement']),
  labeledType: 'labeled_statement',
  plainBlocks: new Set(['statement_block', 'labeled_statement', 'expression_statement']),
  conditionals: { if_statement: 'condition', switch_statement: 'value', ternary_expression: 'condition' },
  bindings: {
    variable_declarator: fields('name', 'value'),
    assignment_expression: fields('left', 'right'),
    augmented_assignment_expression: fields('left', null),
    update_expression: fields('argument', null),
    for_in_statement: loopVariable('await'),
    catch_clause: caughtError((clause) => clause.childForFieldName('parameter')),
  },
  asyncKeyword: (loop) => tokenOf(loop, 'await'),
};

const PYTHON: FlowGrammar = {
  awaitType: 'await',
  yieldType: 'yield',
  nameTypes: ['identifier'],
  members: { attribute: 'object', subscript: 'value' },
  indexTypes: new Set(['subscript']),
  wrappers: new Set(['parenthesized_expression']),
  nonReads: {
    attribute: { field: 'attribute', marker: '.' },
    keyword_argument: { field: 'name', marker: '=' },
  },
  breakType: 'break_statement',
  returnType: 'return_statement',
  breakTargets: new Set(['for_statement', 'while_statement']),
  plainBlocks: new Set(['block', 'with_statement', 'expression_statement']),
  conditionals: { if_statement: 'condition', elif_clause: 'condition', match_statement: 'subject' },
  bindings: {
    assignment: fields('left', 'right'),
    augmented_assignment: fields('left', null),
    named_expression: fields('name', 'value'),
    for_statement: loopVariable('async'),
    for_in_clause: loopVariable('async', true),
    except_clause: caughtError((clause) => clause.childForFieldName('value')?.childForFieldName('alias')),
  },
  asyncKeyword(loop) {
    const own = tokenOf(loop, 'async');
    if (own) return own;
    for (const clause of loop.namedChildren) {
      const keyword = clause?.type === 'for_in_clause' ? tokenOf(clause, 'async') : undefined;
      if (keyword) return keyword;
    }
    return undefined;
  },
};

const GRAMMARS: Partial<Record<LanguageId, FlowGrammar>> = {
  python: PYTHON,
  javascript: JAVASCRIPT,
  typescript: JAVASCRIPT,
};

export function flowGrammar(language: LanguageId): FlowGrammar | undefined {
  return GRAMMARS[language];
}
