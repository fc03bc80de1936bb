import * as path from 'node:path';
import type { Finding, Range, RelatedLocation, Severity } from '../findings';
import type { CallFact, FunctionFact, IoCallFact, LoopCallFact } from '../summaries/file-summary';
import type { IoKind } from './call-patterns';
import { quote } from './describe';
import type { WorkspaceRule } from './rule';

const WHAT: Record<IoKind, string> = {
  database: 'a database query',
  http: 'an HTTP request',
  cache: 'a cache round trip',
  rpc: 'a remote call',
  io: 'an I/O call',
};

/** One function of a chain and the call it makes towards the I/O: the next function, or the I/O call itself. */
export interface ChainLink {
  file: string;
  fn: FunctionFact;
  call: CallFact;
}

/** A chain from the function a loop calls down to the function that makes the I/O call. */
export interface Chain {
  links: ChainLink[];
  io: IoCallFact;
}

function called(path: string): string {
  return quote(`${path}()`);
}

/**
 * A function of a chain as users know it: a method with its class (`UserRepo.get()`, or
 * `makeRepo().find()` for a method of the object a factory returns); a method of an exported
 * object literal by its name alone.
 */
function calledFn(fn: FunctionFact): string {
  const owner = fn.owner && fn.owner !== 'default' && fn.owner !== 'module.exports' ? `${fn.owner}.` : '';
  return called(`${owner}${fn.name}`);
}

/**
 * `db.py:40`: where a link of a chain stands, as users read it. The file is written relative to
 * the folder of the file with the finding, with `/` between folders (`db.py`, `repos/users.py`,
 * `../lib/db.js`): a base name alone would not tell two `users.py` of one workspace apart, and a
 * path from the workspace's root would repeat the folders the finding's own file already names.
 */
function place(from: string, file: string, range: Range): string {
  const relative = path.relative(path.dirname(from), file).split(path.sep).join('/');
  return `${relative}:${range.start.line + 1}`;
}

