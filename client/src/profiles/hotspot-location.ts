/**
 * Where a function of the profile lives in the workspace, for opening it from the Hotspots view
 * and from the function heat picker. Functions of libraries and the runtime have no location.
 */
import * as vscode from 'vscode';
import type { Hotspot } from '../../../server/src/protocol';

export interface HotspotLocation {
  uri: vscode.Uri;
  /** 0-based. */
  line: number;
  /** `src/shop/db.py:42`, as the user reads it. */
  label: string;
}

export function hotspotLocation(hotspot: Hotspot): HotspotLocation | undefined {
  if (hotspot.origin !== 'ours' || !hotspot.uri) return undefined;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(hotspot.uri, true);
  } catch {
    return undefined;
  }
  const line = Math.max(0, hotspot.line ?? 0);
  return { uri, line, label: `${vscode.workspace.asRelativePath(uri)}:${line + 1}` };
}

/** The arguments of `vscode.open` that show the function's first line. */
export function openArguments(location: HotspotLocation): [vscode.Uri, vscode.TextDocumentShowOptions] {
  const start = new vscode.Position(location.line, 0);
  return [location.uri, { selection: new vscode.Range(start, start) }];
}
