/**
 * The whole product for end-to-end tests: the run's Neo4j with data/ loaded fresh, and the API with
 * the web pages on a free port. Real HTTP server, real database.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/neo4j';
import { DEFAULT_DATA_DIR } from '../../src/load';
import { AppOptions, createApp } from '../../src/server/app';
import { Stack, startStack as start } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from './neo4j';

/** The seed article's world alone: its three fact files (no landscape), with every source. */
const SEED_FACTS = ['renault-2021.yaml', 'announcements-2021.yaml', 'lifecycle-2021-2025.yaml'];

/**
 * A data folder holding only the seed world, for tests of the API's mechanics whose expected answers
 * are counted by hand on the seed article (the landscape's own tests use data/ or their fixture).
 */
export function seedDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-seed-'));
  cpSync(path.join(DEFAULT_DATA_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
  mkdirSync(path.join(dir, 'facts'));
  for (const file of SEED_FACTS) cpSync(path.join(DEFAULT_DATA_DIR, 'facts', file), path.join(dir, 'facts', file));
  return dir;
}

/** The product on a cleared graph: data/ loaded (or the seed world alone, with `world: 'seed'`). */
export async function startStack(world: 'all' | 'seed' = 'all'): Promise<Stack> {
  const db = testDatabase();
  try {
    await clearGraph(db);
  } finally {
    await db.close();
  }
  return start({ port: 0, neo4j: testNeo4j(), ...(world === 'seed' ? { dataDir: seedDataDir() } : {}) });
}

/** Posts a GraphQL operation and returns the parsed body and status. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
): Promise<{
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string; argument?: string } }[] };
}> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** The API alone, with settings of its own, over a database the caller owns: for comparing configurations. */
export async function serveApp(
  db: Database,
  options: AppOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const { app, apollo } = await createApp(db, options);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
