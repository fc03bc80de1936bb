/**
 * Debian's Chromium driven by playwright-core, set up for a machine whose only network is the
 * loopback: no background traffic, no sandbox (the tests run as root), a fresh profile each time.
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const chromiumPath = process.env.HOTPATH_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The size of the window, which is also the size of the screenshots. */
export const VIEWPORT = { width: 1280, height: 800 };

export interface OpenBrowser {
  page: Page;
  /** What the page printed to its console, for failure messages. */
  consoleLines: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium with `home` as its config and cache folder, which keeps its crash reporter
 * from writing into the home folder; the caller owns `home` and may inspect it after a run.
 */
export async function openBrowser(home: string): Promise<OpenBrowser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}: run "bash scripts/setup-test-machine.sh" first`);
  }
  fs.mkdirSync(home, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home };
  // Playwright gives each launched browser a new temporary profile of its own.
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS, env });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    return { page, consoleLines, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