export const nPlusOneThroughCall: WorkspaceRule & {
  finding(file: string, call: LoopCallFact, chain: Chain, severity: Severity): Finding;
} = {
  workspace: true,
  meta: {
    id: 'n-plus-one-through-call',
    title: 'Function that runs a query called inside a loop (N+1 through a call)',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'medium',
    why:
      'The loop calls a function that makes a database query, an HTTP request or another round ' +
      'trip, directly or through the functions it calls, here or in another file. Each item ' +
      'of the loop waits for that round trip: N items make N+1 of them. The cost hides behind ' +
      'the helper\'s name, so it survives review and shows only with production data.',
    fix:
      'Give the helper a batch form that takes all the items and makes one query (`IN (...)`, a ' +
      'join, a batch endpoint), call it once before the loop and look items up in memory inside ' +
      'it. Where no batch call exists, run the calls concurrently with a bounded pool.',
    examples: {
      python: {
        flagged: '# users.py\ndef fetch_user_profile(user_id):\n    return session.query(Profile).get(user_id)\n\n# report.py\nfor user in users:\n    profile = fetch_user_profile(user.id)',
        useInstead: '# users.py\ndef fetch_user_profiles(user_ids):\n    return {p.user_id: p for p in session.query(Profile).filter(Profile.user_id.in_(user_ids))}\n\n# report.py\nprofiles = fetch_user_profiles([u.id for u in users])\nfor user in users:\n    profile = profiles[user.id]',
      },
      javascript: {
        flagged: "// users.js\nasync function loadUser(id) {\n  return db.query('SELECT * FROM users WHERE id = ?', [id]);\n}\n\n// report.js\nfor (const order of orders) order.user = await loadUser(order.userId);",
        useInstead: "// users.js\nasync function loadUsers(ids) {\n  return db.query('SELECT * FROM users WHERE id IN (?)', [ids]);\n}\n\n// report.js\nconst users = new Map((await loadUsers(orders.map((o) => o.userId))).map((u) => [u.id, u]));\nfor (const order of orders) order.user = users.get(order.userId);",
      },
      typescript: {
        flagged: '// users.ts\nexport async function loadUser(id: number) {\n  return userRepository.findOneBy({ id });\n}\n\n// report.ts\nfor (const order of orders) order.user = await loadUser(order.userId);',
        useInstead: '// users.ts\nexport async function loadUsers(ids: number[]) {\n  return userRepository.findBy({ id: In(ids) });\n}\n\n// report.ts\nconst users = new Map((await loadUsers(orders.map((o) => o.userId))).map((u) => [u.id, u]));\nfor (const order of orders) order.user = users.get(order.userId);',
      },
      go: {
        flagged: '// store/users.go\nfunc UserName(db *sql.DB, id int64) (name string, err error) {\n\terr = db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name)\n\treturn\n}\n\n// report.go\nfor _, o := range orders {\n\to.UserName, _ = store.UserName(db, o.UserID)\n}',
        useInstead: '// store/users.go: one query for all the ids\nfunc UserNames(db *sql.DB, ids []int64) (map[int64]string, error)\n\n// report.go\nnames, err := store.UserNames(db, userIDs(orders))\nfor _, o := range orders {\n\to.UserName = names[o.UserID]\n}',
      },
      java: {
        flagged: '// UserService.java\nUser load(long id) { return userRepository.findById(id).orElseThrow(); }\n\n// ReportService.java\nfor (Order order : orders) {\n    User user = userService.load(order.getUserId());\n}',
        useInstead: '// UserService.java\nMap<Long, User> loadAll(Collection<Long> ids) { ... userRepository.findAllById(ids) ... }\n\n// ReportService.java\nMap<Long, User> users = userService.loadAll(userIds);\nfor (Order order : orders) {\n    User user = users.get(order.getUserId());\n}',
      },
    },
    references: [
      { title: 'Martin Fowler: Patterns of Enterprise Application Architecture, Lazy Load (the ripple loading problem)', url: 'https://martinfowler.com/eaaCatalog/lazyLoad.html' },
      { title: 'Django: select_related and prefetch_related', url: 'https://docs.djangoproject.com/en/stable/ref/models/querysets/#prefetch-related' },
      { title: 'Prisma: solving the N+1 problem', url: 'https://www.prisma.io/docs/orm/prisma-client/queries/query-optimization-performance' },
    ],
    peers: ['Scout APM / Sentry N+1 query detection (runtime)', 'JetBrains "query in loop" inspections (within one method only)'],
  },

  /**
   * "`fetch_user_profile()` runs a database query once per item of `users` (`for` loop at line
   * 12): `process_user_data()` → `fetch_user_profile()` (users.py:12) → `session.query()`
   * (db.py:40)": the function the loop stands in, then each function of the chain where it is
   * declared, then the I/O call where it is made. The loops and the call each link makes are
   * the related information.
   */
  finding(file, call, chain, severity) {
    const last = chain.links[chain.links.length - 1];
    const steps = chain.links.map((l) => `${calledFn(l.fn)} (${place(file, l.file, l.fn.range)})`);
    steps.push(`${called(chain.io.path)} (${place(file, last.file, chain.io.range)})`);
    if (call.function) steps.unshift(called(call.function.name));
    const message = `${called(call.path)} runs ${WHAT[chain.io.kind]} ${call.repetition}: ${steps.join(' → ')}`;
    const related: RelatedLocation[] = call.loops.map((loop) => ({ range: loop.range, message: loop.message }));
    chain.links.forEach((link, i) => {
      const next = chain.links[i + 1];
      const location: RelatedLocation = {
        range: link.call.range,
        message: next
          ? `${calledFn(link.fn)} calls ${calledFn(next.fn)}`
          : `${calledFn(link.fn)} runs ${WHAT[chain.io.kind]}: ${called(chain.io.path)}`,
      };
      if (link.file !== file) location.file = link.file;
      related.push(location);
    });
    const finding: Finding = { ruleId: nPlusOneThroughCall.meta.id, severity, message, range: call.range, related };
    // The function the loop stands in, so that a profile showing it hot raises the finding.
    if (call.function) finding.function = call.function;
    return finding;
  },
};
