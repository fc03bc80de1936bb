/**
 * file-reopened-in-loop: the same file opened, read or appended to on every round of a loop,
 * where opening it once (or reading it once) before the loop would do.
 */
import type { LanguageId } from '../syntax/languages';
import type { Node } from 'web-tree-sitter';
import { invariantInLoop, sitesWithin } from '../syntax/loop-invariance';
import { compilePatterns } from './call-patterns';
import { loopsRelated, quote, repetition } from './describe';
import { runsFewRounds } from './per-item-loops';
import type { Rule, RuleContext } from './rule';

const JS_CALLS = [
  '{fs.,}{readFileSync,writeFileSync,appendFileSync,openSync,readFile,writeFile,appendFile}',
  '{fs.promises,fsp,fs/promises}.{readFile,writeFile,appendFile,open}',
];

/** Calls whose first argument is a file path they open, per language (call-patterns.ts globs). */
const OPENERS: Record<LanguageId, RegExp | undefined> = {
  python: compilePatterns(['open', 'io.open', 'codecs.open']),
  javascript: compilePatterns(JS_CALLS),
  typescript: compilePatterns(JS_CALLS),
  go: compilePatterns(['os.{Open,OpenFile,Create,ReadFile,WriteFile}']),
  java: compilePatterns([
    'new {FileReader,FileWriter,FileInputStream,FileOutputStream,RandomAccessFile,PrintWriter}',
    'Files.{readAllLines,readAllBytes,readString,lines,write,writeString,newBufferedReader,newBufferedWriter,newInputStream,newOutputStream}',
  ]),
};

/**
 * Paths of devices and kernel files (`/dev/tty`, `/proc/self/status`, Windows' `CONIN$`): each
 * open reaches the device or reads the current state, so opening again is not rereading the same
 * content.
 */
