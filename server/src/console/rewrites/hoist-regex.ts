/**
 * regex-compiled-in-loop: compile the pattern once, above the outermost loop that repeats it,
 * and use that object in the loop. The rule only flags constant patterns, so this is safe, except
 * for JavaScript regexes with the `g` or `y` flag, whose `lastIndex` state a shared object keeps.
 */
import type { FindingSite } from './site';
import { statementOf } from './site';
import { freshName, joinName, lastName, singular } from './naming';
import { Rewrite, SnippetEdit } from './snippet-edit';

export function hoistRegex(site: FindingSite): Rewrite | undefined {
  const { node, loops, dialect, language, text } = site;
  const outer = loops[loops.length - 1];
  if (!outer || !dialect.callTypes.has(node.type)) return undefined;
  const args = dialect.callArgs(node);
  if ((language === 'javascript' || language === 'typescript') && args[1] && /[gy]/.test(args[1].text)) return undefined;
  const iterable = loops[0].shape.iterable?.text;
  const base = iterable ? singular(lastName(iterable) ?? '') : '';
  const name = freshName(text, joinName(language, base, 'pattern'));
  const call = node.text;
  const declaration: Record<typeof language, string> = {
    python: `${name} = ${call}`,
    javascript: `const ${name} = ${call};`,
    typescript: `const ${name} = ${call};`,
    go: `${name} := ${call}`,
    java: `${dialect.calleePath(node).endsWith('Pattern.compile') ? 'Pattern' : 'var'} ${name} = ${call};`,
  };
  const edit = new SnippetEdit(text, statementOf(outer.node));
  edit.addAbove(declaration[language]).replace(node, name);
  return edit.result([`The pattern is compiled once, before the loop, instead of once per iteration; \`${name}\` is a new name.`]);
}
