/** Every rule, sorted by id. Docs, settings and the CLI list rules in this order. */
import { accumulatingSpread } from './accumulating-spread';
import { awaitInLoop } from './await-in-loop';
import { blockingCallInAsync } from './blocking-call-in-async';
import { boxedAccumulatorInLoop } from './boxed-accumulator-in-loop';
import { caseConvertedToCompare } from './case-converted-to-compare';
import { concatInsideAppend } from './concat-inside-append';
import { dataframeConcatInLoop } from './dataframe-concat-in-loop';
import { dataframeIterrows } from './dataframe-iterrows';
import { deferInLoop } from './defer-in-loop';
import { domQueryInLoop } from './dom-query-in-loop';
import { expensiveObjectInLoop } from './expensive-object-in-loop';
import { fileReopenedInLoop } from './file-reopened-in-loop';
import { filterToTestExistence } from './filter-to-test-existence';
import { frontOfListInLoop } from './front-of-list-in-loop';
import { keysetThenGet } from './keyset-then-get';
import { linearSearchInLoop } from './linear-search-in-loop';
import { linkedListGetInLoop } from './linked-list-get-in-loop';
import { listSummedWithStart } from './list-summed-with-start';
import { nPlusOneQuery } from './n-plus-one-query';
import { nPlusOneThroughCall } from './n-plus-one-through-call';
import { objectKeysMembership } from './object-keys-membership';
import { parseInSortComparator } from './parse-in-sort-comparator';
import { readlinesInFor } from './readlines-in-for';
import { regexCompiledInLoop } from './regex-compiled-in-loop';
import type { AnyRule, Rule } from './rule';
import { runeSliceInRange } from './rune-slice-in-range';
import { sliceAppendWithoutCapacity } from './slice-append-without-capacity';
import { sortInLoop } from './sort-in-loop';
import { sprintfForSimpleConversion } from './sprintf-for-simple-conversion';
import { stringConcatInLoop } from './string-concat-in-loop';
import { timeAfterInLoop } from './time-after-in-loop';
import { wrapperConstructor } from './wrapper-constructor';

export const RULES: readonly AnyRule[] = [
  accumulatingSpread,
  awaitInLoop,
  blockingCallInAsync,
  boxedAccumulatorInLoop,
  caseConvertedToCompare,
  concatInsideAppend,
  dataframeConcatInLoop,
  dataframeIterrows,
  deferInLoop,
  domQueryInLoop,
  expensiveObjectInLoop,
  fileReopenedInLoop,
  filterToTestExistence,
  frontOfListInLoop,
  keysetThenGet,
  linearSearchInLoop,
  linkedListGetInLoop,
  listSummedWithStart,
  nPlusOneQuery,
  nPlusOneThroughCall,
  objectKeysMembership,
  parseInSortComparator,
  readlinesInFor,
  regexCompiledInLoop,
  runeSliceInRange,
  sliceAppendWithoutCapacity,
  sortInLoop,
  sprintfForSimpleConversion,
  stringConcatInLoop,
  timeAfterInLoop,
  wrapperConstructor,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** The rules that read one file's syntax facts. */
export const FILE_RULES: readonly Rule[] = RULES.filter((r): r is Rule => 'check' in r);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}
