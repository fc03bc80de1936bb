/**
 * bench/precision's review files: a re-run keeps the verdicts a reviewer wrote on the entries it
 * samples again, the sample is stratified by rule, and the summary counts the verdicts.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeVerdicts, parseReview, renderReview, ReviewEntry } from '../../bench/precision/review-file';
import { drawSample } from '../../bench/precision/sample';
import { summarize } from '../../bench/precision/summary';

function entry(ruleId: string, file: string, line: number, more: Partial<ReviewEntry> = {}): ReviewEntry {
  return { ruleId, file, line, message: `${ruleId} at ${line}`, context: `> ${line} | code()`, verdict: '', reason: '', ...more };
}

describe('precision review files', () => {
  it('reads back what it writes, code holding fences and verdict-like lines included', () => {
    const tricky = entry('regex-compiled-in-loop', 'cpython/Lib/re.py', 12, {
      context: '  11 | doc = """\n> 12 | ```\n  13 | verdict: TP\n  14 | ```"""',
      verdict: 'FP',
      reason: 'runs once per module load',
    });
    const entries = [entry('await-in-loop', 'eslint/lib/a.js', 3), tricky];
    assert.deepEqual(parseReview(renderReview('python', 'Intro.', entries)), entries);
  });

  it('keeps the verdicts of the entries sampled again and counts those the new sample dropped', () => {
    const previous = parseReview(
      renderReview('go', 'Intro.', [
        entry('defer-in-loop', 'go/src/a.go', 10, { verdict: 'TP', reason: 'one defer per file opened' }),
        entry('defer-in-loop', 'go/src/b.go', 20, { verdict: 'FP', reason: 'the loop runs twice' }),
        entry('sort-in-loop', 'go/src/c.go', 30),
      ]),
    );
    const sampled = [entry('defer-in-loop', 'go/src/a.go', 10), entry('defer-in-loop', 'go/src/b.go', 21), entry('sort-in-loop', 'go/src/c.go', 30)];
    const { entries, dropped } = mergeVerdicts(sampled, previous);
    assert.deepEqual(
      entries.map((e) => [e.file, e.line, e.verdict, e.reason]),
      [
        ['go/src/a.go', 10, 'TP', 'one defer per file opened'],
        ['go/src/b.go', 21, '', ''],
        ['go/src/c.go', 30, '', ''],
      ],
    );
    // b.go moved from line 20 to 21: another finding as far as the key goes, so its verdict is dropped.
    assert.equal(dropped, 1);
  });

  it('does not keep a verdict given to another message on the same line', () => {
    const previous = [entry('string-concat-in-loop', 'x/y.py', 5, { message: 'old wording', verdict: 'TP' })];
    const { entries, dropped } = mergeVerdicts([entry('string-concat-in-loop', 'x/y.py', 5, { message: 'new wording' })], previous);
    assert.equal(entries[0].verdict, '');
    assert.equal(dropped, 1);
  });
});

describe('precision sample', () => {
  const findings = [
    ...Array.from({ length: 90 }, (_, i) => entry('string-concat-in-loop', `p/f${i % 7}.py`, i + 1)),
    ...Array.from({ length: 9 }, (_, i) => entry('linear-search-in-loop', `p/g${i}.py`, 3)),
    entry('readlines-in-for', 'p/h.py', 8),
  ];

  it('gives every rule two entries where it has them, the rarest all it has, and stops at the size', () => {
    const sample = drawSample(findings, 20);
    assert.equal(sample.length, 20);
    const perRule = (rule: string) => sample.filter((f) => f.ruleId === rule).length;
    assert.equal(perRule('readlines-in-for'), 1);
    assert.ok(perRule('linear-search-in-loop') >= 2);
    assert.ok(perRule('string-concat-in-loop') >= 2);
  });

  it('draws the same sample whatever the order of the findings, and moves little when a finding is added', () => {
    const sample = drawSample(findings, 20);
    assert.deepEqual(drawSample([...findings].reverse(), 20), sample);
    const grown = drawSample([...findings, entry('string-concat-in-loop', 'p/new.py', 1)], 20);
    assert.ok(grown.filter((f) => sample.includes(f)).length >= 19);
  });

  it('takes every finding when there are fewer than the size', () => {
    assert.equal(drawSample(findings.slice(90), 50).length, 10);
  });
});

describe('precision summary', () => {
  it('prints reviewed, TP, FP and precision per rule and language, and flags a rule below 80%', () => {
    const reviews = new Map([
      [
        'java',
        [
          entry('concat-inside-append', 'a/A.java', 1, { verdict: 'TP' }),
          entry('concat-inside-append', 'a/A.java', 2, { verdict: 'fp: constant strings' }),
          entry('keyset-then-get', 'a/B.java', 3, { verdict: 'TP' }),
          entry('keyset-then-get', 'a/B.java', 4),
        ],
      ],
    ]);
    const lines = summarize(reviews).split('\n');
    assert.equal(lines[0].replace(/\s+/g, ' '), '| Lang | Rule | Sampled | Reviewed | TP | FP | Precision | Flag |');
    assert.equal(lines[2].replace(/\s+/g, ' '), '| java | concat-inside-append | 2 | 2 | 1 | 1 | 50% | BELOW 80% |');
    assert.equal(lines[3].replace(/\s+/g, ' '), '| java | keyset-then-get | 2 | 1 | 1 | 0 | 100% | |');
    assert.equal(lines[4].replace(/\s+/g, ' '), '| java | all rules | 4 | 3 | 2 | 1 | 67% | BELOW 80% |');
  });
});
