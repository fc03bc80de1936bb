/**
 * Scan progress as LSP `$/progress` reports, cancellable by the user, throttled so a scan of
 * thousands of files sends a few reports a second.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Progress } from '../workspace/workspace-scanner';

const REPORT_INTERVAL_MS = 150;

export function workDoneProgress(connection: Connection, title: string): Progress {
  let reporter: WorkDoneProgressServerReporter | undefined;
  let finished = false;
  let lastReport = 0;
  connection.window.createWorkDoneProgress().then(
    (r) => {
      reporter = r;
      if (finished) return r.done();
      r.begin(title, 0, 'finding files…', true);
    },
    () => undefined,
  );
  return {
    token: {
      get isCancellationRequested() {
        return reporter?.token.isCancellationRequested ?? false;
      },
    },
    report(done, total) {
      const now = Date.now();
      if (!reporter || (now - lastReport < REPORT_INTERVAL_MS && done < total)) return;
      lastReport = now;
      reporter.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done} of ${total} files`);
    },
    done() {
      finished = true;
      reporter?.done();
    },
  };
}
