/**
 * The three ways to lose data that issue #11 reproduced on the running product, tried as a curator
 * would (real HTTP, real Neo4j), plus the rules that close them: links are edited rather than replaced,
 * stored texts never change on any path, a request never reads its own stale cache, a reload records
 * what it changes and keeps a curator's correction, and a change that means nothing records nothing.
 */
import jwt from 'jsonwebtoken';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DATA_DIR, loadData } from '../../src/load';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, counts, testDatabase, testNeo4j } from '../support/neo4j';

const JWT = { key: 'nothing-lost-test-secret-of-32-bytes-or-more', issuer: 'https://id.example.test', audience: 'kg' };
const DEAL = 'renault-verkor-batteries';
const SOURCE = 'thenextweb-2021-06-28-renault-battery-partnerships';

let stack: Stack;
let dir: string;
let dataDir: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field
type Reply = { status: number; data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

async function post(query: string, variables: Record<string, unknown> = {}, editor = true): Promise<Reply> {
  const token = jwt.sign({ roles: ['editor'] }, JWT.key, {
    algorithm: 'HS256',
    issuer: JWT.issuer,
    audience: JWT.audience,
    expiresIn: 300,
    subject: 'curator-kim',
  });
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(editor ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Reply, 'status'>) };
}

async function ok(query: string, variables: Record<string, unknown> = {}): Promise<Reply['data']> {
  const reply = await post(query, variables);
  expect(reply.errors).toBeUndefined();
  return reply.data;
}

const HISTORY = `query ($id: ID!) { history(id: $id) { operation changedBy changes { field before after } } }`;
const PARTIES = `query ($id: ID!) { partnership(id: $id) { parties { company { id } role evidence { id } } } }`;

