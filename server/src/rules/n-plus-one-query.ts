import type { Node } from 'web-tree-sitter';
import type { Loop } from '../syntax/facts';
import type { IoKind } from './call-patterns';
import { loopsRelated, quote, repetition } from './describe';
import type { Rule, RuleContext } from './rule';

const WHAT: Record<IoKind, string> = {
  database: 'Database query',
  http: 'HTTP request',
  cache: 'Cache round trip',
  rpc: 'Remote call',
  io: 'I/O call',
};

/**
 * True when a call further down the chain is the I/O call itself: in
 * `session.query(User).filter(x).first()` only `session.query(User)` is reported.
 */
function chainedOnIo(context: RuleContext, call: Node): boolean {
  const { dialect, io } = context;
  for (let r = dialect.receiver(call); r; r = dialect.callTypes.has(r.type) ? dialect.receiver(r) : undefined) {
    if (dialect.callTypes.has(r.type) && io.match(dialect.calleePath(r))) return true;
  }
  return false;
}

/** Integer literals across the grammars. */
const INTEGER_TYPES = new Set(['integer', 'number', 'decimal_integer_literal', 'int_literal']);
/** `MAX_PAGES`, `Config.RETRIES`: a constant's name. */
const CONSTANT_NAME = /^([A-Za-z_$][\w$]*\.)*[A-Z][A-Z0-9_]*$/;
const RETRY_NAME = /retr|attempt|tries/i;

/** What a counting loop counts to: `3` in `for attempt in range(3)` or `for (i = 0; i < 3; i++)`. */
function countedTo(context: RuleContext, loop: Loop): Node | undefined {
  const { dialect } = context;
  const iterable = loop.iterable;
  if (iterable && dialect.callTypes.has(iterable.type) && dialect.calleePath(iterable) === 'range') {
    const args = dialect.callArgs(iterable);
    return args.length === 1 ? args[0] : args[1];
  }
  if (loop.kind !== 'for') return undefined;
  const clause = loop.node.namedChildren.find((c) => c?.type === 'for_clause') ?? loop.node;
  const condition = clause.childForFieldName('condition');
  return condition?.type === 'binary_expression' ? (condition.childForFieldName('right') ?? undefined) : undefined;
}

/**
 * True when a loop makes a call once per item or row: not a retry, polling or paging loop,
 * which runs until something happens (`while`) or a fixed number of times (`attempt < 3`,
 * `page < MAX_PAGES`), however much data there is.
 */
function repeatsPerItem(context: RuleContext, loop: Loop): boolean {
  if (loop.kind === 'while' || loop.kind === 'do') return false;
  const bound = countedTo(context, loop);
  return !bound || !(INTEGER_TYPES.has(bound.type) || CONSTANT_NAME.test(bound.text) || RETRY_NAME.test(bound.text));
}

export const nPlusOneQuery: Rule = {
  meta: {
    id: 'n-plus-one-query',
    title: 'Database or HTTP call inside a loop (N+1)',
    languages: ['python', 'javascript', 'typescript', 'go', 'java'],
    severity: 'warning',
    confidence: 'high',
    why:
      'Each iteration waits for a full round trip to the database or service. With N items the ' +
      'code makes N+1 round trips where one or two would do, and the cost grows with the data: ' +
      'fast on a developer machine with ten rows, slow in production with ten thousand.',
    fix:
      'Fetch everything the loop needs in one call before it (a query with `IN (...)`, a join, an ' +
      'eager load, a batch endpoint), then look items up in memory. Where no batch call exists, ' +
      'run the calls concurrently with a bounded pool.',
    examples: {
      python: {
        flagged: 'for order in orders:\n    customer = session.query(Customer).get(order.customer_id)',
        useInstead:
          'ids = {order.customer_id for order in orders}\n' +
          'customers = {c.id: c for c in session.query(Customer).filter(Customer.id.in_(ids))}\n' +
          'for order in orders:\n    customer = customers[order.customer_id]',
      },
      javascript: {
        flagged: 'for (const order of orders) {\n  order.customer = await prisma.customer.findUnique({ where: { id: order.customerId } });\n}',
        useInstead:
          'const customers = await prisma.customer.findMany({ where: { id: { in: orders.map((o) => o.customerId) } } });\n' +
          'const byId = new Map(customers.map((c) => [c.id, c]));\n' +
          'for (const order of orders) order.customer = byId.get(order.customerId);',
      },
      typescript: {
        flagged: 'for (const order of orders) {\n  order.customer = await customerRepository.findOneBy({ id: order.customerId });\n}',
        useInstead:
          'const customers = await customerRepository.findBy({ id: In(orders.map((o) => o.customerId)) });\n' +
          'const byId = new Map(customers.map((c) => [c.id, c]));\n' +
          'for (const order of orders) order.customer = byId.get(order.customerId);',
      },
      go: {
        flagged: 'for _, o := range orders {\n\trow := db.QueryRow("SELECT name FROM customers WHERE id = $1", o.CustomerID)\n\trow.Scan(&o.CustomerName)\n}',
        useInstead:
          'rows, err := db.Query("SELECT id, name FROM customers WHERE id = ANY($1)", pq.Array(customerIDs(orders)))\n' +
          '// read rows into a map[int64]string once, then fill the orders from it',
      },
      java: {
        flagged: 'for (Order order : orders) {\n    Customer c = customerRepository.findById(order.getCustomerId()).orElseThrow();\n}',
        useInstead:
          'Map<Long, Customer> byId = customerRepository.findAllById(customerIds).stream()\n' +
          '    .collect(Collectors.toMap(Customer::getId, c -> c));\n' +
          'for (Order order : orders) {\n    Customer c = byId.get(order.getCustomerId());\n}',
      },
    },
    references: [
      { title: 'Django: select_related and prefetch_related', url: 'https://docs.djangoproject.com/en/stable/ref/models/querysets/#prefetch-related' },
      { title: 'SQLAlchemy: relationship loading techniques', url: 'https://docs.sqlalchemy.org/en/20/orm/queryguide/relationships.html' },
      { title: 'Prisma: solving the N+1 problem', url: 'https://www.prisma.io/docs/orm/prisma-client/queries/query-optimization-performance' },
    ],
    peers: ['Scout APM / Sentry N+1 query detection (runtime)', 'JetBrains "query in loop" inspections'],
  },

  check(context) {
    for (const site of context.facts.sites.call) {
      if (site.loops.length === 0) continue;
      const path = context.dialect.calleePath(site.node);
      const kind = context.io.match(path);
      if (!kind) continue;
      // Retry, polling and paging loops make one call per round on purpose.
      const loop = site.loops.find((l) => repeatsPerItem(context, l));
      if (!loop || chainedOnIo(context, site.node)) continue;
      const shown = path.startsWith('new ') ? path : `${path}()`;
      context.report(site.node, `${WHAT[kind]} ${quote(shown)} runs ${repetition(loop)}`, loopsRelated(site.loops));
    }
  },
};
