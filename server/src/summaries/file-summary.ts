/**
 * What one file tells the workspace index about itself: its functions (with their direct I/O and
 * the calls they make), the names its imports bind, and the calls it makes inside loops. Plain
 * data, computed from the file alone (in a scan worker or for an open document), so that an edit
 * recomputes only the edited file's summary.
 */
import type { EnclosingFunction, Range } from '../findings';
import type { IoKind } from '../rules/call-patterns';
import type { LanguageId } from '../syntax/languages';

/** A call as written: its dotted path (`db.fetch_user`, `this.repo.find`) and where it stands. */
export interface CallFact {
  path: string;
  range: Range;
  /**
   * The class of the object the method is called on, as written: Java's declared type of the
   * variable or field (`UserRepository`); in Python and JavaScript the class a variable of the same
   * function (or of the module) was made from (`UserRepo`, `models.UserRepo`), or `makeRepo()`
   * for the object a factory function returned.
   */
  receiverType?: string;
}

/** A call the I/O table knows: the root cause at the end of a chain. */
export interface IoCallFact extends CallFact {
  kind: IoKind;
}

export interface FunctionFact {
  name: string;
  /**
   * The class a method belongs to, or a Go method's receiver type; absent for module-level
   * functions. JavaScript methods of object literals belong to the object: the variable it is
   * assigned to at module level (`repo`), `module.exports`, `default`, or `makeRepo()` for the
   * object the function `makeRepo` returns.
   */
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
  /** The named function the call stands in, as findings record it for the profile merge. */
  function?: EnclosingFunction;
  /** "once per item of `users` (`for` loop at line 12)". */
  repetition: string;
  /** The loops around the call, innermost first, as related information. */
  loops: Array<{ range: Range; message: string }>;
}

/** A class the file declares and the classes it extends or implements, as written (`BaseRepo`, `base.BaseRepo`). */
export interface ClassFact {
  name: string;
  bases: string[];
  /** Java: an interface, whose calls go to its one implementing class. */
  isInterface?: boolean;
}

/** A module-level variable made from a class or a factory function: `users = UserRepo()`. */
export interface InstanceFact {
  name: string;
  /** As `CallFact.receiverType` writes it. */
  type: string;
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
  /** The classes the file declares (nested ones included) with their bases. */
  classFacts?: ClassFact[];
  /** Python and JavaScript: module-level variables made from a class or factory. */
  instances?: InstanceFact[];
  /** JavaScript: the function a default export (or `module.exports = f`) stands for. */
  defaultExport?: string;
}
