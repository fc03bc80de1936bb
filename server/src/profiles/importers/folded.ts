/**
 * Folded (collapsed) stacks: one line per distinct stack, frames root first separated by `;`,
 * then a space and the sample count (`main;parse;lex 42`). Written by FlameGraph's and perf's
 * stackcollapse scripts, async-profiler's `collapsed` output and py-spy's `--format raw`.
 * Frame names may contain spaces, so a line is split at its last space. This is the loosest
 * format there is: it is sniffed last, and only when every line of the head has the shape.
 */
import { ProfileError, type Importer } from '../importer';
import type { Profile, ProfileFunction } from '../model';
import { TreeBuilder } from '../tree-builder';
import { parseFoldedFrame } from './folded-frame';
import { forEachLine } from './callgrind/lines';
import { headLines, isBlankLine, quote } from './text-head';
import { grown } from './typed-arrays';

/** A line of the head: a frame that does not start with blank space, blank space, a count. */
const LINE_SHAPE = /^\S.*[ \t]\d+(?:\.\d+)?$/;
const COUNT = /^\d+(?:\.\d+)?$/;
const SEMICOLON = 0x3b;

function isBlank(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  return c === 0x20 || c === 0x09;
}

function lastBlank(line: string): number {
  let i = line.length - 1;
  while (i >= 0 && !isBlank(line, i)) i--;
  return i;
}

export const foldedImporter: Importer = {
  format: 'folded',
  title: 'folded stacks (FlameGraph, stackcollapse, async-profiler collapsed, py-spy raw)',
  sniff(input) {
    const lines = headLines(input).filter((line) => !isBlankLine(line));
    return lines.length > 0 && lines.every((line) => LINE_SHAPE.test(line));
  },
  read(input) {
    const builder = new TreeBuilder(1);
    /** Each distinct frame text seen, as an index into `frames` (function, line pairs). */
    const frameIds = new Map<string, number>();
    const frames: number[] = [];
    const value = [0];
    let total = 0;
    let stacks = 0;
    // Stackcollapse sorts its lines, so a line shares its first frames with the one before: where
    // each of that line's frames ended, and the node it reached, saves finding them again.
    let previous = '';
    let previousDepth = 0;
    let ends: Int32Array = new Int32Array(256);
    let nodes: Int32Array = new Int32Array(256);
    forEachLine(input.name, input.bytes, (line, lineNumber) => {
      const cut = lastBlank(line);
      const countText = line.slice(cut + 1);
      if (!COUNT.test(countText)) {
        if (isBlankLine(line)) return;
        throw new ProfileError(input.name, `line ${lineNumber} does not end with a sample count, as folded stacks do: ${quote(line)}`);
      }
      let end = cut;
      while (end > 0 && isBlank(line, end - 1)) end--;
      let same = 0;
      const limit = Math.min(end, previous.length);
      while (same < limit && line.charCodeAt(same) === previous.charCodeAt(same)) same++;
      let depth = 0;
      while (depth < previousDepth && ends[depth] <= same && (ends[depth] === end || line.charCodeAt(ends[depth]) === SEMICOLON)) depth++;
      let node = depth > 0 ? nodes[depth - 1] : 0;
      for (let from = depth > 0 ? ends[depth - 1] + 1 : 0; from < end; ) {
        let to = line.indexOf(';', from);
        if (to < 0 || to > end) to = end;
        if (to > from) {
          const text = line.slice(from, to);
          let id = frameIds.get(text);
          if (id === undefined) {
            id = frames.length;
            const frame = parseFoldedFrame(text);
            const fn: ProfileFunction = { name: frame.name };
            if (frame.file) fn.file = frame.file;
            if (frame.module) fn.module = frame.module;
            frames.push(builder.functionId(fn), frame.line);
            frameIds.set(text, id);
          }
          node = builder.child(node, frames[id], frames[id + 1]);
          if (depth === ends.length) {
            ends = grown(ends, depth + 1);
            nodes = grown(nodes, depth + 1);
          }
          ends[depth] = to;
          nodes[depth++] = node;
        }
        from = to + 1;
      }
      previous = line.slice(0, end);
      previousDepth = depth;
      if (node === 0) throw new ProfileError(input.name, `line ${lineNumber} has a count but no frames: ${quote(line)}`);
      value[0] = Number(countText);
      builder.addSelf(node, value);
      total += value[0];
      stacks++;
    });
    if (stacks === 0) throw new ProfileError(input.name, 'the file holds no stacks (lines like "main;work 12")');
    const profile: Profile = {
      format: foldedImporter.format,
      source: input.name,
      sampleTypes: [{ type: 'samples', unit: 'samples' }],
      defaultSampleType: 0,
      functions: builder.functions,
      shape: { kind: 'tree', tree: builder.build() },
      sampleCount: total,
    };
    return profile;
  },
};
