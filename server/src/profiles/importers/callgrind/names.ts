/**
 * Callgrind's name compression: `fn=(12) name` defines id 12 and `fn=(12)` refers to it later.
 * Objects (ob, cob), files (fl, fi, fe, cfi, cfl, jfi) and functions (fn, cfn, jfn) each have
 * their own ids.
 */

export type NameKind = 'object' | 'file' | 'function';

/** Which kind of name each position specification gives. */
export const NAME_KIND: ReadonlyMap<string, NameKind> = new Map([
  ['ob', 'object'],
  ['cob', 'object'],
  ['fl', 'file'],
  ['fi', 'file'],
  ['fe', 'file'],
  ['cfi', 'file'],
  ['cfl', 'file'],
  ['jfi', 'file'],
  ['fn', 'function'],
  ['cfn', 'function'],
  ['jfn', 'function'],
]);

export class NameTables {
  private readonly tables: Record<NameKind, Map<number, string>> = {
    object: new Map(),
    file: new Map(),
    function: new Map(),
  };

  /**
   * The name a specification's value stands for, defining its id on the way. A value is
   * compressed when it starts with "(" and a digit; `fail` is called for a malformed one and for
   * a reference to an id that was never defined.
   */
  resolve(kind: NameKind, value: string, fail: (problem: string) => never): string {
    const second = value.charCodeAt(1);
    if (value.charCodeAt(0) !== 0x28 /* ( */ || second < 0x30 || second > 0x39) return value;
    // The id's digits, read in place: most lines refer to an id, and this is the hot path.
    let id = 0;
    let at = 1;
    for (let code = second; code >= 0x30 && code <= 0x39 && at <= 16; code = value.charCodeAt(++at)) id = id * 10 + (code - 0x30);
    if (value.charCodeAt(at) !== 0x29 /* ) */) fail(`malformed compressed name "${value.slice(0, 40)}"`);
    const table = this.tables[kind];
    if (at + 1 < value.length) {
      const name = value.slice(at + 1).trim();
      if (name.length > 0) {
        table.set(id, name);
        return name;
      }
    }
    return table.get(id) ?? fail(`refers to ${kind} (${id}) before defining it`);
  }
}
