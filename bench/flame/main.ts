/**
 * `node --expose-gc out/bench/flame/main.js` (after `npm run build`): how long the flame graph
 * takes on the large profiles bench:import records (bench/.corpus/import/, made on first use):
 * building the hotpath/flameGraph tree in the server, its JSON as the request sends it, and in
 * the page the layout plus the frames drawn at a width of 1,600 pixels, unzoomed and zoomed, and
 * a search. The peer, measured in the same run on the same profile, is computeStats: the
 * per-function figures the server computes for every profile it loads. See bench/README.md.
 */
import * as path from 'node:path';
import { ancestry, computeLayout, visibleFrames } from '../../client/webview/flame-graph/layout';
import { searchFrames } from '../../client/webview/flame-graph/search';
import { loadCliProfile } from '../../server/src/cli/cli-profile';
import { buildFlameTree } from '../../server/src/profiles/flame-tree';
import { computeStats } from '../../server/src/profiles/stats';
import type { FlameGraphData } from '../../server/src/protocol';
import { gatherProfiles } from '../import/corpus';
import { formatMb, formatMs, formatRatio, median, now } from '../scan/measure';
import { formatTable, Row } from '../scan/report';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_DIR = path.join(ROOT, 'bench', '.corpus', 'import');
const REPEATS = Math.max(1, Number(process.env.BENCH_FLAME_REPEATS) || 5);
const WIDTH = 1600;

function note(message: string): void {
  process.stderr.write(`[bench:flame +${(now() / 1000).toFixed(0)}s] ${message}\n`);
}

/** The median time of `run` over REPEATS runs, and its last result. */
function timed<T>(run: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < REPEATS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = now();
    result = run();
    times.push(now() - start);
  }
  return { ms: median(times), result };
}

/** The end of the path that always follows the hottest child; a person zooms in along it. */
function hotLeaf(data: FlameGraphData): number {
  const { parent } = data.nodes;
  let node = 0;
  // Children follow their parent, hottest first: a node's first child is the next index.
  while (node + 1 < parent.length && parent[node + 1] === node) node++;
  return node;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const file of gatherProfiles(ROOT, CORPUS_DIR)) {
    note(`importing ${file.file} (${formatMb(file.bytes)})`);
    const { profile, mapper } = await loadCliProfile(file.file, file.folder);
    const treeNodes = profile.shape.kind === 'tree' ? profile.shape.tree.size : 0;
    const peer = timed(() => computeStats(profile)).ms;
    const peerText = `computeStats ${formatMs(peer)}`;
    const base = { language: file.kind, files: 1, bytes: file.bytes, peer: peerText };
    const tree = timed(() => buildFlameTree(profile, { name: path.basename(file.file), map: (fn) => mapper.map(fn), uriOf: (f) => f }));
    const data = tree.result;
    if ('problem' in data) throw new Error(data.problem);
    const sent = data.nodes.parent.length;
    rows.push({ ...base, measure: 'flameGraph tree (server)', hotpath: formatMs(tree.ms), ratio: formatRatio(tree.ms / peer), notes: `${treeNodes.toLocaleString('en-US')} profile nodes → ${sent.toLocaleString('en-US')} sent${data.merged ? `; ${data.merged.nodes.toLocaleString('en-US')} merged into (other)` : ''}` });
    const json = timed(() => JSON.stringify(data));
    rows.push({ ...base, measure: 'its JSON (what the request sends)', hotpath: formatMs(json.ms), ratio: formatRatio(json.ms / peer), notes: formatMb(json.result.length) });
    const layout = timed(() => computeLayout(data.nodes));
    rows.push({ ...base, measure: 'layout of all nodes (page, once per graph)', hotpath: formatMs(layout.ms), ratio: formatRatio(layout.ms / peer) });
    const whole = timed(() => visibleFrames(data.nodes, layout.result, 0, WIDTH));
    rows.push({ ...base, measure: `frames drawn at ${WIDTH} px, unzoomed (per redraw)`, hotpath: formatMs(whole.ms), ratio: formatRatio(whole.ms / peer), notes: `${whole.result.length.toLocaleString('en-US')} frames` });
    const hotPath = ancestry(data.nodes, hotLeaf(data));
    const focus = hotPath[Math.floor(hotPath.length / 2)];
    const zoomed = timed(() => visibleFrames(data.nodes, layout.result, focus, WIDTH));
    rows.push({ ...base, measure: `frames drawn at ${WIDTH} px, zoomed on a hot frame`, hotpath: formatMs(zoomed.ms), ratio: formatRatio(zoomed.ms / peer), notes: `${zoomed.result.length.toLocaleString('en-US')} frames, depth ${layout.result.depth[focus]}` });
    const search = timed(() => searchFrames(data, 'e'));
    rows.push({ ...base, measure: 'search "e" (per keystroke)', hotpath: formatMs(search.ms), ratio: formatRatio(search.ms / peer), notes: `${search.result.frames.toLocaleString('en-US')} frames match` });
  }
  process.stdout.write(`\nHotpath bench:flame (node ${process.version}, median of ${REPEATS} runs)\n\n${formatTable(rows)}\n`);
  process.stdout.write('\nRatios are each step\'s time over computeStats on the same profile, which the server runs for every profile it loads.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:flame failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
