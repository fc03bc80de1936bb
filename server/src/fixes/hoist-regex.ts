/**
 * regex-compiled-in-loop: compile the pattern once and use the compiled object in the loop.
 * Python and JavaScript get a name above the outermost loop that repeats the call; Go a
 * package-level `var` made with `regexp.MustCompile`; Java a `private static final Pattern`
 * field. Helpers that compile on every call become calls on the compiled object:
 * `re.match(p, s)` → `P.match(s)`, `regexp.MatchString(p, s)` → `p.MatchString(s)`,
 * `s.split(p)` → `P.split(s)`. Everything the compile takes must be a constant, so that it means
 * the same where it moves to; JavaScript regexes with the `g` or `y` flag are left alone, since
 * a shared one keeps `lastIndex` from one use to the next.
 */
import type { Node } from 'web-tree-sitter';
import { regexCall } from '../rules/regex-calls';
import { lastSegment } from '../syntax/paths';
import { aboveTopLevel, javaImport } from './imports';
import { constantName, staticFieldEdit } from './java-field';
import { freshName, joinName, lastName, singular } from './naming';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { Rewrite, SnippetEdit } from './snippet-edit';

/** A constant flag or option: `re.IGNORECASE | re.M`, `Pattern.CASE_INSENSITIVE`, `'i'`, `0`. */
export function isConstant(site: FindingSite, node: Node): boolean {
  if (site.dialect.isConstantString(node)) return true;
  return /^\s*(\d+|[A-Za-z_][\w]*\.[A-Z_][\w.]*)(\s*\|\s*(\d+|[A-Za-z_][\w]*\.[A-Z_][\w.]*))*\s*$/.test(node.text);
}

/** Python's `re` helpers, with how many positional arguments after the pattern the compiled method takes the same way. */
const PYTHON_HELPERS: ReadonlyMap<string, number> = new Map([
  ['match', 1],
  ['search', 1],
  ['fullmatch', 1],
  ['findall', 1],
  ['finditer', 1],
  ['split', 2],
  ['sub', 3],
  ['subn', 3],
]);

/** Java `String` methods that compile their first argument, as calls on a compiled `Pattern`. */
const JAVA_STRING_METHODS: Readonly<Record<string, (pattern: string, receiver: string, rest: string[]) => string>> = {
  matches: (p, s) => `${p}.matcher(${s}).matches()`,
  replaceAll: (p, s, [r]) => `${p}.matcher(${s}).replaceAll(${r})`,
  replaceFirst: (p, s, [r]) => `${p}.matcher(${s}).replaceFirst(${r})`,
  split: (p, s, rest) => `${p}.split(${[s, ...rest].join(', ')})`,
};

interface Hoist {
  /** The expression that compiles the pattern once. */
  compile: string;
  /** The node to replace in the loop, and what with. */
  node: Node;
  use(name: string): string;
}

function pythonHoist(site: FindingSite, call: Node, args: Node[]): Hoist | undefined {
  const path = site.dialect.calleePath(call);
  const method = lastSegment(path);
  const [pattern, ...rest] = args;
  if (rest.some((a) => a.type === 'keyword_argument' || a.type.includes('splat'))) return undefined;
  if (method === 'compile') return args.every((a) => isConstant(site, a)) ? { compile: call.text, node: call, use: (n) => n } : undefined;
  const positional = PYTHON_HELPERS.get(method);
  if (positional === undefined || rest.length < 1 || rest.length > positional) return undefined;
  const module = path.slice(0, -method.length - 1);
  return { compile: `${module}.compile(${pattern.text})`, node: call, use: (n) => `${n}.${method}(${rest.map((a) => a.text).join(', ')})` };
}

function jsHoist(site: FindingSite, call: Node, args: Node[]): Hoist | undefined {
  const flags = args[1];
  if (args.length > 2 || (flags && !site.dialect.isConstantString(flags)) || (flags && /[gy]/.test(flags.text))) return undefined;
  return { compile: call.text, node: call, use: (n) => n };
}

/**
 * Go: `regexp.MustCompile(p)` moves whole; `ok, _ := regexp.MatchString(p, s)` loses its error,
 * which a constant pattern that compiles cannot have.
 */
