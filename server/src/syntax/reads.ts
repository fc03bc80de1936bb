/**
 * What an expression reads and what an assignment writes, as paths: `cursor`, `state.cursor`,
 * `page.items`. A member chain counts as one read of its longest path, so `this.api.get(id)`
 * reads `this.api.get` and `id`, not `this` as a whole.
 */
import type { Node } from 'web-tree-sitter';
import type { FlowGrammar } from './flow-grammars';

export interface Read {
  path: string;
  /** Start offset of the read. */
  at: number;
}

/** A path as written, without spacing, `?.` and `!`: `page?.next` reads `page.next`. */
export function normalizePath(text: string): string {
  return text.replace(/\s+/g, '').replace(/\?\.(?=\[)/g, '').replace(/[?!]\./g, '.');
}

/**
 * True when a read and a written path concern the same value: the same path, or one inside
 * the other (reading `state` or `state.cursor.id` meets a write of `state.cursor`).
 */
export function overlaps(read: string, written: string): boolean {
  return read === written || within(read, written) || within(written, read);
}

function within(path: string, outer: string): boolean {
  return path.length > outer.length && path.startsWith(outer) && '.[('.includes(path[outer.length]);
}

export class ReadsReader {
  private readonly memberTypes: string[];
  private readonly nameTypes: string[];
  private readonly names: ReadonlySet<string>;
  private readonly cache = new Map<number, ReadonlySet<string>>();

  constructor(private readonly grammar: FlowGrammar) {
    this.memberTypes = Object.keys(grammar.members);
    this.nameTypes = [...grammar.nameTypes];
    this.names = new Set(grammar.nameTypes);
  }

  /** The paths `node` reads. */
  paths(node: Node): ReadonlySet<string> {
    let paths = this.cache.get(node.id);
    if (!paths) {
      paths = new Set(this.reads(node).map((r) => r.path));
      this.cache.set(node.id, paths);
    }
    return paths;
  }

  /** The reads in `node`. */
  reads(node: Node): Read[] {
    if (this.names.has(node.type)) return [{ path: node.text, at: node.startIndex }];
    const text = node.text;
    // Starts of names that are part of a longer read, or not reads at all.
    const parts = new Set<number>();
    const holders = Object.keys(this.grammar.nonReads).filter((t) => text.includes(this.grammar.nonReads[t].marker));
    if (holders.length > 0) {
      for (const holder of node.descendantsOfType(holders)) {
        const name = holder.childForFieldName(this.grammar.nonReads[holder.type].field);
        if (name) parts.add(name.startIndex);
      }
    }
    const reads: Read[] = [];
    if (/[.[]/.test(text)) {
      // Chains that start at the same place are one chain; the longest is what is read.
      const longest = new Map<number, Node>();
      for (const member of node.descendantsOfType(this.memberTypes)) {
        const known = longest.get(member.startIndex);
        if (!known || member.endIndex > known.endIndex) longest.set(member.startIndex, member);
      }
      for (const [at, member] of longest) {
        parts.add(at);
        reads.push({ path: normalizePath(member.text), at });
      }
    }
    for (const name of node.descendantsOfType(this.nameTypes)) {
      const at = name.startIndex;
      if (!parts.has(at)) reads.push({ path: name.text, at });
    }
    return reads;
  }

  /**
   * The paths an assignment target writes: each name of a pattern, the path of a member
   * (`state.cursor`), and for an element (`cache[key]`) the collection as a whole.
   */
  written(target: Node): string[] {
    const { grammar } = this;
    if (this.names.has(target.type)) return [target.text];
    if (grammar.wrappers.has(target.type)) return target.firstNamedChild ? this.written(target.firstNamedChild) : [];
    const objectField = grammar.members[target.type];
    if (objectField) {
      const object = grammar.indexTypes.has(target.type) ? target.childForFieldName(objectField) : target;
      return object ? [normalizePath(object.text)] : [];
    }
    // In `{ key: name = fallback }` only `name` is bound: keys and defaults are not.
    const bound = target.childForFieldName('value') ?? target.childForFieldName('left');
    if (bound && (target.type.endsWith('pair_pattern') || target.type.endsWith('assignment_pattern'))) {
      return this.written(bound);
    }
    return target.namedChildren.flatMap((c) => (c && c.type !== 'type_annotation' ? this.written(c) : []));
  }
}
