// An order report with the hotspots Hotpath looks for: a linear lookup per order (N+1 style), a
// regular expression compiled per call, string concatenation in a loop, a nested busy loop, and
// recursion. The same modules run in node (main.mjs) and in Chromium (index.html).
import { categoryDepth } from './lib/categories.mjs';
import { findCustomer } from './lib/customers.mjs';
import { isValidEmail, renderReport } from './lib/format.mjs';

function makeOrders(n) {
  const orders = [];
  for (let i = 0; i < n; i++) {
    orders.push({ id: i, customerId: (i * 7919) % 4000, amount: (i % 97) * 1.25, category: i % 64 });
  }
  return orders;
}

function computeTotals(orders) {
  const rows = [];
  for (const order of orders) {
    const customer = findCustomer(order.customerId);
    if (!isValidEmail(customer.email)) continue;
    let total = 0;
    for (let k = 0; k < 150; k++) {
      total += Math.sqrt(order.amount * k + 1);
    }
    rows.push({ orderId: order.id, customer: customer.name, total, depth: categoryDepth(order.category) });
  }
  return rows;
}

/** Makes reports for about `millis` milliseconds; returns the last one. */
export function runFor(millis) {
  const start = performance.now();
  let report = '';
  while (performance.now() - start < millis) {
    report = renderReport(computeTotals(makeOrders(2000)));
  }
  return report;
}
