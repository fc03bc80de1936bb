// A fake table searched item by item: findCustomer scans the whole list on every call, once per
// order (N+1 style).
const customers = [];
for (let i = 0; i < 4000; i++) {
  customers.push({ id: i, name: 'customer' + i, email: `customer${i}@example.com` });
}

export function findCustomer(id) {
  return customers.find((c) => c.id === id);
}