const DEVICE = /^[a-zA-Z]*["'`](?:\/dev\/|\/proc\/|\/sys\/|CONIN\$|CONOUT\$|CON["'`]|NUL["'`])/;

/** Calls whose second argument is the data written, which may change with each item. */
const WRITES_DATA = /(?:^|\.)(?:writeFileSync|appendFileSync|writeFile|appendFile|WriteFile|write|writeString)$/;

/**
 * True when the loop does something else with the file: another call takes the same path (the
 * loop writes the file one way and reads it another, as tests do), so each open sees new content.
 */
function usedOtherwise(context: RuleContext, call: Node, file: string, loop: Node): boolean {
  return sitesWithin(context.facts.sites.call, loop).some(
    (s) => !s.node.equals(call) && context.dialect.callArgs(s.node).some((a) => a.text === file),
  );
}

/**
 * True when the call rewrites the file from its start (Python's `"w"`/`"x"` modes, Go's
 * `os.WriteFile`, `os.Create`, `O_TRUNC`): each round replaces what the last one wrote, often for
 * something else in the loop to read, and one handle kept open would append instead.
 */
function replacesFile(context: RuleContext, path: string, args: readonly Node[]): boolean {
  if (context.language === 'go') return path === 'os.WriteFile' || path === 'os.Create' || (path === 'os.OpenFile' && /\bO_TRUNC\b/.test(args[1]?.text ?? ''));
  if (context.language !== 'python') return false;
  const keyword = (a: Node) => (a.parent?.type === 'keyword_argument' ? a.parent.childForFieldName('name')?.text : undefined);
  const mode = args.find((a, i) => (i === 1 && keyword(a) === undefined) || keyword(a) === 'mode');
  return !!mode && context.dialect.isConstantString(mode) && /[wx]/.test(mode.text.replace(/^[a-zA-Z]*/, ''));
}

export const fileReopenedInLoop: Rule = {
  meta: {
    id: 'file-reopened-in-loop',
    title: 'The same file opened again on every iteration',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'medium',
    why:
      'Opening a file is a system call that resolves the path, checks permissions and sets up ' +
      'a descriptor, and closing it may flush buffers to the disk; reading it in full reads ' +
      'every byte again. A loop that opens the same path on each round (to append one line, or ' +
      'to read a configuration it already read) pays all of that once per item, often ' +
      'hundreds of times more than the write or lookup itself. Only paths that stay the same ' +
      'through the loop are flagged; `while` loops, which often poll a file on purpose, are not, ' +
      'nor in Python and Go a file rewritten from its start on each round (`open(p, "w")`, ' +
      '`os.WriteFile`, `os.Create`): each round replaces what the last one wrote, often for ' +
      'something else in the loop to read, and one handle kept open would append instead. ' +
      'Devices and kernel files (`/dev/…`, `/proc/…`, `CONIN$`) are not flagged either: each ' +
      'open reads their current state; nor loops over a few values written out in the source, ' +
      'which open the file a fixed few times.',
    fix:
      'Open the file once before the loop and write through the same handle (with a buffered ' +
      'writer), or read it once before the loop and reuse what was read.',
    examples: {
      python: {
        flagged: 'for event in events:\n    with open(log_path, "a") as log:\n        log.write(f"{event}\\n")',
        useInstead: 'with open(log_path, "a") as log:\n    for event in events:\n        log.write(f"{event}\\n")',
      },
      javascript: {
        flagged: 'for (const row of rows) {\n  fs.appendFileSync("out.csv", `${row.id},${row.total}\\n`);\n}',
        useInstead: 'fs.appendFileSync("out.csv", rows.map((row) => `${row.id},${row.total}\\n`).join(""));',
      },
      typescript: {
        flagged: 'for (const user of users) {\n  const config = JSON.parse(fs.readFileSync(configPath, "utf8"));\n  apply(config, user);\n}',
        useInstead: 'const config = JSON.parse(fs.readFileSync(configPath, "utf8"));\nfor (const user of users) {\n  apply(config, user);\n}',
      },
      go: {
        flagged: 'for _, line := range lines {\n\tf, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)\n\tf.WriteString(line)\n\tf.Close()\n}',
        useInstead: 'f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644)\nif err != nil {\n\treturn err\n}\ndefer f.Close()\nw := bufio.NewWriter(f)\nfor _, line := range lines {\n\tw.WriteString(line)\n}\nreturn w.Flush()',
      },
      java: {
        flagged: 'for (String line : lines) {\n    try (FileWriter out = new FileWriter(path, true)) {\n        out.write(line);\n    }\n}',
        useInstead: 'try (BufferedWriter out = Files.newBufferedWriter(path, StandardOpenOption.APPEND)) {\n    for (String line : lines) {\n        out.write(line);\n    }\n}',
      },
    },
    references: [
      { title: 'Python: open()', url: 'https://docs.python.org/3/library/functions.html#open' },
      { title: 'Node.js: fs.appendFileSync', url: 'https://nodejs.org/api/fs.html#fsappendfilesyncpath-data-options' },
      { title: 'Go: bufio.Writer', url: 'https://pkg.go.dev/bufio#Writer' },
      { title: 'Java: Files.newBufferedWriter', url: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/nio/file/Files.html#newBufferedWriter(java.nio.file.Path,java.nio.file.OpenOption...)' },
    ],
  },

  check(context) {
    const opener = OPENERS[context.language];
    const { dialect, facts, language } = context;
    if (!opener) return;
    for (const site of facts.sites.call) {
      const loop = site.loops[0];
      // A few rounds written in the source (`for kind in ('a', 'b', 'c')`) open it a fixed few times.
      if (!loop || loop.kind === 'while' || loop.kind === 'do' || runsFewRounds(dialect, loop)) continue;
      const path = dialect.calleePath(site.node);
      if (!opener.test(path)) continue;
      const args = dialect.callArgs(site.node);
      const file = args[0];
      // Python's keyword arguments come in any order: only a positional first argument is the path.
      if (!file || file.parent?.type === 'keyword_argument' || DEVICE.test(file.text)) continue;
      // The path and how it is opened (mode, flags, options) stay the same; the data written may not.
      const fixed = args.filter((_, i) => i !== 1 || !WRITES_DATA.test(path));
      if (!fixed.every((a) => invariantInLoop(language, facts, dialect, a, loop))) continue;
      if (usedOtherwise(context, site.node, file.text, loop.node)) continue;
      if (replacesFile(context, path, args)) continue;
      const shown = path.startsWith('new ') ? path : `${path}()`;
      context.report(
        site.node,
        `${quote(shown)} opens the same file ${quote(file.text)} ${repetition(loop)}: open or read it once before the loop and reuse it`,
        loopsRelated(site.loops),
      );
    }
  },
};
