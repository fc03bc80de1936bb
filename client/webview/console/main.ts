/**
 * The console page's script, bundled for the browser into dist/console-webview.js. It draws what
 * the extension sends (messages.ts, checked on receipt) and posts what the user does. Text from
 * answers goes into the page as text (textContent) or through the markdown renderer, which keeps
 * no raw HTML and only the links the answer gave. The Flame Graph tab holds the flame graph
 * (client/webview/flame-graph), whose messages travel inside the console's.
 */
import { renderMarkdown, LINK_INDEX_ATTRIBUTE } from '../../src/console/answer-markdown';
import { checkToWebview, MAX_HISTORY, type ConsoleTabId, type FromWebview, type ToWebview, type TranscriptEntry } from '../../src/console/messages';
import { mountFlameGraph } from '../flame-graph/flame-graph';
import { setUpTabs } from './tabs';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the console page has no #${id}`);
  return node as T;
}

const transcript = byId<HTMLDivElement>('transcript');
const suggestionsBox = byId<HTMLDivElement>('suggestions');
const form = byId<HTMLFormElement>('ask-form');
const input = byId<HTMLInputElement>('question');

let history: string[] = [];
/** Where Up/Down is in the history; history.length is the line being typed. */
let historyIndex = 0;
let typed = '';
let modelLabel: string | null = null;

function ask(question: string): void {
  const q = question.trim();
  if (!q) return;
  history = [...history.filter((h) => h !== q), q].slice(-MAX_HISTORY);
  historyIndex = history.length;
  typed = '';
  vscode.postMessage({ type: 'ask', question: q });
}

function showSuggestions(questions: readonly string[]): void {
  suggestionsBox.replaceChildren(
    ...questions.map((q) => {
      const button = element('button', 'suggestion', q);
      button.type = 'button';
      button.addEventListener('click', () => ask(q));
      return button;
    }),
  );
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** The model's part below an answer: a button, then the preview to confirm, then the streamed text. */
function modelPart(entryId: number): HTMLElement {
  const part = element('div', 'model-part');
  part.dataset.entryId = String(entryId);
  if (modelLabel) part.append(button(`Ask ${modelLabel}`, 'secondary model-ask', () => vscode.postMessage({ type: 'modelPreview', entryId })));
  return part;
}

/** Shown in the help answer when no model can be asked. */
function modelHelp(): HTMLElement {
  return element(
    'p',
    'model-help',
    'Answers here come from the loaded findings and profiles only. A language model can add its own text below an answer once a model provider is set up for Hotpath (see "The optimization console" in the README); nothing is sent anywhere until you confirm what will be sent.',
  );
}

function entryView(entry: TranscriptEntry): HTMLElement {
  const article = element('article', 'entry');
  article.dataset.entryId = String(entry.id);
  article.setAttribute('aria-label', `Answer to: ${entry.question}`);
  article.append(element('div', 'question', entry.question));
  if ('error' in entry) {
    article.append(element('div', 'error', entry.error));
    return article;
  }
  const { answer } = entry;
  const body = element('div', 'answer markdown');
  // Safe by construction: raw HTML is escaped and only the answer's own links are kept (answer-markdown.ts).
  body.innerHTML = renderMarkdown(answer.markdown, answer.links.map((l) => l.href));
  for (const link of body.querySelectorAll<HTMLAnchorElement>(`a[${LINK_INDEX_ATTRIBUTE}]`)) {
    const linkIndex = Number(link.getAttribute(LINK_INDEX_ATTRIBUTE));
    link.title = `Open ${answer.links[linkIndex]?.label ?? ''}`;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      vscode.postMessage({ type: 'openLink', entryId: entry.id, linkIndex });
    });
  }
  for (const copy of body.querySelectorAll<HTMLButtonElement>('.copy-button')) {
    copy.addEventListener('click', () => {
      const code = copy.parentElement?.querySelector('code')?.textContent ?? '';
      vscode.postMessage({ type: 'copy', text: code });
      copy.textContent = 'Copied';
    });
  }
  article.append(body);
  if (answer.sources.length > 0) article.append(element('div', 'sources', `Sources: ${answer.sources.map((s) => `${s.name} (${s.kind})`).join(', ')}`));
  if (answer.actions.length > 0) {
    const actions = element('div', 'actions');
    answer.actions.forEach((action, actionIndex) => actions.append(button(action.label, 'action', () => vscode.postMessage({ type: 'runAction', entryId: entry.id, actionIndex }))));
    article.append(actions);
  }
  if (modelLabel) article.append(modelPart(entry.id));
  else if (answer.intent === 'help') article.append(modelHelp());
  return article;
}

function removePending(): void {
  transcript.querySelector('.pending')?.remove();
}

