import type { Node } from 'web-tree-sitter';
import type { IoKind } from './call-patterns';
import { loopsRelated, quote, repetition } from './describe';
import { repeatsPerItem } from './per-item-loops';
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

/** Python context managers under which a test expects the code to raise. */
const EXPECTS_FAILURE = /(?:^|\.)assertRaises(?:Regexp?|Regex)?$|^pytest\.raises$/;

/**
 * True when the call stands in `with self.assertRaises(…)` or `with pytest.raises(…)`: the test
 * expects it to fail (a URL refused before any request is sent), not to make a round trip.
 */
function expectedToFail(context: RuleContext, call: Node): boolean {
  const { dialect } = context;
  for (let n = call.parent; n && !dialect.functionTypes.has(n.type); n = n.parent) {
    if (n.type !== 'with_statement') continue;
    const items = n.namedChildren.find((c) => c?.type === 'with_clause')?.namedChildren ?? [];
    for (const item of items) {
      const value = item?.childForFieldName('value');
      const manager = value?.type === 'as_pattern' ? value.namedChild(0) : value;
      if (manager && dialect.callTypes.has(manager.type) && EXPECTS_FAILURE.test(dialect.calleePath(manager))) return true;
    }
  }
  return false;
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
      'fast on a developer machine with ten rows, slow in production with ten thousand. Loops ' +
      'that run a fixed number of rounds whatever the data (`while` polling, `attempt < 3`, ' +
      'values written out in the source such as `for d in [1, 4, 16]`) are not flagged, nor in ' +
      'Python a call under `with self.assertRaises(…)` or `pytest.raises(…)`, which a test ' +
      'expects to fail.',
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
      const loop = site.loops.find((l) => repeatsPerItem(context.dialect, l));
      if (!loop || chainedOnIo(context, site.node)) continue;
      if (context.language === 'python' && expectedToFail(context, site.node)) continue;
      const shown = path.startsWith('new ') ? path : `${path}()`;
      context.report(site.node, `${WHAT[kind]} ${quote(shown)} runs ${repetition(loop)}`, loopsRelated(site.loops));
    }
  },
};
