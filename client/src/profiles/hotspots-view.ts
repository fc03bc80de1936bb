/**
 * The Hotspots view: the shown profile's top functions, by self and by total share. Functions of
 * this workspace open at their first line; those of libraries and the runtime say where they come
 * from. When no profile is shown the view is empty and its welcome content offers an import.
 */
import * as vscode from 'vscode';
import { Hotspot, hotspotsRequest } from '../../../server/src/protocol';
import { errorMessage } from '../request-errors';
import { BaselineNode, baselineChildren, baselineRoots, baselineTreeItem, isBaselineNode } from './baseline-nodes';
import type { BaselineState } from './baseline-state';
import { hotspotLocation, openArguments } from './hotspot-location';
import type { LoadedProfiles } from './loaded-profiles';
import { hotspotDetails, hotspotFigures, originText, statusText } from './profile-text';

/** How many functions each group lists. */
const LIMIT = 20;

type Ranking = 'self' | 'total';

/**
 * A node of the view. A function's node carries `func` at its top level, so the context menu's
 * "Show Callers and Callees" can pass the node itself as the command's `{ func }` argument.
 */
type Node = { kind: 'group'; by: Ranking } | { kind: 'function'; by: Ranking; hotspot: Hotspot; func: number } | BaselineNode;

const GROUP_TITLES: Record<Ranking, { label: string; tooltip: string }> = {
  self: { label: 'By self', tooltip: 'The functions where the most was measured in the function itself.' },
  total: { label: 'By total', tooltip: 'The functions where the most was measured including the functions they call.' },
};

const ORIGIN_ICONS: Record<Hotspot['origin'], string> = {
  ours: 'symbol-function',
  library: 'library',
  runtime: 'vm',
  unknown: 'question',
};

class HotspotsProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly profiles: LoadedProfiles,
    private readonly log: vscode.LogOutputChannel,
    private readonly baseline: BaselineState,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!this.profiles.active) return [];
    if (!node) return [...baselineRoots(this.baseline), { kind: 'group', by: 'self' }, { kind: 'group', by: 'total' }];
    if (node.kind !== 'group') return isBaselineNode(node) ? this.baselineChildren(node) : [];
    try {
      const hotspots = await this.profiles.client.sendRequest(hotspotsRequest, { by: node.by, limit: LIMIT });
      return hotspots.map((hotspot) => ({ kind: 'function', by: node.by, hotspot, func: hotspot.func }));
    } catch (error) {
      this.log.warn(`The Hotspots view could not be filled: ${errorMessage(error)}`);
      return [];
    }
  }

  private async baselineChildren(node: BaselineNode): Promise<Node[]> {
    try {
      return await baselineChildren(node, this.baseline);
    } catch (error) {
      this.log.warn(`The changes against the baseline could not be listed: ${errorMessage(error)}`);
      return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (isBaselineNode(node)) return baselineTreeItem(node, this.baseline);
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(GROUP_TITLES[node.by].label, vscode.TreeItemCollapsibleState.Expanded);
      item.tooltip = GROUP_TITLES[node.by].tooltip;
      item.id = node.by;
      return item;
    }
    const { hotspot } = node;
    const location = hotspotLocation(hotspot);
    const item = new vscode.TreeItem(hotspot.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.by}:${hotspot.func}`;
    item.description = location ? hotspotFigures(hotspot) : `${hotspotFigures(hotspot)} · ${originText(hotspot.origin)}`;
    item.tooltip = `${hotspot.name}\n${hotspotDetails(hotspot, location?.label ?? '')}`;
    item.iconPath = new vscode.ThemeIcon(ORIGIN_ICONS[hotspot.origin]);
    item.contextValue = 'hotpath.hotspot';
    if (location) item.command = { title: 'Open Function', command: 'vscode.open', arguments: openArguments(location) };
    return item;
  }
}

export function createHotspotsView(profiles: LoadedProfiles, log: vscode.LogOutputChannel, baseline: BaselineState): vscode.Disposable {
  const provider = new HotspotsProvider(profiles, log, baseline);
  const view = vscode.window.createTreeView('hotpath.hotspots', { treeDataProvider: provider, showCollapseAll: false });
  const describe = (): void => {
    const active = profiles.active;
    view.description = active ? statusText(active) : undefined;
  };
  describe();
  const subscription = profiles.onDidChange(() => {
    describe();
    provider.refresh();
  });
  const comparison = baseline.onDidChange(() => provider.refresh());
  return vscode.Disposable.from(view, subscription, comparison, provider);
}
