/**
 * The words findings are made of: how a loop is named, where it is, how code is quoted.
 * Kept in one place so every rule's messages read the same way.
 */
import type { Node, Point } from 'web-tree-sitter';
import type { Range } from '../findings';
import type { Loop } from '../syntax/facts';
import type { Related } from './rule';

function position(point: Point) {
  return { line: point.row, character: point.column };
}

export function nodeRange(node: Node): Range {
  return { start: position(node.startPosition), end: position(node.endPosition) };
}

/** 1-based line of a node, as users read it. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

/**
 * Code quoted in a message: one line, at most `max` characters, in backticks. Template literals
 * inside it read `…`, so the quote has no backticks of its own to confuse.
 */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/`[^`]*(`|$)/g, '…');
  return `\`${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}\``;
}

/** The part of a loop a user recognizes it by: `for o in orders`, `orders.map(`. */
export function loopHeaderRange(loop: Loop): Range {
  const node = loop.node;
  if (loop.kind === 'callback') {
    const call = node.parent?.parent ?? node;
    return { start: position(call.startPosition), end: position(node.startPosition) };
  }
  const end = loop.iterable && loop.iterable.endPosition.row === node.startPosition.row
    ? loop.iterable.endPosition
    : { row: node.startPosition.row, column: node.startPosition.column + firstLineLength(node) };
  return { start: position(node.startPosition), end: position(end) };
}

function firstLineLength(node: Node): number {
  const text = node.text;
  const newline = text.indexOf('\n');
  return newline < 0 ? text.length : newline;
}

/** "once per item of `orders` (`for` loop at line 41)" or "on every iteration of the `while` loop at line 41". */
export function repetition(loop: Loop): string {
  const line = loop.kind === 'callback' ? (loop.node.parent?.parent ?? loop.node) : loop.node;
  if (loop.iterable) return `once per item of ${quote(loop.iterable.text)} (${loop.label} at line ${lineOf(line)})`;
  return `on every iteration of the ${loop.label} at line ${lineOf(line)}`;
}

/** Related information naming each loop that repeats a node, innermost first. */
export function loopsRelated(loops: readonly Loop[]): Related[] {
  return loops.map((loop, i) => ({
    range: loopHeaderRange(loop),
    message: `${i === 0 ? 'repeated by this' : 'and by this enclosing'} ${loop.label}${loop.iterable ? ` over ${quote(loop.iterable.text)}` : ''}`,
  }));
}
