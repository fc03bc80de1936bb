/**
 * The language server's memory after a workspace scan: the bundled server is started on a folder
 * of the corpus, the scan runs in its worker threads, and once it has ended the process's resident
 * memory (worker threads included, they are threads of the same process) is read from /proc. The
 * peer is the same server started on an empty folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession, ScanStatus, startSession } from '../../scripts/lsp-session';
import { now } from './measure';

export interface ProcessMemory {
  /** Resident memory now, and its peak (VmHWM), in bytes. */
  rss: number;
  peak: number;
}

export interface ServerMemory {
  scanned: ProcessMemory;
  idle: ProcessMemory;
  scanMs: number;
  status: ScanStatus;
  /** Errors the server logged during the scan (rule failures, crashes it caught). */
  errors: string[];
}

interface Measured {
  memory: ProcessMemory;
  ms: number;
  status: ScanStatus;
  errors: string[];
}

/** Reads a process's resident memory from /proc/PID/status. */
export function processMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Starts the server on `folder`, waits for its scan to end and reads its memory. */
async function scanAndMeasure(serverPath: string, folder: string): Promise<Measured> {
  let session: LspSession | undefined;
  try {
    session = startSession({ serverPath, settings: {}, timeoutMs: 10 * 60_000 });
    const start = now();
    await session.initialize([folder]);
    const status = await session.waitForScan();
    const ms = now() - start;
    const memory = processMemory(session.pid!);
    const errors = session.logs().filter((m) => /failed|Uncaught|Unhandled|Could not/.test(m));
    await session.shutdown();
    return { memory, ms, status, errors };
  } finally {
    session?.kill();
  }
}

/** Measures the server bundle `serverPath` on an empty folder, then on `workspace`. */
export async function serverMemory(serverPath: string, workspace: string): Promise<ServerMemory> {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hotpath-bench-empty-'));
  try {
    const idle = await scanAndMeasure(serverPath, empty);
    const scanned = await scanAndMeasure(serverPath, workspace);
    return { scanned: scanned.memory, idle: idle.memory, scanMs: scanned.ms, status: scanned.status, errors: [...idle.errors, ...scanned.errors] };
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
