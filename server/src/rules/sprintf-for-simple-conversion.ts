/**
 * sprintf-for-simple-conversion: a format call whose whole format is one verb (`fmt.Sprintf("%d", n)`,
 * `String.format("%s", x)`) inside a loop, where a direct conversion does the same without
 * parsing a format string and boxing the argument.
 */
import type { Node } from 'web-tree-sitter';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/** The direct conversion for a format of one verb, per language. */
const GO_VERBS: Readonly<Record<string, string>> = {
  '%d': '`strconv.Itoa(n)` (or `strconv.FormatInt`)',
  '%s': 'the string itself, or its `String()`/`Error()` method',
  '%v': '`strconv` or the value\'s `String()` method',
  '%t': '`strconv.FormatBool(b)`',
  '%x': '`strconv.FormatInt(n, 16)` or `hex.EncodeToString(b)`',
  '%q': '`strconv.Quote(s)`',
};

const JAVA_VERBS: Readonly<Record<string, string>> = {
  '%d': '`String.valueOf(n)` (or `Integer.toString(n)`)',
  '%s': '`String.valueOf(x)`',
  '%b': '`String.valueOf(b)`',
  '%x': '`Integer.toHexString(n)`',
};

/** The literal text of a string literal in Go or Java, or undefined if it has escapes or is raw. */
function literalText(node: Node): string | undefined {
  const text = node.text;
  if (!/^"[^"\\]*"$/.test(text)) return undefined;
  return text.slice(1, -1);
}

/** Go's number and boolean types, which `strconv` converts. */
const GO_BASIC = /^(u?int(8|16|32|64)?|uintptr|float(32|64)|byte|rune|bool)$/;
const GO_ARITHMETIC = new Set(['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '&^']);

/**
 * True when a Go expression is evidently a number or a boolean, as far as the file shows: a
 * literal, `len(…)`, a conversion to a number type, arithmetic on one, a variable declared with
 * such a type or value, a counter `i := 0` or the index of a two-variable range over something
 * not known to be a map. For anything else (errors that may be nil, slices, `interface{}`
 * values) `fmt.Sprint` is the right tool and neither `strconv` nor a `String()` method applies.
 */
function goNumeric(node: Node, depth = 0): boolean {
  if (depth > 4) return false;
  switch (node.type) {
    case 'int_literal':
    case 'float_literal':
    case 'rune_literal':
    case 'true':
    case 'false':
      return true;
    case 'parenthesized_expression':
    case 'unary_expression': {
      const inner = node.childForFieldName('operand') ?? node.namedChild(0);
      return !!inner && goNumeric(inner, depth + 1);
    }
    case 'binary_expression': {
      const operator = node.childForFieldName('operator')?.text ?? '';
      const sides = [node.childForFieldName('left'), node.childForFieldName('right')];
      return GO_ARITHMETIC.has(operator) && sides.some((side) => !!side && goNumeric(side, depth + 1));
    }
    case 'call_expression': {
      const callee = node.childForFieldName('function')?.text ?? '';
      return callee === 'len' || callee === 'cap' || GO_BASIC.test(callee);
    }
    case 'identifier':
      return goNumericVariable(node, depth);
    default:
      return false;
  }
}

function goNumericVariable(use: Node, depth: number): boolean {
  const declaration = declarationInScope('go', use, use.text);
  if (!declaration) return false;
  if (declaration.type) return GO_BASIC.test(declaration.type.text);
  if (declaration.value) return goNumeric(declaration.value, depth + 1);
  const names = declaration.name.parent;
  const range = names?.parent;
  if (range?.type !== 'range_clause' || names?.namedChildCount !== 2 || !names.namedChild(0)?.equals(declaration.name)) return false;
  const ranged = range.childForFieldName('right');
  return !!ranged && !isMap(ranged);
}

/** Functions of Go's standard library that return a string. */
const GO_STRING_CALLS = /^(?:string|strings\.(?:ToLower|ToUpper|Title|Trim\w*|Join|Repeat|Replace|ReplaceAll)|strconv\.(?:Itoa|Quote\w*|Format\w*)|filepath\.\w+|path\.\w+)$/;

/**
 * True when a Go expression is evidently a string, as far as the file shows: `%s` and `%q` of
 * anything else (an `ast.Expr`, an error that may be nil) format through its methods or its
 * type, and neither the string itself nor `strconv.Quote` applies.
 */
function goString(node: Node, depth = 0): boolean {
  if (depth > 4) return false;
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return true;
    case 'parenthesized_expression': {
      const inner = node.namedChild(0);
      return !!inner && goString(inner, depth + 1);
    }
    case 'binary_expression': {
      const sides = [node.childForFieldName('left'), node.childForFieldName('right')];
      return node.childForFieldName('operator')?.text === '+' && sides.some((side) => !!side && goString(side, depth + 1));
    }
    case 'call_expression': {
      const callee = node.childForFieldName('function')?.text ?? '';
      const noArgs = node.childForFieldName('arguments')?.namedChildCount === 0;
      return GO_STRING_CALLS.test(callee) || (noArgs && /\.(?:String|Error)$/.test(callee));
    }
    case 'identifier': {
      const declaration = declarationInScope('go', node, node.text);
      if (!declaration) return false;
      if (declaration.type) return declaration.type.text === 'string';
      return !!declaration.value && goString(declaration.value, depth + 1);
    }
    case 'index_expression': {
      const operand = node.childForFieldName('operand');
      const declaration = operand?.type === 'identifier' ? declarationInScope('go', operand, operand.text) : undefined;
      const holds = (text: string | undefined) => !!text && /^(?:\[\w*\]|map\[[^\]]+\])string$/.test(text);
      const value = declaration?.value;
      const made = value?.type === 'composite_literal' ? value.childForFieldName('type')?.text : value?.type === 'call_expression' ? value.childForFieldName('arguments')?.namedChild(0)?.text : undefined;
      return holds(declaration?.type?.text) || holds(made);
    }
    default:
      return false;
  }
}

