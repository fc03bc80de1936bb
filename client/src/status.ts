/**
 * The status bar item: what the server is doing and how many findings it shows.
 */
import * as vscode from 'vscode';
import type { ScanStatus } from '../../server/src/protocol';

export class ScanStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hotpath.status', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.item.name = 'Hotpath';
    this.item.text = '$(flame) Hotpath';
    this.item.command = 'workbench.actions.view.problems';
    this.item.show();
  }

  update(status: ScanStatus): void {
    const findings = `${status.findings} finding${status.findings === 1 ? '' : 's'}`;
    this.item.text = status.state === 'scanning' ? `$(sync~spin) Hotpath: scanning… ${findings}` : `$(flame) Hotpath: ${findings}`;
    const tooltip = new vscode.MarkdownString(
      `Hotpath analyzed ${status.files} files${status.skipped > 0 ? ` and skipped ${status.skipped} (see the Hotpath log)` : ''}. Click to open the Problems panel.\n\n[$(comment-discussion) Open Optimization Console](command:hotpath.openConsole)`,
      true,
    );
    // Only the console's command may run from the tooltip's link.
    tooltip.isTrusted = { enabledCommands: ['hotpath.openConsole'] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
