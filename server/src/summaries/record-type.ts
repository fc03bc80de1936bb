/** Names to the types the summary read for them, a name met with two different types mapping to undefined. */
export type Types = Map<string, string | undefined>;

/** Records a name's type; a name met with two different types maps to undefined: no type is guessed. */
export function record(types: Types, name: string, type: string | undefined): void {
  types.set(name, types.has(name) && types.get(name) !== type ? undefined : type);
}
