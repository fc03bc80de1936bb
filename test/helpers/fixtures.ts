/**
 * Rule fixtures: source files in which the expected findings are written as comments under the
 * line they point at.
 *
 *     for o in orders:
 *         session.query(User)
 *     #   ^^^^^^^^^^^^^^^^^^^ n-plus-one-query: Database query `session.query()` runs …
 *
 * The carets give the columns on the nearest line above that is not an annotation. After the
 * rule id, `(to L:C)` (1-based) gives the end of a finding that spans lines, and `: message`
 * the exact message. A finding that starts left of where a comment can reach is written
 * `# expect rule-id at L:C-L:C` (1-based, end exclusive).
 */
import * as fs from 'node:fs';

export interface Expected {
  ruleId: string;
  /** 0-based, as findings are. */
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  message?: string;
}

const CARETS = /^(\s*)(#|\/\/)(\s*)(\^+) ([a-z0-9-]+)(?: \(to (\d+):(\d+)\))?(?:: (.*))?$/;
const EXPLICIT = /^\s*(#|\/\/) expect ([a-z0-9-]+) at (\d+):(\d+)-(\d+):(\d+)(?:: (.*))?$/;

export function isAnnotation(line: string): boolean {
  return CARETS.test(line) || EXPLICIT.test(line);
}

export function readExpectations(text: string): Expected[] {
  const lines = text.split('\n');
  const expected: Expected[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const explicit = EXPLICIT.exec(line);
    if (explicit) {
      const [, , ruleId, sl, sc, el, ec, message] = explicit;
      expected.push({
        ruleId,
        startLine: Number(sl) - 1,
        startCharacter: Number(sc) - 1,
        endLine: Number(el) - 1,
        endCharacter: Number(ec) - 1,
        message,
      });
      return;
    }
    const carets = CARETS.exec(line);
    if (!carets) {
      target = index;
      return;
    }
    if (target < 0) throw new Error(`annotation on line ${index + 1} has no line above it`);
    const [, indent, comment, gap, hats, ruleId, toLine, toColumn, message] = carets;
    const start = indent.length + comment.length + gap.length;
    expected.push({
      ruleId,
      startLine: target,
      startCharacter: start,
      endLine: toLine ? Number(toLine) - 1 : target,
      endCharacter: toColumn ? Number(toColumn) - 1 : start + hats.length,
      message,
    });
  });
  return expected;
}

export function readFixture(file: string): { text: string; expected: Expected[] } {
  const text = fs.readFileSync(file, 'utf8');
  return { text, expected: readExpectations(text) };
}
