import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CallMatcher, patternProblem } from '../../server/src/rules/call-patterns';
import { BUILT_IN_PATTERNS, ioMatcher } from '../../server/src/rules/matchers';

test('call patterns match dotted paths segment by segment', () => {
  const m = new CallMatcher([
    { kind: 'http', patterns: ['requests.*'] },
    { kind: 'database', patterns: ['**.session.{query,execute}', '*.objects.get', 'getRepository().find*'] },
    { kind: 'cache', patterns: ['[A-Z]*.load'], unless: ['Object.*'] },
  ]);
  const cases: Array<[string, string | undefined]> = [
    ['requests.get', 'http'],
    ['requests.adapters.get', undefined],
    ['session.query', 'database'],
    ['self.db.session.execute', 'database'],
    ['session.delete', undefined],
    ['User.objects.get', 'database'],
    ['app.User.objects.get', undefined],
    ['getRepository().findOne', 'database'],
    ['Config.load', 'cache'],
    ['config.load', undefined],
    ['Object.load', undefined],
  ];
  for (const [path, kind] of cases) assert.equal(m.match(path), kind, path);
});

test('pattern characters that mean something in regular expressions are taken literally', () => {
  const m = new CallMatcher([{ kind: 'io', patterns: ['a+b.$x(y)|z'] }]);
  assert.equal(m.match('a+b.$x(y)|z'), 'io');
  assert.equal(m.match('aab.$x(y)'), undefined);
});

test('a user pattern is checked before the built-in table, for its languages only', () => {
  const python = ioMatcher('python', [{ pattern: 'api_client.*', kind: 'rpc', languages: ['python'] }, { pattern: 'requests.get', kind: 'io' }]);
  assert.equal(python.match('api_client.fetch_user'), 'rpc');
  assert.equal(python.match('requests.get'), 'io');
  assert.equal(ioMatcher('go', [{ pattern: 'api_client.*', kind: 'rpc', languages: ['python'] }]).match('api_client.fetch_user'), undefined);
});

test('patterns that could make matching slow are refused with a reason', () => {
  assert.equal(patternProblem('*a*a*a*b'), 'a segment has more than 2 "*" wildcards');
  assert.equal(patternProblem('x'.repeat(301)), 'the pattern is longer than 300 characters');
  assert.equal(patternProblem(' '), 'the pattern is empty');
  assert.equal(patternProblem('**.*Repo*.find*'), undefined);
  const m = new CallMatcher([{ kind: 'io', patterns: ['*a*a*a*a*a*a*a*a*a*a*b', 'x'.repeat(5000)] }]);
  assert.equal(m.match('a'.repeat(390)), undefined);
  assert.equal(m.match('x'.repeat(5000)), undefined);
});

test('every built-in I/O pattern is usable', () => {
  for (const [language, groups] of Object.entries(BUILT_IN_PATTERNS)) {
    for (const group of groups) {
      for (const pattern of [...group.patterns, ...(group.unless ?? [])]) {
        assert.equal(patternProblem(pattern), undefined, `${language}: ${pattern}`);
      }
    }
  }
});
