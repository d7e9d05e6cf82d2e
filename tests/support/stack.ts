/**
 * The whole product for end-to-end tests: the run's Neo4j with data/ loaded fresh, and the API with
 * the web pages on a free port. Real HTTP server, real database.
 */
import type { Database } from '../../src/db/neo4j';
import { AppOptions, createApp } from '../../src/server/app';
import { Stack, startStack as start } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from './neo4j';

export async function startStack(): Promise<Stack> {
  const db = testDatabase();
  try {
    await clearGraph(db);
  } finally {
    await db.close();
  }
  return start({ port: 0, neo4j: testNeo4j() });
}

/** Posts a GraphQL operation and returns the parsed body and status. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string; argument?: string } }[] };
}> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
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
