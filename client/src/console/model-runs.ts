/**
 * The optional language model's part of the console: whether one can be asked, the preview of
 * what would be sent (shown before the first request of a session, which is only sent once the
 * user confirms), and the streamed, cancellable answer, posted to the page as it comes. Timeouts
 * and failures end the run with the source's plain-language message.
 *
 * No `vscode` value is imported, so that the unit tests can run it; the panel passes
 * `() => new vscode.CancellationTokenSource()` for `newCancellation`.
 */
import type * as vscode from 'vscode';
import type { ToWebview } from './messages';
import type { ModelAnswerSource, ModelRequest } from './model-source';

export interface Cancellation {
  readonly token: vscode.CancellationToken;
  cancel(): void;
  dispose(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ModelRuns {
  /** The user has seen what is sent and agreed, in this session. */
  private confirmed = false;
  private readonly running = new Map<number, Cancellation>();

  constructor(
    private readonly source: ModelAnswerSource | undefined,
    private readonly post: (message: ToWebview) => void,
    private readonly newCancellation: () => Cancellation,
    private readonly log: (line: string) => void,
  ) {}

  /** The model's name when one can be asked now, else null (and nothing model-related is shown). */
  async available(): Promise<{ label: string } | null> {
    if (!this.source) return null;
    try {
      const availability = await this.source.availability();
      if (availability.available) return { label: availability.label };
      this.log(`Console: no language model: ${availability.reason}`);
    } catch (error) {
      this.log(`Console: the language model's availability is unknown: ${errorText(error)}`);
    }
    return null;
  }

  /** The page asked for the model's answer: the preview first, or the answer once the user has confirmed before. */
  async requested(entryId: number, request: ModelRequest | undefined): Promise<void> {
    const model = await this.available();
    if (!request || !model || !this.source) return this.log(`Console: no model answer for entry ${entryId}`);
    if (this.confirmed) return this.send(entryId, request);
    this.post({ type: 'modelPreview', entryId, label: model.label, text: this.source.preview(request) });
  }

  /** The user confirmed the preview. */
  async confirm(entryId: number, request: ModelRequest | undefined): Promise<void> {
    if (!request || !(await this.available())) return this.log(`Console: no model answer for entry ${entryId}`);
    this.confirmed = true;
    return this.send(entryId, request);
  }

  cancel(entryId: number): void {
    this.running.get(entryId)?.cancel();
  }

  cancelAll(): void {
    for (const run of this.running.values()) run.cancel();
  }

  private async send(entryId: number, request: ModelRequest): Promise<void> {
    if (!this.source || this.running.has(entryId)) return;
    const run = this.newCancellation();
    this.running.set(entryId, run);
    try {
      for await (const text of this.source.stream(request, run.token)) {
        if (run.token.isCancellationRequested) break;
        this.post({ type: 'modelChunk', entryId, text });
      }
      this.post({ type: 'modelEnd', entryId, status: run.token.isCancellationRequested ? 'cancelled' : 'done', message: null });
    } catch (error) {
      const cancelled = run.token.isCancellationRequested;
      this.post({ type: 'modelEnd', entryId, status: cancelled ? 'cancelled' : 'failed', message: cancelled ? null : errorText(error) });
    } finally {
      this.running.delete(entryId);
      run.dispose();
    }
  }
}
