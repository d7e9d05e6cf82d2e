/**
 * A curator's correction, made through the API with an editor key, shows up in the explorer's side
 * panel in real Chromium: what changed, from what to what, who changed it and why.
 */
import type { Browser } from 'playwright-core';
import { createKey } from '../../src/auth/keys';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from '../support/neo4j';
import { ensureWebBuilt, launchChromium, openTracked, screenshot, type TrackedPage } from './browser';

jest.setTimeout(180_000);

let browser: Browser | undefined;
let stack: Stack | undefined;
let tracked: TrackedPage | undefined;
let editorKey: string;

beforeAll(async () => {
  ensureWebBuilt();
  const db = testDatabase();
  try {
    await clearGraph(db);
    editorKey = (await createKey(db, 'curator-ann', 'editor')).key;
  } finally {
    await db.close();
  }
  stack = await startStack({ port: 0, neo4j: testNeo4j(), auth: { publicReads: true, jwt: undefined } });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await tracked?.context.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

it('shows a correction with its author and reason in the explorer', async () => {
  const response = await fetch(`${stack!.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': editorKey },
    body: JSON.stringify({
      query: 'mutation ($input: CompanyInput!) { upsertCompany(input: $input) { aliases } }',
      variables: { input: { id: 'verkor', aliases: ['Verkor SAS'], reason: 'legal name from the register' } },
    }),
  });
  expect(((await response.json()) as { data: unknown }).data).toEqual({ upsertCompany: { aliases: ['Verkor SAS'] } });

  tracked = await openTracked(browser!, stack!.url, '/explore?id=verkor');
  const history = tracked.page.locator('#details .history-list > li');
  await history.first().waitFor({ timeout: 30_000 });
  expect(await history.count()).toBe(1);
  const text = await history.first().innerText();
  expect(text).toContain('curator-ann');
  expect(text).toContain('upsertCompany');
  expect(text).toContain('aliases: [] → [Verkor SAS]');
  expect(text).toContain('Why: legal name from the register');
  await screenshot(tracked.page, 'explore-history');
  expect(tracked.errors).toEqual([]);
});
