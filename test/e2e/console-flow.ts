/**
 * The third flow: asking the console. F1 → "Hotpath: Open Optimization Console", "what should I
 * fix first?" typed into its input, and the answer, drawn in the webview, ranks the N+1 query
 * of the hot function loadCustomers first (the profile flow has imported the examples' profile)
 * with a `file:line` link; clicking the link opens report.js with the finding's range selected.
 * The expected first link is the one `hotpath ask` gives with the same profile.
 *
 * Later (consoleReloadFlow, after the other flows) the window reloads, and the console comes back
 * with its transcript, on the tab it showed last.
 *
 * The webview's page is an iframe inside an iframe of the workbench, reached with frameLocator.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import type { Answer } from '../../server/src/console/answer';
import { referenceAnswer } from '../helpers/ask-reference';
import { distDir } from '../helpers/paths';
import { activeWebview, runCommand, STEP_TIMEOUT_MS, statusBarItem } from './workbench';
import type { WorkbenchUnderTest } from './workbench-under-test';

const QUESTION = 'what should I fix first?';
const PROFILE = 'profiles/report.cpuprofile';
const HOT_FUNCTION = 'loadCustomers';
const RULE = 'n-plus-one-query';
const EXTENSION_ID = 'hotpath.hotpath';
/** Long enough for the workbench to have written a change of workspace state to the browser's storage. */
const STORAGE_SETTLE_MS = 2_000;

/** The console's page: Hotpath's webview shown (another extension's, or the walkthrough's, may show too). */
function consolePage(page: Page): FrameLocator {
  return activeWebview(page, EXTENSION_ID);
}

export function consoleFlow(workbench: WorkbenchUnderTest): void {
  let expected: Answer;

  it(`answers "${QUESTION}" typed into the console (F1) with the N+1 query of the hot function first, linked`, async () => {
    const page = workbench.page();
    expected = referenceAnswer(path.join(distDir, 'cli.js'), workbench.workspace(), QUESTION, [path.join(workbench.workspace(), PROFILE)]);
    await runCommand(page, 'Hotpath: Open Optimization Console');
    const frame = consolePage(page);
    const input = frame.locator('#question');
    await input.waitFor({ timeout: STEP_TIMEOUT_MS });
    // The suggestions come from the workspace's help answer once the page has said it is ready.
    await frame.locator('.suggestion').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await input.fill(QUESTION);
    await input.press('Enter');
    const entry = frame.locator('.entry', { has: frame.locator('.question', { hasText: QUESTION }) }).last();
    const firstItem = entry.locator('.answer h4').first();
    await firstItem.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await firstItem.innerText(), new RegExp(`^1\\. ${RULE} in ${HOT_FUNCTION} — expected gain ≈ [\\d.]+% of CPU time$`));
    const link = entry.locator('a.file-link').first();
    assert.equal(await link.innerText(), expected.links[0].label);
    assert.equal(expected.links[0].label, 'javascript/report.js:7');
    // The link is in the first item, right under its heading.
    assert.equal(await entry.locator('.answer h4 + p a.file-link').first().innerText(), expected.links[0].label);
    // The picture shows the ranking's first item with its link.
    await link.scrollIntoViewIfNeeded();
    await workbench.screenshots.readme(page, 'console.png', page.locator('.part.editor'));
  });

  it('opens report.js with the finding selected when its link is clicked', async () => {
    const page = workbench.page();
    const { range } = expected.links[0];
    await consolePage(page).locator('.entry').last().locator('a.file-link').first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'report.js' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // The status bar shows where the cursor is: at the end of the selected range.
    const selection = `Ln ${range.end.line + 1}, Col ${range.end.character + 1} (${range.end.character - range.start.character} selected)`;
    await page.locator('.part.statusbar [id="status.editor.selection"]', { hasText: selection }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await workbench.screenshots.step(page, 'console-link-opened.png');
  });
}

/**
 * The console after the window reloads: VS Code gives the panel back to the extension
 * (its panel serializer), and the page shows the transcript kept for the workspace, with the
 * answer of the console flow and its link.
 */
export function consoleReloadFlow(workbench: WorkbenchUnderTest): void {
  it('shows the transcript again after the window reloads', async () => {
    const page = workbench.page();
    const expected = referenceAnswer(path.join(distDir, 'cli.js'), workbench.workspace(), QUESTION, [path.join(workbench.workspace(), PROFILE)]);
    // The console in front, so that the reloaded window shows it; on its Flame Graph tab first,
    // then on its Ask tab just before the reload: the reloaded console shows the tab shown last.
    await runCommand(page, 'Hotpath: Show Flame Graph');
    await consolePage(page).locator('#tab-flame[aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await runCommand(page, 'Hotpath: Open Optimization Console');
    await consolePage(page).locator('#tab-ask[aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    await consolePage(page).locator('.entry .question', { hasText: QUESTION }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    // The workbench writes the extension's workspace state to the browser's storage shortly after
    // it changes, not at once: a reload in the same instant would come back on the tab before.
    await page.waitForTimeout(STORAGE_SETTLE_MS);
    // The browser's reload is what "Developer: Reload Window" does in code-server; the command
    // through the palette raced with the console's page taking the focus back once in a while.
    await page.reload({ waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    // The extension runs again once its status bar item is back.
    await statusBarItem(page, 'hotpath.hotpath.hotpath.status').filter({ hasText: /Hotpath: \d+ findings?/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
    const frame = consolePage(page);
    await frame.locator('#tab-ask[aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    const entry = frame.locator('.entry', { has: frame.locator('.question', { hasText: QUESTION }) }).last();
    await entry.locator('.answer h4').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await entry.locator('.answer h4').first().innerText(), new RegExp(`^1\\. ${RULE} in ${HOT_FUNCTION} — expected gain`));
    assert.equal(await entry.locator('a.file-link').first().innerText(), expected.links[0].label);
    // The input's history came back too: Up brings the question back.
    const input = frame.locator('#question');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), QUESTION);
    await workbench.screenshots.step(page, 'console-after-reload.png');
  });
}
