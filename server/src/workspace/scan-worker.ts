/**
 * A scan worker: reads, parses and analyzes the files of each batch it is sent, off the main
 * thread, and answers with one message per file.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeSource } from '../analyze';
import { AnalysisConfig, AnalysisSettings } from '../rules/config';
import type { ScanBatch, ScanReply } from './scan-messages';
import { readSource } from './source-text';

let config: { key: string; value: AnalysisConfig } | undefined;

function configFor(settings: AnalysisSettings): AnalysisConfig {
  const key = JSON.stringify(settings);
  if (config?.key !== key) config = { key, value: new AnalysisConfig(settings) };
  return config.value;
}

async function scan(batch: ScanBatch, reply: (message: ScanReply) => void): Promise<void> {
  const analysis = configFor(batch.settings);
  for (const file of batch.files) {
    const source = await readSource(file.path, batch.maxBytes);
    if ('skipped' in source) {
      reply({ type: 'skipped', batch: batch.batch, path: file.path, reason: source.skipped });
      continue;
    }
    try {
      const { findings, failures, summary } = await analyzeSource(source.text, file.grammar, analysis);
      reply({ type: 'file', batch: batch.batch, path: file.path, findings, failures, summary });
    } catch (error) {
      reply({ type: 'skipped', batch: batch.batch, path: file.path, reason: `analysis failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  reply({ type: 'done', batch: batch.batch });
}

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (message: ScanBatch) => {
    queue = queue.then(() => scan(message, (reply) => port.postMessage(reply)));
  });
}
