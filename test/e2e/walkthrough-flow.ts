/**
 * The Getting Started walkthrough a new user finds under Help: Welcome: it opens from "Welcome:
 * Open Walkthrough…", and shows each step with the button that runs the step's command.
 */
import { it } from 'node:test';
import { runCommand, STEP_TIMEOUT_MS } from './workbench';
import type { WorkbenchUnderTest } from './workbench-under-test';

const TITLE = 'Get Started with Hotpath';
const STEPS: ReadonlyArray<{ title: string; button: string }> = [
  { title: 'Open the example workspace', button: 'Open the Example Workspace' },
  { title: 'See the predicted bottlenecks', button: 'Show the Problems Panel' },
  { title: "Import the example's profile", button: 'Import Profile…' },
  { title: 'Ask what to fix first', button: 'Open the Optimization Console' },
];

export function walkthroughFlow(workbench: WorkbenchUnderTest): void {
  it(`lists "${TITLE}" among the walkthroughs, with a button for each step`, async () => {
    const page = workbench.page();
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: TITLE }).first().click({ timeout: STEP_TIMEOUT_MS });
    const editor = page.locator('.gettingStartedContainer');
    await editor.locator('.category-title', { hasText: TITLE }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    for (const step of STEPS) {
      const row = editor.locator('.getting-started-step', { hasText: step.title }).first();
      await row.waitFor({ timeout: STEP_TIMEOUT_MS });
      // A step's button shows once the step is expanded.
      await row.locator('.step-title', { hasText: step.title }).click();
      await row.locator('.button-container a, .button-container button', { hasText: step.button }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    }
    await workbench.screenshots.step(page, 'walkthrough.png');
  });
}
