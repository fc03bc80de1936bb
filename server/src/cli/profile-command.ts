/**
 * `hotpath profile FILE`: the functions a profile measured, by self value, with the files of
 * the workspace they map to.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { formatPercent, formatValue, measureNoun } from '../profiles/format';
import { IMPORTERS } from '../profiles/importers';
import type { CliIo } from './scan-command';
import { loadCliProfile } from './cli-profile';
import { displayPath } from './report-formats';
import { asUsage, UsageError } from './usage';

function parse(args: string[]) {
  return asUsage(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        top: { type: 'string', default: '20' },
        'sample-type': { type: 'string' },
        format: { type: 'string', default: 'text' },
        root: { type: 'string' },
      },
    }),
  );
}

export async function runProfile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new UsageError('profile takes exactly one profile file');
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a positive whole number, not "${values.top}"`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  const file = path.resolve(io.cwd, positionals[0]);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const { profile, stats, mapper, heat } = await loadCliProfile(file, root, values['sample-type']);
  const type = profile.sampleTypes[stats.sampleType];
  const percent = (v: number) => (stats.grand > 0 ? (v / stats.grand) * 100 : 0);
  const order = [...stats.self.keys()].filter((f) => stats.self[f] > 0).sort((a, b) => stats.self[b] - stats.self[a] || stats.total[b] - stats.total[a]);
  const rows = order.slice(0, top).map((func) => {
    const fn = profile.functions[func];
    const mapped = mapper.map(fn);
    return {
      name: fn.name,
      file: mapped.file ? displayPath(mapped.file, root) : (fn.file ?? null),
      line: fn.line ?? null,
      self: stats.self[func],
      total: stats.total[func],
      selfPercent: Number(percent(stats.self[func]).toFixed(2)),
      totalPercent: Number(percent(stats.total[func]).toFixed(2)),
    };
  });
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ format: profile.format, unit: type.unit, sampleType: type.type, total: stats.grand, functions: rows }, null, 2)}\n`);
    return 0;
  }
  const title = IMPORTERS.find((i) => i.format === profile.format)?.title ?? profile.format;
  const { mapped, withFile } = heat.coverage;
  const lines = [
    `${path.basename(file)}: ${title}, ${type.type} (${type.unit}), total ${formatValue(stats.grand, type.unit)}` +
      `${profile.sampleCount !== undefined ? `, ${profile.sampleCount} samples` : ''}`,
    `mapped ${mapped} of ${withFile} functions to ${path.relative(io.cwd, root) || '.'}; shares are of ${measureNoun(heat.source)}`,
    '',
    `${'self'.padStart(7)} ${'total'.padStart(7)}  function`,
    ...rows.map((r) => `${formatPercent(r.selfPercent).padStart(7)} ${formatPercent(r.totalPercent).padStart(7)}  ${r.name}${r.file ? `  ${r.file}${r.line ? `:${r.line}` : ''}` : ''}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