function goHoist(site: FindingSite, call: Node, args: Node[]): Hoist | undefined {
  const method = lastSegment(site.dialect.calleePath(call));
  const pattern = args[0].text;
  if (method === 'MustCompile' || method === 'MustCompilePOSIX') return { compile: call.text, node: call, use: (n) => n };
  if (!['MatchString', 'Match', 'MatchReader'].includes(method) || args.length !== 2) return undefined;
  const values = call.parent?.type === 'expression_list' && call.parent.namedChildCount === 1 ? call.parent : undefined;
  const statement = values?.parent;
  const left = statement?.childForFieldName('left');
  const targets = left?.namedChildren.filter((c): c is Node => !!c) ?? [];
  if (!statement || !left || targets.length !== 2 || targets[1].text !== '_' || !['short_var_declaration', 'assignment_statement'].includes(statement.type)) return undefined;
  const operator = statement.type === 'short_var_declaration' ? ':=' : '=';
  return {
    compile: `regexp.MustCompile(${pattern})`,
    node: statement,
    use: (n) => `${targets[0].text} ${operator} ${n}.${method}(${args[1].text})`,
  };
}

function javaHoist(site: FindingSite, call: Node, args: Node[]): Hoist | undefined {
  const path = site.dialect.calleePath(call);
  const method = lastSegment(path);
  if (method === 'compile') return args.every((a) => isConstant(site, a)) ? { compile: call.text, node: call, use: (n) => n } : undefined;
  if (path.endsWith('Pattern.matches')) {
    if (args.length !== 2) return undefined;
    return { compile: `Pattern.compile(${args[0].text})`, node: call, use: (n) => `${n}.matcher(${args[1].text}).matches()` };
  }
  const receiver = site.dialect.receiver(call);
  const write = JAVA_STRING_METHODS[method];
  if (!receiver || !write) return undefined;
  return { compile: `Pattern.compile(${args[0].text})`, node: call, use: (n) => write(n, receiver.text, args.slice(1).map((a) => a.text)) };
}

export function hoistRegex(site: FindingSite): Rewrite | undefined {
  const { node, loops, dialect, language, text } = site;
  const outer = loops[loops.length - 1];
  const found = outer && dialect.callTypes.has(node.type) ? regexCall(language, dialect, node) : undefined;
  if (!outer || !found || !dialect.isConstantString(found.pattern)) return undefined;
  const args = dialect.callArgs(node);
  const hoist =
    language === 'python' ? pythonHoist(site, node, args)
    : language === 'go' ? goHoist(site, node, args)
    : language === 'java' ? javaHoist(site, node, args)
    : jsHoist(site, node, args);
  if (!hoist) return undefined;
  const iterable = loops[0].shape.iterable?.text;
  const base = iterable ? singular(lastName(iterable) ?? '') : '';
  // A Go package-level name is shared by every file of the package.
  const camel = freshName(language === 'go' ? [text, ...site.packageTexts].join('\n') : text, joinName(language, base, 'pattern'));
  const name = language === 'java' ? freshName(text, constantName(camel)) : camel;
  const edit = new SnippetEdit(text, statementOf(outer.node));
  edit.replace(hoist.node, hoist.use(name));
  if (language === 'go') {
    const at = aboveTopLevel(outer.node);
    if (at === undefined) return undefined;
    const declaration = `var ${name} = ${hoist.compile}`;
    edit.addElsewhere({ start: at, end: at, text: `${declaration}\n\n` });
    return edit.result([`A package-level variable, \`${declaration}\`, is compiled once, when the package is initialised, instead of on every iteration.`]);
  }
  if (language === 'java') {
    const declaration = `private static final Pattern ${name} = ${hoist.compile};`;
    const field = staticFieldEdit(text, outer.node, declaration);
    if (!field) return undefined;
    edit.addElsewhere(field);
    edit.addElsewhere(javaImport(node.tree.rootNode, 'java.util.regex.Pattern'));
    return edit.result([`A field of the class, \`${declaration}\`, is compiled once, when the class is loaded, instead of on every iteration.`]);
  }
  const declaration = language === 'python' ? `${name} = ${hoist.compile}` : `const ${name} = ${hoist.compile};`;
  edit.addAbove(declaration);
  return edit.result([`The pattern is compiled once, before the loop, instead of once per iteration; \`${name}\` is a new name.`]);
}
