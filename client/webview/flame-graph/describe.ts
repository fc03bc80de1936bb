/**
 * The words about a frame: the tooltip's lines and the sentence screen readers hear. Plain
 * strings, always put on the page as text (textContent), never as HTML: function names come from
 * profile files, which anyone can write.
 */
import type { FlameGraphData } from '../../../server/src/protocol';
import { formatPercent, formatValue } from '../../../server/src/profiles/format';

const ORIGIN: Record<FlameGraphData['functions'][number]['origin'], string> = {
  ours: 'this workspace',
  library: 'a library',
  runtime: 'the runtime',
  unknown: 'unknown code',
};

export interface FrameText {
  title: string;
  lines: string[];
}

function share(data: FlameGraphData, value: number): string {
  const root = data.nodes.total[0];
  return `${formatValue(value, data.unit)} (${formatPercent(root > 0 ? (value / root) * 100 : 0)})`;
}

/** Where a function's code is, as a person reads it: `report.js:12`, or whose code it is. */
export function whereText(fn: FlameGraphData['functions'][number]): string {
  if (fn.uri) {
    const file = decodeURIComponent(fn.uri.slice(fn.uri.lastIndexOf('/') + 1));
    return `${file}:${(fn.line ?? 0) + 1}`;
  }
  return fn.module ? `${ORIGIN[fn.origin]} (${fn.module})` : ORIGIN[fn.origin];
}

export function frameText(data: FlameGraphData, node: number): FrameText {
  const fn = data.functions[data.nodes.func[node]];
  if (node === 0) return { title: fn.name, lines: [`Total: ${share(data, data.nodes.total[0])}`, `${data.sampleType} in ${data.profile}`] };
  const lines = [`Total: ${share(data, data.nodes.total[node])}`, `Self: ${share(data, data.nodes.self[node])}`, whereText(fn)];
  if (fn.uri) lines.push('Double-click or Enter opens the source');
  return { title: fn.name, lines };
}

/** One sentence for the aria-live region. */
export function frameSentence(data: FlameGraphData, node: number): string {
  const text = frameText(data, node);
  return `${text.title}. ${text.lines.join('. ')}.`;
}
