/**
 * The extension's side of the console's Flame Graph tab (client/src/console/flame-graph-tab.ts),
 * with a server stand-in that answers `hotpath/flameGraph`: the graph goes to the page once the
 * page has shown the tab, follows the shown profile while the tab is wanted, opens only frames
 * with a workspace file, and a failed request is said on the tab.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { FlameGraphTab, NO_PROFILE_SHOWN, type FlameGraphProfiles } from '../../../client/src/console/flame-graph-tab';
import type { ToFlameGraph } from '../../../client/webview/flame-graph/messages';
import type { FlameGraphData } from '../../../server/src/protocol';

function graph(profile: string): FlameGraphData {
  return {
    profile,
    sampleType: 'cpu',
    unit: 'samples',
    totalLabel: '3 samples',
    functions: [
      { name: '(root)', origin: 'unknown' },
      { name: 'loadCustomers', origin: 'ours', uri: 'file:///w/javascript/report.js', line: 3 },
      { name: 'query', origin: 'library', module: 'db' },
    ],
    nodes: { parent: [-1, 0, 1], func: [0, 1, 2], self: [0, 1, 2], total: [3, 3, 2] },
  };
}

/** A tab over a server that answers with `answers` in turn, and what the tab did. */
function setUp(answers: Array<FlameGraphData | { problem: string } | null | Error>) {
  const posted: ToFlameGraph[] = [];
  const opened: Array<[string, number]> = [];
  const warnings: string[] = [];
  const listeners: Array<() => void> = [];
  let requests = 0;
  const profiles = {
    onDidChange: ((listener: () => void) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    }) as unknown as vscode.Event<unknown>,
    client: {
      sendRequest: async () => {
        const answer = answers[Math.min(requests++, answers.length - 1)];
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
  } as unknown as FlameGraphProfiles;
  const tab = new FlameGraphTab(profiles, {
    post: (message) => posted.push(message),
    openLine: async (uri, line) => void opened.push([uri, line]),
    log: { warn: (message: string) => void warnings.push(message) },
  });
  return { tab, posted, opened, warnings, requests: () => requests, profilesChanged: () => listeners.forEach((l) => l()) };
}

/** Lets the promises started by a change run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the console's Flame Graph tab", () => {
  it('keeps the graph a command asked for until the page shows the tab, then sends it without asking again', async () => {
    const t = setUp([graph('report.cpuprofile')]);
    const data = await t.tab.refresh();
    assert.equal(data?.profile, 'report.cpuprofile');
    assert.deepEqual(t.posted, [], 'sent to a page that has not shown the tab');
    await t.tab.receive({ type: 'ready' });
    assert.deepEqual(t.posted, [{ type: 'show', data }]);
    assert.equal(t.requests(), 1);
  });

  it('sends the graph once, from one request, to a page that shows the tab while the command\'s request is on its way', async () => {
    const t = setUp([graph('report.cpuprofile')]);
    const asked = t.tab.refresh();
    await t.tab.receive({ type: 'ready' });
    await asked;
    assert.equal(t.requests(), 1);
    assert.deepEqual(t.posted.map((m) => m.type), ['show']);
  });

  it('sends the new graph when the shown profile changes, once the page wants it', async () => {
    const t = setUp([graph('a.cpuprofile'), graph('b.cpuprofile')]);
    await t.tab.receive({ type: 'ready' });
    t.profilesChanged();
    await settle();
    assert.deepEqual(
      t.posted.map((m) => (m.type === 'show' ? m.data.profile : m.reason)),
      ['a.cpuprofile', 'b.cpuprofile'],
    );
  });

  it('asks again after a profile change the page did not see, and says when no profile is shown', async () => {
    const t = setUp([graph('a.cpuprofile'), null]);
    await t.tab.refresh();
    t.profilesChanged();
    t.tab.pageLoaded();
    await t.tab.receive({ type: 'ready' });
    assert.deepEqual(t.posted, [{ type: 'empty', reason: NO_PROFILE_SHOWN }]);
  });

  it("says the server's problem, or why the request failed, on the tab", async () => {
    const t = setUp([{ problem: 'shop.prof has no call stacks (cProfile records callers only), so it has no flame graph.' }, new Error('the server stopped')]);
    await t.tab.receive({ type: 'ready' });
    t.profilesChanged();
    await settle();
    assert.deepEqual(t.posted, [
      { type: 'empty', reason: 'shop.prof has no call stacks (cProfile records callers only), so it has no flame graph.' },
      { type: 'empty', reason: 'Hotpath could not draw the flame graph: the server stopped' },
    ]);
  });

  it('opens the source of a frame of the workspace at its line, and nothing for library code', async () => {
    const t = setUp([graph('report.cpuprofile')]);
    await t.tab.receive({ type: 'ready' });
    await t.tab.receive({ type: 'openSource', func: 1 });
    await t.tab.receive({ type: 'openSource', func: 2 });
    await t.tab.receive({ type: 'openSource', func: 99 });
    assert.deepEqual(t.opened, [['file:///w/javascript/report.js', 3]]);
    assert.deepEqual(t.warnings, ['Flame graph: function #2 has no workspace file to open.', 'Flame graph: function #99 has no workspace file to open.']);
  });
});
