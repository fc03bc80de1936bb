// Builds the daily order report. Run: node --cpu-prof --cpu-prof-dir=../profiles --cpu-prof-name=report.cpuprofile report.js
const { createDb } = require('./lib/db');

function loadCustomers(db, orders) {
  const names = new Map();
  for (const order of orders) {
    const [customer] = db.query('SELECT * FROM customers WHERE id = ?', [order.customerId]);
    names.set(order.id, customer.name);
  }
  return names;
}

function renderLines(orders, names) {
  return orders.map((order) => `${order.id};${names.get(order.id)};${order.total.toFixed(2)}`);
}

function main() {
  const customers = Array.from({ length: 8000 }, (_, id) => ({ id, name: `customer ${id}` }));
  const orders = Array.from({ length: 6000 }, (_, id) => ({ id, customerId: (id * 7919) % 8000, total: (id % 97) * 1.5 }));
  const db = createDb({ customers });
  const names = loadCustomers(db, orders);
  const lines = renderLines(orders, names);
  console.log(`${lines.length} lines`);
}

main();
