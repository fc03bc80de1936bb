/**
 * n-plus-one-query: one query for every item of the loop, then lookups in memory, for the forms
 * whose batch version is known — SQLAlchemy's `filter(Model.col == key).first()`, a SQL string
 * ending in `WHERE col = ?` (or `$1`) with the key as its one parameter, and Prisma's
 * `findUnique({ where: { col: key } })`. The names come from the code: the loop's variable and
 * collection, the key expression, the variable the row was assigned to.
 */
import type { Node } from 'web-tree-sitter';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { freshName, joinName, lastName, mentions, plural } from './naming';
import { Rewrite, SnippetEdit } from './snippet-edit';

interface Loop {
  node: Node;
  variable: string;
  collection: string;
}

/** The innermost loop, when it is `for VAR in/of COLLECTION` with a plain variable. */
function simpleLoop(site: FindingSite): Loop | undefined {
  const loop = site.loops[0];
  const left = loop?.node.childForFieldName('left');
  const right = loop?.node.childForFieldName('right');
  if (!loop || loop.shape.kind !== 'for-each' || left?.type !== 'identifier' || !right) return undefined;
  if (!statementOf(loop.node).equals(loop.node)) return undefined;
  return { node: loop.node, variable: left.text, collection: right.text };
}

const NOTE = 'A sketch with your names: one query for all the keys, then a lookup per item; check the query against your database before using it.';

/** `customer = session.query(Customer).filter(Customer.id == order.customer_id).first()`. */
function sqlalchemy(site: FindingSite, loop: Loop): Rewrite | undefined {
  let top = site.node;
  while (top.parent?.type === 'attribute' && top.parent.parent?.type === 'call' && top.parent.childForFieldName('object')?.equals(top)) top = top.parent.parent;
  const match = /^(?<base>[\s\S]+?)\.filter\(\s*(?<model>[A-Za-z_][\w.]*)\.(?<col>\w+)\s*==\s*(?<key>[\s\S]+?)\s*\)\.(first|one|one_or_none|scalar)\(\)$/.exec(top.text);
  const assignment = top.parent;
  const target = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
  if (!match?.groups || !assignment || target?.type !== 'identifier' || !assignment.childForFieldName('right')?.equals(top)) return undefined;
  const { base, model, col, key } = match.groups;
  if (!mentions(key, loop.variable)) return undefined;
  const keys = freshName(site.text, plural(lastName(key) === loop.variable ? `${loop.variable}_key` : (lastName(key) ?? 'key')));
  const byKey = freshName(site.text, joinName('python', plural(lastName(model)!.toLowerCase()), 'by', col));
  const edit = new SnippetEdit(site.text, loop.node);
  edit
    .addAbove(`${keys} = {${key} for ${loop.variable} in ${loop.collection}}`, `${byKey} = {row.${col}: row for row in ${base}.filter(${model}.${col}.in_(${keys}))}`)
    .replace(top, `${byKey}.get(${key})`);
  return edit.result([NOTE, '`.get()` gives `None` for a key with no row, as the single query did.']);
}

function stringContent(node: Node | undefined): { quote: string; content: string } | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return { quote: node.text[0], content: node.text.slice(1, -1) };
  if (node.type === 'template_string' && !node.namedChildren.some((c) => c?.type === 'template_substitution')) return { quote: '`', content: node.text.slice(1, -1) };
  return undefined;
}

