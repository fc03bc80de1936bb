/**
 * The parts of package.json that the profile features contribute: the TextMate grammars of the
 * text profile formats (valid, with regexes in the subset Oniguruma and JavaScript share, and
 * scoping sample lines as intended), the Explorer menu's file name test, and commands that the
 * client really registers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

interface Pattern {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  captures?: Record<string, Pattern>;
  beginCaptures?: Record<string, Pattern>;
  endCaptures?: Record<string, Pattern>;
  patterns?: Pattern[];
}

interface Grammar extends Pattern {
  scopeName: string;
  repository?: Record<string, Pattern>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

function loadGrammar(language: string): Grammar {
  const entry = contributes.grammars.find((g: { language: string }) => g.language === language);
  assert.ok(entry, `no grammar is contributed for ${language}`);
  const grammar = JSON.parse(fs.readFileSync(path.join(repoRoot, entry.path), 'utf8')) as Grammar;
  assert.equal(grammar.scopeName, entry.scopeName, `${entry.path} declares another scope name than package.json`);
  return grammar;
}

/** Every pattern object of a grammar, with a path to name it in failures. */
function* walk(pattern: Pattern, where: string): Generator<[Pattern, string]> {
  yield [pattern, where];
  for (const [i, p] of (pattern.patterns ?? []).entries()) yield* walk(p, `${where}.patterns[${i}]`);
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const [n, p] of Object.entries(pattern[key] ?? {})) yield* walk(p, `${where}.${key}[${n}]`);
  }
}

function* allPatterns(grammar: Grammar): Generator<[Pattern, string]> {
  yield* walk(grammar, 'grammar');
  for (const [key, p] of Object.entries(grammar.repository ?? {})) yield* walk(p, `repository.${key}`);
}

/** Compiles with the `u` flag, which rejects Oniguruma-only syntax such as `\h`, `\A`, `\z` or `(?i)`. */
function compile(source: string): RegExp {
  return new RegExp(source, 'u');
}

interface Token {
  text: string;
  /** The innermost scope, without the language suffix; '' for text no pattern scoped. */
  scope: string;
}

/**
 * A small TextMate tokenizer for one line, enough for these grammars: at each position the
 * pattern that matches first wins (the earlier pattern on a tie), captures are scoped, capture
 * patterns and begin/end patterns on the same line are tokenized inside. It shows how the editor
 * will scope a line without shipping the editor's own tokenizer as a test dependency.
 */
function tokenize(grammar: Grammar, line: string): Token[] {
  const suffix = `.${grammar.scopeName.replace(/^source\.hotpath\./, 'hotpath-')}`;
  const tokens: Token[] = [];
  const push = (from: number, to: number, scope: string | undefined): void => {
    if (to > from) tokens.push({ text: line.slice(from, to), scope: (scope ?? '').replace(suffix, '') });
  };
  const resolve = (patterns: Pattern[]): Pattern[] =>
    patterns.flatMap((p) => {
      if (!p.include) return [p];
      const target = grammar.repository?.[p.include.slice(1)];
      assert.ok(target, `missing ${p.include}`);
      return target.match || target.begin ? [target] : resolve(target.patterns ?? []);
    });
  const emit = (m: RegExpExecArray, name: string | undefined, captures: Record<string, Pattern> | undefined): void => {
    const start = m.index;
    const end = m.index + m[0].length;
    let at = start;
    for (let i = 1; i < m.length; i++) {
      const capture = captures?.[String(i)];
      const span = m.indices?.[i];
      if (!capture || !span || span[0] < at) continue;
      push(at, span[0], name);
      if (capture.patterns) run(span[0], span[1], resolve(capture.patterns), undefined, capture.name ?? name);
      else push(span[0], span[1], capture.name ?? name);
      at = span[1];
    }
    push(at, end, name);
  };
  /** Tokenizes line[from, to); with `end`, stops after the end match and returns where it stopped. */
  const run = (from: number, to: number, patterns: Pattern[], end: string | undefined, outer: string | undefined): number => {
    let pos = from;
    while (pos <= to) {
      let best: { m: RegExpExecArray; pattern?: Pattern } | undefined;
      if (end !== undefined) {
        const re = new RegExp(end, 'dgu');
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && m.index + m[0].length <= to) best = { m };
      }
      for (const pattern of patterns) {
        const source = pattern.match ?? pattern.begin;
        if (source === undefined) continue;
        const re = new RegExp(source, 'dgu');
        re.lastIndex = pos;
        const m = re.exec(line);
        if (!m || m.index + m[0].length > to || (pattern.match !== undefined && m[0].length === 0)) continue;
        if (!best || m.index < best.m.index) best = { m, pattern };
      }
      if (!best) break;
      const { m, pattern } = best;
      push(pos, m.index, outer);
      if (!pattern) {
        push(m.index, m.index + m[0].length, outer);
        return m.index + m[0].length;
      }
      if (pattern.match !== undefined) {
        emit(m, pattern.name ?? outer, pattern.captures);
        pos = m.index + m[0].length;
      } else {
        emit(m, pattern.name ?? outer, pattern.beginCaptures ?? pattern.captures);
        pos = run(m.index + m[0].length, to, resolve(pattern.patterns ?? []), pattern.end, pattern.name ?? outer);
      }
    }
    push(pos, to, outer);
    return to;
  };
  run(0, line.length, resolve(grammar.patterns ?? []), undefined, undefined);
  return tokens;
}

