/** API keys in Neo4j: created, listed, revoked (and seen revoked through the per-process cache), imported. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authenticator } from '../../src/auth';
import {
  cachedKeyLookup,
  createKey,
  importKeys,
  KEY_CACHE_MS,
  keyIdOf,
  listKeys,
  newKey,
  revokeKey,
} from '../../src/auth/keys';
import type { Database } from '../../src/db/neo4j';
import { ensureSchema } from '../../src/store/schema';
import { clearGraph, testDatabase } from '../support/neo4j';

let db: Database;
let dir: string;

beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  await ensureSchema(db);
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-keys-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps earlier keys when adding one, and stores no key itself', async () => {
  const a = await createKey(db, 'a', 'reader');
  const b = await createKey(db, 'b', 'editor');
  const listed = await listKeys(db);
  expect(listed.map((k) => [k.name, k.role, k.revokedAt])).toEqual([
    ['a', 'reader', null],
    ['b', 'editor', null],
  ]);
  const secrets = await db.read<{ n: number }>(
    'test',
    `MATCH (k:ApiKey) WHERE any(p IN keys(k) WHERE any(s IN $secrets WHERE toString(k[p]) CONTAINS s))
     RETURN count(k) AS n`,
    { secrets: [a.key, b.key].map((key) => key.slice('kg_'.length + 13)) },
  );
  expect(Number(secrets[0]!.n)).toBe(0);
});

it('authenticates a key until it is revoked; a process sees the revocation once its copy expires', async () => {
  const { key, record } = await createKey(db, 'desk', 'editor');
  const lookup = cachedKeyLookup(db);
  const authenticate = authenticator({ publicReads: true, jwt: undefined }, lookup);
  expect(await authenticate({ 'x-api-key': key })).toEqual({ subject: 'desk', role: 'editor', via: 'api-key' });

  const revoked = await revokeKey(db, record.id, 'cli:admin');
  expect(revoked).toMatchObject({ id: record.id, revokedBy: 'cli:admin' });
  // A second revocation keeps the first date and author.
  expect(await revokeKey(db, record.id, 'cli:other')).toEqual(revoked);
  await new Promise((resolve) => setTimeout(resolve, KEY_CACHE_MS + 50));
  await expect(authenticate({ 'x-api-key': key })).rejects.toThrow(/revoked/);
  await expect(revokeKey(db, '000000000000', 'cli:admin')).rejects.toThrow(/no API key/);
});

it('imports the hashed keys of an earlier key file, once', async () => {
  const old = newKey('legacy-bot', 'reader');
  const { revokedAt: _revokedAt, revokedBy: _revokedBy, ...record } = old.record;
  const file = path.join(dir, 'api-keys.json');
  writeFileSync(file, JSON.stringify({ keys: [record] }));
  expect((await importKeys(db, file)).imported.map((k) => k.id)).toEqual([record.id]);
  expect(await importKeys(db, file)).toEqual({ imported: [], skipped: [record.id] });
  const authenticate = authenticator({ publicReads: true, jwt: undefined }, cachedKeyLookup(db));
  expect(await authenticate({ 'x-api-key': old.key })).toMatchObject({ subject: 'legacy-bot', role: 'reader' });
  expect(keyIdOf(old.key)).toBe(record.id);

  writeFileSync(file, JSON.stringify({ keys: [{ ...record, id: 'not-an-id' }] }));
  const before = await listKeys(db);
  await expect(importKeys(db, file)).rejects.toThrow(/not a key record/);
  expect(await listKeys(db)).toEqual(before);
});
