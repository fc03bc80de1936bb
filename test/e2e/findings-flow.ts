/**
 * The first flow a user comes for: squiggles on slow code. With a copy of examples/ open, the
 * Problems panel lists the findings of files nobody opened, and opening a Python file and a
 * TypeScript file shows the squiggle on the slow call, with the rule's explanation in the hover.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { it } from 'node:test';
import type { Page } from 'playwright-core';
import { ruleById } from '../../server/src/rules';
import { editorLine, filterProblems, hoverOver, openProblems, quickOpen, STEP_TIMEOUT_MS, togglePanelSize, waitForSquiggleOn } from './workbench';
import type { WorkbenchUnderTest } from './workbench-under-test';

/** A planted finding: the file, its rule, the text of the line the squiggle is on, and how the message names the call. */
interface PlantedFinding {
  file: string;
  ruleId: string;
  line: string;
  call: string;
}

const PYTHON: PlantedFinding = { file: 'python/shop/orders.py', ruleId: 'n-plus-one-query', line: 'session.query(Customer)', call: '`session.query()`' };
const TYPESCRIPT: PlantedFinding = { file: 'typescript/src/orders.ts', ruleId: 'n-plus-one-query', line: 'prisma.order.findUnique(', call: '`prisma.order.findUnique()`' };

/** Narrows the Problems panel to one file and waits for the finding's row, whose label names the call. */
async function problemsRowOf(page: Page, finding: PlantedFinding): Promise<string> {
  const panel = await openProblems(page);
  await filterProblems(page, `**/${finding.file}`);
  const [folder, name] = [path.posix.dirname(finding.file), path.posix.basename(finding.file)];
  await panel.locator(`.monaco-list-row[aria-label*="in file ${name} of folder ${folder}"]`).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The row shows the rule id as the diagnostic's code, next to the source.
  const row = panel.locator('.monaco-list-row', { hasText: finding.ruleId }).filter({ hasText: 'hotpath' }).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  return (await row.getAttribute('aria-label')) ?? '';
}

/** Opens the file, waits for the warning squiggle on the slow call and hovers over it, expecting the rule's title. */
async function squiggleAndHover(page: Page, finding: PlantedFinding): Promise<void> {
  const title = ruleById(finding.ruleId)?.meta.title;
  assert.ok(title, `no rule ${finding.ruleId}`);
  await filterProblems(page, '');
  await quickOpen(page, finding.file);
  const squiggle = await waitForSquiggleOn(page, editorLine(page, finding.line), 'warning');
  const hover = await hoverOver(page, squiggle, title);
  assert.match(await hover.innerText(), new RegExp(finding.ruleId));
}

export function findingsFlow(workbench: WorkbenchUnderTest): void {
  it('lists findings of files nobody opened in the Problems panel (the workspace scan)', async () => {
    const page = workbench.page();
    assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'a file was open, so its findings would not prove the workspace scan');
    const panel = await openProblems(page);
    await panel.locator('.monaco-list-row', { hasText: 'hotpath' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await togglePanelSize(page, 'Maximize Panel Size', 'Restore Panel Size');
    await workbench.screenshots.readme(page, 'problems-panel.png');
    await togglePanelSize(page, 'Restore Panel Size', 'Maximize Panel Size');
    for (const finding of [PYTHON, TYPESCRIPT]) {
      const label = await problemsRowOf(page, finding);
      assert.ok(label.startsWith('Warning: '), `the ${finding.file} row reads "${label}"`);
      assert.ok(label.includes(finding.call), `the ${finding.file} row reads "${label}"`);
    }
  });

  it('underlines the slow call in an opened Python file, and its hover gives the rule title', async () => {
    await squiggleAndHover(workbench.page(), PYTHON);
    await workbench.screenshots.readme(workbench.page(), 'hover.png', workbench.page().locator('.part.editor'));
  });

  it('underlines the slow call in an opened TypeScript file, and its hover gives the rule title', async () => {
    await squiggleAndHover(workbench.page(), TYPESCRIPT);
    await workbench.screenshots.step(workbench.page(), 'typescript-hover.png', workbench.page().locator('.part.editor'));
  });
}
