/**
 * The metadata event of a JFR chunk: a string table, then a tree of elements (root → metadata →
 * class → field/annotation/setting) that describes every type the chunk uses: its id, name,
 * super type and fields (each field with its type, whether its values live in a constant pool,
 * and whether it is an array). Event records and constant pool entries cannot be read without it.
 */
import { Cursor, JfrFormatError } from './cursor';

/** The types JFR writes as plain values rather than as fields of a struct. */
export type Primitive = 'boolean' | 'byte' | 'char' | 'short' | 'int' | 'long' | 'float' | 'double' | 'string';

const PRIMITIVES: ReadonlyMap<string, Primitive> = new Map<string, Primitive>([
  ['boolean', 'boolean'],
  ['byte', 'byte'],
  ['char', 'char'],
  ['short', 'short'],
  ['int', 'int'],
  ['long', 'long'],
  ['float', 'float'],
  ['double', 'double'],
  ['java.lang.String', 'string'],
]);

export interface FieldDesc {
  name: string;
  /** `Owner.field`, for messages. */
  label: string;
  typeId: number;
  /** The field's type, once every class is known; undefined when the metadata lacks it. */
  type?: TypeDesc;
  /** The value is a key into the constant pool of the field's type. */
  constantPool: boolean;
  array: boolean;
}

export interface TypeDesc {
  id: number;
  name: string;
  superType?: string;
  /** A struct with a single field that readers may treat as that field's value (jdk.types.Symbol). */
  simpleType: boolean;
  primitive?: Primitive;
  fields: FieldDesc[];
  /** Field name → index in `fields`. */
  fieldIndex: Map<string, number>;
}

export interface Metadata {
  /** The metadata event's content as written, to tell when the next chunk repeats it. */
  raw: Uint8Array;
  types: Map<number, TypeDesc>;
  byName: Map<string, TypeDesc>;
}

interface Element {
  name: string;
  attributes: Map<string, string>;
  children: Element[];
}

/** Real metadata nests five levels deep (root, metadata, class, field, annotation). */
const MAX_ELEMENT_DEPTH = 16;

export const METADATA_EVENT_TYPE = 0;

/**
 * Reads the metadata event at the cursor's position, which must lie within `eventEnd`. When its
 * content (all but its time stamps) is byte for byte the one `previous` was read from (chunks of
 * one recording repeat it while the JVM adds no types), `previous` is returned as it is.
 */
export function readMetadata(cursor: Cursor, eventEnd: number, previous?: Metadata): Metadata {
  cursor.end = eventEnd;
  cursor.long(); // start time
  cursor.long(); // duration
  const raw = cursor.bytes.subarray(cursor.pos, eventEnd);
  if (previous && Buffer.from(raw.buffer, raw.byteOffset, raw.length).equals(previous.raw)) return previous;
  cursor.long(); // metadata id
  const strings: string[] = new Array(cursor.count('the metadata string table'));
  for (let i = 0; i < strings.length; i++) {
    strings[i] =
      cursor.encodedString(true, () => {
        throw new JfrFormatError('a string of the metadata refers to the constant pool, which metadata cannot');
      }) ?? '';
  }
  const root = readElement(cursor, strings, 0);
  return collectTypes(raw, root);
}

function stringAt(strings: string[], index: number): string {
  if (index < 0 || index >= strings.length) {
    throw new JfrFormatError(`the metadata refers to string #${index} of a table of ${strings.length}`);
  }
  return strings[index];
}

/** The elements a reader needs; the others (annotations, settings, the region) are read past. */
const KEPT_ELEMENTS = new Set(['root', 'metadata', 'class', 'field']);

/** An element, with its attributes and children when it is one of KEPT_ELEMENTS, else undefined. */
function readElement(cursor: Cursor, strings: string[], depth: number): Element | undefined {
  if (depth > MAX_ELEMENT_DEPTH) throw new JfrFormatError(`the metadata nests elements deeper than ${MAX_ELEMENT_DEPTH} levels`);
  const name = stringAt(strings, cursor.int());
  const keep = KEPT_ELEMENTS.has(name);
  const attributes = keep ? new Map<string, string>() : undefined;
  const attributeCount = cursor.count('a metadata element’s attribute list');
  for (let i = 0; i < attributeCount; i++) {
    const key = stringAt(strings, cursor.int());
    const value = stringAt(strings, cursor.int());
    if (attributes) attributes.set(key, value);
  }
  const children: Element[] = [];
  const childCount = cursor.count('a metadata element’s child list');
  for (let i = 0; i < childCount; i++) {
    const child = readElement(cursor, strings, depth + 1);
    if (child && keep) children.push(child);
  }
  return attributes ? { name, attributes, children } : undefined;
}

function typeId(element: Element, attribute: string): number {
  const text = element.attributes.get(attribute);
  const id = Number(text);
  if (text === undefined || text === '' || !Number.isSafeInteger(id) || id < 0) {
    throw new JfrFormatError(`a metadata ${element.name} has ${text === undefined ? 'no' : `a bad`} "${attribute}" attribute${text === undefined ? '' : ` (${JSON.stringify(text.slice(0, 40))})`}`);
  }
  return id;
}

function collectTypes(raw: Uint8Array, root: Element | undefined): Metadata {
  const types = new Map<number, TypeDesc>();
  const byName = new Map<string, TypeDesc>();
  for (const section of root?.children ?? []) {
    if (section.name !== 'metadata') continue;
    for (const element of section.children) {
      if (element.name !== 'class') continue;
      const name = element.attributes.get('name') ?? '';
      const fields: FieldDesc[] = element.children
        .filter((child) => child.name === 'field')
        .map((field) => {
          const dimension = field.attributes.get('dimension') ?? '0';
          if (dimension !== '0' && dimension !== '1') {
            throw new JfrFormatError(`field ${name}.${field.attributes.get('name') ?? ''} has ${dimension} array dimensions (JFR writes 0 or 1)`);
          }
          const fieldName = field.attributes.get('name') ?? '';
          return {
            name: fieldName,
            label: `${name}.${fieldName}`,
            typeId: typeId(field, 'class'),
            constantPool: field.attributes.get('constantPool') === 'true',
            array: dimension === '1',
          };
        });
      const type: TypeDesc = {
        id: typeId(element, 'id'),
        name,
        superType: element.attributes.get('superType'),
        simpleType: element.attributes.get('simpleType') === 'true' && fields.length === 1,
        primitive: fields.length === 0 ? PRIMITIVES.get(name) : undefined,
        fields,
        fieldIndex: new Map(fields.map((field, index) => [field.name, index])),
      };
      types.set(type.id, type);
      byName.set(name, type);
    }
  }
  for (const type of types.values()) for (const field of type.fields) field.type = types.get(field.typeId);
  return { raw, types, byName };
}
