/**
 * The flame graph (an icicle: the root on top) as a self-contained piece of a webview page:
 * `mountFlameGraph(container, { post })` builds the toolbar, the canvas, the tooltip and the
 * screen-reader line inside `container`, and answers the messages of messages.ts. It draws with
 * a canvas and only the frames at least a pixel wide, so profiles of 100,000+ nodes stay smooth.
 * Every profile string reaches the page through textContent or the canvas, never as HTML.
 */
import type { FlameGraphData } from '../../../server/src/protocol';
import { formatPercent } from '../../../server/src/profiles/format';
import { frameSentence, frameText } from './describe';
import { ancestry, computeLayout, fitLabel, FlameLayout, Frame, frameAt, neighbour, visibleFrames } from './layout';
import type { FromFlameGraph, ToFlameGraph } from './messages';
import { searchFrames, SearchResult } from './search';

export interface FlameGraphOptions {
  /** Sends a message to the extension. */
  post(message: FromFlameGraph): void;
}

export interface MountedFlameGraph {
  /** Handles a message from the extension (already checked with parseToFlameGraph). */
  receive(message: ToFlameGraph): void;
  dispose(): void;
}

const ROW_HEIGHT = 18;

/** The theme colors each kind of code is tinted with; VS Code sets these variables in every theme. */
const ORIGIN_COLORS: Record<FlameGraphData['functions'][number]['origin'], string> = {
  ours: '--vscode-charts-orange',
  library: '--vscode-charts-blue',
  runtime: '--vscode-charts-purple',
  unknown: '--vscode-charts-foreground',
};

interface Theme {
  background: string;
  foreground: string;
  origin: Record<string, string>;
  match: string;
  focus: string;
  border: string;
  font: string;
}

function readTheme(element: HTMLElement): Theme {
  const style = getComputedStyle(element);
  const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const origin: Record<string, string> = {};
  for (const [key, variable] of Object.entries(ORIGIN_COLORS)) origin[key] = css(variable, '#888888');
  return {
    background: css('--vscode-editor-background', '#1e1e1e'),
    foreground: css('--vscode-editor-foreground', '#cccccc'),
    origin,
    match: css('--vscode-editor-findMatchBorder', css('--vscode-focusBorder', '#ffcc00')),
    focus: css('--vscode-focusBorder', '#007fd4'),
    border: css('--vscode-contrastBorder', ''),
    font: `${css('--vscode-editor-font-size', '12px').replace(/^(\d+)$/, '$1px')} ${css('--vscode-font-family', 'sans-serif')}`,
  };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: HTMLElement): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  parent.appendChild(created);
  return created;
}

