#!/usr/bin/env node
// Records a real Chrome performance trace (trace-event JSON, object form) of our order report page
// (programs/orders/index.html) with the V8 CPU sampler on, as Chrome's Performance panel records
// it: Debian's Chromium, headless, driven by playwright-core. The page is served on the loopback
// interface, because Chromium does not load module scripts from file:// pages.
// Usage: node scripts/record-profiles/record-chrome-trace.mjs [OUT] [MILLIS]
//   OUT defaults to test/fixtures/profiles/trace/chrome-page.trace.json, MILLIS to 1500.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const site = path.join(here, 'programs', 'orders');
const out = path.resolve(process.argv[2] ?? path.join(root, 'test/fixtures/profiles/trace/chrome-page.trace.json'));
const millis = Number(process.argv[3] ?? 1500);
const chromiumPath = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromiumPath)) {
  console.error(`Chromium is not installed at ${chromiumPath}: run "bash scripts/setup-test-machine.sh" first`);
  process.exit(1);
}

// The categories of the Performance panel that matter here: the V8 sampler (Profile and
// ProfileChunk events), script execution and the main-thread tasks, and thread names.
const categories = [
  '-*',
  '__metadata',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript' };

// Serves the page's folder and nothing outside it.
const server = http.createServer((request, response) => {
  const file = path.join(site, path.normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)));
  if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  await page.waitForFunction(() => window.reportReady === true);
  await browser.startTracing(page, { categories });
  const bytes = await page.evaluate((ms) => window.runFor(ms), millis);
  const trace = await browser.stopTracing();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, trace);
  console.log(`record-chrome-trace: ${path.relative(root, out)}, ${trace.length} bytes (the page made a report of ${bytes} bytes)`);
} finally {
  await browser.close();
  server.close();
}