/** The texts of the tokens with a scope, in order. */
function scoped(tokens: Token[], scope: string): string[] {
  return tokens.filter((t) => t.scope === scope).map((t) => t.text);
}

const LANGUAGES = ['hotpath-folded', 'hotpath-perf-script', 'hotpath-callgrind'];

test('each profile syntax is a language with a valid grammar whose regexes compile and whose includes resolve', () => {
  for (const language of LANGUAGES) {
    assert.ok(contributes.languages.some((l: { id: string }) => l.id === language), `${language} is not a contributed language`);
    const grammar = loadGrammar(language);
    assert.match(grammar.scopeName, /^source\.hotpath\./);
    let regexes = 0;
    for (const [pattern, where] of allPatterns(grammar)) {
      for (const key of ['match', 'begin', 'end', 'while'] as const) {
        const source = pattern[key];
        if (source === undefined) continue;
        assert.doesNotThrow(() => compile(source), `${language} ${where}.${key}: ${source}`);
        regexes++;
      }
      if (pattern.include?.startsWith('#')) {
        assert.ok(grammar.repository?.[pattern.include.slice(1)], `${language} ${where} includes the missing ${pattern.include}`);
      }
      if (pattern.name && pattern !== grammar) assert.ok(pattern.name.endsWith(`.${language}`), `${language} ${where}: scope ${pattern.name} lacks the language suffix`);
    }
    assert.ok(regexes > 3, `${language} has almost no patterns`);
  }
});

/** Asserts which texts of `line` get each scope (scopes without the language suffix). */
function assertScopes(grammar: Grammar, line: string, expected: Record<string, string[]>): void {
  const tokens = tokenize(grammar, line);
  const actual = Object.fromEntries(Object.keys(expected).map((scope) => [scope, scoped(tokens, scope)]));
  assert.deepEqual(actual, expected, JSON.stringify(line));
}

test('folded stacks: frames, separators, py-spy locations, annotations and the count', () => {
  const g = loadGrammar('hotpath-folded');
  assertScopes(g, 'java;start_thread_[k];com/example/Orders.load (Orders.java:12);query 3', {
    'entity.name.function': ['java', 'start_thread', 'com/example/Orders.load', 'query'],
    'storage.modifier.frame-kind': ['_[k]'],
    'string.unquoted.file': ['Orders.java'],
    'constant.numeric.line': ['12'],
    'punctuation.separator.frame': [';', ';', ';'],
    'constant.numeric.count': ['3'],
  });
  assertScopes(g, '(root);processTicksAndRejections;query2 1204', {
    'entity.name.function': ['processTicksAndRejections', 'query2'],
    'constant.numeric.count': ['1204'],
  });
  assertScopes(g, '# collapsed by stackcollapse-perf.pl', { 'comment.line.number-sign': ['# collapsed by stackcollapse-perf.pl'] });
});

