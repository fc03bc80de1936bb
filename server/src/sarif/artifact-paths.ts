/**
 * Where a SARIF artifact location points: `uri` (absolute, or relative to a `uriBaseId` that
 * `run.originalUriBaseIds` may define through a chain of other base ids), or the run's
 * `artifacts[index]`. Only files inside the workspace are accepted; anything else (another
 * scheme, `file:///etc/passwd`, `../../x`) is reported as outside and never opened.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { at, JsonRecord, own, record, text } from './json-values';

export interface ArtifactContext {
  /** The workspace folders: a location must lie inside one of them. */
  roots: readonly string[];
  /**
   * The same folders with symbolic links resolved (`/private/tmp/x` for `/tmp/x`), in the same
   * order: tools often write real paths, which are read as the workspace's own spelling.
   */
  realRoots: readonly string[];
  /** The run's `originalUriBaseIds`. */
  baseIds: JsonRecord;
  /** The run's `artifacts`. */
  artifacts: unknown;
  /** Tells which of several candidate paths exists, for relative URIs and several roots. */
  exists(file: string): boolean;
}

export type ArtifactPath = { file: string } | { outside: string } | { unusable: string };

/** Base ids nest; a chain longer than this is taken for a loop. */
const MAX_CHAIN = 16;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

function decodePath(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * An absolute path from an absolute URI or path, or undefined when it names no local file (a
 * web address, a file on another host): such a location is outside the workspace too.
 */
function absolutePath(uri: string): string | undefined {
  if (WINDOWS_DRIVE.test(uri)) return uri;
  const scheme = SCHEME.exec(uri)?.[1].toLowerCase();
  if (scheme === undefined) return decodePath(uri);
  if (scheme !== 'file') return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isAbsoluteReference(uri: string): boolean {
  return SCHEME.test(uri) || uri.startsWith('/') || WINDOWS_DRIVE.test(uri);
}

/**
 * The folders a relative URI can be resolved against: the base id's absolute folder, or the
 * workspace folders when the base id is missing or the log leaves it undefined (`SRCROOT` is
 * the usual name for the folder the tool ran in, which the log often does not record).
 */
function baseFolders(baseId: string | undefined, context: ArtifactContext, seen: string[] = []): string[] | { unusable: string } {
  if (baseId === undefined) return [...context.roots];
  if (seen.includes(baseId) || seen.length >= MAX_CHAIN) return { unusable: `uriBaseId "${baseId.slice(0, 100)}" refers back to itself` };
  const entry = record(own(context.baseIds, baseId));
  const uri = text(entry?.uri);
  if (!entry || uri === undefined) return [...context.roots];
  const folder = uri === '' || uri.endsWith('/') ? uri : `${uri}/`;
  if (isAbsoluteReference(folder)) {
    const absolute = absolutePath(folder);
    return absolute === undefined ? [] : [absolute];
  }
  const parents = baseFolders(text(entry.uriBaseId), context, [...seen, baseId]);
  return Array.isArray(parents) ? parents.map((p) => path.resolve(p, decodePath(folder))) : parents;
}

/** The path of `file` below `root`, when it lies inside it. */
function below(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : undefined;
}

/** The file as the workspace spells it, when it lies inside a workspace folder (or its real path). */
function inWorkspace(file: string, context: ArtifactContext): string | undefined {
  if (!path.isAbsolute(file)) return undefined;
  const resolved = path.resolve(file);
  if (context.roots.some((root) => below(root, resolved) !== undefined)) return resolved;
  for (const [i, real] of context.realRoots.entries()) {
    const relative = below(real, resolved);
    if (relative !== undefined && context.roots[i] !== undefined) return path.join(context.roots[i], relative);
  }
  return undefined;
}

/** Resolves an `artifactLocation` object to a workspace file. */
export function artifactPath(location: unknown, context: ArtifactContext): ArtifactPath {
  let where = record(location);
  if (where && text(where.uri) === undefined && where.index !== undefined) {
    where = record(record(at(context.artifacts, where.index))?.location);
  }
  const uri = text(where?.uri);
  if (!where || uri === undefined || uri === '') return { unusable: 'the location names no file' };
  let candidates: string[];
  if (isAbsoluteReference(uri)) {
    const absolute = absolutePath(uri);
    candidates = absolute === undefined ? [] : [absolute];
  } else {
    const folders = baseFolders(text(where.uriBaseId), context);
    if (!Array.isArray(folders)) return folders;
    candidates = folders.map((folder) => path.resolve(folder, decodePath(uri)));
  }
  const accepted = candidates.map((file) => inWorkspace(file, context)).filter((file): file is string => file !== undefined);
  if (accepted.length === 0) return { outside: uri.length > 200 ? `${uri.slice(0, 200)}…` : uri };
  // Only a choice between several workspace folders needs the file system.
  return { file: accepted.length === 1 ? accepted[0] : (accepted.find((file) => context.exists(file)) ?? accepted[0]) };
}
