/**
 * Careful readers for JSON that came from outside: each returns the value when it has the
 * expected type and undefined (or an empty list) when it does not, so a malformed SARIF log can
 * never make the importer read a property of a number or index past a list.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function record(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A whole number at least `min`, or undefined. */
export function whole(value: unknown, min = 0): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The item at `index` of a list, when both are usable. */
export function at(items: unknown, index: unknown): unknown {
  const i = whole(index);
  return Array.isArray(items) && i !== undefined && i < items.length ? items[i] : undefined;
}

/** A table's own entry for `key` (never one inherited from Object.prototype, such as `constructor`). */
export function own(table: JsonRecord | undefined, key: string): unknown {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
