export function isValidEmail(email) {
  // The regular expression is compiled again on every call.
  const re = new RegExp('^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$', 'i');
  return re.test(email);
}

export function renderReport(rows) {
  // The report grows by string concatenation in a loop.
  let out = '';
  for (const r of rows) {
    out += r.orderId + ',' + r.customer + ',' + r.total.toFixed(2) + ',' + r.depth + '\n';
  }
  return out;
}
