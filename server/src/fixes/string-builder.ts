/**
 * string-concat-in-loop: collect the pieces and join them once after the loop — a list and
 * `"".join()` in Python (`b"".join()` for bytes, as `"".join()` rejects them), a `StringBuilder` in
 * Java, a `strings.Builder` in Go. Only when the loop does nothing else with the string, so that
 * the result is the same.
 */
import { accumulatedKind } from '../rules/string-concat-in-loop';
import { goImport } from './imports';
import type { FindingSite } from './site';
import { statementOf } from './site';
import { freshName, joinName, mentions } from './naming';
import { Rewrite, SnippetEdit } from './snippet-edit';

export function stringBuilder(site: FindingSite): Rewrite | undefined {
  const { node, loops, dialect, language, text } = site;
  const loop = loops[0];
  const assignment = dialect.assignment(node);
  if (!loop || !assignment || assignment.operator !== '+=' || !/^[A-Za-z_$][\w$]*$/.test(assignment.target.text)) return undefined;
  const target = assignment.target.text;
  const loopText = loop.node.text;
  const rest = loopText.slice(0, node.startIndex - loop.node.startIndex) + loopText.slice(node.endIndex - loop.node.startIndex);
  // Anything else the loop does with the string would see it unfinished.
  if (mentions(rest, target)) return undefined;
  const value = assignment.value.text;
  const edit = new SnippetEdit(text, statementOf(loop.node));
  if (language === 'python') {
    const kind = accumulatedKind(site, assignment.target);
    // A bytearray's own `+=` already adds in place; a value of unknown kind could be a list.
    if (kind !== 'string' && kind !== 'bytes') return undefined;
    const parts = freshName(text, joinName(language, target, 'parts'));
    const joiner = kind === 'bytes' ? 'b""' : '""';
    edit.addAbove(`${parts} = []`).replace(node, `${parts}.append(${value})`).addBelow(`${target} += ${joiner}.join(${parts})`);
    return edit.result([`The pieces go into the list \`${parts}\` and are joined once after the loop.`]);
  }
  if (language === 'java') {
    const builder = freshName(text, joinName(language, target, 'builder'));
    edit.addAbove(`StringBuilder ${builder} = new StringBuilder(${target});`).replace(node, `${builder}.append(${value})`).addBelow(`${target} = ${builder}.toString();`);
    return edit.result([`One \`StringBuilder\`, \`${builder}\`, grows in place; the string is made once after the loop.`]);
  }
  if (language === 'go') {
    const builder = freshName(text, joinName(language, target, 'builder'));
    edit
      .addAbove(`var ${builder} strings.Builder`, `${builder}.WriteString(${target})`)
      .replace(node, `${builder}.WriteString(${value})`)
      .addBelow(`${target} = ${builder}.String()`)
      .addElsewhere(goImport(node.tree.rootNode, 'strings'));
    return edit.result([`One \`strings.Builder\`, \`${builder}\`, grows in place; the string is made once after the loop.`]);
  }
  return undefined;
}
