/**
 * The second flow: importing a profile. F1 → "Hotpath: Import Profile…", the path of the
 * examples' recorded V8 profile typed into the quick input, and the measured figures appear on
 * the code: the code lens with its share above loadCustomers (a click opens the console on it),
 * line heat, the profile in the status bar and in the Hotspots view, and the N+1 query in
 * loadCustomers as a warning that names its measured share in the Problems panel; then "Hotpath:
 * Show Flame Graph", which opens the console on its Flame Graph tab, where the search highlights
 * the hot function with the same share, the keyboard finds it, and Enter opens its code. The
 * figures must be those `hotpath profile` prints.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, it } from 'node:test';
import { measuredFunction, percent, type MeasuredFunction } from '../helpers/profile-figures';
import { distDir } from '../helpers/paths';
import {
  activeWebview,
  chooseFileInQuickInput,
  codeLensAbove,
  editorLine,
  filterProblems,
  openProblems,
  quickOpen,
  runCommand,
  STEP_TIMEOUT_MS,
  statusBarItem,
  waitForGutterIcons,
  waitForThemedBackground,
} from './workbench';
import type { WorkbenchUnderTest } from './workbench-under-test';

const REPORT = 'javascript/report.js';
const PROFILE = 'profiles/report.cpuprofile';
const HOT_FUNCTION = 'loadCustomers';
/** The text of the line the N+1 query is on, inside the hot function. */
const QUERY_LINE = 'db.query(';
/** The status bar item of the shown profile, by its id as the workbench renders it. */
const PROFILE_STATUS_ID = 'hotpath.hotpath.hotpath.profile';
/** The line heat colours (package.json contributes.colors) as CSS variables, and their levels. */
const HEAT_COLOURS = 'hotpath-lineHeat-background';
const HEAT_LEVELS = 5;

