import { connect } from '../../src/db/neo4j';
import { freePort } from '../../src/db/local';
import { createApp } from '../../src/server/app';
import type { Stack } from '../../src/stack';
import { graphql, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack('seed');
});
afterAll(() => stack.stop());

describe('reads', () => {
  it('returns null for an unknown id, and for an id of another type', async () => {
    const { body } = await graphql(
      stack.url,
      '{ company(id: "no-such") { id } site(id: "verkor") { id } node(id: "douai") { __typename } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ company: null, site: null, node: { __typename: 'Site' } });
  });

  it('pages through partnerships with cursors and a total', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      type Page = {
        partnerships: {
          totalCount: number;
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
      const { body }: { body: { data?: Page } } = await graphql<Page>(
        stack.url,
        'query($after: String) { partnerships(first: 4, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const p: Page['partnerships'] = body.data!.partnerships;
      expect(p.totalCount).toBe(6);
      ids.push(...p.nodes.map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // Announced deals come first, newest first.
    expect(ids.slice(0, 2).sort()).toEqual(['renault-envision-aesc-douai-gigafactory', 'renault-verkor-batteries']);
  });

  it.each(['companies', 'partnerships', 'people', 'sites', 'projects', 'plants'])(
    'pages %s like every list: edges carry the nodes with their cursors, and a cursor continues the list',
    async (list) => {
      type Page = {
        totalCount: number;
        nodes: { id: string }[];
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
      const page = async (first: number, after: string | null): Promise<Page> => {
        const { body } = await graphql<Record<string, Page>>(
          stack.url,
          `query($first: Int, $after: String) { ${list}(first: $first, after: $after) {
             totalCount nodes { id } edges { cursor node { id } }
             pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { first, after },
        );
        expect(body.errors).toBeUndefined();
        return body.data![list]!;
      };
      const ids = (await page(100, null)).nodes.map((n) => n.id);

      const walked: string[] = [];
      let after: string | null = null;
      for (let index = 0; index <= ids.length; index += 1) {
        const p: Page = await page(2, after);
        expect(p.totalCount).toBe(ids.length);
        expect(p.edges.map((e) => e.node.id)).toEqual(p.nodes.map((n) => n.id));
        expect(p.pageInfo).toEqual({
          hasNextPage: walked.length + p.nodes.length < ids.length,
          hasPreviousPage: index > 0,
          startCursor: p.edges[0]?.cursor ?? null,
          endCursor: p.edges.at(-1)?.cursor ?? null,
        });
        walked.push(...p.nodes.map((n) => n.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(walked).toEqual(ids);
      // Any edge's cursor continues right after its node, not only the page's last one.
      const firstEdge = (await page(2, null)).edges[0];
      if (firstEdge) expect((await page(2, firstEdge.cursor)).nodes.map((n) => n.id)).toEqual(ids.slice(1, 3));
    },
  );

  it('filters partnerships by company, kind, status, site and year', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (
        await graphql<{ partnerships: { nodes: { id: string }[] } }>(
          stack.url,
          'query($f: PartnershipFilter) { partnerships(filter: $f) { nodes { id } } }',
          { f: filter },
        )
      ).body
        .data!.partnerships.nodes.map((n) => n.id)
        .sort();
    expect(await q({ companyId: 'acc' })).toEqual(['renault-acc-discussions']);
    expect(await q({ kind: 'SUPPLY' })).toEqual(['renault-lg-chem-battery-modules', 'renault-verkor-batteries']);
    expect(await q({ status: 'LAPSED' })).toEqual(['renault-acc-discussions']);
    expect(await q({ siteId: 'douai' })).toEqual(['renault-envision-aesc-douai-gigafactory']);
    expect(await q({ fromYear: 2027, toYear: 2027 })).toEqual(['renault-acc-discussions']);
  });

  it('answers a deep list query with a bounded number of database queries (DataLoader batching)', async () => {
    const query = `{ companies(first: 50) { nodes { name evidence { quote source { name } } partners { company { name } }
      partnerships { nodes { name parties { role company { name evidence { quote } } } sites { name } evidence { quote } } } } } }`;
    const before = stack.db.queryCount;
    const { body } = await graphql<{ companies: { nodes: unknown[] } }>(stack.url, query);
    expect(body.errors).toBeUndefined();
    expect(body.data!.companies.nodes).toHaveLength(8);
    // One query per level and relation, not one per company (8) or per partnership.
    expect(stack.db.queryCount - before).toBeLessThanOrEqual(10);
  });

  it('answers a company with its partnerships, parties, sites and evidence in one query, the same as field by field', async () => {
    const selection = `id name kinds evidence { id quote }
      partnerships(first: 25) { totalCount nodes { id name kind status parties { role company { id name } } sites { id name } evidence { id quote } } }`;
    const before = stack.db.queryCount;
    const fetched = await graphql<{ company: unknown }>(stack.url, `{ company(id: "renault-group") { ${selection} } }`);
    // One query for the company, what hangs on it, its page and what hangs on each partnership.
    expect(stack.db.queryCount - before).toBe(1);
    // Through node(id) nothing is prefetched: every relation comes from its own loader, and must agree.
    type Page = { totalCount: number; nodes: { id: string }[] };
    const company = fetched.body.data!.company as { evidence: unknown; partnerships: Page };
    expect(company.partnerships.totalCount).toBe(5);
    const ids = company.partnerships.nodes.map((p) => p.id);
    const fields = 'id name kind status parties { role company { id name } } sites { id name } evidence { id quote }';
    const plain = await graphql<Record<string, unknown>>(
      stack.url,
      `{ company: node(id: "renault-group") { ... on Company { evidence { id quote } } }
         ${ids.map((id, i) => `p${i}: node(id: ${JSON.stringify(id)}) { ... on Partnership { ${fields} } }`).join('\n')} }`,
    );
    expect(plain.body.errors).toBeUndefined();
    expect((plain.body.data!.company as { evidence: unknown }).evidence).toEqual(company.evidence);
    expect(ids.map((_, i) => plain.body.data![`p${i}`])).toEqual(company.partnerships.nodes);
  });

  it('finds any type by full-text search, names first, and by prefix', async () => {
    const { body } = await graphql<{ search: { score: number; node: { __typename: string; id: string } }[] }>(
      stack.url,
      '{ search(text: "verk", first: 5) { score node { __typename id } } }',
    );
    expect(body.data!.search[0]!.node).toEqual({ __typename: 'Company', id: 'verkor' });
    const alias = await graphql<{ search: { node: { id: string } }[] }>(
      stack.url,
      '{ search(text: "Renault Electricity") { node { id } } }',
    );
    expect(alias.body.data!.search[0]!.node.id).toBe('renault-electricity');
  });

  it('treats Lucene and Cypher syntax in search text as plain text', async () => {
    for (const text of ['"unbalanced', 'a:b AND (', "') RETURN 1 //", 'MATCH (n) DETACH DELETE n']) {
      const { body } = await graphql(stack.url, 'query($t: String!) { search(text: $t) { score } }', { t: text });
      expect(body.errors).toBeUndefined();
    }
    const { body } = await graphql<{ dashboard: { totals: { companies: number } } }>(
      stack.url,
      '{ dashboard { totals { companies } } }',
    );
    expect(body.data!.dashboard.totals.companies).toBe(8);
  });

  it('caps a neighbourhood by its limit and keeps the start node', async () => {
    const { body } = await graphql<{ neighborhood: { nodes: { id: string }[]; edges: unknown[] } }>(
      stack.url,
      '{ neighborhood(id: "renault-group", depth: 2, limit: 5) { nodes { id } edges { source target type } } }',
    );
    expect(body.data!.neighborhood.nodes).toHaveLength(5);
    expect(body.data!.neighborhood.nodes[0]!.id).toBe('renault-group');
  });

  it('returns null for a path that does not exist within maxLength', async () => {
    const { body } = await graphql(
      stack.url,
      '{ shortestPath(fromId: "verkor", toId: "nissan", maxLength: 1) { nodes { id } } }',
    );
    expect(body.data).toEqual({ shortestPath: null });
  });
});

describe('errors', () => {
  const codeOf = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const { status, body } = await graphql(stack.url, query, variables, operationName);
    const error = body.errors?.[0];
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:|MATCH |bolt:\/\//);
    return { status, code: error?.extensions?.code, argument: error?.extensions?.argument, message: error?.message };
  };

  it.each([
    ['{ partnerships(first: 1000) { totalCount } }', 'first'],
    ['{ partnerships(first: 1, after: "bogus") { totalCount } }', 'after'],
    ['{ neighborhood(id: "douai", depth: 9) { nodes { id } } }', 'depth'],
    ['{ neighborhood(id: "douai", limit: 0) { nodes { id } } }', 'limit'],
    ['{ shortestPath(fromId: "a", toId: "b", maxLength: 99) { nodes { id } } }', 'maxLength'],
    ['{ search(text: "   ") { score } }', 'text'],
    ['{ timeline(from: -5) { year } }', 'from'],
    ['{ partnerships(filter: { toYear: 123456 }) { totalCount } }', 'filter.toYear'],
  ])('%s gives BAD_USER_INPUT naming the argument', async (query, argument) => {
    const result = await codeOf(query);
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.argument).toBe(argument);
    expect(result.message).toContain(`"${argument}"`);
  });

  it('reports syntax and validation errors with their codes', async () => {
    expect(await codeOf('{ company(id: ')).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    expect(await codeOf('{ company(id: "x") { noSuchField } }')).toMatchObject({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    expect(
      await codeOf('query($k: PartnershipKind) { partnerships(filter: {kind: $k}) { totalCount } }', {
        k: 'HANDSHAKE',
      }),
    ).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
    });
    for (const [query, operationName] of [
      ['query A { sources { id } }', 'B'],
      ['query A { sources { id } } query B { sources { id } }', undefined],
    ] as const) {
      const { status, code, message } = await codeOf(query, undefined, operationName);
      expect([status, code]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
      expect(message).toMatch(operationName ? /Unknown operation named "B"/ : /operation name/);
    }
  });

  it('answers SERVICE_UNAVAILABLE quickly when the database is down, and keeps serving', async () => {
    const db = connect({
      uri: `bolt://127.0.0.1:${await freePort()}`,
      user: 'neo4j',
      password: '',
      database: undefined,
    });
    const { app, apollo } = await createApp(db);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      for (let i = 0; i < 2; i += 1) {
        const started = Date.now();
        const { body } = await graphql(url, '{ company(id: "verkor") { name } }');
        expect(body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(Date.now() - started).toBeLessThan(10000);
      }
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
    } finally {
      server.close();
      await apollo.stop();
      await db.close();
    }
  });
});

describe('HTTP', () => {
  it('reports health and readiness', async () => {
    expect(await (await fetch(`${stack.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${stack.url}/readyz`)).json()).toMatchObject({ status: 'ready', database: 'up' });
  });

  it('sends a browser that opens /graphql to the playground', async () => {
    const response = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });
});
