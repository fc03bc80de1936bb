/**
 * Screenshots of the workbench, as a person would see it at each step. Every step's picture is
 * kept with the run (.test-work/e2e/last-run/screenshots/) for a look after a failure; the ones
 * the README shows are also written to docs/images/ when HOTPATH_UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`), where each must stay small.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { repoRoot } from '../helpers/paths';

const README_IMAGES = path.join(repoRoot, 'docs', 'images');
/** A README image larger than this makes the repository heavy; crop it to the part that matters. */
const MAX_README_IMAGE_BYTES = 250 * 1024;

export interface Screenshots {
  /** Saves what the page shows, or only the part `of` covers, as the PNG `name` of this run. */
  step(page: Page, name: string, of?: Locator): Promise<void>;
  /** Like `step`, and into docs/images/ when the README's images are being retaken. */
  readme(page: Page, name: string, of?: Locator): Promise<void>;
}

export function screenshotsIn(runDir: string): Screenshots {
  const stepDir = path.join(runDir, 'screenshots');
  const step = async (page: Page, name: string, of?: Locator): Promise<void> => {
    fs.mkdirSync(stepDir, { recursive: true });
    await (of ?? page).screenshot({ path: path.join(stepDir, name) });
  };
  return {
    step,
    async readme(page, name, of) {
      await step(page, name, of);
      if (process.env.HOTPATH_UPDATE_SCREENSHOTS !== '1') return;
      const target = path.join(README_IMAGES, name);
      fs.copyFileSync(path.join(stepDir, name), target);
      const size = fs.statSync(target).size;
      assert.ok(size <= MAX_README_IMAGE_BYTES, `${path.relative(repoRoot, target)} is ${Math.round(size / 1024)} KB, more than ${MAX_README_IMAGE_BYTES / 1024} KB`);
    },
  };
}
