/**
 * What the landscape browser tests share: the stack on a graph of their choosing (the fictional
 * fixture or data/), one Chromium, pages opened with their console errors and off-site requests
 * tracked, and the API asked over real HTTP.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from '../support/neo4j';
import { graphql } from '../support/stack';
import { ARTIFACTS, ensureWebBuilt, launchChromium, openTracked, type TrackedPage } from './browser';

/** Plants in Douai and Lyon, and one in Atlantis, which no gazetteer knows. */
export const FIXTURE = path.join(__dirname, '..', 'fixtures', 'landscape');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = any;

export class LandscapeSession {
  private stack: Stack | undefined;
  private browser: Browser | undefined;
  private readonly opened: TrackedPage[] = [];

  async start(): Promise<void> {
    ensureWebBuilt();
    this.browser = await launchChromium();
  }

  /** Serves a graph of its own: the fixture, or data/ when `dataDir` is left out. */
  async serve(dataDir?: string): Promise<void> {
    await this.stack?.stop();
    const db = testDatabase();
    try {
      await clearGraph(db);
    } finally {
      await db.close();
    }
    this.stack = await startStack({ port: 0, neo4j: testNeo4j(), dataDir });
  }

  async stop(): Promise<void> {
    for (const tracked of this.opened) await tracked.context.close().catch(() => undefined);
    await this.browser?.close();
    await this.stack?.stop();
  }

  get url(): string {
    if (!this.stack) throw new Error('no stack served');
    return this.stack.url;
  }

  async open(pathAndQuery: string): Promise<TrackedPage> {
    if (!this.browser) throw new Error('browser not started');
    const tracked = await openTracked(this.browser, this.url, pathAndQuery);
    this.opened.push(tracked);
    return tracked;
  }

  async api(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const { status, body } = await graphql(this.url, query, variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data;
  }
}

export function expectClean(tracked: TrackedPage): void {
  expect(tracked.errors).toEqual([]);
  expect(tracked.foreign).toEqual([]);
}

/** A screenshot of one part of a page, in test-artifacts/. */
export async function shoot(part: Locator, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await part.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
