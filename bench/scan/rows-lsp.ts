/**
 * The rows measured through the language server: keystroke latency in a large open file, and the
 * server's memory after a workspace scan.
 */
import type { GrammarId } from '../../server/src/syntax/languages';
import { cliScan } from './cli-scan';
import type { Corpus, LanguageCorpus } from './corpus';
import type { DistSnapshot } from './dist-snapshot';
import { KEYSTROKES, keystrokeFile, keystrokeLatency } from './keystrokes';
import { formatMs, formatRatio, MB, note, percentile } from './measure';
import { Row, speed } from './report';
import { serverMemory } from './server-memory';

const KEYSTROKE_P95_MS = 15;
const SERVER_RSS_LIMIT = 400 * 1024 * 1024;
const KEYSTROKE_LINES = 3000;

/** Keystroke latency in a ~3,000-line file of the language. */
export async function keystrokeRows(dist: DistSnapshot, corpus: LanguageCorpus, rows: Row[]): Promise<void> {
  // Each language has a grammar of its own name (TypeScript's, not TSX's, for TypeScript).
  const grammar: GrammarId = corpus.language;
  const { file, text } = keystrokeFile(corpus.files, grammar, KEYSTROKE_LINES);
  note(`${corpus.language}: ${KEYSTROKES} keystrokes in ${file.rel} (${file.lines} lines)`);
  const result = await keystrokeLatency(dist.server, file, text);
  const where = `${file.rel} (${file.lines} lines), typing after line ${result.line}`;
  for (const [name, fraction] of [['p50', 0.5], ['p95', 0.95]] as const) {
    const lsp = percentile(result.lspMs, fraction);
    const peer = percentile(result.peerMs, fraction);
    rows.push({
      measure: `keystroke to diagnostics via LSP, ${name}`,
      language: corpus.language,
      files: 1,
      bytes: file.bytes,
      hotpath: formatMs(lsp),
      peer: `${formatMs(peer)} web-tree-sitter edit + reparse`,
      ratio: `${formatRatio(lsp / peer)} time`,
      ...(name === 'p95' ? { target: `< ${KEYSTROKE_P95_MS} ms`, met: lsp < KEYSTROKE_P95_MS } : {}),
      notes: [
        `all rules on the peer's tree in-process ${name} ${formatMs(percentile(result.rulesMs, fraction))}`,
        `the server's analysis in-process ${name} ${formatMs(percentile(result.editedMs, fraction))} (the edited function or type declaration alone after ${result.functionOnly} of ${KEYSTROKES} edits)`,
        name === 'p50' ? `${KEYSTROKES} one-character edits in ${where}` : `max ${formatMs(Math.max(...result.lspMs))}; ${result.findingsAtEnd} diagnostics after the last edit`,
      ].join('; '),
    });
  }
  rows.push({
    measure: 'open to first diagnostics via LSP',
    language: corpus.language,
    files: 1,
    bytes: file.bytes,
    hotpath: formatMs(result.openMs),
    peer: `${formatMs(result.openPeerMs)} web-tree-sitter full parse`,
    ratio: `${formatRatio(result.openMs / result.openPeerMs)} time`,
    notes: 'the server had parsed a 100-line file of the language first, the peer the whole file',
  });
}

/** The server's memory and scan speed on the mixed ~50 MB workspace. */
export async function memoryRows(dist: DistSnapshot, corpus: Corpus, rows: Row[]): Promise<void> {
  const workspace = corpus.workspace;
  note(`server: workspace scan of ${(workspace.bytes / MB).toFixed(1)} MB`);
  const server = await serverMemory(dist.server, workspace.dir);
  note('hotpath scan of the same workspace');
  const scan = await cliScan(dist.cli, workspace.dir);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const common = { language: 'all', files: workspace.files, bytes: workspace.bytes };
  rows.push({
    measure: 'server RSS after the workspace scan',
    ...common,
    hotpath: mb(server.scanned.rss),
    peer: `${mb(server.idle.rss)} same server, empty folder`,
    ratio: `${formatRatio(server.scanned.rss / server.idle.rss)}`,
    target: `< ${mb(SERVER_RSS_LIMIT)}`,
    met: server.scanned.rss < SERVER_RSS_LIMIT,
    notes: `status: ${server.status.files} files, ${server.status.skipped} skipped, ${server.status.findings} findings; ${server.errors.length} errors logged${server.errors[0] ? ` (first: ${server.errors[0].split('\n')[0]})` : ''}`,
  });
  rows.push({
    measure: 'server peak RSS (VmHWM) during the scan',
    ...common,
    hotpath: mb(server.scanned.peak),
    peer: `${mb(server.idle.peak)} same server, empty folder`,
    ratio: `${formatRatio(server.scanned.peak / server.idle.peak)}`,
  });
  rows.push({
    measure: 'server workspace scan, start to idle',
    ...common,
    hotpath: speed(workspace.bytes, server.scanMs),
    peer: `${speed(workspace.bytes, scan.ms)} hotpath scan CLI`,
    ratio: `${formatRatio(scan.ms / server.scanMs)} speed`,
    notes: `server ${(server.scanMs / 1000).toFixed(1)} s, CLI ${(scan.ms / 1000).toFixed(1)} s (${scan.findings} findings, ${scan.skipped.length} skipped)`,
  });
}

