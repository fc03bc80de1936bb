/**
 * What a person does in the VS Code workbench, as Playwright steps that wait for what the person
 * would wait for: a panel to open, a row to appear, a hover to show. No step sleeps.
 */
import type { Locator, Page } from 'playwright-core';

/** How long one step may wait for the workbench before the test fails. */
export const STEP_TIMEOUT_MS = 120_000;

/** Opens the workbench on `folder` and waits until its status bar is drawn. */
export async function openWorkbench(page: Page, baseUrl: string, folder: string): Promise<void> {
  await page.goto(`${baseUrl}?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Runs a command from the command palette (F1) by its title, as a person types it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}

/** Opens a file with Quick Open (Ctrl+P) by its path relative to the workspace folder. */
export async function quickOpen(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(relativePath);
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Opens the Problems panel with its keyboard shortcut and gives the panel. */
export async function openProblems(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ timeout: STEP_TIMEOUT_MS });
  return panel;
}

/** Types into the Problems panel's filter box, as a person narrows the list to some files. */
export async function filterProblems(page: Page, filter: string): Promise<void> {
  const input = page.locator('.viewpane-filter input');
  await input.waitFor({ timeout: STEP_TIMEOUT_MS });
  await input.fill(filter);
}

/**
 * Clicks the panel's maximize or restore button (found by its label, `from`) and waits until the
 * button offers the opposite (`to`), which it does once the layout has changed.
 */
export async function togglePanelSize(page: Page, from: string, to: string): Promise<void> {
  await page.locator(`.part.panel .action-label[aria-label^="${from}"]`).click({ timeout: STEP_TIMEOUT_MS });
  await page.locator(`.part.panel .action-label[aria-label^="${to}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** A status bar item of an extension, by its id as VS Code renders it (`publisher.name.itemId`). */
export function statusBarItem(page: Page, id: string): Locator {
  return page.locator(`.part.statusbar [id="${id}"]`);
}

/** The rendered line of the active editor whose text contains `text`. */
export function editorLine(page: Page, text: string): Locator {
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: text });
}

/**
 * Waits for a squiggle of the given severity on the editor line `line` and gives it. Squiggles are
 * decorations in the editor's overlay layer, drawn in a row at the same offset from the top as
 * the line's text.
 */
export async function waitForSquiggleOn(page: Page, line: Locator, severity: 'error' | 'warning' | 'info' | 'hint'): Promise<Locator> {
  await line.waitFor({ timeout: STEP_TIMEOUT_MS });
  const top = /top:\s*(-?[\d.]+px)/.exec((await line.getAttribute('style')) ?? '')?.[1];
  if (!top) throw new Error(`the editor line "${await line.innerText()}" has no top offset in its style`);
  const squiggle = page.locator(`.editor-instance .monaco-editor .view-overlays > div[style*="top:${top};"] .squiggly-${severity}`).first();
  try {
    await squiggle.waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`no ${severity} squiggle appeared on the line "${(await line.innerText()).trim()}" within ${STEP_TIMEOUT_MS} ms`, { cause: error });
  }
  return squiggle;
}

/** Moves the mouse onto the middle of `target` and gives the hover widget once it shows `text`. */
export async function hoverOver(page: Page, target: Locator, text: string): Promise<Locator> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to hover over is not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover', { hasText: text });
  await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return hover.first();
}
