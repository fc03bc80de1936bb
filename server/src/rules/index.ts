/** Every rule, sorted by id. Docs, settings and the CLI list rules in this order. */
import { awaitInLoop } from './await-in-loop';
import { blockingCallInAsync } from './blocking-call-in-async';
import { linearSearchInLoop } from './linear-search-in-loop';
import { nPlusOneQuery } from './n-plus-one-query';
import { nPlusOneThroughCall } from './n-plus-one-through-call';
import { regexCompiledInLoop } from './regex-compiled-in-loop';
import type { AnyRule, Rule } from './rule';
import { stringConcatInLoop } from './string-concat-in-loop';

export const RULES: readonly AnyRule[] = [
  awaitInLoop,
  blockingCallInAsync,
  linearSearchInLoop,
  nPlusOneQuery,
  nPlusOneThroughCall,
  regexCompiledInLoop,
  stringConcatInLoop,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

/** The rules that read one file's syntax facts. */
export const FILE_RULES: readonly Rule[] = RULES.filter((r): r is Rule => 'check' in r);

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}
