/**
 * Our marshal reader against Python's own marshal module: Python writes values of every type
 * pstats files use (and the others the reader knows) in each marshal version, live, and the
 * reader must give the same values back. Malformed data (cut, absurd lengths and counts, bad
 * references, deep nesting) must end in a MarshalError, quickly and without large allocations.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MarshalCode, MarshalDict, MarshalError, MarshalOther, readMarshal, type MarshalValue } from '../../../server/src/profiles/importers/pstats/marshal';
import { python3, runTool } from './reference-tool';

/** Python's writer. */
function python(script: string): string {
  return runTool(python3("the marshal reader is tested against Python's marshal module"), ['-c', script]);
}

/** Values and their marshal bytes, per version; `plain` turns a value into JSON the same way `plain()` below does. */
const CASES = `
import json, marshal
shared = "shared-" + "string"
big = tuple(range(300))
values = {
  "none and booleans": (None, True, False),
  "ints": (0, -1, 2**31 - 1, -2**31, 2**40, -2**70, 2**62, 123456789012345),
  "floats": (1.5, -0.0, 1e-300, 6.02e-23, 2.5e15, float("inf"), float("-inf")),
  "strings": ("ascii", "", "\\u00e9t\\u00e9 \\u4e2d\\u6587 \\U0001F600", "x" * 300, shared, shared),
  "bytes": (b"", b"\\x00\\xff" * 200),
  "containers": ((), (1,), [1, [2, (3,)]], {"a": 1, (1, 2): [3]}, {1, 2, 3}, frozenset({4}), big, big),
  "pstats-like": {("f.py", 12, "f"): (1, 3, 0.5, 1.25, {("~", 0, "<built-in method builtins.len>"): (1, 3, 0.5, 1.25)})},
  "others": (1 + 2j, Ellipsis, StopIteration),
}
def plain(v):
    if v is None or isinstance(v, (bool, str)): return v
    if isinstance(v, int): return v if abs(v) < 2**53 else str(v)
    if isinstance(v, float): return v if v == v and abs(v) != float("inf") else repr(v)
    if isinstance(v, bytes): return {"bytes": v.hex()}
    if isinstance(v, (tuple, list, set, frozenset)): return [plain(x) for x in v]
    if isinstance(v, dict): return {"dict": [[plain(k), plain(x)] for k, x in v.items()]}
    if isinstance(v, complex): return {"other": "complex"}
    if v is Ellipsis: return {"other": "Ellipsis"}
    if v is StopIteration: return {"other": "StopIteration"}
    raise TypeError(type(v))
cases = [[name, version, marshal.dumps(v, version).hex(), plain(v)] for name, v in values.items() for version in range(5)]
code = compile("def f():\\n    def g():\\n        return 1.5j\\n    return g\\nx = ...\\n", "nested.py", "exec")
cases.append(["code object", 4, marshal.dumps(code).hex(), {"code": ["<module>", "nested.py", 1]}])
json.dump(cases, __import__("sys").stdout)
`;

/** Our value in the JSON shape the Python side uses. */
function plain(value: MarshalValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value) || !Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return Number.isInteger(value) && Math.abs(value) >= 2 ** 53 ? BigInt(value).toString() : value;
  }
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof MarshalDict) return { dict: value.entries.map(([k, v]) => [plain(k), plain(v)]) };
  if (value instanceof MarshalCode) return { code: [value.name, value.filename, value.firstLine] };
  if (value instanceof MarshalOther) return { other: value.kind };
  throw new Error(`unexpected value ${String(value)}`);
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
}

function refused(bytes: Uint8Array, problem: RegExp): void {
  assert.throws(() => readMarshal(bytes), (error: unknown) => error instanceof MarshalError && problem.test(error.message));
}

describe('marshal reader', () => {
  const cases = JSON.parse(python(CASES)) as Array<[string, number, string, unknown]>;

  test("reads what Python's marshal writes, in every version", () => {
    assert.ok(cases.length > 40);
    for (const [name, version, data, expected] of cases) {
      const bytes = hex(data);
      const result = readMarshal(bytes);
      assert.equal(result.end, bytes.length, `${name} v${version}: the whole object is read`);
      assert.deepEqual(plain(result.value), expected, `${name} v${version}`);
    }
  });

  test('every cut of a value is refused with a MarshalError', () => {
    for (const [name, version, data] of cases.filter(([, version]) => version === 4)) {
      const bytes = hex(data);
      for (let n = 0; n < bytes.length; n++) refused(bytes.subarray(0, n), /./);
      assert.ok(name && version === 4);
    }
  });

  test('absurd lengths and counts are refused before anything is allocated', () => {
    refused(hex('28 ffffff7f'), /a sequence of 2147483647 items in 0 remaining bytes/);
    refused(hex('5b ffffff7f 4e'), /a sequence of 2147483647 items in 1 remaining bytes/);
    refused(hex('75 ffffff7f 41'), /a string of 2147483647 bytes in 1 remaining bytes/);
    refused(hex('73 feffff7f'), /a bytes object of 2147483646 bytes/);
    refused(hex('6c ffffff7f 0100'), /a long of 2147483647 digits/);
    refused(hex('6c 00000080'), /a long of 2147483648 digits/);
    refused(hex('28 ffffffff'), /a negative length -1/);
    refused(hex('7a 05 4142'), /a string of 5 bytes in 2 remaining bytes/);
  });

  test('references must name an object already read to the end', () => {
    refused(hex('72 00000000'), /refers to object #0, but only 0 were kept/);
    refused(hex('a9 01 72 00000000'), /refers to object #0 while it is still being read/);
    refused(hex('fb 72 00000000 4e 30'), /still being read/);
    refused(hex('a9 02 e9 01000000 72 05000000'), /refers to object #5, but only 2 were kept/);
    // A flagged None keeps no reference, as in CPython.
    refused(hex('29 02 ce 72 00000000'), /refers to object #0, but only 0 were kept/);
    assert.deepEqual(plain(readMarshal(hex('29 02 fa 01 61 72 00000000')).value), ['a', 'a']);
  });

  test('malformed values are refused', () => {
    refused(hex(''), /the data ends after 0 bytes/);
    refused(hex('30'), /starts with a NULL object/);
    refused(hex('29 01 30'), /a NULL object inside a sequence/);
    refused(hex('7b 4e 30'), /a dict key without a value/);
    refused(hex('6c 01000000 0080'), /a long digit out of range/);
    refused(hex('6c 02000000 0100 0000'), /an unnormalized long/);
    refused(hex('66 03 312e78'), /a malformed float "1.x"/);
    refused(hex('52 00000000'), /unsupported marshal type Python 2 string reference/);
    refused(hex('3a'), /unsupported marshal type slice/);
    refused(hex('01'), /unsupported marshal type code 0x01/);
  });

  test('nesting is limited, and code objects that fit no layout cannot make reading exponential', () => {
    refused(Uint8Array.from({ length: 5000 }, (_, i) => [0x5b, 1, 0, 0, 0][i % 5]), /objects nested more than 100 deep/);
    refused(Uint8Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? 0x29 : 1)), /objects nested more than 100 deep/);
    refused(new Uint8Array(20000).fill(0x63), /a code object in none of the layouts/);
    refused(Uint8Array.from({ length: 20000 }, (_, i) => (i === 0 ? 0x63 : 0x73)), /./);
    refused(Uint8Array.from({ length: 20000 }, (_, i) => [0x63, 0x73, 0, 0, 0][i % 5]), /./);
  });
});