export function mountFlameGraph(container: HTMLElement, options: FlameGraphOptions): MountedFlameGraph {
  const root = element('div', 'flame-graph', container);
  const toolbar = element('div', 'flame-toolbar', root);
  const crumbs = element('nav', 'flame-crumbs', toolbar);
  crumbs.setAttribute('aria-label', 'Zoomed frames');
  const search = element('input', 'flame-search', toolbar);
  search.type = 'search';
  search.placeholder = 'Search functions';
  search.setAttribute('aria-label', 'Search functions');
  const searchStatus = element('span', 'flame-search-status', toolbar);
  const notice = element('div', 'flame-notice', root);
  const scroller = element('div', 'flame-scroller', root);
  const canvas = element('canvas', 'flame-canvas', scroller);
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', 'flame graph');
  canvas.setAttribute('aria-label', 'Flame graph: arrow keys move between frames, Enter opens the source, Escape zooms out');
  const tooltip = element('div', 'flame-tooltip', root);
  tooltip.hidden = true;
  const live = element('div', 'flame-live', root);
  live.setAttribute('aria-live', 'polite');

  let data: FlameGraphData | undefined;
  let layout: FlameLayout | undefined;
  let frames: Frame[] = [];
  let focus = 0;
  let selected = 0;
  let matches: SearchResult | undefined;
  let theme = readTheme(root);

  function draw(): void {
    const width = scroller.clientWidth;
    const ratio = window.devicePixelRatio || 1;
    if (!data || !layout || width === 0) {
      canvas.width = 0;
      canvas.height = 0;
      return;
    }
    frames = visibleFrames(data.nodes, layout, focus, width);
    const rows = frames.reduce((max, f) => Math.max(max, f.row), 0) + 1;
    const height = rows * ROW_HEIGHT;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, width, height);
    ctx.font = theme.font;
    ctx.textBaseline = 'middle';
    const charWidth = ctx.measureText('abcdefghijklmnopqrstuvwxyz').width / 26 || 7;
    const searching = matches !== undefined && matches.frames > 0;
    for (const frame of frames) {
      const fn = data.functions[data.nodes.func[frame.node]];
      const y = frame.row * ROW_HEIGHT;
      const w = Math.max(frame.width - 1, 0.5);
      const hit = searching && matches!.matched[frame.node] === 1;
      ctx.globalAlpha = searching ? (hit ? 0.85 : 0.15) : 0.5;
      ctx.fillStyle = frame.node === 0 ? theme.foreground : theme.origin[fn.origin];
      ctx.fillRect(frame.x, y, w, ROW_HEIGHT - 1);
      ctx.globalAlpha = 1;
      if (hit || theme.border) {
        ctx.strokeStyle = hit ? theme.match : theme.border;
        ctx.strokeRect(frame.x + 0.5, y + 0.5, Math.max(w - 1, 0), ROW_HEIGHT - 2);
      }
      const label = fitLabel(fn.name, frame.width, charWidth);
      if (label) {
        ctx.fillStyle = theme.foreground;
        ctx.fillText(label, frame.x + 4, y + ROW_HEIGHT / 2);
      }
    }
    const chosen = frames.find((f) => f.node === selected);
    if (chosen) {
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 2;
      ctx.strokeRect(chosen.x + 1, chosen.row * ROW_HEIGHT + 1, Math.max(chosen.width - 3, 1), ROW_HEIGHT - 3);
      ctx.lineWidth = 1;
    }
  }

  function showCrumbs(): void {
    crumbs.replaceChildren();
    if (!data) return;
    for (const node of ancestry(data.nodes, focus)) {
      const crumb = element('button', 'flame-crumb', crumbs);
      crumb.type = 'button';
      crumb.textContent = data.functions[data.nodes.func[node]].name;
      crumb.dataset.node = String(node);
      if (node === focus) crumb.setAttribute('aria-current', 'true');
    }
  }

  function select(node: number): void {
    if (!data) return;
    selected = node;
    live.textContent = frameSentence(data, node);
    draw();
  }

  function zoom(node: number): void {
    focus = node;
    showCrumbs();
    select(node);
  }

  function open(node: number): void {
    if (!data) return;
    const func = data.nodes.func[node];
    if (data.functions[func]?.uri) options.post({ type: 'openSource', func });
  }

  function runSearch(): void {
    if (!data) return;
    const query = search.value;
    matches = query.trim() ? searchFrames(data, query) : undefined;
    searchStatus.textContent = matches ? `${matches.frames.toLocaleString('en-US')} ${matches.frames === 1 ? 'frame matches' : 'frames match'} · ${formatPercent(matches.percent)} of ${data.totalLabel}` : '';
    draw();
  }

  function showTooltip(frame: Frame | undefined, x: number, y: number): void {
    if (!frame || !data) {
      tooltip.hidden = true;
      return;
    }
    const text = frameText(data, frame.node);
    const title = document.createElement('strong');
    title.textContent = text.title;
    const lines = text.lines.map((line) => {
      const div = document.createElement('div');
      div.textContent = line;
      return div;
    });
    tooltip.replaceChildren(title, ...lines);
    tooltip.hidden = false;
    const bounds = root.getBoundingClientRect();
    tooltip.style.left = `${Math.min(x + 12, Math.max(bounds.width - tooltip.offsetWidth - 4, 0))}px`;
    tooltip.style.top = `${y + 16}px`;
  }

  function pointer(event: MouseEvent): Frame | undefined {
    const rect = canvas.getBoundingClientRect();
    return frameAt(frames, ROW_HEIGHT, event.clientX - rect.left, event.clientY - rect.top);
  }

  const listeners: Array<() => void> = [];
  function listen<T extends Event>(target: EventTarget, type: string, handler: (event: T) => void): void {
    target.addEventListener(type, handler as EventListener);
    listeners.push(() => target.removeEventListener(type, handler as EventListener));
  }

  listen<MouseEvent>(canvas, 'mousemove', (event) => {
    const rootRect = root.getBoundingClientRect();
    showTooltip(pointer(event), event.clientX - rootRect.left, event.clientY - rootRect.top);
  });
  listen(canvas, 'mouseleave', () => (tooltip.hidden = true));
  listen<MouseEvent>(canvas, 'click', (event) => {
    const frame = pointer(event);
    if (frame) zoom(frame.node);
  });
  listen<MouseEvent>(canvas, 'dblclick', (event) => {
    const frame = pointer(event);
    if (frame) open(frame.node);
  });
  listen<KeyboardEvent>(canvas, 'keydown', (event) => {
    if (!data) return;
    const keys: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    const direction = keys[event.key];
    if (direction) {
      const next = neighbour(frames, data.nodes, selected, direction);
      if (next !== undefined) select(next);
    } else if (event.key === 'Enter') {
      open(selected);
    } else if (event.key === ' ') {
      zoom(selected);
    } else if (event.key === 'Escape') {
      if (focus !== 0) zoom(data.nodes.parent[focus]);
    } else {
      return;
    }
    event.preventDefault();
  });
  listen<MouseEvent>(crumbs, 'click', (event) => {
    const node = Number((event.target as HTMLElement).dataset?.node);
    if (Number.isInteger(node) && data && node < data.nodes.parent.length) zoom(node);
  });
  listen(search, 'input', runSearch);
  listen<KeyboardEvent>(search, 'keydown', (event) => {
    if (event.key === 'Escape' && search.value) {
      search.value = '';
      runSearch();
      event.preventDefault();
    }
  });
  const resize = new ResizeObserver(() => draw());
  resize.observe(scroller);
  // A theme switch changes the CSS variables on the body's class.
  const themeWatch = new MutationObserver(() => {
    theme = readTheme(root);
    draw();
  });
  themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });

  return {
    receive(message) {
      if (message.type === 'empty') {
        data = undefined;
        layout = undefined;
        notice.textContent = message.reason;
        searchStatus.textContent = '';
        showCrumbs();
        draw();
        return;
      }
      data = message.data;
      layout = computeLayout(data.nodes);
      notice.textContent = [`${data.profile} · ${data.sampleType} · ${data.totalLabel}`, data.merged?.note].filter(Boolean).join(' — ');
      focus = 0;
      zoom(0);
      runSearch();
    },
    dispose() {
      for (const remove of listeners) remove();
      resize.disconnect();
      themeWatch.disconnect();
      root.remove();
    },
  };
}
