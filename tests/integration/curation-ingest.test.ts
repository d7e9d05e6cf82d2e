/**
 * Ingestion through the API, as an editor would use it from a tool: the report, the review queue in
 * Neo4j, the facts accepted with `auto`, and who did it; the server's data folder (a copy of data/) is
 * never written to, since every API process must see the same queue.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKey } from '../../src/auth/keys';
import { DEFAULT_DATA_DIR } from '../../src/load';
import { startStack, type Stack } from '../../src/stack';
import { clearGraph, testDatabase, testNeo4j } from '../support/neo4j';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'ingest', 'fictional-2023-05-10-supply-contract.txt');
const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    source { id publisher published { value } }
    created
    proposals { section recordId confidence known status quotes { text } }
  }
}`;

let stack: Stack;
let dir: string;
let dataDir: string;
let editorKey: string;
/** Every file under the data folder, so a test can show the server wrote none. */
const files = () => readdirSync(dataDir, { recursive: true }).map(String).sort();
let before: string[];

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-ingest-api-'));
  dataDir = path.join(dir, 'data');
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  const db = testDatabase();
  try {
    await clearGraph(db);
    editorKey = (await createKey(db, 'desk-editor', 'editor')).key;
  } finally {
    await db.close();
  }
  stack = await startStack({
    port: 0,
    neo4j: testNeo4j(),
    dataDir,
    auth: { publicReads: true, jwt: undefined },
  });
  before = files();
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('refuses an ingestion without an editor credential', async () => {
  const reply = await post(INGEST, { input: { text: readFileSync(FIXTURE, 'utf8') } });
  expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const queue = await post(`{ reviewQueue { pending } }`, {});
  expect(queue.data.reviewQueue).toEqual([]);
});

it('names the argument of a bad date', async () => {
  const reply = await post(
    INGEST,
    { input: { text: readFileSync(FIXTURE, 'utf8'), published: '2023-02-31' } },
    { 'x-api-key': editorKey },
  );
  expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.published' });
});

it('stores the article, accepts the confident proposals and leaves the rest for review', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const reply = await post(
    INGEST,
    { input: { text, published: '2023-05-10', publisher: 'Fiction Daily', auto: true, minConfidence: 0.5 } },
    { 'x-api-key': editorKey },
  );
  expect(reply.errors).toBeUndefined();
  const report = reply.data.ingestArticle;
  type Proposal = { section: string; recordId: string; status: string };
  const accepted = (p: Proposal) => p.status === 'ACCEPTED';
  expect(report.created).toBe(true);
  expect(report.source).toMatchObject({ publisher: 'Fiction Daily', published: { value: '2023-05-10' } });
  expect(report.proposals.length).toBeGreaterThan(0);
  for (const p of report.proposals) {
    expect(['ACCEPTED', 'PENDING']).toContain(p.status);
    if (accepted(p)) expect(p.confidence).toBeGreaterThanOrEqual(0.5);
    // Every proposal rests on sentences that are in the article verbatim.
    for (const quote of p.quotes) expect(text).toContain(quote.text);
  }
  expect(report.proposals.map((p: { section: string }) => p.section)).toEqual(
    expect.arrayContaining(['COMPANY', 'SITE', 'PARTNERSHIP']),
  );
  // What was not accepted waits in the queue, which the API reads from Neo4j, not from files.
  const pending = await post(`query ($id: ID!) { proposals(sourceId: $id) { recordId } }`, { id: report.source.id });
  expect(pending.data.proposals.length).toBe(report.proposals.filter((p: Proposal) => !accepted(p)).length);
  expect(files()).toEqual(before);

  // An accepted site is queryable with its quote from the new source.
  const site = report.proposals.find((p: Proposal) => p.section === 'SITE' && accepted(p));
  const read = await post(`query ($id: ID!) { site(id: $id) { evidence { source { id } } } }`, { id: site.recordId });
  expect(read.data.site.evidence.map((e: { source: { id: string } }) => e.source.id)).toContain(report.source.id);

  // An accepted deal comes with its parties: never an agreement without the companies that made it.
  const deals = report.proposals.filter((p: Proposal) => p.section === 'PARTNERSHIP' && accepted(p));
  expect(deals.length).toBeGreaterThan(0);
  for (const deal of deals) {
    const parties = await post(`query ($id: ID!) { partnership(id: $id) { parties { company { id } } } }`, {
      id: deal.recordId,
    });
    expect(parties.data.partnership.parties.length).toBeGreaterThanOrEqual(2);
  }

  // The source records who ingested it.
  const history = await post(`query ($id: ID!) { history(id: $id) { operation changedBy } }`, { id: report.source.id });
  expect(history.data.history).toEqual([{ operation: 'ingestArticle', changedBy: 'desk-editor' }]);
});
