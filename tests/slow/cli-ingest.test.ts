/**
 * Ingestion from the command line, as its own process against the run's Neo4j: `kg ingest` stores an
 * article and its queue (and with --auto accepts the confident part), refuses a binary file and a file
 * too large before storing anything, `kg review` decides, and `kg export --format facts` writes data
 * files that `kg validate` accepts.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/neo4j';
import { kg } from '../support/cli';
import { clearGraph, counts, testDatabase } from '../support/neo4j';

jest.setTimeout(300_000);

const ARTICLE = path.join(__dirname, '..', 'fixtures', 'ingest', 'fictional-2022-03-01-letter-of-intent.txt');
let db: Database;
let dir: string;

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-cli-ingest-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('refuses a binary file and a file too large, and stores nothing', async () => {
  const before = await counts(db);
  const binary = path.join(dir, 'scan.pdf');
  writeFileSync(
    binary,
    Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xe2, 0xe3, 0xcf, 0xd3, 0xff]),
  );
  const large = path.join(dir, 'large.txt');
  writeFileSync(large, 'Battery plant news. '.repeat(250_000));
  for (const [file, message] of [
    [binary, /not UTF-8 text/],
    [large, /5000000 bytes; an article may have at most 1000000 characters/],
  ] as const) {
    const run = await kg(['ingest', file, '--published', '2022-03-01']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
  }
  const url = await kg(['ingest', ARTICLE, '--url', 'file:///etc/passwd']);
  expect(url.code).toBe(1);
  expect(url.stderr).toMatch(/Argument "url": must be an http or https address/);
  expect(await counts(db)).toEqual(before);
});

it('ingests, accepts the confident part, decides the rest and exports what was accepted', async () => {
  const ingest = await kg([
    'ingest',
    ARTICLE,
    '--published',
    '2022-03-01',
    '--publisher',
    'Fiction Daily',
    '--auto',
    '--min-confidence',
    '0.75',
  ]);
  expect(ingest.code).toBe(0);
  const sourceId = /^source: (\S+)/.exec(ingest.lines.find((l) => l.text.startsWith('source: '))!.text)![1]!;
  const listed = ingest.lines.map((l) => l.text.split(/\s+/)).filter(([id]) => /^p-[0-9a-f]{16}$/.test(id!));
  expect(listed.length).toBeGreaterThan(0);
  for (const [, confidence, status] of listed) {
    if (status === 'accepted') expect(Number(confidence)).toBeGreaterThanOrEqual(0.75);
  }
  expect(listed.some(([, , status]) => status === 'accepted')).toBe(true);

  const pending = listed.filter(([, , status]) => status === 'pending').map(([id]) => id!);
  if (pending.length > 0) {
    const reject = await kg(['review', sourceId, '--reject', ...pending, '--reason', 'not in the article']);
    expect(reject.code).toBe(0);
    expect(reject.lines.every((l) => / rejected /.test(l.text))).toBe(true);
  }
  const left = await kg(['review', sourceId]);
  expect(left).toMatchObject({ code: 0, lines: [] });

  const out = path.join(dir, 'export');
  const exported = await kg(['export', '--format', 'facts', '--out', out]);
  expect(exported.code).toBe(0);
  expect(readdirSync(path.join(out, 'facts'))).toEqual([`${sourceId}.yaml`]);
  const validated = await kg(['validate', out]);
  expect(validated.code).toBe(0);
  expect(validated.lines[0]!.text).toMatch(/^ok: 1 sources, 1 fact files/);
});