function append(entry: TranscriptEntry): void {
  removePending();
  const view = entryView(entry);
  // The state sent while the answer was on its way may hold the entry already.
  const shown = transcript.querySelector(`.entry[data-entry-id="${entry.id}"]`);
  if (shown) shown.replaceWith(view);
  else transcript.append(view);
  view.scrollIntoView({ block: 'start' });
}

function modelPartOf(entryId: number): HTMLElement | null {
  return transcript.querySelector<HTMLElement>(`.model-part[data-entry-id="${entryId}"]`);
}

/** The streamed output's box, made on the first chunk. */
function modelOutput(part: HTMLElement, entryId: number): HTMLElement {
  let output = part.querySelector<HTMLElement>('.model-output');
  if (output) return output;
  part.replaceChildren();
  const label = element('div', 'model-label', 'Model output');
  output = element('div', 'model-output markdown');
  output.dataset.text = '';
  output.setAttribute('aria-busy', 'true');
  part.append(label, output, button('Stop', 'secondary model-stop', () => vscode.postMessage({ type: 'modelCancel', entryId })));
  return output;
}

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case 'state':
      stateReceived = true;
      if (message.tab) tabs.select(message.tab);
      modelLabel = message.model?.label ?? null;
      history = message.history;
      historyIndex = history.length;
      transcript.replaceChildren(...message.entries.map(entryView));
      transcript.lastElementChild?.scrollIntoView({ block: 'start' });
      showSuggestions(message.suggestions);
      return;
    case 'pending': {
      removePending();
      const pending = element('div', 'pending');
      pending.append(element('div', 'question', message.question), element('div', 'thinking', 'Answering…'));
      transcript.append(pending);
      return;
    }
    case 'entry':
      append(message.entry);
      showSuggestions(message.suggestions);
      return;
    case 'showTab':
      tabs.select(message.tab);
      return;
    case 'flameGraph':
      flameGraph?.receive(message.message);
      return;
    case 'modelPreview': {
      const part = modelPartOf(message.entryId);
      if (!part) return;
      const entryId = message.entryId;
      const preview = element('pre', 'model-preview', message.text);
      part.replaceChildren(
        element('div', 'model-label', `What will be sent to ${message.label}:`),
        preview,
        button('Send', 'model-send', () => vscode.postMessage({ type: 'modelSend', entryId })),
        button('Cancel', 'secondary', () => part.replaceChildren(modelPart(entryId))),
      );
      return;
    }
    case 'modelChunk': {
      const part = modelPartOf(message.entryId);
      if (!part) return;
      const output = modelOutput(part, message.entryId);
      output.dataset.text = (output.dataset.text ?? '') + message.text;
      // A model's links and HTML are rendered as text: it was given no file ranges to link to.
      output.innerHTML = renderMarkdown(output.dataset.text, []);
      return;
    }
    case 'modelEnd': {
      const part = modelPartOf(message.entryId);
      if (!part) return;
      const output = modelOutput(part, message.entryId);
      output.removeAttribute('aria-busy');
      part.querySelector('.model-stop')?.remove();
      if (message.status !== 'done') part.append(element('div', message.status === 'failed' ? 'error' : 'note', message.status === 'failed' ? `The model failed: ${message.message ?? 'no reason given'}` : 'Stopped.'));
      return;
    }
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const checked = checkToWebview(event.data);
  if (checked.ok) onMessage(checked.value);
  else console.warn(`Hotpath console: refused ${checked.reason}`);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask(input.value);
  input.value = '';
});

input.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  if (historyIndex === history.length) typed = input.value;
  historyIndex = Math.min(history.length, Math.max(0, historyIndex + (event.key === 'ArrowUp' ? -1 : 1)));
  input.value = historyIndex === history.length ? typed : history[historyIndex];
  event.preventDefault();
});

const flameHost = document.getElementById('flame-graph-root');
const flameGraph = flameHost ? mountFlameGraph(flameHost, { post: (message) => vscode.postMessage({ type: 'flameGraph', message }) }) : undefined;
/** Whether the flame graph has asked for its graph: once, when its tab is first shown, since building a large one is not free. */
let flameAsked = false;
const FLAME_TAB: ConsoleTabId = 'flame';
const ASK_TAB: ConsoleTabId = 'ask';

/**
 * Whether the host's state has arrived: the tab it names (the one shown before a reload) is shown
 * then, and only tabs shown from then on are reported, not the first one the strip selects.
 */
let stateReceived = false;

function tabShown(id: string): void {
  if (stateReceived && (id === FLAME_TAB || id === ASK_TAB)) vscode.postMessage({ type: 'tabShown', tab: id });
  if (id === FLAME_TAB && flameGraph && !flameAsked) {
    flameAsked = true;
    vscode.postMessage({ type: 'flameGraph', message: { type: 'ready' } });
  }
  if (id === ASK_TAB) input.focus();
}

const tabs = setUpTabs(document.querySelector<HTMLElement>('[role="tablist"]'), tabShown);
vscode.postMessage({ type: 'ready' });
