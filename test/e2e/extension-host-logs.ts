/**
 * The log files VS Code writes under `<user-data-dir>/logs/<session>/`: the extension host's own
 * log (which extensions it activated and the errors it caught) and one file per log output
 * channel of an extension (`<publisher.name>/<channel>.log` in the extension host's folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every extension host log (`exthost.log` or, in code-server, `remoteexthost.log`). */
export function extensionHostLogs(userDataDir: string): string[] {
  return filesUnder(path.join(userDataDir, 'logs')).filter((file) => /(^|[/\\])(remote)?exthost\.log$/.test(file));
}

/** The files of an extension's log output channels, for an extension id such as `hotpath.hotpath`. */
export function extensionChannelLogs(userDataDir: string, extensionId: string): string[] {
  return filesUnder(path.join(userDataDir, 'logs')).filter((file) => path.basename(path.dirname(file)) === extensionId);
}

/**
 * Splits a VS Code log into entries: a line that starts with a timestamp begins an entry, and the
 * lines under it (a stack trace) belong to it.
 */
export function logEntries(text: string): string[] {
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(line) || entries.length === 0) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries.filter((entry) => entry.trim() !== '');
}

/** The entries of the given log files at the `[error]` level. */
export function errorEntries(files: string[]): string[] {
  return files.flatMap((file) => logEntries(fs.readFileSync(file, 'utf8')).filter((entry) => /^\S+ \S+ \[error\]/.test(entry)));
}
