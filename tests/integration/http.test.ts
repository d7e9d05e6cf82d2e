/**
 * The HTTP edge over a real server: CSRF prevention, CORS, the body limit, malformed bodies,
 * introspection and production settings. Every refusal is JSON with a documented code and no internals.
 */
import { limitsFromEnv } from '../../src/server/limits';
import type { Stack } from '../../src/stack';
import { graphql, serveApp, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

async function send(url: string, init: RequestInit & { path?: string } = {}) {
  const response = await fetch(`${url}${init.path ?? '/graphql'}`, { method: 'POST', ...init });
  const text = await response.text();
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|bolt:\/\//);
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Body };
}

const QUERY = '{ company(id: "verkor") { name } }';

describe('CSRF prevention', () => {
  it('refuses a simple cross-site POST (text/plain, form) and a GET without a preflight header', async () => {
    const before = stack.db.queryCount;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const refused = await send(stack.url, {
        headers: { 'content-type': type },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(refused.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    }
    const get = await send(stack.url, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(400);
    expect(get.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(stack.db.queryCount).toBe(before);
  });

  it('answers the pages (JSON POST) and clients that send a preflight header', async () => {
    const post = await graphql(stack.url, QUERY);
    expect(post.body.data).toEqual({ company: { name: 'Verkor' } });
    const get = await send(stack.url, {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(QUERY)}`,
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(get.body.data).toEqual({ company: { name: 'Verkor' } });
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key',
      },
    });

  it('grants no other origin by default', async () => {
    const response = await preflight(stack.url, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('grants exactly the origins of KG_CORS_ORIGINS', async () => {
    const api = await serveApp(stack.db, { api: { corsOrigins: ['https://dash.example.org'], introspection: true } });
    try {
      const allowed = await preflight(api.url, 'https://dash.example.org');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
      const other = await preflight(api.url, 'https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await api.close();
    }
  });
});

describe('bodies', () => {
  it('refuses a body over 100 kB with PAYLOAD_TOO_LARGE (413)', async () => {
    const big = await send(stack.url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { pad: 'x'.repeat(150_000) } }),
    });
    expect(big.status).toBe(413);
    expect(big.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON and non-objects with BAD_REQUEST (400)', async () => {
    for (const body of ['{"query": ', '[]', '"just a string"', '{}', '{"query": 42}']) {
      const answer = await send(stack.url, { headers: { 'content-type': 'application/json' }, body });
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
  });
});

describe('production settings', () => {
  it('hides field suggestions in production and shows them in development', async () => {
    const typo = '{ company(id: "verkor") { nme } }';
    expect((await graphql(stack.url, typo)).body.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    const api = await serveApp(stack.db, { limits: limitsFromEnv({ NODE_ENV: 'production' }) });
    try {
      const { status, body } = await graphql(api.url, typo);
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).toBe('Cannot query field "nme" on type "Company".');
      const enumTypo = await graphql(api.url, '{ partnerships(filter: { kind: SUPLY }) { totalCount } }');
      expect(enumTypo.body.errors?.[0]?.message).not.toMatch(/Did you mean|SUPPLY/);
    } finally {
      await api.close();
    }
  });

  it('turns introspection off with KG_INTROSPECTION=false', async () => {
    const api = await serveApp(stack.db, { api: { corsOrigins: [], introspection: false } });
    try {
      const { status, body } = await graphql(api.url, '{ __schema { queryType { name } } }');
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await api.close();
    }
  });

  it('refuses an operation type the API lacks (subscription) as invalid, not as a server error', async () => {
    const { status, body } = await graphql(stack.url, 'subscription { sources { id } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/no subscription operations/);
  });

  it('answers a malformed address without Express internals', async () => {
    const response = await fetch(`${stack.url}/%E0%A4%A`);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules/);
  });
});
