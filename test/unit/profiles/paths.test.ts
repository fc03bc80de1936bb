/**
 * Paths recorded on other machines map onto this workspace, and frames of the runtime and of
 * libraries are told apart from ours.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { javaSourcePath, normalizeRecordedPath, PathMapper } from '../../../server/src/profiles/paths';

const WS = '/home/dev/shop';
const files = [
  `${WS}/node/src/app.js`,
  `${WS}/node/src/lib/db.js`,
  `${WS}/python/src/app.py`,
  `${WS}/python/src/shop/db.py`,
  `${WS}/go/src/inventory/inventory.go`,
  `${WS}/java/src/main/java/com/example/orders/CustomerRepo.java`,
  `${WS}/c/src/lookup.c`,
  `${WS}/web/a/index.js`,
  `${WS}/web/b/index.js`,
];
const mapper = new PathMapper(files, [{ from: '/build/agent/work', to: `${WS}/python` }]);
const map = (file: string, name = 'f') => mapper.map({ name, file });

test('recorded paths map by their longest suffix in the workspace', () => {
  assert.deepEqual(map('file:///srv/app-source/node/src/app.js'), { origin: 'ours', file: `${WS}/node/src/app.js` });
  assert.deepEqual(map('/srv/app-source/python/src/shop/db.py'), { origin: 'ours', file: `${WS}/python/src/shop/db.py` });
  assert.deepEqual(map('src/app.py'), { origin: 'ours', file: `${WS}/python/src/app.py` });
  assert.deepEqual(map('/srv/app-source/go/src/inventory/inventory.go'), { origin: 'ours', file: `${WS}/go/src/inventory/inventory.go` });
  assert.deepEqual(map('example.com/invsim/inventory/inventory.go'), { origin: 'ours', file: `${WS}/go/src/inventory/inventory.go` });
  assert.deepEqual(map('webpack://shop/./node/src/lib/db.js'), { origin: 'ours', file: `${WS}/node/src/lib/db.js` });
  assert.deepEqual(map('C:\\agent\\node\\src\\lib\\db.js'), { origin: 'ours', file: `${WS}/node/src/lib/db.js` });
  assert.deepEqual(map(`${WS}/c/src/lookup.c`), { origin: 'ours', file: `${WS}/c/src/lookup.c` });
});

test('a bare file name maps only when one workspace file has it', () => {
  assert.deepEqual(map('lookup.c'), { origin: 'ours', file: `${WS}/c/src/lookup.c` });
  assert.deepEqual(map('index.js'), { origin: 'unknown' });
  assert.deepEqual(map('/srv/other/index.js'), { origin: 'unknown' });
  assert.deepEqual(map('/srv/elsewhere/db.py'), { origin: 'unknown' }, 'the file name alone is not enough for a path');
});

test('explicit path mappings come first', () => {
  assert.deepEqual(map('/build/agent/work/src/shop/db.py'), { origin: 'ours', file: `${WS}/python/src/shop/db.py` });
});

test('Java frames map by package and class', () => {
  assert.equal(javaSourcePath('com/example/orders/CustomerRepo$Row'), 'com/example/orders/CustomerRepo.java');
  assert.equal(javaSourcePath('com.example.orders.CustomerRepo'), 'com/example/orders/CustomerRepo.java');
  assert.deepEqual(map('com/example/orders/CustomerRepo'), { origin: 'ours', file: `${WS}/java/src/main/java/com/example/orders/CustomerRepo.java` });
  assert.deepEqual(map('org/other/orders/CustomerRepo'), { origin: 'unknown' });
  assert.deepEqual(map('java/util/HashMap'), { origin: 'runtime' });
});

test('runtime and library frames are kept apart from ours', () => {
  assert.equal(map('node:internal/modules/cjs/loader').origin, 'runtime');
  assert.equal(map('/usr/lib/go-1.19/src/runtime/proc.go').origin, 'runtime');
  assert.equal(map('/opt/.python/versions/3.11.7/lib/python3.11/re/_compiler.py').origin, 'runtime');
  assert.equal(map('<frozen importlib._bootstrap>').origin, 'runtime');
  assert.equal(map('~').origin, 'runtime');
  assert.equal(map('/usr/lib/x86_64-linux-gnu/libc.so.6').origin, 'runtime');
  assert.equal(map('/app/node_modules/express/lib/router/index.js').origin, 'library');
  assert.equal(map('/usr/lib/python3/dist-packages/requests/api.py').origin, 'library');
  assert.equal(map('/root/go/pkg/mod/github.com/lib/pq@v1.10.9/conn.go').origin, 'library');
  assert.equal(mapper.map({ name: '(garbage collector)' }).origin, 'runtime');
  assert.equal(mapper.map({ name: 'main' }).origin, 'unknown');
  assert.equal(mapper.map({ name: 'memcpy', module: '/usr/lib/x86_64-linux-gnu/libc.so.6' }).origin, 'runtime');
  assert.equal(mapper.map({ name: 'asm_exc_page_fault', module: '[kernel.kallsyms]' }).origin, 'runtime');
  assert.equal(mapper.map({ name: 'find_account', module: '/srv/app/txn' }).origin, 'unknown');
});

test('recorded paths are normalized', () => {
  assert.equal(normalizeRecordedPath('file:///srv/my%20app/x.js'), '/srv/my app/x.js');
  assert.equal(normalizeRecordedPath('./src//a/./b.py'), 'src/a/b.py');
  assert.equal(normalizeRecordedPath('webpack-internal:///./src/x.ts?abc'), 'src/x.ts');
});