/** `const [customer] = db.query('SELECT * FROM customers WHERE id = ?', [order.customerId])`. */
function sqlString(site: FindingSite, loop: Loop): Rewrite | undefined {
  const { node } = site;
  const [sql, params, ...rest] = site.dialect.callArgs(node);
  const literal = stringContent(sql);
  const where = literal && /^(?<head>[\s\S]*\bwhere\s+(?:[\s\S]*\s)?)(?<col>[A-Za-z_][\w.]*)\s*=\s*(?<placeholder>\?|\$1)\s*;?\s*$/i.exec(literal.content);
  const keyNode = params?.type === 'array' && params.namedChildren.length === 1 ? params.namedChildren[0] : undefined;
  if (!where?.groups || !keyNode || rest.length > 0 || /[`\\]|\$\{/.test(literal!.content) || (literal!.content.match(/\?|\$\d/g) ?? []).length !== 1) return undefined;
  if (!mentions(keyNode.text, loop.variable)) return undefined;
  const awaited = node.parent?.type === 'await_expression' ? node.parent : undefined;
  const value = awaited ?? node;
  const declarator = value.parent?.type === 'variable_declarator' ? value.parent : undefined;
  const pattern = declarator?.childForFieldName('name');
  const target = pattern?.type === 'array_pattern' && pattern.namedChildren.length === 1 && pattern.namedChildren[0]?.type === 'identifier' ? pattern.namedChildren[0].text : undefined;
  if (!declarator || !target) return undefined;
  const { head, col, placeholder } = where.groups;
  const key = keyNode.text;
  const field = lastName(col)!;
  const ids = freshName(site.text, joinName(site.language, plural(lastName(key) === loop.variable ? `${loop.variable}Key` : (lastName(key) ?? 'key'))));
  const rows = freshName(site.text, joinName(site.language, target, 'rows'));
  const byKey = freshName(site.text, joinName(site.language, target, 'by', field));
  const callee = node.childForFieldName('function')!.text;
  const wait = awaited ? 'await ' : '';
  const query =
    placeholder === '?'
      ? `${callee}(\`${head}${col} IN (\${${ids}.map(() => '?').join(', ')})\`, ${ids})`
      : `${callee}(${literal!.quote}${head}${col} = ANY($1)${literal!.quote}, [${ids}])`;
  const edit = new SnippetEdit(site.text, loop.node);
  edit
    .addAbove(
      `const ${ids} = [...new Set(${loop.collection}.map((${loop.variable}) => ${key}))];`,
      `const ${rows} = ${wait}${query};`,
      `const ${byKey} = new Map(${rows}.map((row) => [row.${field}, row]));`,
    )
    .replace(declarator, `${target} = ${byKey}.get(${key})`);
  return edit.result([NOTE, placeholder === '?' ? 'The placeholders are written out, one per key; drivers that expand arrays take `IN (?)` with the array instead.' : '`= ANY($1)` with an array parameter is PostgreSQL\'s form of `IN`.']);
}

const FIND_ONE = new Set(['findUnique', 'findFirst', 'findUniqueOrThrow', 'findFirstOrThrow']);

/** `const order = await prisma.order.findUnique({ where: { id }, include: { customer: true } })`. */
function prisma(site: FindingSite, loop: Loop): Rewrite | undefined {
  const { node } = site;
  const callee = node.childForFieldName('function');
  const method = callee?.type === 'member_expression' ? callee.childForFieldName('property') : undefined;
  const args = node.childForFieldName('arguments');
  const [options, ...rest] = site.dialect.callArgs(node);
  if (!method || !FIND_ONE.has(method.text) || !args || options?.type !== 'object' || rest.length > 0) return undefined;
  const wherePair = options.namedChildren.find((c) => c?.type === 'pair' && c.childForFieldName('key')?.text === 'where');
  const where = wherePair?.childForFieldName('value');
  const entries = where?.type === 'object' ? where.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
  const entry = entries.length === 1 ? entries[0] : undefined;
  const col = entry?.type === 'shorthand_property_identifier' ? entry.text : entry?.type === 'pair' ? entry.childForFieldName('key')?.text : undefined;
  const key = entry?.type === 'shorthand_property_identifier' ? entry.text : entry?.childForFieldName('value')?.text;
  const awaited = node.parent?.type === 'await_expression' ? node.parent : undefined;
  const declarator = awaited?.parent?.type === 'variable_declarator' ? awaited.parent : undefined;
  const target = declarator?.childForFieldName('name');
  if (!entry || !col || !key || !/^\w+$/.test(col) || !mentions(key, loop.variable) || !awaited || target?.type !== 'identifier') return undefined;
  const keys = key === loop.variable ? loop.collection : `${loop.collection}.map((${loop.variable}) => ${key})`;
  const rows = freshName(site.text, joinName(site.language, target.text, 'rows'));
  const byKey = freshName(site.text, joinName(site.language, target.text, 'by', col));
  const at = (n: Node) => n.startIndex - args.startIndex;
  const batchArgs = `${args.text.slice(0, at(entry))}${col}: { in: ${keys} }${args.text.slice(at(entry) + entry.text.length)}`;
  const edit = new SnippetEdit(site.text, loop.node);
  edit
    .addAbove(`const ${rows} = await ${callee!.childForFieldName('object')!.text}.findMany${batchArgs};`, `const ${byKey} = new Map(${rows}.map((row) => [row.${col}, row]));`)
    .replace(awaited, `${byKey}.get(${key})`);
  return edit.result([NOTE, `\`findMany\` with \`in\` reads every row in one query; \`${byKey}.get()\` gives \`undefined\` where \`${method.text}\` gave \`null\`.`]);
}

export function batchQuery(site: FindingSite): Rewrite | undefined {
  const loop = simpleLoop(site);
  if (!loop) return undefined;
  if (site.language === 'python') return sqlalchemy(site, loop);
  if (site.language === 'javascript' || site.language === 'typescript') return sqlString(site, loop) ?? prisma(site, loop);
  return undefined;
}