type Party = { company: { id: string }; role: string; evidence: { id: string }[] };
const partiesOf = async (id: string): Promise<Party[]> =>
  ((await ok(PARTIES, { id })).partnership.parties as Party[]).sort((a, b) => a.company.id.localeCompare(b.company.id));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-nothing-lost-'));
  dataDir = path.join(dir, 'data');
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  const db = testDatabase();
  try {
    await clearGraph(db);
  } finally {
    await db.close();
  }
  stack = await startStack({
    port: 0,
    neo4j: testNeo4j(),
    dataDir,
    auth: {
      publicReads: true,
      jwt: { key: JWT.key, algorithms: ['HS256'], issuer: JWT.issuer, audience: JWT.audience },
    },
  });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the issue's three ways to lose data", () => {
  it('1. an edit of the parties keeps each party link its evidence, and the revision names it', async () => {
    const before = await partiesOf(DEAL);
    expect(before.map((p) => p.role)).toEqual(['PARTNER', 'PARTNER']);
    for (const party of before) expect(party.evidence.length).toBeGreaterThan(0);

    await ok(`mutation ($input: UpdatePartnershipInput!) { updatePartnership(input: $input) { id } }`, {
      input: {
        id: DEAL,
        parties: [
          { companyId: 'renault-group', role: 'BUYER' },
          { companyId: 'verkor', role: 'SUPPLIER' },
        ],
        reason: 'Verkor supplies Renault',
      },
    });
    const after = await partiesOf(DEAL);
    expect(after.map((p) => [p.company.id, p.role])).toEqual([
      ['renault-group', 'BUYER'],
      ['verkor', 'SUPPLIER'],
    ]);
    // Same companies: the links are edited, so every quote that supported them still does.
    expect(after.map((p) => p.evidence.map((e) => e.id).sort())).toEqual(
      before.map((p) => p.evidence.map((e) => e.id).sort()),
    );
    const last = (await ok(HISTORY, { id: DEAL })).history.at(-1);
    const change = last.changes.find((c: { field: string }) => c.field === 'parties');
    const beforeLinks = JSON.parse(change.before) as { id: string; role: string; evidenceIds: string[] }[];
    expect(beforeLinks.map((l) => [l.id, l.role, l.evidenceIds.sort()])).toEqual(
      before.map((p) => [p.company.id, 'partner', p.evidence.map((e) => e.id).sort()]),
    );
  });

  it('2. a second article with the same title and date never replaces the first text', async () => {
    const ingest = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id text } } }`;
    const common = { title: 'Cell makers sign supply deals', published: '2024-03-01', publisher: 'Example Wire' };
    const first = 'Cell makers sign supply deals\n\nVerkor signed a supply agreement with Renault Group on Monday.';
    const second = 'Cell makers sign supply deals\n\nEnvision AESC announced a new plant in Douai on Friday.';
    const a = (await ok(ingest, { input: { ...common, text: first } })).ingestArticle.source;
    const reply = await post(ingest, { input: { ...common, text: second } });
    const again = await ok(`query ($id: ID!) { source(id: $id) { text } }`, { id: a.id });
    expect(again.source.text).toBe(first);
    // The second article is stored whole under an id of its own.
    expect(reply.errors).toBeUndefined();
    const b = reply.data.ingestArticle.source;
    expect(b.id).not.toBe(a.id);
    expect(b.text).toBe(second);
    // The same article again is the same source: nothing new, nothing changed.
    const same = (await ok(ingest, { input: { ...common, text: first } })).ingestArticle.source;
    expect(same).toEqual(a);
  });

  it('3. a request that writes twice reads what its second write stored', async () => {
    const reply = await ok(`mutation {
      a: updatePartnership(input: { id: "${DEAL}", siteIds: ["europe"] }) { sites { id } }
      b: updatePartnership(input: { id: "${DEAL}", siteIds: ["douai"] }) { sites { id } }
    }`);
    expect(reply.a.sites).toEqual([{ id: 'europe' }]);
    expect(reply.b.sites).toEqual([{ id: 'douai' }]);
    const fresh = await ok(`query ($id: ID!) { partnership(id: $id) { sites { id } } }`, { id: DEAL });
    expect(fresh.partnership.sites).toEqual([{ id: 'douai' }]);
  });
});

describe('a reload and a curator', () => {
  const COMPANY = 'verkor';
  const DEAL_WITH_STAGES = 'renault-envision-aesc-douai-gigafactory';
  const facts = () => path.join(dataDir, 'facts', 'renault-2021.yaml');
  const historyOf = async (id: string) => (await ok(HISTORY, { id })).history as Revision[];
  type Revision = { operation: string; changedBy: string; changes: { field: string; before: string; after: string }[] };

  it("keeps a curator's corrections when the files did not change, and records nothing", async () => {
    await ok(
      `mutation { upsertCompany(input: { id: "${COMPANY}", description: "Curated: a cell maker in Grenoble." }) { id } }`,
    );
    await ok(
      `mutation { updatePartnership(input: { id: "${DEAL_WITH_STAGES}", status: CANCELLED, siteIds: [] }) { id } }`,
    );
    const revisions = (await historyOf(COMPANY)).length + (await historyOf(DEAL_WITH_STAGES)).length;

    await loadData(stack.db, dataDir);

    const company = await ok(`{ company(id: "${COMPANY}") { description } }`);
    expect(company.company.description).toBe('Curated: a cell maker in Grenoble.');
    // The deal's stages say nothing new, so the curator's status stands; the removed sites stay removed.
    const deal = await ok(`{ partnership(id: "${DEAL_WITH_STAGES}") { status sites { id } } }`);
    expect(deal.partnership).toEqual({ status: 'CANCELLED', sites: [] });
    expect((await historyOf(COMPANY)).length + (await historyOf(DEAL_WITH_STAGES)).length).toBe(revisions);
  });

  it("lets a file's new value win, and keeps the correction it replaced in a revision by the file", async () => {
    const file = readFileSync(facts(), 'utf8');
    const edited = file.replace(
      'French, Grenoble-based start-up specialised in the development of electric car battery cells.',
      'French start-up making battery cells in Grenoble and Dunkirk.',
    );
    expect(edited).not.toBe(file);
    writeFileSync(facts(), edited);

    await loadData(stack.db, dataDir);

    const company = await ok(`{ company(id: "${COMPANY}") { description } }`);
    expect(company.company.description).toBe('French start-up making battery cells in Grenoble and Dunkirk.');
    const last = (await historyOf(COMPANY)).at(-1)!;
    expect(last).toMatchObject({ operation: 'load', changedBy: 'loader:facts/renault-2021.yaml' });
    expect(last.changes).toEqual([
      {
        field: 'description',
        before: JSON.stringify('Curated: a cell maker in Grenoble.'),
        after: JSON.stringify('French start-up making battery cells in Grenoble and Dunkirk.'),
      },
    ]);
  });

  it('refuses to load a changed text under a stored source id, and changes nothing', async () => {
    const sources = path.join(dataDir, 'sources');
    const [file] = readdirSync(sources).filter((f) => f.endsWith('.txt'));
    const original = readFileSync(path.join(sources, file!), 'utf8');
    const before = await counts(stack.db);
    writeFileSync(path.join(sources, file!), `${original}\nA paragraph added later.`);
    try {
      await expect(loadData(stack.db, dataDir)).rejects.toThrow(
        /is stored with another text, and a stored text never changes/,
      );
    } finally {
      writeFileSync(path.join(sources, file!), original);
    }
    expect(await counts(stack.db)).toEqual(before);
  });
});

describe('comparisons by meaning', () => {
  it('records no revision for a list given in another order, the same values again, or a quote already attached', async () => {
    await ok(`mutation { upsertCompany(input: { id: "verkor", aliases: ["Verkor SAS", "Verkor Grenoble"] }) { id } }`);
    await ok(`mutation { updatePartnership(input: { id: "${DEAL}", siteIds: ["douai", "france"] }) { id } }`);
    const count = async () =>
      (await ok(HISTORY, { id: 'verkor' })).history.length + (await ok(HISTORY, { id: DEAL })).history.length;
    const revisions = await count();

    const company = await ok(
      `mutation { upsertCompany(input: { id: "verkor", aliases: ["Verkor Grenoble", "Verkor SAS"] }) { aliases } }`,
    );
    expect(company.upsertCompany.aliases).toEqual(['Verkor SAS', 'Verkor Grenoble']);
    const { partnership } = await ok(`{ partnership(id: "${DEAL}") { binding } }`);
    await ok(
      `mutation { updatePartnership(input: { id: "${DEAL}", siteIds: ["france", "douai"], binding: ${partnership.binding} }) { id } }`,
    );
    const quote = { sourceId: SOURCE, quote: 'Renault Group bets big on European-made EV batteries' };
    await ok(`mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id } }`, {
      input: { entityId: DEAL, quote },
    });
    expect(await count()).toBe(revisions + 1);
    await ok(`mutation ($input: AttachEvidenceInput!) { attachEvidence(input: $input) { id } }`, {
      input: { entityId: DEAL, quote },
    });
    expect(await count()).toBe(revisions + 1);
  });
});