/** True when the ranged expression is a map literal, `make(map…)` or a variable declared as one. */
function isMap(node: Node): boolean {
  const mapType = (n: Node | null | undefined) => n?.type === 'map_type';
  if (node.type === 'composite_literal') return mapType(node.childForFieldName('type'));
  if (node.type === 'call_expression') return mapType(node.childForFieldName('arguments')?.namedChild(0));
  if (node.type !== 'identifier') return false;
  const declaration = declarationInScope('go', node, node.text);
  if (!declaration) return false;
  return mapType(declaration.type) || (!!declaration.value && declaration.value.type !== 'identifier' && isMap(declaration.value));
}

/** What to write instead, when the call formats one value with a format of one verb. */
function conversion(context: RuleContext, call: Node): string | undefined {
  const { dialect, language } = context;
  const path = dialect.calleePath(call);
  // The path first: reading the arguments of every call in a loop cost 2-4% of the parse time.
  if (language === 'go' && path === 'fmt.Sprint') {
    const args = dialect.callArgs(call);
    return args.length === 1 && goNumeric(args[0]) ? GO_VERBS['%v'] : undefined;
  }
  const formats = language === 'go' ? path === 'fmt.Sprintf' : path === 'String.format';
  if (!formats) return undefined;
  const args = dialect.callArgs(call);
  if (args.length !== 2) return undefined;
  const verb = literalText(args[0]);
  // `%v` prints any value, so like `fmt.Sprint` it has a direct form only for a number or a boolean.
  if (language === 'go' && verb === '%v' && !goNumeric(args[1])) return undefined;
  if (language === 'go' && (verb === '%s' || verb === '%q') && !goString(args[1])) return undefined;
  return verb === undefined ? undefined : (language === 'go' ? GO_VERBS : JAVA_VERBS)[verb];
}

export const sprintfForSimpleConversion: Rule = {
  meta: {
    id: 'sprintf-for-simple-conversion',
    title: 'Format call used to convert one value to a string, inside a loop',
    languages: ['go', 'java'],
    severity: 'info',
    confidence: 'high',
    why:
      '`fmt.Sprintf` and `String.format` parse their format string on every call, box their ' +
      'arguments (an interface value in Go, an `Object[]` and a wrapper in Java) and go through ' +
      'a general formatter, several times slower than converting the value directly. When the ' +
      'whole format is one verb such as `"%d"`, the direct conversion gives the same text; in a ' +
      'loop the difference adds up. `fmt.Sprint(x)` and `"%v"` print values of any type, so they ' +
      'are flagged only when the file shows `x` is a number or a boolean (a literal, `len()`, a ' +
      'counter, a range index, a variable of such a type): errors that may be nil, slices and ' +
      '`interface{}` values have no direct conversion.',
    fix:
      'Convert directly: `strconv.Itoa`, `strconv.FormatInt`, `strconv.FormatBool` or the ' +
      'value\'s `String()` method in Go; `String.valueOf` or `Integer.toString` in Java.',
    examples: {
      go: {
        flagged: 'for _, id := range ids {\n\tkeys = append(keys, fmt.Sprintf("%d", id))\n}',
        useInstead: 'for _, id := range ids {\n\tkeys = append(keys, strconv.Itoa(id))\n}',
      },
      java: {
        flagged: 'for (int id : ids) {\n    keys.add(String.format("%d", id));\n}',
        useInstead: 'for (int id : ids) {\n    keys.add(String.valueOf(id));\n}',
      },
    },
    references: [
      { title: 'Go: strconv', url: 'https://pkg.go.dev/strconv' },
      { title: 'perfsprint linter', url: 'https://github.com/catenacyber/perfsprint' },
      { title: 'Java: String.valueOf', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/String.html#valueOf(int)' },
    ],
    peers: ['perfsprint (golangci-lint)'],
  },

  check(context) {
    for (const site of context.facts.sites.call) {
      const loop = site.loops[0];
      const instead = loop && conversion(context, site.node);
      if (!instead) continue;
      context.report(
        site.node,
        `${quote(site.node.text)} parses a format to convert one value ${repetition(loop)}: use ${instead}`,
        loopsRelated(site.loops),
      );
    }
  },
};
