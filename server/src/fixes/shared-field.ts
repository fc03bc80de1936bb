/**
 * expensive-object-in-loop, Java: create the object once, in a `private static final` field of
 * the class, and use the field where it was created: `new ObjectMapper().readValue(line, …)` →
 * `OBJECT_MAPPER.readValue(line, …)`. A private static final field of the class that is made the
 * same way and never configured is used rather than a second one.
 *
 * A static field is shared by every call and every thread, so the fix is offered only for the
 * objects made to be shared that way once they are set up: Jackson's mappers, Gson (and a
 * `GsonBuilder` chain ending in `create()`), java.net.http's `HttpClient` (and a `newBuilder()`
 * chain ending in `build()`), OkHttp's client, Spring's `RestTemplate` and `WebClient`, and
 * `DateTimeFormatter`, which is immutable. Not for `SimpleDateFormat` and `DecimalFormat` (not
 * thread-safe: a shared one garbles dates under load, which SpotBugs reports too), the XML
 * factories (their specifications do not promise thread safety), `JAXBContext.newInstance`
 * (its checked exception cannot be thrown from a field's initializer) or a database connection.
 *
 * The object must be the same wherever it is made, and stay the same: every argument is a
 * constant (the field sees no local variable), and nothing configures it after it is made — not
 * the call chained on it, nor any use of the local variable that holds it (`set…`, `configure`,
 * `enable`, `register…`, `close` and the like would now change the one object every thread
 * uses). An object that is returned, assigned, stored or added to a collection gets no fix,
 * since code out of view may tell one shared object from many. An object passed to any other
 * method gets the fix as a suggestion that asks to check that the method neither configures it
 * nor keeps it.
 */
import type { Node } from 'web-tree-sitter';
import { isConstant } from './hoist-regex';
import { javaImport } from './imports';
import { constantName, existingStaticField, staticFieldEdit } from './java-field';
import { freshName } from './naming';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { Rewrite, SnippetEdit } from './snippet-edit';

interface Shareable {
  /** The field's type: the constructor's class when absent, else this name after the factory's class path. */
  type?: string;
  /** For a builder: the method that ends the chain and gives the object. */
  builtBy?: string;
  /** The import the field's type needs, when it is not the class the code names. */
  imports?: string;
}

/** The creations the fix moves, by the call path the rule reports. */
const SHAREABLE: ReadonlyMap<string, Shareable> = new Map([
  ['new ObjectMapper', {}],
  ['new XmlMapper', {}],
  ['new YAMLMapper', {}],
  ['new JsonMapper', {}],
  ['new Gson', {}],
  ['new GsonBuilder', { type: 'Gson', builtBy: 'create', imports: 'com.google.gson.Gson' }],
  ['new OkHttpClient', {}],
  ['new RestTemplate', {}],
  ['HttpClient.newHttpClient', { type: 'HttpClient' }],
  ['HttpClient.newBuilder', { type: 'HttpClient', builtBy: 'build' }],
  ['WebClient.create', { type: 'WebClient' }],
  ['DateTimeFormatter.ofPattern', { type: 'DateTimeFormatter' }],
]);

/** Methods that change a shared object's settings or end its life. */
const CONFIGURES = /^(set|configure|enable|disable|register|add|find|activate|deactivate|clear|close|shutdown|install|remove|coercionConfig)/;

/** A constant of a class named in full: `java.util.Locale.ROOT`. */
const QUALIFIED_CONSTANT = /^([a-z_][\w]*\.)*[A-Z][\w$]*\.[A-Z_][A-Z0-9_]*$/;

/** A constant argument, or a new object made from constants only (`new YAMLFactory()`). */
function constantArgument(site: FindingSite, node: Node): boolean {
  if (isConstant(site, node) || ['class_literal', 'true', 'false', 'null_literal', 'character_literal'].includes(node.type)) return true;
  if (node.type === 'field_access' && QUALIFIED_CONSTANT.test(node.text)) return true;
  return node.type === 'object_creation_expression' && !node.namedChildren.some((c) => c?.type === 'class_body') && site.dialect.callArgs(node).every((a) => constantArgument(site, a));
}

/** The method invocation that calls a method on `node`, if there is one. */
function calledOn(node: Node): Node | undefined {
  const parent = node.parent;
  return parent?.type === 'method_invocation' && parent.childForFieldName('object')?.equals(node) ? parent : undefined;
}

/** True when no method in the chain of calls made on `node` configures or closes it. */
function onlyUsed(node: Node): boolean {
  for (let call = calledOn(node); call; call = calledOn(call)) if (CONFIGURES.test(call.childForFieldName('name')?.text ?? '')) return false;
  return true;
}

/** True when every use of the field `name` in the file is a call that leaves it as it is. */
function onlyUsedEverywhere(root: Node, name: string): boolean {
  return root.descendantsOfType('identifier').every((use) => {
    if (!use || use.text !== name || use.parent?.type === 'variable_declarator') return true;
    return !!calledOn(use) && onlyUsed(use);
  });
}

