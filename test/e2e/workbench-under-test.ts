/**
 * What the flows of the end-to-end test share: the workbench page once it is open, the copy of
 * examples/ it shows, and where screenshots go.
 */
import type { Page } from 'playwright-core';
import type { Screenshots } from './screenshots';

export interface WorkbenchUnderTest {
  /** The workbench page; throws when it was not opened, naming the test that failed first. */
  page(): Page;
  /** The copy of examples/ that the workbench has open. */
  workspace(): string;
  screenshots: Screenshots;
}
