/**
 * The Hotspots view's "Changes vs baseline" group: while a baseline is set, the functions whose
 * self share changed past the threshold, under Regressions, New hotspots, Improvements and
 * Removed hotspots. A function of this workspace opens at its first line.
 */
import * as vscode from 'vscode';
import { BaselineChange, baselineChangesRequest } from '../../../server/src/protocol';
import type { BaselineState } from './baseline-state';
import { baselineText, CHANGE_GROUPS, changeFigures } from './baseline-text';

/**
 * A node of the group. A changed function of the active profile carries `func` at its top level,
 * so the view's "Show Callers and Callees" can take the node as its `{ func }` argument.
 */
export type BaselineNode =
  | { kind: 'baseline' }
  | { kind: 'baseline-group'; group: BaselineChange['kind']; changes: BaselineChange[] }
  | { kind: 'baseline-change'; change: BaselineChange; func?: number };

export function isBaselineNode(node: { kind: string }): node is BaselineNode {
  return node.kind === 'baseline' || node.kind === 'baseline-group' || node.kind === 'baseline-change';
}

/** The group's root, when a baseline is set. */
export function baselineRoots(baseline: BaselineState): BaselineNode[] {
  return baseline.current ? [{ kind: 'baseline' }] : [];
}

export async function baselineChildren(node: BaselineNode, baseline: BaselineState): Promise<BaselineNode[]> {
  if (node.kind === 'baseline-group') return node.changes.map((change) => ({ kind: 'baseline-change', change, func: change.func }));
  if (node.kind !== 'baseline' || baseline.current?.problem) return [];
  const changes = await baseline.client.sendRequest(baselineChangesRequest);
  return CHANGE_GROUPS.map(({ kind }) => ({ kind: 'baseline-group' as const, group: kind, changes: changes.filter((c) => c.kind === kind) })).filter((g) => g.changes.length > 0);
}

function location(change: BaselineChange): [vscode.Uri, vscode.TextDocumentShowOptions] | undefined {
  if (!change.uri) return undefined;
  try {
    const start = new vscode.Position(Math.max(0, change.line ?? 0), 0);
    return [vscode.Uri.parse(change.uri, true), { selection: new vscode.Range(start, start) }];
  } catch {
    return undefined;
  }
}

export function baselineTreeItem(node: BaselineNode, baseline: BaselineState): vscode.TreeItem {
  if (node.kind === 'baseline') {
    const summary = baseline.current;
    const item = new vscode.TreeItem('Changes vs baseline', vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'baseline';
    item.description = summary ? (summary.problem ? 'not compared' : `${summary.rating} · ${summary.name}`) : undefined;
    item.tooltip = summary ? baselineText(summary) : undefined;
    item.iconPath = new vscode.ThemeIcon('git-compare');
    return item;
  }
  if (node.kind === 'baseline-group') {
    const group = CHANGE_GROUPS.find((g) => g.kind === node.group)!;
    const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `baseline:${node.group}`;
    item.description = String(node.changes.length);
    item.iconPath = new vscode.ThemeIcon(group.icon);
    return item;
  }
  const { change } = node;
  const item = new vscode.TreeItem(change.name, vscode.TreeItemCollapsibleState.None);
  item.id = `baseline:${change.kind}:${change.name}:${change.uri ?? ''}`;
  item.description = changeFigures(change);
  item.tooltip = `${change.name}\n${changeFigures(change)}`;
  if (change.func !== undefined) item.contextValue = 'hotpath.hotspot';
  const open = location(change);
  if (open) item.command = { title: 'Open Function', command: 'vscode.open', arguments: open };
  return item;
}
