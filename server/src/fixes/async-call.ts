/**
 * blocking-call-in-async: call the async form the rule names (`await asyncio.sleep()` for
 * `time.sleep()`, `await fs.promises.readFile()` for `fs.readFileSync()`) with the same
 * arguments, awaited. Only where the rule names a single function to call instead.
 */
import { asyncAlternative } from '../rules/blocking-calls';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { Rewrite, SnippetEdit } from './snippet-edit';

/** Node types that read a member of the expression before them: `(await x).y` needs parentheses. */
const MEMBER_READS = new Set(['member_expression', 'attribute', 'subscript', 'subscript_expression', 'call_expression', 'call']);

export function asyncCall(site: FindingSite): Rewrite | undefined {
  const { node, dialect, language, text } = site;
  if (!dialect.callTypes.has(node.type)) return undefined;
  const instead = asyncAlternative(language, dialect.calleePath(node));
  const target = instead && /^`await ([\w$.]+)\(\)`$/.exec(instead)?.[1];
  const callee = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!target || !callee || !args) return undefined;
  const parent = node.parent;
  const wrapped = parent && MEMBER_READS.has(parent.type) && parent.childForFieldName(parent.type.startsWith('call') ? 'function' : 'object')?.equals(node);
  const call = `await ${target}${args.text}`;
  const edit = new SnippetEdit(text, statementOf(node));
  edit.replace(node, wrapped ? `(${call})` : call);
  const root = target.split('.')[0];
  const notes = [`\`${target}()\` waits without blocking the event loop, so other tasks run meanwhile.`];
  const imported = language === 'python' ? new RegExp(`^\\s*(import ${root}\\b|from ${root} import)`, 'm').test(text) : new RegExp(`\\b${root}\\b`).test(text.replace(node.text, ''));
  if (!imported) notes.push(`Import \`${root}\` if the file does not yet.`);
  return edit.result(notes);
}
