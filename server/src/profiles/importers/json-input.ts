/**
 * What the JSON profile formats share: telling a JSON document apart by its first bytes without
 * parsing it, parsing it once into plain values, and checking the shape of those values with
 * messages that name the file and the place that is wrong.
 */
import { ProfileError, ProfileInput } from '../importer';

/** V8 cannot make a string longer than this; a JSON file with more text cannot be parsed. */
const MAX_JSON_CHARS = 0x1fffffe8;

/** The head of a file without a byte order mark and leading white space. */
function trimmedHead(head: string): string {
  return head.replace(/^\uFEFF?\s*/, '');
}

/** The first key of the JSON object the head starts with, or undefined when it starts otherwise. */
export function firstJsonKey(head: string): string | undefined {
  return /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(trimmedHead(head))?.[1];
}

/** True when the head starts a JSON array whose first element is an object. */
export function startsJsonArrayOfObjects(head: string): boolean {
  return /^\[\s*\{/.test(trimmedHead(head));
}

/** True when the head has `"key":` somewhere (a cheap test; the key may be nested). */
export function mentionsKey(head: string, key: string): boolean {
  return head.includes(`"${key}"`) && new RegExp(`"${key}"\\s*:`).test(head);
}

/** The whole file as text, for JSON.parse, without copying the bytes first. */
export function jsonText(input: ProfileInput): string {
  const { bytes } = input;
  if (bytes.length > MAX_JSON_CHARS) {
    throw new ProfileError(input.name, `${Math.round(bytes.length / 1024 / 1024)} MB of JSON is more than one string can hold; split the recording`);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Parses JSON text, turning every failure into a ProfileError that names the file. */
export function parseJsonText(name: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof RangeError ? 'it nests too deeply' : (error as Error).message;
    throw new ProfileError(name, `not valid JSON (${message})`);
  }
}

/** Parses the whole file as JSON. */
export function parseJson(input: ProfileInput): unknown {
  return parseJsonText(input.name, jsonText(input));
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number, or undefined when the value is missing or not one. */
export function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** True for an integer a profile can use as an id or an index. */
export function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/**
 * Checks the shape of parsed JSON, with messages that say where in the file the problem is:
 * `expect.object(value, 'node 17')` throws "app.cpuprofile: node 17 is not an object".
 */
export class JsonShape {
  constructor(readonly file: string) {}

  fail(problem: string): never {
    throw new ProfileError(this.file, problem);
  }

  object(value: unknown, what: string): JsonObject {
    if (!isObject(value)) this.fail(`${what} is not an object`);
    return value;
  }

  array(value: unknown, what: string): unknown[] {
    if (!Array.isArray(value)) this.fail(`${what} is not a list`);
    return value;
  }

  /** A list when present, undefined when missing; anything else is an error. */
  optionalArray(value: unknown, what: string): unknown[] | undefined {
    return value === undefined ? undefined : this.array(value, what);
  }

  number(value: unknown, what: string): number {
    const number = finite(value);
    if (number === undefined) this.fail(`${what} is not a number`);
    return number;
  }

  optionalNumber(value: unknown, what: string): number | undefined {
    return value === undefined || value === null ? undefined : this.number(value, what);
  }

  integer(value: unknown, what: string): number {
    if (!isSafeInteger(value)) this.fail(`${what} is not an integer`);
    return value;
  }

  /** A string when present, '' when missing; anything else is an error. */
  string(value: unknown, what: string): string {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') this.fail(`${what} is not a string`);
    return value;
  }
}
