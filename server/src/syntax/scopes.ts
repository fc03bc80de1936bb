/**
 * Which declaration a name refers to, as far as one file shows it. The lookup walks out from a
 * use through the nodes around it and reads, at each level, the children written before the use:
 * statements of a block, a function's parameters, a loop's header. Each language says what its
 * children declare; a name declared elsewhere (an import, a base class) is not found.
 */
import type { Node } from 'web-tree-sitter';
import { go } from './declarations/go';
import { java } from './declarations/java';
import { javascript } from './declarations/javascript';
import { python } from './declarations/python';
import type { Declaration, DeclarationReader } from './declarations/reader';
import type { LanguageId } from './languages';

export type { Declaration } from './declarations/reader';

const READERS: Partial<Record<LanguageId, DeclarationReader>> = { python, javascript, typescript: javascript, java, go };

/**
 * The declaration in scope at `use` under `name`: the nearest one written before the use in the
 * innermost scope that has one. In Python, where assignments bind names, that is the last
 * assignment before the use in the enclosing blocks. Scopes of the types `notIn` names, those
 * around them and, when `notIn` is given, the root, are not read; `written`, when given, tells whether the name is written in
 * the text between two offsets, so that scopes where it is not are not read either.
 */
export function declarationInScope(
  language: LanguageId,
  use: Node,
  name: string,
  notIn?: ReadonlySet<string>,
  written?: (from: number, to: number) => boolean,
): Declaration | undefined {
  const reader = READERS[language];
  if (!reader) return undefined;
  let inner = use;
  for (let scope = use.parent; scope; inner = scope, scope = scope.parent) {
    // The root is the module's level whatever its type (an ERROR node when the parser could not read the file).
    if (notIn && (notIn.has(scope.type) || !scope.parent)) return undefined;
    const unordered = reader.unordered.has(scope.type);
    // The children an ordered scope's lookup reads lie before the use's own: where the name is not
    // written there (`written` says, from the text), none of them declares it.
    const readable = unordered || !written || written(scope.startIndex, inner.startIndex);
    for (let i = readable ? scope.namedChildCount - 1 : -1; i >= 0; i--) {
      const child = scope.namedChild(i);
      if (!child || child.equals(inner) || (!unordered && child.endIndex > use.startIndex)) continue;
      const found = reader.read(child, name);
      if (found) return found;
    }
    if (reader.boundaries.has(scope.type)) return undefined;
  }
  return undefined;
}
