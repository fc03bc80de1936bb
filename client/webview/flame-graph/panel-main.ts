/**
 * The flame graph panel's script: mounts the flame graph in the page and connects it to the
 * extension through the webview's messaging. Messages that fail the checks are dropped.
 */
import { mountFlameGraph } from './flame-graph';
import { FromFlameGraph, parseToFlameGraph } from './messages';

interface VsCodeApi {
  postMessage(message: FromFlameGraph): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const container = document.getElementById('flame-graph-root');
if (container) {
  const graph = mountFlameGraph(container, { post: (message) => vscode.postMessage(message) });
  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseToFlameGraph(event.data);
    if (message) graph.receive(message);
  });
  vscode.postMessage({ type: 'ready' });
}
