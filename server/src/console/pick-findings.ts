/**
 * Which findings a question about fixing means: the one at the editor's cursor ("this"), or those
 * matching the file, line, rule and function it names, best-ranked first.
 */
import { nameKey } from './question/fuzzy';
import type { IntentInput } from './intent-input';
import type { SourcedFinding } from './model';
import { rankWork } from './ranking';
import { contextFile } from './scope';
import { functionAtContext } from './function-target';

/** How far from the cursor, in lines, a finding still counts as the one meant. */
const NEAR_LINES = 3;

function atCursor(input: IntentInput): SourcedFinding[] {
  const { model, context } = input;
  const file = contextFile(context);
  if (!file || !context) return [];
  const line = context.range.start.line;
  const inFile = model.findings.filter((f) => f.file === file);
  const containing = inFile.filter((f) => f.finding.range.start.line <= line && line <= f.finding.range.end.line);
  if (containing.length > 0) return containing;
  const around = functionAtContext(model, context);
  if (around) {
    const inside = inFile.filter((f) => f.finding.range.start.line >= around.source.startLine && f.finding.range.end.line <= around.source.endLine);
    if (inside.length > 0) return inside;
  }
  const distance = (f: SourcedFinding) => Math.abs(f.finding.range.start.line - line);
  return inFile.filter((f) => distance(f) <= NEAR_LINES).sort((a, b) => distance(a) - distance(b));
}

/** The findings meant, best first; `asked` is false when the question narrowed nothing down. */
export function pickFindings(input: IntentInput): { items: SourcedFinding[]; asked: boolean } {
  const { model, parsed, context } = input;
  const { subjects } = parsed;
  const named = subjects.files.length + subjects.rules.length + subjects.functions.length > 0 || subjects.line !== undefined;
  const useContext = subjects.this || (!named && context !== undefined);
  let items = useContext ? atCursor(input) : [...model.findings];
  if (subjects.files.length > 0) items = items.filter((f) => subjects.files.includes(f.file));
  if (subjects.rules.length > 0) items = items.filter((f) => subjects.rules.includes(f.finding.ruleId));
  if (subjects.functions.length > 0) {
    const keys = new Set(subjects.functions.map(nameKey));
    items = items.filter((f) => f.finding.function && keys.has(nameKey(f.finding.function.name)));
  }
  if (subjects.line !== undefined) {
    const line = subjects.line - 1;
    const exact = items.filter((f) => f.finding.range.start.line <= line && line <= f.finding.range.end.line);
    items = exact.length > 0 ? exact : items.filter((f) => Math.abs(f.finding.range.start.line - line) <= NEAR_LINES);
  }
  const order = rankWork(model, () => true);
  const rank = new Map([...order.measured, ...order.unmeasured].flatMap((r, i) => (r.kind === 'finding' ? [[r.item, i] as const] : [])));
  items.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return { items, asked: named || useContext };
}
