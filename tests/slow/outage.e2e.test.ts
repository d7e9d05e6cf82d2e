/// <reference lib="dom" />
/**
 * The pages when something is down, in real Chromium against real servers that are really stopped:
 * - the database: a stack with its own local Neo4j, which the test stops while the API keeps running
 *   (the API then answers SERVICE_UNAVAILABLE);
 * - the API itself: the test stops the whole stack after the pages loaded.
 * Every page must show a readable error banner. Screenshots go to test-artifacts/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { externalNeo4j } from '../../src/config';
import { freePort } from '../../src/db/local';
import { startStack as startOwnStack, type Stack } from '../../src/stack';
import { startStack } from '../support/stack';
import { ensureWebBuilt, launchChromium, openTracked, screenshot, type TrackedPage } from '../e2e/browser';

jest.setTimeout(180_000);

let browser: Browser | undefined;
const opened: TrackedPage[] = [];

beforeAll(async () => {
  ensureWebBuilt();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const tracked of opened) await tracked.context.close().catch(() => undefined);
  await browser?.close();
});

async function open(base: string, pathAndQuery: string): Promise<TrackedPage> {
  if (!browser) throw new Error('browser not started');
  const tracked = await openTracked(browser, base, pathAndQuery);
  opened.push(tracked);
  return tracked;
}

/** Console errors other than the browser's own report of a failed request. */
function pageErrors(tracked: TrackedPage): string[] {
  return tracked.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e));
}

// A stack of its own is needed to stop its database; with NEO4J_URI the database is not ours to stop.
const ownNeo4j = externalNeo4j() === undefined;

(ownNeo4j ? describe : describe.skip)('when the database is down', () => {
  let stack: Stack | undefined;
  let storeDir: string | undefined;

  beforeAll(async () => {
    storeDir = mkdtempSync(path.join(os.tmpdir(), 'kg-e2e-outage-'));
    stack = await startOwnStack({ port: 0, storeDir, boltPort: await freePort() });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    if (storeDir) rmSync(storeDir, { recursive: true, force: true });
  });

  test('the dashboard, the explorer and the playground say the graph database is unavailable', async () => {
    const base = stack!.url;
    const dashboard = await open(base, '/');
    await dashboard.page.waitForSelector('#partnerships-body[aria-busy="false"]');
    const explorer = await open(base, '/explore');
    const playground = await open(base, '/playground');
    await playground.page.waitForSelector('.graphiql-execute-button');

    await stack!.local!.stop();

    await dashboard.page.locator('#f-kind').selectOption('SUPPLY');
    const dashboardBanner = dashboard.page.locator('#error-banner');
    await dashboardBanner.waitFor({ state: 'visible' });
    expect(await dashboardBanner.getAttribute('data-code')).toBe('SERVICE_UNAVAILABLE');
    expect(await dashboardBanner.innerText()).toMatch(/graph database is unavailable/);
    expect(await dashboard.page.locator('#partnerships-body').innerText()).toMatch(/could not be loaded/);
    await screenshot(dashboard.page, 'dashboard-db-down');

    await explorer.page.locator('#search-text').fill('Verkor');
    await explorer.page.locator('#search-text').press('Enter');
    const explorerBanner = explorer.page.locator('#error-banner');
    await explorerBanner.waitFor({ state: 'visible' });
    expect(await explorerBanner.getAttribute('data-code')).toBe('SERVICE_UNAVAILABLE');
    await screenshot(explorer.page, 'explore-db-down');

    await playground.page.locator('.graphiql-execute-button').click();
    const playgroundBanner = playground.page.locator('#error-banner');
    await playgroundBanner.waitFor({ state: 'visible' });
    expect(await playgroundBanner.getAttribute('data-code')).toBe('SERVICE_UNAVAILABLE');
    await playground.page.waitForFunction(() => {
      const editor = document.querySelector('.result-window .CodeMirror') as
        (Element & { CodeMirror?: { getValue(): string } }) | null;
      return (editor?.CodeMirror?.getValue() ?? '').includes('SERVICE_UNAVAILABLE');
    });
    await screenshot(playground.page, 'playground-db-down');

    for (const tracked of [dashboard, explorer, playground]) expect(pageErrors(tracked)).toEqual([]);
  });
});

describe('when the API is down', () => {
  test('the explorer and the dashboard show a readable error banner', async () => {
    const stack = await startStack();
    let stopped = false;
    try {
      const explorer = await open(stack.url, '/explore');
      const dashboard = await open(stack.url, '/');
      await dashboard.page.waitForSelector('#partnerships-body[aria-busy="false"]');
      await stack.stop();
      stopped = true;

      await explorer.page.locator('#search-text').fill('Verkor');
      await explorer.page.locator('#search-text').press('Enter');
      const banner = explorer.page.locator('#error-banner');
      await banner.waitFor({ state: 'visible' });
      expect(await banner.getAttribute('role')).toBe('alert');
      expect(await banner.getAttribute('data-code')).toBe('NETWORK');
      expect(await banner.innerText()).toMatch(/API server cannot be reached/);
      await screenshot(explorer.page, 'explore-api-down');

      await dashboard.page.locator('#f-kind').selectOption('SUPPLY');
      await dashboard.page.locator('#error-banner').waitFor({ state: 'visible' });
      expect(await dashboard.page.locator('#error-banner').innerText()).toMatch(/API server cannot be reached.*Retry/s);
      expect(await dashboard.page.locator('#partnerships-body').innerText()).toMatch(/could not be loaded/);
      await screenshot(dashboard.page, 'dashboard-api-down');

      // The only console errors are the browser's own reports of the refused connections.
      for (const tracked of [explorer, dashboard]) expect(pageErrors(tracked)).toEqual([]);
    } finally {
      if (!stopped) await stack.stop();
    }
  });
});
