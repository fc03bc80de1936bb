/**
 * dataframe-iterrows: a pandas DataFrame walked with `iterrows()`, which builds a new Series for
 * every row.
 */
import { lastSegment } from '../syntax/paths';
import { quote } from './describe';
import type { Rule } from './rule';

export const dataframeIterrows: Rule = {
  meta: {
    id: 'dataframe-iterrows',
    title: 'DataFrame rows walked with `iterrows()`',
    languages: ['python'],
    severity: 'info',
    confidence: 'medium',
    why:
      '`DataFrame.iterrows()` turns every row into a new pandas `Series`, with its own index ' +
      'and a common type found for the row\'s values, before the loop body sees it. That costs ' +
      'tens of microseconds per row, so a loop over a million rows spends most of its time ' +
      'building Series. `itertuples()` yields plain named tuples and is usually an order of ' +
      'magnitude faster, and a vectorized expression on whole columns faster still.',
    fix:
      'Operate on whole columns (`df["total"] = df["price"] * df["qty"]`, `np.where`, ' +
      '`groupby`); when a Python loop is needed, use `df.itertuples(index=False)`.',
    examples: {
      python: {
        flagged: 'for _, row in df.iterrows():\n    totals.append(row["price"] * row["qty"])',
        useInstead: 'totals = (df["price"] * df["qty"]).tolist()',
      },
    },
    references: [
      { title: 'pandas: iterating (iterrows does not preserve dtypes and is slow)', url: 'https://pandas.pydata.org/docs/user_guide/basics.html#iteration' },
      { title: 'pandas: DataFrame.itertuples', url: 'https://pandas.pydata.org/docs/reference/api/pandas.DataFrame.itertuples.html' },
    ],
  },

  check(context) {
    const { dialect } = context;
    for (const loop of context.facts.loops) {
      const iterable = loop.iterable;
      if (!iterable || iterable.type !== 'call' || lastSegment(dialect.calleePath(iterable)) !== 'iterrows') continue;
      if (!dialect.receiver(iterable) || dialect.callArgs(iterable).length > 0) continue;
      context.report(iterable, `${quote(iterable.text)} builds a pandas Series for every row: work on whole columns, or loop over \`itertuples()\``);
    }
  },
};
