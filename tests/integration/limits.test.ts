/**
 * Query limits over real HTTP: a document over a limit is answered 400 QUERY_LIMIT_EXCEEDED naming the
 * limit and its value, and no query reaches Neo4j (Database.queryCount does not move).
 */
import { analystOperations } from '../../web/src/operations';
import { DEFAULT_LIMITS, limitsFromEnv } from '../../src/server/limits';
import type { Stack } from '../../src/stack';
import { graphql, serveApp, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

/** Sends a document and checks it was refused for `limit` before any database work. */
async function refused(url: string, query: string, limit: string, max: number): Promise<string> {
  const before = stack.db.queryCount;
  const { status, body } = await graphql(url, query);
  expect(stack.db.queryCount).toBe(before);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  const error = body.errors?.[0] as { message: string; extensions: Record<string, unknown> };
  expect(error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit, max });
  expect(error.message).toContain(String(max));
  return error.message;
}

const nest = (levels: number) =>
  `{ company(id: "renault-group") { ${'partnerships { nodes { parties { company { '.repeat(levels)}name${' } } } }'.repeat(levels)} } }`;

describe('default limits', () => {
  it('answers every analyst operation', async () => {
    for (const operation of analystOperations) {
      const variables = operation.variables ? (JSON.parse(operation.variables) as Record<string, unknown>) : undefined;
      const { status, body } = await graphql(stack.url, operation.query, variables);
      expect({ operation: operation.name, status, errors: body.errors }).toEqual({
        operation: operation.name,
        status: 200,
        errors: undefined,
      });
    }
  });

  it('refuses a query nested deeper than the depth limit', async () => {
    const message = await refused(stack.url, nest(3), 'depth', DEFAULT_LIMITS.maxDepth);
    expect(message).toMatch(/depth is 14, above the server's limit of 12/);
  });

  it('refuses a page of pages (cost)', async () => {
    await refused(
      stack.url,
      '{ companies(first: 100) { nodes { partnershipPage: partnerships(first: 100) { nodes { name kind status } } } } }',
      'cost',
      DEFAULT_LIMITS.maxCost,
    );
  });

  it('refuses alias batteries', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: company(id: "verkor") { name }`).join(' ');
    await refused(stack.url, `{ ${aliases} }`, 'aliases', DEFAULT_LIMITS.maxAliases);
  });

  it('refuses directive batteries', async () => {
    await refused(
      stack.url,
      `{ company(id: "verkor") { name ${'@include(if: true) '.repeat(11)} } }`,
      'directives',
      DEFAULT_LIMITS.maxDirectives,
    );
  });

  it('stops parsing a document with too many tokens', async () => {
    const fields = Array.from({ length: 1200 }, () => '__typename').join(' ');
    const message = await refused(stack.url, `{ ${fields} }`, 'tokens', DEFAULT_LIMITS.maxTokens);
    expect(message).toMatch(/more than 1000 tokens/);
  });

  it('does not count introspection against depth (the playground loads the schema with it)', async () => {
    const { status } = await graphql(
      stack.url,
      '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }',
    );
    expect(status).toBe(200);
  });
});

describe('limits from the environment', () => {
  it('applies KG_MAX_DEPTH and KG_MAX_ALIASES', async () => {
    const api = await serveApp(stack.db, { limits: limitsFromEnv({ KG_MAX_DEPTH: '4', KG_MAX_ALIASES: '1' }) });
    try {
      expect((await graphql(api.url, '{ company(id: "verkor") { partners { company { name } } } }')).status).toBe(200);
      await refused(api.url, '{ company(id: "verkor") { partners { company { basedIn { name } } } } }', 'depth', 4);
      await refused(api.url, '{ a: company(id: "verkor") { name } b: company(id: "acc") { name } }', 'aliases', 1);
    } finally {
      await api.close();
    }
  });
});
