/**
 * Every profile importer, in the order sniffing tries them: binary and strongly marked formats
 * first, loose text formats (folded stacks) last.
 */
import type { Importer } from '../importer';
import { jfrImporter } from './jfr';
import { jfrJsonImporter } from './jfr-json';
import { pprofImporter } from './pprof';
import { pstatsImporter } from './pstats';
import { callgrindImporter } from './callgrind';
import { perfScriptImporter } from './perf-script';
import { foldedImporter } from './folded';
import { speedscopeImporter } from './speedscope';
import { traceEventsImporter } from './trace-events';
import { v8CpuProfileImporter } from './v8-cpuprofile';
import { v8HeapProfileImporter } from './v8-heapprofile';

export const IMPORTERS: Importer[] = [
  jfrImporter,
  pprofImporter,
  pstatsImporter,
  jfrJsonImporter,
  speedscopeImporter,
  traceEventsImporter,
  v8HeapProfileImporter,
  v8CpuProfileImporter,
  callgrindImporter,
  perfScriptImporter,
  foldedImporter,
];
