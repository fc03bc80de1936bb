/**
 * Callgrind and cachegrind profiles (valgrind --tool=callgrind / --tool=cachegrind): measured
 * per-line costs of each function and the inclusive cost of each call, one sample type per event
 * (Ir, Dr, Dw, cache misses, branch mispredictions…), and KCachegrind-style inherited events.
 * How recursion levels and inlined code are kept is explained in callgrind/graph.ts.
 */
import type { Importer, ProfileInput } from '../importer';
import type { Profile } from '../model';
import { forEachLineSpan } from './callgrind/lines';
import { CallgrindReader } from './callgrind/reader';

/** `# callgrind format` first, or an `events:` header line and an `fn=` line near the start. */
function looksLikeCallgrind(head: string): boolean {
  if (/^\uFEFF?# callgrind format/.test(head)) return true;
  return /^events:/m.test(head) && /^fn=/m.test(head);
}

export const callgrindImporter: Importer = {
  format: 'callgrind',
  title: 'Callgrind / Cachegrind (callgrind.out.*, cachegrind.out.*)',
  sniff: (input: ProfileInput) => looksLikeCallgrind(input.head),
  read(input: ProfileInput): Profile {
    const reader = new CallgrindReader(input.name);
    forEachLineSpan(input.name, input.bytes, (text, start, end, lineNumber) => reader.line(text, start, end, lineNumber));
    reader.finish();
    const events = reader.events!;
    const inherited = events.inherited();
    const sampleTypes = events.sampleTypes(inherited);
    const ir = events.names.indexOf('Ir');
    return {
      format: 'callgrind',
      source: input.name,
      sampleTypes,
      defaultSampleType: ir >= 0 ? ir : 0,
      functions: reader.graph!.functions,
      shape: { kind: 'graph', graph: reader.graph!.build(inherited) },
    };
  },
};
