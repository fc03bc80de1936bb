/**
 * What a person does in the VS Code workbench, as Playwright steps that wait for what the person
 * would wait for: a panel to open, a row to appear, a hover to show. No step sleeps.
 */
import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** How long one step may wait for the workbench before the test fails. */
export const STEP_TIMEOUT_MS = 120_000;

/** Opens the workbench on `folder` and waits until its status bar is drawn. */
export async function openWorkbench(page: Page, baseUrl: string, folder: string): Promise<void> {
  // A loaded machine can take longer than Playwright's 30 s default to serve the workbench.
  await page.goto(`${baseUrl}?folder=${encodeURIComponent(folder)}`, { timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Runs a command from the command palette (F1) by its title, as a person types it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // F1 can open the palette while a page in an editor (the walkthrough) still holds the focus,
  // which closes it again at once: then Escape, and F1 again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
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

/**
 * The page inside the webview panel whose tab is active (of one extension, if given): VS Code
 * puts a webview's page in an iframe (the active frame) inside the iframe of the webview element.
 */
export function activeWebview(page: Page, extensionId?: string): FrameLocator {
  // Webviews of panels in other tabs keep their iframes, hidden: the shown one is the visible one.
  // With an extension's id, only that extension's (the workbench names it in the frame's address).
  const frames = page.locator(extensionId ? `iframe.webview.ready[src*="extensionId=${extensionId}"]` : 'iframe.webview.ready');
  return frames.filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
}

/**
 * Opens the Problems panel with its keyboard shortcut, unless it shows already (the shortcut
 * toggles it), and gives the panel.
 */
export async function openProblems(page: Page): Promise<Locator> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
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

/** The CSS `top` of a rendered editor line (`130px`), which its decorations share. */
async function lineTop(line: Locator): Promise<string> {
  await line.waitFor({ timeout: STEP_TIMEOUT_MS });
  const top = /top:\s*(-?[\d.]+px)/.exec((await line.getAttribute('style')) ?? '')?.[1];
  if (!top) throw new Error(`the editor line "${await line.innerText()}" has no top offset in its style`);
  return top;
}

/**
 * The row of the editor's overlay layer drawn at the height `top`: decorations such as squiggles
 * and line backgrounds are drawn there, not in the line itself. The editor writes the style with
 * or without spaces, depending on whether view zones (code lenses) moved the line.
 */
function overlayRow(page: Page, top: string): Locator {
  const rows = '.editor-instance .monaco-editor .view-overlays > div';
  return page.locator(`${rows}[style*="top:${top};"], ${rows}[style*="top: ${top};"]`);
}

/** Waits for a squiggle of the given severity on the editor line `line` and gives it. */
export async function waitForSquiggleOn(page: Page, line: Locator, severity: 'error' | 'warning' | 'info' | 'hint'): Promise<Locator> {
  const squiggle = overlayRow(page, await lineTop(line)).locator(`.squiggly-${severity}`).first();
  try {
    await squiggle.waitFor({ timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`no ${severity} squiggle appeared on the line "${(await line.innerText()).trim()}" within ${STEP_TIMEOUT_MS} ms`, { cause: error });
  }
  return squiggle;
}

/** The code lens drawn right above the editor line `line` (in the view zone the editor makes room with). */
export async function codeLensAbove(page: Page, line: Locator, text: string | RegExp): Promise<Locator> {
  const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: text }).first();
  await lens.waitFor({ timeout: STEP_TIMEOUT_MS });
  const [lensBox, lineBox] = [await lens.boundingBox(), await line.boundingBox()];
  if (!lensBox || !lineBox) throw new Error('the code lens or the line is not visible');
  const gap = lineBox.y - (lensBox.y + lensBox.height);
  if (gap < -1 || gap > lineBox.height) {
    throw new Error(`the code lens "${await lens.innerText()}" is not right above "${(await line.innerText()).trim()}" (${gap} px between them)`);
  }
  return lens;
}

/**
 * Runs in the page: the computed colours of the theme colours `--vscode-<prefix>1` … `<prefix>N`,
 * read from a probe element, and the highest level whose colour an overlay element of the row at
 * `top` has (0 for none). Written as source text: the tests compile without the DOM library.
 */
/**
 * An expression that calls the function `source` (written as text, since this project's tests are
 * not compiled with the DOM library) with `argument`. Playwright evaluates a string as an
 * expression: handed the function's text alone, it would wait for the function itself, which is
 * truthy at once.
 */
function callInPage(source: string, argument: unknown): string {
  return `(${source})(${JSON.stringify(argument)})`;
}

const BACKGROUND_LEVEL_IN_PAGE = `({ top, prefix, levels }) => {
  const editor = document.querySelector('.editor-instance .monaco-editor');
  if (!editor) return 0;
  const row = [...editor.querySelectorAll('.view-overlays > div')].find((div) => div.style.top === top);
  if (!row) return 0;
  const probe = document.createElement('div');
  editor.appendChild(probe);
  const colours = [];
  for (let level = 1; level <= levels; level++) {
    probe.style.backgroundColor = 'var(--vscode-' + prefix + level + ')';
    colours.push(getComputedStyle(probe).backgroundColor);
  }
  probe.remove();
  let found = 0;
  for (const element of row.children) {
    const colour = getComputedStyle(element).backgroundColor;
    const level = colours.indexOf(colour) + 1;
    if (level > found && colour !== 'rgba(0, 0, 0, 0)') found = level;
  }
  return found;
}`;

/**
 * Waits until the editor line `line` has a background of one of the theme colours
 * `<prefix>1` … `<prefix><levels>` (prefix as in CSS: `hotpath-lineHeat-background`), and gives
 * the level drawn.
 */
export async function waitForThemedBackground(page: Page, line: Locator, prefix: string, levels: number): Promise<number> {
  const top = await lineTop(line);
  try {
    const level = await page.waitForFunction(callInPage(BACKGROUND_LEVEL_IN_PAGE, { top, prefix, levels }), undefined, { timeout: STEP_TIMEOUT_MS });
    return Number(await level.jsonValue());
  } catch (error) {
    throw new Error(`the line "${(await line.innerText()).trim()}" got no background of the colours ${prefix}1…${levels} within ${STEP_TIMEOUT_MS} ms`, { cause: error });
  }
}

/** Runs in the page: how many gutter icons of the active editor show the image file `name`. */
const GUTTER_ICONS_IN_PAGE = `(name) => {
  const icons = document.querySelectorAll('.editor-instance .monaco-editor .cgmr');
  return [...icons].filter((icon) => getComputedStyle(icon).backgroundImage.includes(name)).length;
}`;

/** Waits until the gutter of the active editor shows the image file `imageName`, and gives how many times. */
export async function waitForGutterIcons(page: Page, imageName: string): Promise<number> {
  try {
    const count = await page.waitForFunction(callInPage(GUTTER_ICONS_IN_PAGE, imageName), undefined, { timeout: STEP_TIMEOUT_MS });
    return Number(await count.jsonValue());
  } catch (error) {
    throw new Error(`no gutter icon showed ${imageName} within ${STEP_TIMEOUT_MS} ms`, { cause: error });
  }
}

/**
 * Answers the simple file dialog, the quick input VS Code shows for "open file" where it has no
 * native dialog (code-server always): waits for it under its title, types the file's path into
 * its path box as a person would, waits until the listing shows the file, and accepts it.
 * `whenTyped` runs before the path is accepted (to take a screenshot).
 */
export async function chooseFileInQuickInput(page: Page, title: string, file: string, whenTyped?: () => Promise<void>): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const input = widget.locator('input');
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  // The dialog fills its box with the current folder once it has listed it; a path typed before
  // then is overwritten. So wait for the listing, type, and type again if the dialog still won.
  await rows.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  const name = file.split(/[\\/]/).pop() ?? file;
  for (let attempt = 0; attempt < 3 && (await input.inputValue()) !== file; attempt++) {
    await input.fill(file);
    await rows.filter({ hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  assert.equal(await input.inputValue(), file, 'the path typed into the file dialog');
  await whenTyped?.();
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** Moves the mouse onto the middle of `target` and gives the hover widget once it shows `text`. */
export async function hoverOver(page: Page, target: Locator, text: string): Promise<Locator> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to hover over is not visible');
  // From outside the editor first: a pointer already resting on the spot sends no move, and the
  // editor shows a hover only when the pointer moves onto the text.
  await page.mouse.move(0, 0);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  const hover = page.locator('.monaco-hover', { hasText: text });
  await hover.first().waitFor({ timeout: STEP_TIMEOUT_MS });
  return hover.first();
}
