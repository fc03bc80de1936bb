// A tiny interpreter: random programs of arithmetic, conditionals, loops, lets and calls to the
// program's own (recursive) functions, each kind of node evaluated by a function of its own, so
// that the stacks are paths through a couple of dozen functions in ever-changing orders.

const LEAVES = ['num', 'var'];
const UNARY = ['neg', 'abs', 'not', 'square'];
const BINARY = ['add', 'sub', 'mul', 'div', 'mod', 'min', 'max', 'less', 'and', 'or'];
const SPECIAL = ['if', 'let', 'loop', 'call', 'seq', 'sum'];
const FUNCTIONS = 6;

/** A random expression of at most about `budget` nodes. */
function generate(random, budget, depth) {
  if (budget <= 1 || depth > 28) return leaf(random);
  const roll = random.below(100);
  if (roll < 10) return leaf(random);
  if (roll < 25) return { kind: random.pick(UNARY), a: generate(random, budget - 1, depth + 1) };
  if (roll < 70) {
    const half = budget >> 1;
    return { kind: random.pick(BINARY), a: generate(random, half, depth + 1), b: generate(random, budget - half, depth + 1) };
  }
  const kind = random.pick(SPECIAL);
  const third = Math.max(1, Math.floor(budget / 3));
  switch (kind) {
    case 'if':
      return { kind, test: generate(random, third, depth + 1), then: generate(random, third, depth + 1), else: generate(random, third, depth + 1) };
    case 'let':
      return { kind, name: random.below(4), value: generate(random, third, depth + 1), body: generate(random, 2 * third, depth + 1) };
    case 'loop':
      return { kind, times: 1 + random.below(4), body: generate(random, budget - 1, depth + 1) };
    case 'call':
      return { kind, fn: random.below(FUNCTIONS), arg: generate(random, budget - 1, depth + 1) };
    case 'seq':
      return { kind, items: [generate(random, third, depth + 1), generate(random, third, depth + 1), generate(random, third, depth + 1)] };
    default:
      return { kind, items: Array.from({ length: 2 + random.below(4) }, () => generate(random, third, depth + 1)) };
  }
}

function leaf(random) {
  return random.below(2) === 0 ? { kind: 'num', value: random.below(50) } : { kind: 'var', name: random.below(4) };
}

function evalNode(node, env) {
  switch (node.kind) {
    case 'num': return node.value;
    case 'var': return env.vars[node.name] ?? 0;
    case 'neg': return evalNeg(node, env);
    case 'abs': return evalAbs(node, env);
    case 'not': return evalNot(node, env);
    case 'square': return evalSquare(node, env);
    case 'add': return evalAdd(node, env);
    case 'sub': return evalSub(node, env);
    case 'mul': return evalMul(node, env);
    case 'div': return evalDiv(node, env);
    case 'mod': return evalMod(node, env);
    case 'min': return evalMin(node, env);
    case 'max': return evalMax(node, env);
    case 'less': return evalLess(node, env);
    case 'and': return evalAnd(node, env);
    case 'or': return evalOr(node, env);
    case 'if': return evalIf(node, env);
    case 'let': return evalLet(node, env);
    case 'loop': return evalLoop(node, env);
    case 'call': return evalCall(node, env);
    case 'seq': return evalSeq(node, env);
    default: return evalSum(node, env);
  }
}

function evalNeg(node, env) { return -evalNode(node.a, env); }
function evalAbs(node, env) { return Math.abs(evalNode(node.a, env)); }
function evalNot(node, env) { return evalNode(node.a, env) === 0 ? 1 : 0; }
function evalSquare(node, env) { const v = evalNode(node.a, env); return (v * v) % 100_003; }
function evalAdd(node, env) { return (evalNode(node.a, env) + evalNode(node.b, env)) % 100_003; }
function evalSub(node, env) { return evalNode(node.a, env) - evalNode(node.b, env); }
function evalMul(node, env) { return (evalNode(node.a, env) * evalNode(node.b, env)) % 100_003; }
function evalDiv(node, env) { const d = evalNode(node.b, env); return d === 0 ? 0 : Math.trunc(evalNode(node.a, env) / d); }
function evalMod(node, env) { const d = evalNode(node.b, env); return d === 0 ? 0 : evalNode(node.a, env) % d; }
function evalMin(node, env) { return Math.min(evalNode(node.a, env), evalNode(node.b, env)); }
function evalMax(node, env) { return Math.max(evalNode(node.a, env), evalNode(node.b, env)); }
function evalLess(node, env) { return evalNode(node.a, env) < evalNode(node.b, env) ? 1 : 0; }
function evalAnd(node, env) { return evalNode(node.a, env) !== 0 && evalNode(node.b, env) !== 0 ? 1 : 0; }
function evalOr(node, env) { return evalNode(node.a, env) !== 0 || evalNode(node.b, env) !== 0 ? 1 : 0; }

function evalIf(node, env) {
  return evalNode(node.test, env) % 2 === 0 ? evalNode(node.then, env) : evalNode(node.else, env);
}

function evalLet(node, env) {
  const vars = env.vars.slice();
  vars[node.name] = evalNode(node.value, env);
  return evalNode(node.body, { ...env, vars });
}

function evalLoop(node, env) {
  let total = 0;
  for (let i = 0; i < node.times; i++) total = (total + evalNode(node.body, env)) % 100_003;
  return total;
}

/** Calls one of the program's functions, with fuel so that recursion ends. */
function evalCall(node, env) {
  if (env.fuel.left-- <= 0) return 1;
  const arg = evalNode(node.arg, env);
  return evalNode(env.functions[node.fn], { ...env, vars: [arg, arg >> 1, arg & 7, 1] });
}

function evalSeq(node, env) {
  let last = 0;
  for (const item of node.items) last = evalNode(item, env);
  return last;
}

function evalSum(node, env) {
  return node.items.reduce((sum, item) => (sum + evalNode(item, env)) % 100_003, 0);
}

/** Generates one random program (a main expression and its functions) and runs it. */
export function runInterpreter(random) {
  const functions = Array.from({ length: FUNCTIONS }, () => generate(random, 40 + random.below(60), 0));
  const main = generate(random, 200, 0);
  let result = 0;
  for (let run = 0; run < 20; run++) {
    const env = { vars: [run, 2, 3, 4], functions, fuel: { left: 400 } };
    result = (result + evalNode(main, env)) % 100_003;
  }
  return result;
}
