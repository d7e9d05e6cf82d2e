/**
 * Ingestion through the API, as an editor would use it from a tool: the report, the files written to
 * the server's data folder, the facts loaded with `auto`, and who did it. Runs on a copy of data/.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    proposals { section id confidence known loaded quotes }
    reviewFile
    loadedFile
  }
}`;

let stack: Stack;
let dir: string;
let dataDir: string;
let editorKey: string;

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
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('refuses an ingestion without an editor credential', async () => {
  const reply = await post(INGEST, { input: { text: readFileSync(FIXTURE, 'utf8') } });
  expect(reply.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(existsSync(path.join(dataDir, 'review'))).toBe(false);
});

it('names the argument of a bad date', async () => {
  const reply = await post(
    INGEST,
    { input: { text: readFileSync(FIXTURE, 'utf8'), published: '2023-02-31' } },
    { 'x-api-key': editorKey },
  );
  expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.published' });
});

it('stores the article, loads the confident proposals and leaves the rest for review', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const reply = await post(
    INGEST,
    { input: { text, published: '2023-05-10', publisher: 'Fiction Daily', auto: true, minConfidence: 0.5 } },
    { 'x-api-key': editorKey },
  );
  expect(reply.errors).toBeUndefined();
  const report = reply.data.ingestArticle;
  expect(report.source).toMatchObject({ publisher: 'Fiction Daily', published: { value: '2023-05-10' } });
  expect(report.proposals.length).toBeGreaterThan(0);
  for (const p of report.proposals) {
    if (p.loaded) expect(p.confidence).toBeGreaterThanOrEqual(0.5);
    // Every proposal rests on sentences that are in the article verbatim.
    for (const quote of p.quotes) expect(text).toContain(quote);
  }
  expect(report.proposals.map((p: { section: string }) => p.section)).toEqual(
    expect.arrayContaining(['COMPANY', 'SITE', 'PARTNERSHIP']),
  );
  expect(report.loadedFile).toMatch(/^facts\//);
  expect(existsSync(path.join(dataDir, report.loadedFile))).toBe(true);

  // A loaded site is queryable with its quote from the new source.
  const site = report.proposals.find((p: { section: string; loaded: boolean }) => p.section === 'SITE' && p.loaded);
  const read = await post(`query ($id: ID!) { site(id: $id) { evidence { source { id } } } }`, { id: site.id });
  expect(read.data.site.evidence.map((e: { source: { id: string } }) => e.source.id)).toContain(report.source.id);

  // A loaded deal comes with its parties: never an agreement without the companies that made it.
  for (const deal of report.proposals.filter(
    (p: { section: string; loaded: boolean }) => p.section === 'PARTNERSHIP' && p.loaded,
  )) {
    const parties = await post(`query ($id: ID!) { partnership(id: $id) { parties { company { id } } } }`, {
      id: deal.id,
    });
    expect(parties.data.partnership.parties.length).toBeGreaterThanOrEqual(2);
  }
  expect(
    report.proposals.some((p: { section: string; loaded: boolean }) => p.section === 'PARTNERSHIP' && p.loaded),
  ).toBe(true);

  // The source records who ingested it.
  const history = await post(`query ($id: ID!) { history(id: $id) { operation changedBy } }`, { id: report.source.id });
  expect(history.data.history).toEqual([{ operation: 'ingestArticle', changedBy: 'desk-editor' }]);
});
