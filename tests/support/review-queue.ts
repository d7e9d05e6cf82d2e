/**
 * The review tests' queue: the fictional letter of intent (tests/fixtures/ingest/) with hand-written
 * proposals (tests/fixtures/review/), stored as ingestion stores an article, so the decisions taken on
 * it do not change when the extractor does; and the API as an editor or a reader calls it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKey } from '../../src/auth/keys';
import type { Database } from '../../src/db/neo4j';
import { proposalId } from '../../src/ingest/review';
import { writeSources } from '../../src/load/write';
import { locateQuote } from '../../src/quotes';
import { startStack, type Stack } from '../../src/stack';
import { FactRecord, saveProposals, Section } from '../../src/store/proposals';
import { clearGraph, counts, testDatabase, testNeo4j } from './neo4j';

const fixture = (...parts: string[]) => readFileSync(path.join(__dirname, '..', 'fixtures', ...parts), 'utf8');
export const TEXT = fixture('ingest', 'fictional-2022-03-01-letter-of-intent.txt');
export const QUEUE = JSON.parse(fixture('review', 'letter-of-intent.queue.json')) as {
  proposals: { section: Section; confidence: number; record: FactRecord }[];
};

/**
 * Stores the letter of intent as source `id` with its hand-written proposals, as ingestion stores an
 * article and its own; `rename` gives the records other ids (for a second copy of the queue).
 */
export async function queueArticle(db: Database, id: string, rename = (record: FactRecord) => record): Promise<void> {
  const now = new Date().toISOString();
  await db.write('test', async (tx) => {
    await writeSources(tx, [
      {
        id,
        kind: 'news-article',
        title: 'Nordhaven Motors signs letter of intent with Zellfabrik',
        publisher: 'Fiction Daily',
        published: '2022-03-01',
        publishedPrecision: 'day',
        language: 'en',
        file: 'test',
        text: TEXT,
        factsEnd: TEXT.indexOf('Related articles'),
      },
    ]);
    await saveProposals(
      tx,
      QUEUE.proposals.map(({ section, confidence, record: original }) => {
        const record = rename(original);
        return {
          id: proposalId(id, section, record.id),
          sourceId: id,
          section,
          recordId: record.id,
          name: (record.name as string | undefined) ?? record.id,
          confidence,
          known: false,
          status: 'pending',
          quotes: (record.evidence as string[]).map((quote) => {
            const { start, end } = locateQuote(TEXT, quote)!;
            return { text: quote, start, end };
          }),
          record: { ...record, confidence },
          written: null,
          createdAt: now,
          createdBy: 'review-test',
          decidedAt: null,
          decidedBy: null,
        };
      }),
    );
  });
}

/** Graph and queue, whole: what bad input must leave as it was (proposals with their records, companies with their names). */
export async function queueSnapshot(db: Database) {
  const [row] = await db.read<{ proposals: string[]; companies: string[] }>(
    'test',
    `CALL () {
       MATCH (p:Proposal) WITH p ORDER BY p.id
       RETURN collect(p.id + ':' + p.status + ':' + p.record + ':' + coalesce(p.written, '')) AS proposals
     }
     CALL () {
       MATCH (c:Company) WITH c ORDER BY c.id
       RETURN collect(c.id + ':' + c.name + ':' + coalesce(c.aliasText, '')) AS companies
     }
     RETURN proposals, companies`,
  );
  return { ...(await counts(db)), ...row! };
}

export interface Reply {
  status: number;
  data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- replies are checked field by field
  errors?: { message: string; extensions?: { code?: string; argument?: string } }[];
}

export interface ReviewStack {
  stack: Stack;
  db: Database;
  editorKey: string;
  readerKey: string;
  /** Posts a GraphQL operation, with an API key when given. */
  post(query: string, variables: Record<string, unknown>, key?: string): Promise<Reply>;
  /** Runs an operation as the editor and returns its data, failing the test on any error. */
  ok(query: string, variables: Record<string, unknown>): Promise<Reply['data']>;
  stop(): Promise<void>;
}

/**
 * The product over a cleared graph with no data files (the article's records are all new, so every
 * decision shows in the graph), with an editor's key (`desk-editor`) and a reader's.
 */
export async function startReviewStack(): Promise<ReviewStack> {
  const db = testDatabase();
  await clearGraph(db);
  const editorKey = (await createKey(db, 'desk-editor', 'editor')).key;
  const readerKey = (await createKey(db, 'dashboard-bot', 'reader')).key;
  const empty = mkdtempSync(path.join(os.tmpdir(), 'kg-review-'));
  const stack = await startStack({
    port: 0,
    neo4j: testNeo4j(),
    dataDir: empty,
    auth: { publicReads: true, jwt: undefined },
  });
  const post = (query: string, variables: Record<string, unknown>, key?: string) =>
    postAs(stack.url, query, variables, key);
  return {
    stack,
    db,
    editorKey,
    readerKey,
    post,
    async ok(query, variables) {
      const reply = await post(query, variables, editorKey);
      expect(reply.errors).toBeUndefined();
      return reply.data;
    },
    async stop() {
      await stack.stop();
      await db.close();
      rmSync(empty, { recursive: true, force: true });
    },
  };
}

/** A record's links to other records (quotes left out), in a fixed order. */
export const linksOf = (db: Database, id: string) =>
  db.read<{ type: string; other: string }>(
    'test',
    `MATCH (n:Entity {id: $id})-[r]->(m:Entity) WHERE NOT type(r) IN ['SUPPORTED_BY', 'QUOTED_FROM']
     RETURN type(r) AS type, m.id AS other ORDER BY type, other`,
    { id },
  );

async function postAs(url: string, query: string, variables: Record<string, unknown>, key?: string): Promise<Reply> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, ...(JSON.parse(text) as Omit<Reply, 'status'>) };
}
