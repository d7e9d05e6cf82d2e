/**
 * The write side through real HTTP against the real Neo4j: auth (API keys and JWTs), corrections that
 * keep their history, quotes located by the server, and mutations that apply whole or not at all.
 */
import jwt from 'jsonwebtoken';
import type { AuthSettings } from '../../src/auth';
import { createKey } from '../../src/auth/keys';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, counts, testDatabase, testNeo4j } from '../support/neo4j';

const JWT = { key: 'a-test-secret-of-at-least-thirty-two-bytes!', issuer: 'https://id.example.test', audience: 'kg' };

let stack: Stack;
let editorKey: string;
let readerKey: string;

interface Reply {
  status: number;
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Reply, 'status'>) } as Reply;
}
const asEditor = (query: string, variables: Record<string, unknown> = {}) =>
  post(query, variables, { 'x-api-key': editorKey });

const HISTORY = `query ($id: ID!) { history(id: $id) { operation changedBy reason changes { field before after } } }`;
const UPSERT_COMPANY = `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id name aliases kinds } }`;
const UPDATE_PARTNERSHIP = `mutation ($input: UpdatePartnershipInput!) {
  updatePartnership(input: $input) { id kind status binding parties { company { id } role } }
}`;

function token(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign(claims, JWT.key, {
    algorithm: 'HS256',
    issuer: JWT.issuer,
    audience: JWT.audience,
    expiresIn: 300,
    subject: 'analyst@example.test',
    ...options,
  });
}

beforeAll(async () => {
  const auth: AuthSettings = {
    publicReads: true,
    jwt: { key: JWT.key, algorithms: ['HS256'], issuer: JWT.issuer, audience: JWT.audience },
  };
  const db = testDatabase();
  try {
    await clearGraph(db);
    editorKey = (await createKey(db, 'curator-ann', 'editor')).key;
    readerKey = (await createKey(db, 'dashboard-bot', 'reader')).key;
  } finally {
    await db.close();
  }
  stack = await startStack({ port: 0, neo4j: testNeo4j(), auth });
});

afterAll(async () => {
  await stack?.stop();
});

