/**
 * The messages between the flame graph and the page that hosts it, both ways, as discriminated
 * unions on `type`, with checks for each direction: a message that is not exactly one of these is
 * refused, since a webview's messages cross a trust boundary.
 */
import type { FlameFunction, FlameGraphData } from '../../../server/src/protocol';

/** From the extension to the flame graph. */
export type ToFlameGraph =
  | { type: 'show'; data: FlameGraphData }
  /** No graph to draw, and why (no active profile; a profile without call stacks). */
  | { type: 'empty'; reason: string };

/** From the flame graph to the extension. */
export type FromFlameGraph =
  /** The page is ready to receive a graph. */
  | { type: 'ready' }
  /** Open the source of `functions[func]` of the graph shown; the extension opens only mapped workspace files. */
  | { type: 'openSource'; func: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

const ORIGINS = ['ours', 'library', 'runtime', 'unknown'];
const UNITS = ['samples', 'nanoseconds', 'bytes', 'objects', 'instructions', 'count'];

export function parseFromFlameGraph(message: unknown): FromFlameGraph | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'ready' && hasOnlyKeys(message, ['type'])) return { type: 'ready' };
  if (message.type === 'openSource' && hasOnlyKeys(message, ['type', 'func']) && Number.isSafeInteger(message.func) && (message.func as number) >= 0) {
    return { type: 'openSource', func: message.func as number };
  }
  return undefined;
}

function isFunction(value: unknown): value is FlameFunction {
  if (!isRecord(value) || typeof value.name !== 'string' || !ORIGINS.includes(value.origin as string)) return false;
  if (value.uri !== undefined && (typeof value.uri !== 'string' || !value.uri.startsWith('file:'))) return false;
  if (value.line !== undefined && !(Number.isSafeInteger(value.line) && (value.line as number) >= 0)) return false;
  return value.module === undefined || typeof value.module === 'string';
}

function numbers(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The node arrays hold together: same lengths, a root first, parents before children, known functions. */
function isGraph(value: unknown): value is FlameGraphData {
  if (!isRecord(value) || !isRecord(value.nodes) || !Array.isArray(value.functions)) return false;
  if (typeof value.profile !== 'string' || typeof value.sampleType !== 'string' || typeof value.totalLabel !== 'string') return false;
  if (!UNITS.includes(value.unit as string) || !value.functions.every(isFunction)) return false;
  if (value.merged !== undefined && !(isRecord(value.merged) && typeof value.merged.note === 'string' && typeof value.merged.nodes === 'number')) return false;
  const { parent, func, self, total } = value.nodes;
  if (!Array.isArray(parent) || parent.length === 0) return false;
  const size = parent.length;
  if (!numbers(parent, size) || !numbers(func, size) || !numbers(self, size) || !numbers(total, size)) return false;
  if (parent[0] !== -1) return false;
  for (let node = 0; node < size; node++) {
    if (node > 0 && !(Number.isInteger(parent[node]) && parent[node] >= 0 && parent[node] < node)) return false;
    if (!(Number.isInteger(func[node]) && func[node] >= 0 && func[node] < value.functions.length)) return false;
    if (self[node] < 0 || total[node] < 0) return false;
  }
  return true;
}

export function parseToFlameGraph(message: unknown): ToFlameGraph | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'show' && hasOnlyKeys(message, ['type', 'data']) && isGraph(message.data)) return { type: 'show', data: message.data };
  if (message.type === 'empty' && hasOnlyKeys(message, ['type', 'reason']) && typeof message.reason === 'string') return { type: 'empty', reason: message.reason };
  return undefined;
}
