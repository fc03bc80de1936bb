/**
 * The time from "import" to the first code lens through the real server over LSP, as a user
 * sees it: the bundled server runs on the profile's workspace with one of the measured files
 * open; the clock starts when importProfile is sent and stops when a codeLens request answers
 * with a lens that carries a share ("🔥 12.3% total · …"). The server's peak memory (its import
 * worker is a thread of the same process) is read from /proc afterwards.
 */
import { CodeLens, CodeLensRequest } from 'vscode-languageserver-protocol';
import { LspSession, startSession } from '../../scripts/lsp-session';
import { importProfileRequest } from '../../server/src/protocol';
import { now } from '../scan/measure';
import { processMemory, ProcessMemory } from '../scan/server-memory';
import type { ProfileFile } from './corpus';

export interface FirstLens {
  ms: number;
  /** The time the importProfile request took, the rest being the codeLens request. */
  importMs: number;
  lens: string;
  before: ProcessMemory;
  after: ProcessMemory;
}

const TIMEOUT_MS = 10 * 60_000;

function shareLens(lenses: CodeLens[] | null): string | undefined {
  return lenses?.map((lens) => lens.command?.title ?? '').find((title) => /\d%/.test(title));
}

export async function firstLens(serverPath: string, profile: ProfileFile): Promise<FirstLens> {
  let session: LspSession | undefined;
  try {
    session = startSession({ serverPath, settings: {}, timeoutMs: TIMEOUT_MS });
    await session.initialize([profile.folder]);
    await session.waitForScan();
    const uri = await session.open(profile.openFile);
    await session.waitUntil('the opened file to be analyzed', () => session!.diagnostics(uri));
    const before = processMemory(session.pid!);
    const started = now();
    await session.connection.sendRequest(importProfileRequest, { path: profile.file });
    const imported = now();
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    const ms = now() - started;
    const lens = shareLens(lenses);
    if (!lens) throw new Error(`no code lens with a share on ${profile.openFile} after importing ${profile.file}: ${JSON.stringify(lenses)}`);
    const after = processMemory(session.pid!);
    await session.shutdown();
    return { ms, importMs: imported - started, lens, before, after };
  } finally {
    session?.kill();
  }
}
