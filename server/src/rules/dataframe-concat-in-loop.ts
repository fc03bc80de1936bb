/**
 * dataframe-concat-in-loop: a pandas DataFrame grown one piece at a time inside a loop
 * (`df = pd.concat([df, row])`, `df = df.append(row)`), which copies the whole frame each time.
 */
import type { Node } from 'web-tree-sitter';
import { declaredInLoop } from '../syntax/loop-invariance';
import { declarationInScope } from '../syntax/scopes';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

/** True when `value` makes a new frame from all of `name` and more. */
function growsFrame(context: RuleContext, value: Node, name: string): boolean {
  const { dialect } = context;
  if (value.type !== 'call') return false;
  const path = dialect.calleePath(value);
  if (path === `${name}.append` || path === `${name}._append`) return dialect.callArgs(value).length >= 1;
  if (path !== 'pd.concat' && path !== 'pandas.concat') return false;
  const first = dialect.callArgs(value)[0];
  return (first?.type === 'list' || first?.type === 'tuple') && first.namedChildren.some((c) => c?.type === 'identifier' && c.text === name);
}

export const dataframeConcatInLoop: Rule = {
  meta: {
    id: 'dataframe-concat-in-loop',
    title: 'DataFrame grown with `concat` inside a loop',
    languages: ['python'],
    severity: 'warning',
    confidence: 'high',
    why:
      '`pd.concat([df, piece])` (and the old `df.append(piece)`) never grows a frame in place: ' +
      'it allocates a new frame and copies every column of `df` into it. Called once per ' +
      'item, the loop copies the frame again and again, a cost that grows with the square of ' +
      'the number of pieces; building a frame of 10,000 rows one row at a time copies some 50 ' +
      'million cells.',
    fix: 'Collect the pieces (rows as dicts, or small frames) in a list inside the loop and call `pd.concat(pieces)` or `pd.DataFrame(rows)` once after it.',
    examples: {
      python: {
        flagged: 'df = pd.DataFrame()\nfor record in records:\n    df = pd.concat([df, pd.DataFrame([record])])',
        useInstead: 'df = pd.DataFrame(list(records))',
      },
    },
    references: [
      { title: 'pandas: concat (note on iteratively appending rows)', url: 'https://pandas.pydata.org/docs/reference/api/pandas.concat.html' },
      { title: 'pandas 2.0: DataFrame.append removed in favour of concat', url: 'https://pandas.pydata.org/docs/whatsnew/v2.0.0.html#removal-of-prior-version-deprecations-changes' },
    ],
  },

  check(context) {
    const { dialect, language } = context;
    for (const site of context.facts.sites.assign) {
      const loop = site.loops[0];
      const parts = loop && dialect.assignment(site.node);
      if (!parts || parts.operator !== '=' || parts.target.type !== 'identifier') continue;
      const name = parts.target.text;
      if (!growsFrame(context, parts.value, name)) continue;
      const declaration = declarationInScope(language, parts.target, name);
      if (declaration && declaredInLoop(declaration, loop)) continue;
      context.report(
        site.node,
        `${quote(site.node.text)} copies the whole frame \`${name}\` ${repetition(loop)}: collect the pieces in a list and concatenate once after the loop`,
        loopsRelated(site.loops),
      );
    }
  },
};