/** Methods that keep what they are given: a list of new objects would become a list of one object. */
const KEEPS = /^(add|addAll|addFirst|addLast|offer|push|put|putIfAbsent|set|append|insert)$/;

/** The name of the method a node is passed to as an argument, if it is. */
function passedTo(node: Node): string | undefined {
  if (node.parent?.type !== 'argument_list') return undefined;
  const call = node.parent.parent;
  const constructed = call?.type === 'object_creation_expression' ? call.childForFieldName('type')?.text : undefined;
  // `super(mapper)` and `this(mapper)` name no method: the constructor they call is the one to check.
  return constructed ? `new ${constructed}` : (call?.childForFieldName('name')?.text ?? call?.childForFieldName('constructor')?.text ?? 'the constructor');
}

interface Uses {
  /** False when the code configures, closes, returns or stores the object, or keeps it in a collection. */
  ok: boolean;
  /** A method the object is passed to, which may configure or keep it. */
  passedTo?: string;
  /** The local variable that holds it, if any: the field is named after it. */
  variable?: string;
}

/** How the code uses what the creation made, as far as one method shows it. */
function usesOf(made: Node): Uses {
  const passed = passedTo(made);
  if (passed) return KEEPS.test(passed) ? { ok: false } : { ok: true, passedTo: passed };
  if (calledOn(made)) return { ok: onlyUsed(made) };
  const declarator = made.parent;
  const declaration = declarator?.parent;
  if (declarator?.type !== 'variable_declarator' || !declarator.childForFieldName('value')?.equals(made) || declaration?.type !== 'local_variable_declaration' || !declaration.parent) {
    return { ok: false };
  }
  const variable = declarator.childForFieldName('name')?.text ?? '';
  let passedToMethod: string | undefined;
  for (const use of declaration.parent.descendantsOfType('identifier')) {
    if (!use || use.text !== variable || use.startIndex < declarator.endIndex) continue;
    const passed = passedTo(use);
    if (passed && KEEPS.test(passed)) return { ok: false };
    if (passed) passedToMethod ??= passed;
    else if (!calledOn(use) || !onlyUsed(use)) return { ok: false };
  }
  return { ok: true, passedTo: passedToMethod, variable };
}

/** A chain written over several lines, on one: `new GsonBuilder()\n    .create()` → `new GsonBuilder().create()`. */
function oneLine(code: string): string {
  return code.replace(/\s*\n\s*(?=[.)])/g, '').replace(/\s*\n\s*/g, ' ');
}

export function sharedField(site: FindingSite): Rewrite | undefined {
  const { node, language, dialect, text } = site;
  const shareable = language === 'java' ? SHAREABLE.get(dialect.calleePath(node)) : undefined;
  if (!shareable || !dialect.callArgs(node).every((a) => constantArgument(site, a))) return undefined;
  let made = node;
  if (shareable.builtBy) {
    // Follow the builder's chain to the call that gives the object; every step takes constants.
    for (let call = calledOn(made); call; call = calledOn(made)) {
      if (!dialect.callArgs(call).every((a) => constantArgument(site, a))) return undefined;
      made = call;
      if (call.childForFieldName('name')?.text === shareable.builtBy) break;
    }
    if (made.childForFieldName('name')?.text !== shareable.builtBy) return undefined;
  }
  const use = usesOf(made);
  // A text block or a line comment would not survive being moved onto one line.
  if (!use.ok || made.text.includes('"""') || made.descendantsOfType(['line_comment', 'block_comment']).length > 0) return undefined;
  const written = node.type === 'object_creation_expression' ? node.childForFieldName('type')?.text : dialect.receiver(node)?.text;
  if (!written) return undefined;
  const type = shareable.type ? written.replace(/[\w$]+$/, shareable.type) : written;
  const simpleType = /[\w$]+$/.exec(type)![0];
  const value = oneLine(made.text);
  // The class's own field, if it has one made the same way and never configured: it is the object the fix would add.
  const same = existingStaticField(node, type, value);
  const existing = same && onlyUsedEverywhere(node.tree.rootNode, same) ? same : undefined;
  const name = existing ?? freshName(text, constantName(use.variable ?? simpleType));
  const declaration = `private static final ${type} ${name} = ${value};`;
  const edit = new SnippetEdit(text, statementOf(made)).replace(made, name);
  if (!existing) {
    const field = staticFieldEdit(text, node, declaration);
    if (!field) return undefined;
    edit.addElsewhere(field);
    if (shareable.imports && type === shareable.type) edit.addElsewhere(javaImport(node.tree.rootNode, shareable.imports));
  }
  const where = existing ? `The class already has \`${name}\`, made the same way: it is used instead.` : `A field of the class, \`${declaration}\`, is made once, when the class is loaded.`;
  const result = edit.result([`${where} It is shared by every call and thread; the ${simpleType} is safe to share once it is set up.`]);
  return use.passedTo ? { ...result, check: `\`${use.passedTo}\` neither configures nor keeps it: one ${simpleType} is now shared by every thread` } : result;
}
