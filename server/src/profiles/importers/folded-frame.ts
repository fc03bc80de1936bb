/**
 * What a frame of a folded stack says beyond its name, by the conventions of the tools that
 * write folded stacks:
 * - async-profiler and FlameGraph's stackcollapse scripts append the frame's kind: `_[j]` JIT
 *   compiled, `_[i]` inlined, `_[k]` kernel, `_[0]` interpreted, `_[1]` C1-compiled;
 * - py-spy (`--format raw`) writes `function (file.py:12)`, the line executing in that frame.
 * Any other frame is a bare name, kept as written (names may hold spaces, parentheses, colons).
 */

export interface FoldedFrame {
  name: string;
  file?: string;
  /** 1-based line executing in the frame, 0 when the frame does not say. */
  line: number;
  module?: string;
}

const KIND_SUFFIX = /_\[[a-z0-9]\]$/;
const FILE_AND_LINE = /^(.*\S) \(([^()]+):(\d+)\)$/;
/** Lines are kept in 32-bit arrays; a larger number is not a line. */
const MAX_LINE = 0x7fffffff;

export function parseFoldedFrame(text: string): FoldedFrame {
  let name = text;
  let module: string | undefined;
  const kind = KIND_SUFFIX.exec(name);
  if (kind && kind.index > 0) {
    if (kind[0] === '_[k]') module = 'kernel';
    name = name.slice(0, kind.index);
  }
  const frame: FoldedFrame = { name, line: 0 };
  const located = FILE_AND_LINE.exec(name);
  if (located) {
    frame.name = located[1];
    frame.file = located[2];
    const line = Number(located[3]);
    frame.line = line <= MAX_LINE ? line : 0;
  }
  if (module) frame.module = module;
  return frame;
}
