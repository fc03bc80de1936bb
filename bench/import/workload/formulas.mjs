// Formulas: random formula text, parsed by precedence climbing into a tree, then compiled into
// nested closures (one closure per operator, created where the operator is compiled) and run
// over a table of rows, the way spreadsheet engines evaluate cells.

const OPERATORS = { '+': 1, '-': 1, '*': 2, '/': 2, '%': 2, '^': 3 };
const NAMES = ['price', 'qty', 'tax', 'rate', 'fee'];
const CALLS = ['max', 'min', 'round', 'clamp'];

function randomFormula(random, depth) {
  const roll = depth > 12 ? random.below(2) : random.below(7);
  if (roll === 0) return String(1 + random.below(99));
  if (roll === 1) return random.pick(NAMES);
  if (roll === 2) return `(${randomFormula(random, depth + 1)})`;
  if (roll === 3) return `${random.pick(CALLS)}(${randomFormula(random, depth + 1)}, ${randomFormula(random, depth + 1)})`;
  const op = random.pick(Object.keys(OPERATORS));
  return `${randomFormula(random, depth + 1)} ${op} ${randomFormula(random, depth + 1)}`;
}

function tokenize(text) {
  const tokens = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at];
    if (c === ' ') at++;
    else if (/[0-9]/.test(c)) {
      let end = at;
      while (end < text.length && /[0-9]/.test(text[end])) end++;
      tokens.push({ type: 'number', value: Number(text.slice(at, end)) });
      at = end;
    } else if (/[a-z]/.test(c)) {
      let end = at;
      while (end < text.length && /[a-z]/.test(text[end])) end++;
      tokens.push({ type: 'name', value: text.slice(at, end) });
      at = end;
    } else tokens.push({ type: c, value: c }), at++;
  }
  return tokens;
}

class Parser {
  constructor(tokens) {
    this.tokens = tokens;
    this.at = 0;
  }

  parseExpression(minPrecedence) {
    let left = this.parsePrimary();
    for (;;) {
      const token = this.tokens[this.at];
      const precedence = token ? OPERATORS[token.type] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.at++;
      const right = this.parseExpression(token.type === '^' ? precedence : precedence + 1);
      left = { op: token.type, left, right };
    }
  }

  parsePrimary() {
    const token = this.tokens[this.at++];
    if (token.type === 'number') return { number: token.value };
    if (token.type === '(') return this.parseGroup();
    if (this.tokens[this.at]?.type === '(') return this.parseCall(token.value);
    return { name: token.value };
  }

  parseGroup() {
    const inner = this.parseExpression(1);
    this.at++;
    return inner;
  }

  parseCall(name) {
    this.at++;
    const a = this.parseExpression(1);
    this.at++;
    const b = this.parseExpression(1);
    this.at++;
    return { call: name, a, b };
  }
}

function compile(tree) {
  if ('number' in tree) return compileNumber(tree.number);
  if ('name' in tree) return compileName(tree.name);
  if ('call' in tree) return compileCall(tree.call, compile(tree.a), compile(tree.b));
  return compileOperator(tree.op, compile(tree.left), compile(tree.right));
}

function compileNumber(value) {
  return () => value;
}

function compileName(name) {
  return (row) => row[name];
}

function compileCall(name, a, b) {
  switch (name) {
    case 'max': return (row) => Math.max(a(row), b(row));
    case 'min': return (row) => Math.min(a(row), b(row));
    case 'round': return (row) => Math.round(a(row) * 100) / 100 + b(row) * 0;
    default: return (row) => Math.min(Math.max(a(row), 0), Math.abs(b(row)) + 1);
  }
}

function compileOperator(op, left, right) {
  switch (op) {
    case '+': return (row) => left(row) + right(row);
    case '-': return (row) => left(row) - right(row);
    case '*': return (row) => (left(row) * right(row)) % 1e9;
    case '/': return (row) => { const d = right(row); return d === 0 ? 0 : left(row) / d; };
    case '%': return (row) => { const d = right(row); return d === 0 ? 0 : left(row) % d; };
    default: return (row) => Math.pow(Math.abs(left(row)) % 10, Math.abs(right(row)) % 4);
  }
}

/** Parses, compiles and evaluates a few random formulas over a table. */
export function runFormulas(random) {
  const rows = Array.from({ length: 200 }, (_, i) => ({ price: i % 97, qty: i % 13, tax: 7, rate: i % 5, fee: 3 }));
  let total = 0;
  for (let f = 0; f < 40; f++) {
    const formula = compile(new Parser(tokenize(randomFormula(random, 0))).parseExpression(1));
    for (const row of rows) {
      const value = formula(row);
      if (Number.isFinite(value)) total = (total + Math.abs(Math.trunc(value))) % 1_000_003;
    }
  }
  return total;
}
