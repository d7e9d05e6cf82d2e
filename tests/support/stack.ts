/**
 * The whole product for end-to-end tests: the run's Neo4j with data/ loaded fresh, and the API with
 * the web pages on a free port. Real HTTP server, real database.
 */
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