export function profileImportFlow(workbench: WorkbenchUnderTest): void {
  let measured: MeasuredFunction;

  before(() => {
    measured = measuredFunction(path.join(distDir, 'cli.js'), path.join(workbench.workspace(), PROFILE), workbench.workspace(), HOT_FUNCTION);
  });

  it('imports the profile whose path is typed into "Hotpath: Import Profile…" (F1)', async () => {
    const page = workbench.page();
    await quickOpen(page, REPORT);
    await runCommand(page, 'Hotpath: Import Profile…');
    await chooseFileInQuickInput(page, 'Import Profile', path.join(workbench.workspace(), PROFILE), () => workbench.screenshots.step(page, 'import-profile-path.png'));
    // The status bar names the profile once it is shown on the code.
    const status = statusBarItem(page, PROFILE_STATUS_ID).filter({ hasText: path.basename(PROFILE) });
    await status.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.match(await status.innerText(), /report\.cpuprofile · cpu · [\d,]+ samples/);
  });

  it('shows a code lens with the measured shares above the hot function, and line heat on its lines', async () => {
    const page = workbench.page();
    const expected = `🔥 ${percent(measured.totalPercent)} total · ${percent(measured.selfPercent)} self · `;
    const lens = await codeLensAbove(page, editorLine(page, `function ${HOT_FUNCTION}`), expected);
    assert.match(await lens.innerText(), /· [\d.]+ (µs|ms|s)$/);
    const level = await waitForThemedBackground(page, editorLine(page, QUERY_LINE), HEAT_COLOURS, HEAT_LEVELS);
    assert.ok(level >= 1, `the query line has line heat level ${level}`);
    // The hottest lines also get a flame in the gutter.
    assert.ok((await waitForGutterIcons(page, 'line-heat-hot.svg')) >= 1);
    await workbench.screenshots.readme(page, 'code-lens-line-heat.png', page.locator('.part.editor'));
  });

  it('opens the console on the hot function when its code lens is clicked, with the answer why it is slow', async () => {
    const page = workbench.page();
    const lens = await codeLensAbove(page, editorLine(page, `function ${HOT_FUNCTION}`), `🔥 ${percent(measured.totalPercent)} total`);
    await lens.locator('a', { hasText: '🔥' }).click();
    const answers = activeWebview(page, 'hotpath.hotpath');
    const entry = answers.locator('.entry', { has: answers.locator('.question', { hasText: `why is ${HOT_FUNCTION} slow?` }) }).last();
    const heading = entry.locator('.answer h3').first();
    await heading.waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await heading.innerText(), `Why ${HOT_FUNCTION} is slow`);
    const took = entry.locator('.answer p', { hasText: ` took ${percent(measured.totalPercent)} of CPU time in ${path.basename(PROFILE)}` });
    await took.first().waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await answers.locator('#tab-ask').getAttribute('aria-selected'), 'true');
    await workbench.screenshots.step(page, 'code-lens-console.png');
  });

  it('lists the hot function in the Hotspots view with its shares', async () => {
    const page = workbench.page();
    await runCommand(page, 'Hotpath: Focus on Hotspots View');
    const figures = `${percent(measured.selfPercent)} self · ${percent(measured.totalPercent)} total`;
    const row = page.locator('.part.sidebar .monaco-list-row', { hasText: HOT_FUNCTION }).filter({ hasText: figures }).first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    await workbench.screenshots.readme(page, 'hotspots-view.png', page.locator('.part.sidebar'));
  });

  it('reads the N+1 query of the hot function as a warning with the measured share in the Problems panel', async () => {
    const page = workbench.page();
    const panel = await openProblems(page);
    await filterProblems(page, `**/${REPORT}`);
    const share = `— this function took ${percent(measured.totalPercent)} of CPU time in ${path.basename(PROFILE)}`;
    const row = panel.locator('.monaco-list-row', { hasText: 'n-plus-one-query' }).filter({ hasText: share }).first();
    await row.waitFor({ timeout: STEP_TIMEOUT_MS });
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith('Warning: '), `the row reads "${label}"`);
    await workbench.screenshots.step(page, 'profile-warning.png');
  });

  it('draws the flame graph in the console\'s Flame Graph tab, where search highlights the hot function with its share, the keyboard finds it, and Enter opens it', async () => {
    const page = workbench.page();
    await runCommand(page, 'Hotpath: Show Flame Graph');
    const graph = activeWebview(page);
    // The console's page, on its Flame Graph tab, with the Ask tab beside it.
    await graph.locator('#tab-flame[aria-selected="true"]').waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await graph.locator('#tab-ask').getAttribute('aria-selected'), 'false');
    assert.equal(await graph.locator('#panel-ask').isVisible(), false, 'the Ask tab\'s panel shows under the flame graph');
    await graph.locator('.flame-notice', { hasText: 'report.cpuprofile · cpu · ' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    const canvas = graph.locator('#panel-flame canvas.flame-canvas');
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 100 && box.height >= 18, `the flame graph's canvas is ${JSON.stringify(box)}`);
    const unsearched = await canvas.screenshot();
    await graph.locator('.flame-search').fill(HOT_FUNCTION);
    const share = `· ${percent(measured.totalPercent)} of `;
    await graph.locator('.flame-search-status', { hasText: share }).waitFor({ timeout: STEP_TIMEOUT_MS });
    // The matches are drawn highlighted and the other frames dimmed: the picture changes.
    assert.ok(!unsearched.equals(await canvas.screenshot()), 'the canvas looks the same after the search');
    await workbench.screenshots.readme(page, 'flame-graph.png', page.locator('.part.editor'));
    // From the root, Down follows the widest child; the screen-reader line names the selected frame.
    await canvas.focus();
    const live = graph.locator('.flame-live');
    let said = '';
    for (let presses = 0; presses < 16 && !said.startsWith(`${HOT_FUNCTION}.`); presses++) {
      await page.keyboard.press('ArrowDown');
      said = await live.innerText();
    }
    assert.ok(said.startsWith(`${HOT_FUNCTION}. Total: `), `the frames below the root never reached ${HOT_FUNCTION}; the last said "${said}"`);
    assert.ok(said.includes(`(${percent(measured.totalPercent)}). Self: `), said);
    assert.ok(said.includes('report.js:'), said);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: 'report.js' }).waitFor({ timeout: STEP_TIMEOUT_MS });
  });
}
