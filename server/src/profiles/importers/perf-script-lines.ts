/**
 * The three kinds of line in `perf script` output, whatever `-F` fields were chosen:
 *
 *     txn 28920/28920   853.174493:    1001001 cpu-clock:ppp:        sample header
 *     	            14ec find_account+0x24 (/srv/app-source/c/txn)   frame, leaf first
 *       lookup.c:23                                                  srcline of the frame above
 *
 * A header is `comm pid[/tid] [cpu] time: [period] event:`, where comm may hold spaces and be
 * right-aligned; without callchains the one frame follows the event on the header line.
 */

export interface SampleHeader {
  /** The event without its modifiers: `cpu-clock`, `cycles`, `sched:sched_switch`. */
  event: string;
  /** The sample's period, NaN when the output has no period field. */
  period: number;
  /** What follows the event: the frame, when there is no callchain; tracepoint fields… */
  rest: string;
}

export interface PerfFrame {
  /** The symbol without its `+0x…` offset, `[unknown]` when perf could not name it. */
  symbol: string;
  /** The object file (`/usr/lib/libc.so.6`, `[kernel.kallsyms]`), `inlined` for an inlined frame, '' when not shown. */
  dso: string;
}

export interface Srcline {
  file: string;
  line: number;
}

const HEADER = /^\s*(\S.*?)\s+-?\d+(?:\/-?\d+)?\s+(?:\[\d+\]\s+)?(?:\d+\.\d+:\s+)?(?:(\d+)\s+)?([^\s:][^\s]*?):(?:\s+(.*))?$/;
const EVENT_MODIFIERS = /:[ukhIGHpPSDWe]+$/;
const IP = /^\s*[0-9a-fA-F]+\s+/;
const SYMBOL_OFFSET = /\+0x[0-9a-fA-F]+$/;
const SRCLINE = /^\s+(\S.*?):(\d+)(?:\s.*)?$/;
/** Lines are kept in 32-bit arrays; a larger number is not a line. */
const MAX_LINE = 0x7fffffff;

export function parseHeader(line: string): SampleHeader | undefined {
  const match = HEADER.exec(line);
  if (!match) return undefined;
  return {
    event: match[3].replace(EVENT_MODIFIERS, ''),
    period: match[2] === undefined ? NaN : Number(match[2]),
    rest: match[4] ?? '',
  };
}

/**
 * A frame, from a frame line or a header's rest: `ip symbol+off (dso)`. Without `requireIp`, the
 * ip may be missing when the text ends with a dso. Undefined for anything else (a srcline,
 * tracepoint fields).
 */
export function parseFrame(text: string, requireIp: boolean): PerfFrame | undefined {
  const ip = IP.exec(text);
  if (!ip && requireIp) return undefined;
  let rest = ip ? text.slice(ip[0].length) : text.trim();
  let dso = '';
  if (rest.endsWith(')')) {
    // The dso is the last parenthesised group; symbols may hold parentheses too (C++ signatures).
    let depth = 0;
    let open = rest.length - 1;
    for (; open >= 0; open--) {
      const c = rest.charCodeAt(open);
      if (c === 0x29) depth++;
      else if (c === 0x28 && --depth === 0) break;
    }
    if (open < 0) return undefined;
    dso = rest.slice(open + 1, -1);
    rest = rest.slice(0, open).trimEnd();
  } else if (!ip) {
    return undefined;
  }
  if (!ip && rest === '') return undefined;
  return { symbol: rest.replace(SYMBOL_OFFSET, '') || '[unknown]', dso };
}

/** A srcline (`lookup.c:23`, `/usr/src/x.c:12 (discriminator 3)`); undefined for `??:0` and kernel addresses. */
export function parseSrcline(line: string): Srcline | undefined {
  const match = SRCLINE.exec(line);
  if (!match || match[1] === '??') return undefined;
  const number = Number(match[2]);
  return number > 0 && number <= MAX_LINE ? { file: match[1], line: number } : undefined;
}