test('perf script: sample headers, frames with symbol, offset and dso, and source lines', () => {
  const g = loadGrammar('hotpath-perf-script');
  assertScopes(g, 'python3 4711/4712 [003] 12345.678901:     250000 cpu-clock:pppH: ', {
    'entity.name.type.command': ['python3'],
    'constant.numeric.pid': ['4711'],
    'constant.numeric.tid': ['4712'],
    'constant.numeric.cpu': ['003'],
    'constant.numeric.timestamp': ['12345.678901'],
    'constant.numeric.period': ['250000'],
    'keyword.other.event': ['cpu-clock:pppH'],
  });
  assertScopes(g, 'node 123  456.789012: cycles:u:', { 'constant.numeric.pid': ['123'], 'keyword.other.event': ['cycles:u'] });
  assertScopes(g, '\t    55d0e1a2b3c4 std::vector<int>::push_back(int const&)+0x1c (/usr/bin/app)', {
    'constant.numeric.address': ['55d0e1a2b3c4'],
    'entity.name.function': ['std::vector<int>::push_back(int const&)'],
    'constant.numeric.offset': ['+0x1c'],
    'string.unquoted.dso': ['/usr/bin/app'],
    // A frame line is not a header.
    'entity.name.type.command': [],
  });
  assertScopes(g, '\tffffffffa1b2 [unknown] ([kernel.kallsyms])', { 'entity.name.function': ['[unknown]'], 'string.unquoted.dso': ['[kernel.kallsyms]'] });
  assertScopes(g, '  app/orders.c:42', { 'string.unquoted.file': ['app/orders.c'], 'constant.numeric.line': ['42'] });
});

test('callgrind: headers, name lines with compressed ids, calls and cost lines', () => {
  const g = loadGrammar('hotpath-callgrind');
  assertScopes(g, 'events: Ir Dr', { 'keyword.other.header': ['events'], 'string.unquoted.header-value': ['Ir Dr'] });
  assertScopes(g, 'fn=(12) main', { 'keyword.other.name-spec': ['fn'], 'constant.numeric.id': ['12'], 'entity.name.function': ['main'] });
  assertScopes(g, 'cfn=(12)', { 'constant.numeric.id': ['12'], 'entity.name.function': [] });
  assertScopes(g, 'fl=(3) /src/app.c', { 'string.unquoted.file': ['/src/app.c'] });
  assertScopes(g, 'cob=/usr/lib/libc.so.6', { 'string.unquoted.file': ['/usr/lib/libc.so.6'] });
  assertScopes(g, 'calls=2 +3', { 'keyword.control.call': ['calls'], 'constant.numeric': ['2'], 'keyword.operator.relative-position': ['+3'] });
  assertScopes(g, '+3 -2 * 0x4005d0 12', {
    'keyword.operator.relative-position': ['+3', '-2', '*'],
    'constant.numeric.hex': ['0x4005d0'],
    'constant.numeric': ['12'],
  });
  assertScopes(g, '16 3', { 'constant.numeric': ['16', '3'] });
  assertScopes(g, '# callgrind format', { 'comment.line.number-sign': ['# callgrind format'] });
});

test('the Explorer offers "Import Profile…" on profile files only', () => {
  const entry = contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'hotpath.importProfile');
  const literal = /resourceFilename =~ \/(.*)\/(i?)$/.exec(entry.when);
  assert.ok(literal, entry.when);
  assert.match(entry.when, /^!explorerResourceIsFolder && /);
  const profileFile = new RegExp(literal[1], literal[2]);
  const profiles = ['app.cpuprofile', 'Heap.heapprofile', 'cpu.pprof', 'cpu.pb.gz', 'out.prof', 'rec.jfr', 'out.folded', 'x.collapsed', 'callgrind.out', 'callgrind.out.1234', 'app.speedscope.json', 'out.perf', 'out.perf.txt', 'page.trace.json'];
  const others = ['app.py', 'package.json', 'notes.txt', 'logs.gz', 'profile.py', 'callgrind.py', 'perf.data'];
  for (const name of profiles) assert.ok(profileFile.test(name), name);
  for (const name of others) assert.ok(!profileFile.test(name), name);
});

test('every contributed command is registered by the client, and menus name contributed commands', () => {
  const sources = fs
    .readdirSync(path.join(repoRoot, 'client', 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(repoRoot, 'client', 'src', f), 'utf8'))
    .join('\n');
  const commands = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
  for (const command of commands) assert.ok(sources.includes(`registerCommand('${command}'`), `${command} is contributed but never registered`);
  for (const [menu, entries] of Object.entries(contributes.menus as Record<string, Array<{ command: string }>>)) {
    for (const { command } of entries) assert.ok(commands.has(command), `${menu} names ${command}, which is not contributed`);
  }
});
