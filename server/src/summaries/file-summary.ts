/**
 * What one file tells the workspace index about itself: its functions (with their direct I/O and
 * the calls they make), the names its imports bind, and the calls it makes inside loops. Plain
 * data, computed from the file alone (in a scan worker or for an open document), so that an edit
 * recomputes only the edited file's summary.
 */
import type { Range } from '../findings';
import type { IoKind } from '../rules/call-patterns';
import type { LanguageId } from '../syntax/languages';

/** A call as written: its dotted path (`db.fetch_user`, `this.repo.find`) and where it stands. */
export interface CallFact {
  path: string;
  range: Range;
  /** Java: the declared type of the variable or field the method is called on (`UserRepository`). */
  receiverType?: string;
}

/** A call the I/O table knows: the root cause at the end of a chain. */
export interface IoCallFact extends CallFact {
  kind: IoKind;
}

export interface FunctionFact {
  name: string;
  /** The class a method belongs to, or a Go method's receiver type; absent for module-level functions. */
  owner?: string;
  /** How the function names its own object: `self`, `this`, a Go receiver's name. */
  selfName?: string;
  /** The range of the function's name. */
  range: Range;
  /** The first call in its body that is I/O itself. */
  io?: IoCallFact;
  /** The other calls in its body (nested callbacks included) that may lead to I/O. */
  calls: CallFact[];
}

/**
 * What an imported name stands for. `module` is written as the import writes it (`.db`,
 * `./lib/db`, `example.com/app/store`, `com.example.repo`); `name` is the member imported from
 * it, absent when the name stands for the module itself (`import db`, `import * as db`,
 * `require('./db')`, a Go package). JavaScript's default export is the member `default`, a Java
 * wildcard import the member `*`.
 */
export interface ImportBinding {
  local: string;
  module: string;
  name?: string;
}

/** A call repeated by a loop, with the words and places a finding about it needs. */
export interface LoopCallFact extends CallFact {
  /** The function the call stands in, when it is a method: resolves `self.x()` and `this.x()`. */
  inFunction?: { owner?: string; selfName?: string };
  /** "once per item of `users` (`for` loop at line 12)". */
  repetition: string;
  /** The loops around the call, innermost first, as related information. */
  loops: Array<{ range: Range; message: string }>;
}

export interface FileSummary {
  language: LanguageId;
  functions: FunctionFact[];
  imports: ImportBinding[];
  loopCalls: LoopCallFact[];
  /** The Go package or Java package the file declares. */
  packageName?: string;
  /** Java: the classes and interfaces the file declares. */
  classes?: string[];
  /** JavaScript: the function a default export (or `module.exports = f`) stands for. */
  defaultExport?: string;
}
