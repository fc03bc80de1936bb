/**
 * Rewrites of findings with the code's own names, on small files per language: each rule's
 * rewrite where it is safe, and no rewrite (the rule's example instead) where it is not — a
 * regex with the `g` flag, a string the loop also reads, a list the loop changes, a loop that
 * breaks early.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { modelFromFiles } from '../../../server/src/console/model-from-files';
import { findingFixes } from '../../../server/src/console/rewrite-finding';
import { findingsUnder } from './examples-model';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-rewrites-'));

/** The rewrite of the one finding of `rule` in a file with this text, or undefined. */
async function rewrite(name: string, source: string, rule: string) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
  const findings = (await findingsUnder(path.dirname(file))).filter((f) => f.file === file && f.finding.ruleId === rule);
  assert.equal(findings.length, 1, `one ${rule} finding in ${name}: ${JSON.stringify(findings.map((f) => f.finding.message))}`);
  const model = await modelFromFiles({ roots: [dir], findings, profiles: [] });
  return findingFixes(model, findings[0]).rewrite;
}

describe('rewrites', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('hoists a JavaScript regex out of the loop, named after what it matches', async () => {
    const r = await rewrite('a/hoist.js', "function f(codes) {\n  return codes.filter((code) => new RegExp('^[a-z]+$').test(code));\n}\n", 'regex-compiled-in-loop');
    assert.equal(r?.after, "const codePattern = new RegExp('^[a-z]+$');\nreturn codes.filter((code) => codePattern.test(code));");
  });

  it('leaves a regex with the g flag in place: a shared one would keep lastIndex', async () => {
    const r = await rewrite('b/global.js', "function f(codes) {\n  return codes.filter((code) => new RegExp('^[a-z]+$', 'g').test(code));\n}\n", 'regex-compiled-in-loop');
    assert.equal(r, undefined);
  });

  it('collects Python strings in a list and joins them once', async () => {
    const r = await rewrite('c/concat.py', 'def f(rows):\n    out = ""\n    for row in rows:\n        out += row.name\n    return out\n', 'string-concat-in-loop');
    assert.equal(r?.after, 'out_parts = []\nfor row in rows:\n    out_parts.append(row.name)\nout += "".join(out_parts)');
  });

  it('leaves string building alone when the loop also reads the string', async () => {
    const r = await rewrite('d/reads.py', 'def f(rows):\n    out = ""\n    for row in rows:\n        out += row.name\n        if len(out) > 80:\n            print(out)\n    return out\n', 'string-concat-in-loop');
    assert.equal(r, undefined);
  });

  it('builds a set once for a Python membership test', async () => {
    const r = await rewrite('e/member.py', 'def f(orders, ids):\n    known = list(ids)\n    for order in orders:\n        if order.id in known:\n            yield order\n', 'linear-search-in-loop');
    assert.equal(r?.after, 'known_set = set(known)\nfor order in orders:\n    if order.id in known_set:\n        yield order');
  });

  it('leaves the search alone when the loop changes the list', async () => {
    const r = await rewrite('f/grows.ts', 'export function f(orders: { id: number }[], seen: number[]) {\n  for (const order of orders) {\n    if (!seen.includes(order.id)) seen.push(order.id);\n  }\n}\n', 'linear-search-in-loop');
    assert.equal(r, undefined);
  });

  it('allocates a Go slice with room for every item, right above its loop', async () => {
    const r = await rewrite('j/names.go', 'package users\n\nfunc Names(users []User) []string {\n\tnames := []string{}\n\tfor _, u := range users {\n\t\tnames = append(names, u.Name)\n\t}\n\treturn names\n}\n', 'slice-append-without-capacity');
    assert.equal(r?.before, 'names := []string{}\nfor _, u := range users {\n\tnames = append(names, u.Name)\n}');
    assert.equal(r?.after, 'names := make([]string, 0, len(users))\nfor _, u := range users {\n\tnames = append(names, u.Name)\n}');
  });

  it('says what to check when a nil Go slice becomes an empty one', async () => {
    const r = await rewrite('k/names.go', 'package users\n\nfunc Names(users []User) []string {\n\tvar names []string\n\tfor _, u := range users {\n\t\tnames = append(names, u.Name)\n\t}\n\treturn names\n}\n', 'slice-append-without-capacity');
    assert.equal(r?.after, 'names := make([]string, 0, len(users))\nfor _, u := range users {\n\tnames = append(names, u.Name)\n}');
    assert.equal(r?.check, 'code that tells a nil `names` from an empty one');
    assert.match(r?.notes[1] ?? '', /slices\.Grow\(names, len\(users\)\)/);
  });

  it('moves a Java mapper made in a loop to a static final field', async () => {
    const r = await rewrite(
      'l/Events.java',
      'import com.fasterxml.jackson.databind.ObjectMapper;\n\nclass Events {\n    void parse(java.util.List<String> lines) throws Exception {\n        for (String line : lines) {\n            ObjectMapper mapper = new ObjectMapper();\n            System.out.println(mapper.readTree(line));\n        }\n    }\n}\n',
      'expensive-object-in-loop',
    );
    assert.equal(r?.after, 'ObjectMapper mapper = MAPPER;');
    assert.deepEqual(r?.notes, ['A field of the class, `private static final ObjectMapper MAPPER = new ObjectMapper();`, is made once, when the class is loaded. It is shared by every call and thread; the ObjectMapper is safe to share once it is set up.']);
  });

  it('leaves a SimpleDateFormat made in a loop where it is: it is not safe to share between threads', async () => {
    const r = await rewrite(
      'm/Days.java',
      'import java.text.SimpleDateFormat;\n\nclass Days {\n    void print(java.util.List<java.util.Date> days) {\n        for (java.util.Date d : days) {\n            System.out.println(new SimpleDateFormat("yyyy-MM-dd").format(d));\n        }\n    }\n}\n',
      'expensive-object-in-loop',
    );
    assert.equal(r, undefined);
  });

  it('awaits the async form of a blocking call, with the same arguments', async () => {
    const r = await rewrite('g/block.py', 'import asyncio\nimport time\n\nasync def f():\n    time.sleep(2)\n', 'blocking-call-in-async');
    assert.equal(r?.after, 'await asyncio.sleep(2)');
    assert.deepEqual(r?.notes.length, 1);
  });

  it('runs independent awaits together, but not a loop that breaks early', async () => {
    const together = await rewrite('h/await.js', 'async function f(urls) {\n  for (const url of urls) {\n    await fetch(url);\n  }\n}\n', 'await-in-loop');
    // `urls` may be any iterable, so the rewrite goes through Array.from, which takes them all.
    assert.equal(together?.after, 'await Promise.all(Array.from(urls, async (url) => {\n  await fetch(url);\n}));');
    const array = await rewrite('h/array.ts', 'export async function f(urls: string[]) {\n  for (const url of urls) {\n    await fetch(url);\n  }\n}\n', 'await-in-loop');
    assert.equal(array?.after, 'await Promise.all(urls.map(async (url) => {\n  await fetch(url);\n}));');
    const early = await rewrite('i/break.js', 'async function f(urls) {\n  for (const url of urls) {\n    const r = await fetch(url);\n    if (r.ok) break;\n  }\n}\n', 'n-plus-one-query');
    assert.equal(early, undefined);
  });
});
