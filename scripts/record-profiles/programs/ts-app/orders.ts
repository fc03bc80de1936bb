// A small typed program for `tsc --generateTrace`: the compiler's own trace of checking it is
// a real evented trace (array form, X and B/E events).
export interface Customer {
  id: number;
  name: string;
  email: string;
}

export interface Order {
  id: number;
  customerId: number;
  amount: number;
}

export interface Row {
  orderId: number;
  customer: string;
  total: number;
}

export function findCustomer(customers: readonly Customer[], id: number): Customer | undefined {
  return customers.find((c) => c.id === id);
}

export function isValidEmail(email: string): boolean {
  const re = new RegExp('^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$', 'i');
  return re.test(email);
}

export function computeTotals(customers: readonly Customer[], orders: readonly Order[]): Row[] {
  const rows: Row[] = [];
  for (const order of orders) {
    const customer = findCustomer(customers, order.customerId);
    if (!customer || !isValidEmail(customer.email)) continue;
    let total = 0;
    for (let k = 0; k < 150; k++) total += Math.sqrt(order.amount * k + 1);
    rows.push({ orderId: order.id, customer: customer.name, total });
  }
  return rows;
}

export function renderReport(rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) out += `${r.orderId},${r.customer},${r.total.toFixed(2)}\n`;
  return out;
}
