// A hand-written JSON reader and writer over random nested documents: recursive descent with a
// function per kind of value, and a writer that walks the result back to text.

const WORDS = ['order', 'item', 'price', 'total', 'customer', 'region', 'sku', 'note', 'tags', 'lines'];

function randomValue(random, depth) {
  const roll = depth > 9 ? random.below(4) : random.below(8);
  switch (roll) {
    case 0: return random.below(100_000) / 100;
    case 1: return `${random.pick(WORDS)}-${random.below(1000)}\n"q"`;
    case 2: return random.below(2) === 0;
    case 3: return null;
    case 4:
    case 5: {
      const object = {};
      for (let i = 1 + random.below(5); i > 0; i--) object[`${random.pick(WORDS)}${i}`] = randomValue(random, depth + 1);
      return object;
    }
    default:
      return Array.from({ length: 1 + random.below(5) }, () => randomValue(random, depth + 1));
  }
}

class Reader {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  skipSpace() {
    while (this.at < this.text.length && ' \n\r\t'.includes(this.text[this.at])) this.at++;
  }

  parseValue() {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === 't' || c === 'f') return this.parseBoolean();
    if (c === 'n') return this.parseNull();
    return this.parseNumber();
  }

  parseObject() {
    const object = {};
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') return this.at++, object;
    for (;;) {
      this.skipSpace();
      const key = this.parseString();
      this.skipSpace();
      this.expect(':');
      object[key] = this.parseValue();
      this.skipSpace();
      if (this.text[this.at++] === '}') return object;
    }
  }

  parseArray() {
    const array = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') return this.at++, array;
    for (;;) {
      array.push(this.parseValue());
      this.skipSpace();
      if (this.text[this.at++] === ']') return array;
    }
  }

  parseString() {
    this.expect('"');
    let out = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === '"') return out;
      out += c === '\\' ? this.parseEscape() : c;
    }
  }

  parseEscape() {
    const c = this.text[this.at++];
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'u') return String.fromCharCode(parseInt(this.text.slice(this.at, (this.at += 4)), 16));
    return c;
  }

  parseNumber() {
    const start = this.at;
    while (this.at < this.text.length && '-+.eE0123456789'.includes(this.text[this.at])) this.at++;
    return Number(this.text.slice(start, this.at));
  }

  parseBoolean() {
    const value = this.text.startsWith('true', this.at);
    this.at += value ? 4 : 5;
    return value;
  }

  parseNull() {
    this.at += 4;
    return null;
  }

  expect(c) {
    if (this.text[this.at++] !== c) throw new Error(`expected ${c} at ${this.at - 1}`);
  }
}

function writeValue(value) {
  if (Array.isArray(value)) return writeArray(value);
  if (value !== null && typeof value === 'object') return writeObject(value);
  return JSON.stringify(value);
}

function writeArray(array) {
  return `[${array.map(writeValue).join(',')}]`;
}

function writeObject(object) {
  return `{${Object.keys(object).map((key) => `${JSON.stringify(key)}:${writeValue(object[key])}`).join(',')}}`;
}

/** Counts the values of a parsed document, walking it recursively. */
function countValues(value) {
  if (Array.isArray(value)) return value.reduce((n, v) => n + countValues(v), 1);
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((n, v) => n + countValues(v), 1);
  return 1;
}

/** Writes, reads back and checks a few random documents. */
export function runJson(random) {
  let count = 0;
  for (let doc = 0; doc < 30; doc++) {
    const text = writeValue(randomValue(random, 0));
    const parsed = new Reader(text).parseValue();
    if (writeValue(parsed) !== text) throw new Error('the JSON reader and writer disagree');
    count += countValues(parsed);
  }
  return count;
}
