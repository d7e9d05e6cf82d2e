/**
 * Two API processes on one Neo4j, as behind a load balancer: each is `kg start` (a process of its own,
 * its own key cache and DataLoaders), and keys are made and revoked by `kg key` in a third process.
 * A key made by the command line works on both; a revoked key fails on both within a second of the
 * revocation being visible in Neo4j; an article ingested through one is visible, source and proposals,
 * through the other, and a decision taken on one is seen by the other.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/db/local';
import { KEY_CACHE_MS } from '../../src/auth/keys';
import { kg, KG, kgEnv, ROOT } from '../support/cli';
import { clearGraph, testDatabase } from '../support/neo4j';

jest.setTimeout(300_000);

const TEXT = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'ingest', 'fictional-2023-05-10-supply-contract.txt'),
  'utf8',
);
const REVOCATIONS = 3;

interface Api {
  url: string;
  child: ChildProcess;
}

let empty: string;
const apis: Api[] = [];

/** `kg start` on a port of its own, over an empty data folder; resolves once it serves. */
async function startApi(): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, [KG, 'start', '--data', empty], {
    cwd: ROOT,
    env: { ...kgEnv(), PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`kg start exited with code ${code}:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function post(api: Api, query: string, variables: Record<string, unknown> = {}, key?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

async function createKeyByCli(name: string): Promise<{ id: string; key: string }> {
  const run = await kg(['key', 'create', '--name', name, '--role', 'editor']);
  expect(run).toMatchObject({ code: 0 });
  const id = /\(id ([a-f0-9]{12})\)/.exec(run.lines[0]!.text)![1]!;
  return { id, key: run.lines.at(-1)!.text };
}

beforeAll(async () => {
  const db = testDatabase();
  try {
    await clearGraph(db);
  } finally {
    await db.close();
  }
  empty = mkdtempSync(path.join(os.tmpdir(), 'kg-scale-out-'));
  // One after the other: both would otherwise load the same (here empty) data folder at once.
  apis.push(await startApi());
  apis.push(await startApi());
});

afterAll(async () => {
  await Promise.all(
    apis.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  if (empty) rmSync(empty, { recursive: true, force: true });
});

const UPSERT = `mutation ($input: CompanyInput!) { upsertCompany(input: $input) { id } }`;

it('a key made by the command line works on both processes', async () => {
  const { key } = await createKeyByCli('scale-editor');
  for (const [i, api] of apis.entries()) {
    const reply = await post(api, UPSERT, { input: { id: `scale-out-${i}`, name: `Scale-out ${i}` } }, key);
    expect(reply.errors).toBeUndefined();
  }
  // Each write is readable, with its author, through the other process.
  for (const [i, api] of apis.entries()) {
    const other = apis[1 - i]!;
    const history = await post(other, `query ($id: ID!) { history(id: $id) { changedBy } }`, { id: `scale-out-${i}` });
    expect(history.data.history).toEqual([{ changedBy: 'scale-editor' }]);
    const forged = await post(api, UPSERT, { input: { id: 'forged', name: 'Forged' } }, key.replace(/.$/, 'x'));
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }
});

it('an article ingested through one process is visible, with its queue, through the other', async () => {
  const { key } = await createKeyByCli('scale-desk');
  const [a, b] = apis as [Api, Api];
  const ingested = await post(
    a,
    `mutation ($input: IngestArticleInput!) {
      ingestArticle(input: $input) { source { id } proposals { id section status recordId } }
    }`,
    { input: { text: TEXT, published: '2023-05-10', publisher: 'Fiction Daily' } },
    key,
  );
  expect(ingested.errors).toBeUndefined();
  const { source, proposals } = ingested.data.ingestArticle;
  expect(proposals.length).toBeGreaterThan(0);

  const seen = await post(
    b,
    `query ($id: ID!) { source(id: $id) { text } proposals(sourceId: $id) { id section status recordId } }`,
    { id: source.id },
  );
  expect(seen.data.source.text).toBe(TEXT);
  expect(seen.data.proposals).toEqual(proposals);
  expect((await post(b, `{ reviewQueue { source { id } pending } }`)).data.reviewQueue).toEqual([
    { source: { id: source.id }, pending: proposals.length },
  ]);

  // A decision on one process is what the other reports next, and what the command line lists.
  const company = proposals.find((p: { section: string }) => p.section === 'COMPANY');
  const accepted = await post(
    b,
    `mutation ($input: AcceptProposalsInput!) { acceptProposals(input: $input) { status } }`,
    { input: { ids: [company.id] } },
    key,
  );
  expect(accepted.data.acceptProposals).toEqual([{ status: 'ACCEPTED' }]);
  const after = await post(a, `query ($id: ID!) { proposal(id: $id) { status entity { id } } }`, { id: company.id });
  expect(after.data.proposal).toEqual({ status: 'ACCEPTED', entity: { id: company.recordId } });
  const listed = await kg(['review', source.id]);
  expect(listed.code).toBe(0);
  expect(listed.lines.map((l) => l.text.split(/\s+/)[0]).sort()).toEqual(
    proposals
      .map((p: { id: string }) => p.id)
      .filter((id: string) => id !== company.id)
      .sort(),
  );
});

it('a revoked key fails on both processes within a second', async () => {
  // The delay runs from the moment the revocation is visible in Neo4j (watched from here every 10 ms)
  // to each process's first refusal; from the revocation's own timestamp, taken before its commit in a
  // process on a loaded machine, it is an upper bound.
  const latencies: number[] = [];
  const fromTimestamp: number[] = [];
  const db = testDatabase();
  for (let round = 1; round <= REVOCATIONS; round += 1) {
    const { id, key } = await createKeyByCli(`scale-revoked-${round}`);
    // Every process keeps asking with the key, so each holds a fresh cached copy when it is revoked.
    const replies: { api: number; at: number; status: number }[] = [];
    let polling = true;
    const pollers = apis.map(async (api, i) => {
      while (polling) {
        const reply = await post(api, '{ reviewQueue { pending } }', {}, key);
        replies.push({ api: i, at: Date.now(), status: reply.status });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 2 * KEY_CACHE_MS));
    let committedAt = 0;
    const watching = (async () => {
      while (committedAt === 0) {
        const [row] = await db.read<{ revoked: boolean }>(
          'test',
          'MATCH (k:ApiKey {id: $id}) RETURN k.revokedAt IS NOT NULL AS revoked',
          { id },
        );
        if (row?.revoked) committedAt = Date.now();
        else await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const revoke = await kg(['key', 'revoke', id]);
    expect(revoke.code).toBe(0);
    await watching;
    // The revocation's timestamp is taken in its transaction, before the commit: an upper bound on the delay.
    const revokedAt = Date.parse(/ at (\S+)$/.exec(revoke.lines[0]!.text)![1]!);
    const deadline = Date.now() + 5000;
    const refusedBoth = () => apis.every((_, i) => replies.some((r) => r.api === i && r.status === 401));
    while (!refusedBoth() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    polling = false;
    await Promise.all(pollers);

    for (const [i] of apis.entries()) {
      const own = replies.filter((r) => r.api === i);
      expect(own.filter((r) => r.at < revokedAt).every((r) => r.status === 200)).toBe(true);
      const firstRefusal = own.findIndex((r) => r.status === 401);
      expect(firstRefusal).toBeGreaterThan(0);
      // Once refused, always refused: no process answers from a stale copy afterwards.
      expect(own.slice(firstRefusal).every((r) => r.status === 401)).toBe(true);
      latencies.push(own[firstRefusal]!.at - committedAt);
      fromTimestamp.push(own[firstRefusal]!.at - revokedAt);
    }
  }
  await db.close();
  console.log(
    `revoked ${REVOCATIONS} keys, each refused by ${apis.length} API processes ` +
      `${latencies.join(', ')} ms after the revocation was visible in Neo4j (max ${Math.max(...latencies)} ms; ` +
      `${fromTimestamp.join(', ')} ms after its timestamp; key cache ${KEY_CACHE_MS} ms)`,
  );
  expect(Math.max(...latencies)).toBeLessThan(1000);
  const listed = await kg(['key', 'list']);
  expect(listed.lines.filter((l) => / revoked /.test(l.text))).toHaveLength(REVOCATIONS);
});
