/**
 * A `private static final` field that a Java fix adds to the class around the code it rewrites:
 * which class can take one, what the field is called, and the edit that puts it above the
 * class's first member.
 */
import type { Node } from 'web-tree-sitter';
import { lineStart } from './imports';
import type { OffsetEdit } from './offset-edits';

/** `CODE_PATTERN` from `codePattern`, `YAML_MAPPER` from `YAMLMapper`: Java's constants are upper case. */
export function constantName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])|([A-Z])([A-Z][a-z])/g, (_, a, b, c, d) => (a ? `${a}_${b}` : `${c}_${d}`)).toUpperCase();
}

/** The class a Java field can be added to: a top-level or static nested class, not an interface or anonymous class. */
function fieldClass(node: Node): Node | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'object_creation_expression' || n.type === 'lambda_expression') continue;
    if (n.type === 'class_body' && n.parent?.type !== 'class_declaration') return undefined;
    if (n.type !== 'class_declaration') continue;
    const isStatic = n.namedChildren.some((c) => c?.type === 'modifiers' && /\bstatic\b/.test(c.text));
    return n.parent?.type === 'program' || isStatic ? n : undefined;
  }
  return undefined;
}

/**
 * The name of a `private static final` field of the class around `node` that already holds
 * `value` (written the same way) with this type, so that a fix may use it rather than add a
 * second one. Private, so that only this file can change it.
 */
export function existingStaticField(node: Node, type: string, value: string): string | undefined {
  const body = fieldClass(node)?.childForFieldName('body');
  for (const field of body?.namedChildren ?? []) {
    if (field?.type !== 'field_declaration' || field.childForFieldName('type')?.text !== type) continue;
    const modifiers = field.namedChildren.find((c) => c?.type === 'modifiers')?.text ?? '';
    if (!['private', 'static', 'final'].every((m) => new RegExp(`\\b${m}\\b`).test(modifiers))) continue;
    const declarator = field.childForFieldName('declarator');
    if (declarator?.childForFieldName('value')?.text.replace(/\s+/g, '') === value.replace(/\s+/g, '')) return declarator.childForFieldName('name')?.text;
  }
  return undefined;
}

/**
 * The edit that adds `declaration` (a whole field, `private static final …;`) to the class
 * around `node`, above its first member and that member's comments; undefined when no class
 * around the node can hold a static field.
 */
export function staticFieldEdit(source: string, node: Node, declaration: string): OffsetEdit | undefined {
  const member = fieldClass(node)?.childForFieldName('body')?.namedChild(0);
  if (!member) return undefined;
  const at = lineStart(source, member.startIndex);
  const indent = /^[ \t]*/.exec(source.slice(at))![0];
  return { start: at, end: at, text: `${indent}${declaration}\n\n` };
}