describe('who may write', () => {
  const input = { id: 'northvolt', name: 'Northvolt' };

  it('answers UNAUTHENTICATED (401) without a credential and writes nothing', async () => {
    const before = await counts(stack.db);
    const reply = await post(UPSERT_COMPANY, { input });
    expect(reply.status).toBe(401);
    expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await counts(stack.db)).toEqual(before);
  });

  it('answers FORBIDDEN (403) to a reader key', async () => {
    const reply = await post(UPSERT_COMPANY, { input }, { 'x-api-key': readerKey });
    expect(reply.status).toBe(403);
    expect(reply.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reply.errors?.[0]?.message).toContain('dashboard-bot');
  });

  it('rejects an unknown or tampered key, even for reads', async () => {
    const tampered = editorKey.slice(0, -1) + (editorKey.endsWith('A') ? 'B' : 'A');
    for (const key of [tampered, 'kg_000000000000_' + 'x'.repeat(43), 'not-a-key']) {
      const reply = await post('{ dashboard { totals { companies } } }', {}, { 'x-api-key': key });
      expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps reads open without a credential', async () => {
    const reply = await post('{ company(id: "verkor") { name } }');
    expect(reply.data?.company).toEqual({ name: 'Verkor' });
  });

  it('accepts a JWT with the pinned algorithm, issuer, audience, expiry and editor role', async () => {
    const reply = await post(
      UPSERT_COMPANY,
      { input: { id: 'jwt-made-company', name: 'JWT Made' } },
      {
        authorization: `Bearer ${token({ roles: ['editor'] })}`,
      },
    );
    expect(reply.errors).toBeUndefined();
    const history = await post(HISTORY, { id: 'jwt-made-company' });
    expect(history.data?.history[0].changedBy).toBe('analyst@example.test');
  });

  it.each([
    [
      'an expired token',
      () =>
        jwt.sign({ roles: ['editor'], exp: Math.floor(Date.now() / 1000) - 60 }, JWT.key, {
          algorithm: 'HS256',
          issuer: JWT.issuer,
          audience: JWT.audience,
        }),
    ],
    ['another audience', () => token({ roles: ['editor'] }, { audience: 'someone-else' })],
    ['another issuer', () => token({ roles: ['editor'] }, { issuer: 'https://evil.example.test' })],
    [
      'an algorithm that is not pinned',
      () =>
        jwt.sign({ roles: ['editor'] }, JWT.key, {
          algorithm: 'HS512',
          issuer: JWT.issuer,
          audience: JWT.audience,
          expiresIn: 60,
        }),
    ],
    [
      'an unsigned token',
      () =>
        jwt.sign(
          { roles: ['editor'], iss: JWT.issuer, aud: JWT.audience, exp: Math.floor(Date.now() / 1000) + 60 },
          '',
          { algorithm: 'none' },
        ),
    ],
    [
      'no expiry',
      () =>
        jwt.sign({ roles: ['editor'] }, JWT.key, { algorithm: 'HS256', issuer: JWT.issuer, audience: JWT.audience }),
    ],
  ])('rejects %s with UNAUTHENTICATED', async (_case, make) => {
    const reply = await post(UPSERT_COMPANY, { input }, { authorization: `Bearer ${make()}` });
    expect(reply.status).toBe(401);
    expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('gives a reader token FORBIDDEN', async () => {
    const reply = await post(UPSERT_COMPANY, { input }, { authorization: `Bearer ${token({ role: 'reader' })}` });
    expect(reply.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('corrections keep their history', () => {
  it('creates a company, corrects it, and reads back who changed what', async () => {
    const created = await asEditor(UPSERT_COMPANY, {
      input: { id: 'acme-cells', name: 'Acme Cells', kinds: ['BATTERY_MAKER'], reason: 'new cell maker' },
    });
    expect(created.data?.upsertCompany).toEqual({
      id: 'acme-cells',
      name: 'Acme Cells',
      aliases: [],
      kinds: ['BATTERY_MAKER'],
    });

    const corrected = await asEditor(UPSERT_COMPANY, {
      input: { id: 'acme-cells', name: 'Acme Cells SAS', aliases: ['Acme'], reason: 'full legal name' },
    });
    expect(corrected.data?.upsertCompany).toMatchObject({
      name: 'Acme Cells SAS',
      aliases: ['Acme'],
      kinds: ['BATTERY_MAKER'],
    });

    const history = (await post(HISTORY, { id: 'acme-cells' })).data?.history;
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      operation: 'upsertCompany',
      changedBy: 'curator-ann',
      reason: 'full legal name',
    });
    expect(history[1].changes).toEqual([
      { field: 'name', before: '"Acme Cells"', after: '"Acme Cells SAS"' },
      { field: 'aliases', before: '[]', after: '["Acme"]' },
    ]);
    // The alias is searchable at once: the full-text index reads the updated alias text.
    const hits = await post('{ search(text: "Acme") { node { id } } }');
    expect(hits.data?.search.map((h: { node: { id: string } }) => h.node.id)).toContain('acme-cells');
  });

  it('follows a deal from letter of intent to binding contract', async () => {
    // Lists keep their order per graph version: each read below follows the write before it.
    const verkorDeals = async (kind?: string) =>
      (
        await post(
          `query ($f: PartnershipFilter) { partnerships(filter: $f, first: 50) { totalCount nodes { id kind } } }`,
          {
            f: { companyId: 'verkor', ...(kind ? { kind } : {}) },
          },
        )
      ).data?.partnerships as { totalCount: number; nodes: { id: string; kind: string }[] };
    const before = await verkorDeals();
    const supplyBefore = await verkorDeals('SUPPLY');
    expect(before.nodes.map((n) => n.id)).not.toContain('acme-verkor-cells');
    const text = 'Fictional test article. Acme Cells and Verkor signed a letter of intent on cell supply.';
    await asEditor(`mutation ($input: SourceInput!) { addSource(input: $input) { id } }`, {
      input: { id: 'test-fiction-loi', title: 'Fictional letter of intent', text },
    });
    const created = await asEditor(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id kind status binding evidence { quote } } }`,
      {
        input: {
          id: 'acme-verkor-cells',
          name: 'Acme Cells – Verkor cell supply',
          kind: 'LETTER_OF_INTENT',
          status: 'SIGNED',
          binding: 'NON_BINDING',
          parties: [
            { companyId: 'acme-cells', role: 'BUYER' },
            { companyId: 'verkor', role: 'SUPPLIER' },
          ],
          evidence: [{ sourceId: 'test-fiction-loi', quote: 'signed a letter of intent on cell supply' }],
        },
      },
    );
    expect(created.data?.createPartnership).toEqual({
      id: 'acme-verkor-cells',
      kind: 'LETTER_OF_INTENT',
      status: 'SIGNED',
      binding: 'NON_BINDING',
      evidence: [{ quote: 'signed a letter of intent on cell supply' }],
    });
    const reply = await asEditor(UPDATE_PARTNERSHIP, {
      input: {
        id: 'acme-verkor-cells',
        kind: 'SUPPLY',
        status: 'ACTIVE',
        binding: 'BINDING',
        reason: 'binding contract',
      },
    });
    expect(reply.data?.updatePartnership).toMatchObject({ kind: 'SUPPLY', status: 'ACTIVE', binding: 'BINDING' });
    const after = await verkorDeals();
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.nodes).toContainEqual({ id: 'acme-verkor-cells', kind: 'SUPPLY' });
    const supplyAfter = await verkorDeals('SUPPLY');
    expect(supplyAfter.totalCount).toBe(supplyBefore.totalCount + 1);
    expect(supplyAfter.nodes.map((n) => n.id)).toContain('acme-verkor-cells');

    const history = (await post(HISTORY, { id: 'acme-verkor-cells' })).data?.history;
    expect(history.map((r: { operation: string }) => r.operation)).toEqual(['createPartnership', 'updatePartnership']);
    expect(history[1].changes).toEqual([
      { field: 'kind', before: '"LETTER_OF_INTENT"', after: '"SUPPLY"' },
      { field: 'status', before: '"SIGNED"', after: '"ACTIVE"' },
      { field: 'binding', before: '"NON_BINDING"', after: '"BINDING"' },
    ]);
    expect(history[1].reason).toBe('binding contract');
  });

  it('edits parties and keeps the removed ones with their roles and quotes in the revision', async () => {
    const reply = await asEditor(UPDATE_PARTNERSHIP, {
      input: {
        id: 'acme-verkor-cells',
        parties: [
          { companyId: 'renault-group', role: 'BUYER' },
          { companyId: 'verkor', role: 'SUPPLIER' },
        ],
      },
    });
    expect(reply.errors).toBeUndefined();
    const history = (await post(HISTORY, { id: 'acme-verkor-cells' })).data?.history;
    const parties = history.at(-1).changes.find((c: { field: string }) => c.field === 'parties');
    // Verkor stays with its quote; Acme Cells leaves with its quote; Renault Group comes without one.
    const quote = ['ev-test-fiction-loi-46-86'];
    expect(JSON.parse(parties.before)).toEqual([
      { id: 'acme-cells', role: 'buyer', evidenceIds: quote },
      { id: 'verkor', role: 'supplier', evidenceIds: quote },
    ]);
    expect(JSON.parse(parties.after)).toEqual([
      { id: 'renault-group', role: 'buyer', evidenceIds: [] },
      { id: 'verkor', role: 'supplier', evidenceIds: quote },
    ]);
  });
});

describe('a mutation applies whole or not at all', () => {
  it('rolls back a correction that names an unknown party', async () => {
    const before = await counts(stack.db);
    const status = (await post('{ partnership(id: "acme-verkor-cells") { status } }')).data?.partnership.status;
    const reply = await asEditor(UPDATE_PARTNERSHIP, {
      input: {
        id: 'acme-verkor-cells',
        status: 'CANCELLED',
        parties: [
          { companyId: 'verkor', role: 'SUPPLIER' },
          { companyId: 'no-such-company', role: 'BUYER' },
        ],
      },
    });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.parties' });
    expect(reply.errors?.[0]?.message).toContain('no-such-company');
    expect((await post('{ partnership(id: "envision-aesc-nissan") { status } }')).data?.partnership.status).toBe(
      status,
    );
    expect(await counts(stack.db)).toEqual(before);
  });

  it('refuses a new partnership whose quote is not in the source, and stores nothing', async () => {
    const before = await counts(stack.db);
    const reply = await asEditor(
      `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
      {
        input: {
          id: 'renault-acme-cells',
          name: 'Renault – Acme Cells',
          kind: 'SUPPLY',
          status: 'ANNOUNCED',
          parties: [
            { companyId: 'renault-group', role: 'BUYER' },
            { companyId: 'verkor', role: 'SUPPLIER' },
          ],
          evidence: [{ sourceId: 'renault-2021-battery-partnerships', quote: 'Renault buys everything from Acme.' }],
        },
      },
    );
    expect(reply.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.evidence[0].quote',
    });
    expect(await counts(stack.db)).toEqual(before);
    expect((await post('{ partnership(id: "renault-acme-cells") { id } }')).data?.partnership).toBeNull();
  });

  it('names the argument of invalid input before touching the database', async () => {
    const queries = stack.db.queryCount;
    const reply = await asEditor(UPSERT_COMPANY, { input: { id: 'Not A Slug', name: 'x' } });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
    expect(stack.db.queryCount).toBe(queries);
  });
});

describe('sources and quotes', () => {
  const text =
    'Acme Cells and Renault signed a supply contract on 3 March 2023. The plant in Douai will make 9 GWh a year.';

  it('adds a source, then locates an attached quote in it (offsets computed by the server)', async () => {
    const added = await asEditor(
      `mutation ($input: SourceInput!) { addSource(input: $input) { id publisher published { value precision } } }`,
      {
        input: {
          id: 'test-fiction-2023-03-03',
          title: 'Fictional test article',
          publisher: 'Test Wire',
          published: '2023-03-03',
          text,
        },
      },
    );
    expect(added.data?.addSource).toEqual({
      id: 'test-fiction-2023-03-03',
      publisher: 'Test Wire',
      published: { value: '2023-03-03', precision: 'DAY' },
    });
    const quote = 'The plant in Douai will make 9 GWh a year.';
    const attached = await asEditor(
      `mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id quote start end prefix source { id } } }`,
      { input: { entityId: 'acme-cells', quote: { sourceId: 'test-fiction-2023-03-03', quote }, reason: 'capacity' } },
    );
    const evidence = attached.data?.attachEvidence;
    expect(evidence.quote).toBe(quote);
    expect(text.slice(evidence.start, evidence.end)).toBe(quote);
    expect(evidence.prefix).toBe(text.slice(Math.max(0, evidence.start - 32), evidence.start));
    const company = await post('{ company(id: "acme-cells") { evidence { id } } }');
    expect(company.data?.company.evidence.map((e: { id: string }) => e.id)).toContain(evidence.id);
  });

  it('never changes a stored text: the same id with another text is refused', async () => {
    const reply = await asEditor(`mutation ($input: SourceInput!) { addSource(input: $input) { id } }`, {
      input: { id: 'test-fiction-2023-03-03', title: 'Fictional test article', text: text + ' Edited.' },
    });
    expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
  });

  it('stores Cypher-looking text verbatim and runs none of it', async () => {
    const before = await counts(stack.db);
    const name = `x"}) MATCH (n) DETACH DELETE n //' OR 1=1 \`; $param`;
    const reply = await asEditor(UPSERT_COMPANY, {
      input: { id: 'injection-probe', name, aliases: ['MATCH (n) RETURN n'] },
    });
    expect(reply.data?.upsertCompany).toMatchObject({ name, aliases: ['MATCH (n) RETURN n'] });
    const after = await counts(stack.db);
    expect(after.nodes).toBe(before.nodes + 2); // the company and its revision
  });
});
