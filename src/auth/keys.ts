/**
 * API keys: `kg_<id>_<secret>`. Only a SHA-256 of the whole key is stored (the secret has 256 bits of
 * entropy, so a slow hash adds nothing), in Neo4j, so every API process behind a load balancer knows
 * the same keys. The id finds the record and the hash is compared in constant time, so neither a
 * timing difference nor a leaked database gives a key away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../db/neo4j';
import { allKeys, insertKey, keyById, markRevoked, StoredKey } from '../store/keys';
import { ROLES, Role } from './principal';

/** A stored key whose role is one this version knows. */
export interface ApiKey extends StoredKey {
  role: Role;
}

/** A stored key with an unknown role is no key at all: it grants nothing. */
const asApiKey = (row: StoredKey | null): ApiKey | null =>
  row !== null && ROLES.includes(row.role as Role) ? (row as ApiKey) : null;

const KEY_PATTERN = /^kg_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * How long a process may answer from its own copy of a key record. Revoking a key takes effect on
 * every process within this time plus one lookup (measured by tests/slow/scale-out.test.ts).
 */
export const KEY_CACHE_MS = 250;

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

function checkName(name: string): string {
  if (name.trim() === '' || name.length > 200) throw new Error('--name must hold 1 to 200 characters');
  return name;
}

/** A new key and the record that stores its hash: the key itself is never stored. */
export function newKey(name: string, role: Role): { key: string; record: ApiKey } {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const id = randomBytes(6).toString('hex');
  const key = `kg_${id}_${randomBytes(32).toString('base64url')}`;
  const record: ApiKey = {
    id,
    name: checkName(name),
    role,
    sha256: digest(key).toString('hex'),
    createdAt: new Date().toISOString(),
    revokedAt: null,
    revokedBy: null,
  };
  return { key, record };
}

/** Creates a key, stores its hash and returns the only copy of the key itself. */
export async function createKey(db: Database, name: string, role: Role): Promise<{ key: string; record: ApiKey }> {
  const created = newKey(name, role);
  await insertKey(db, created.record);
  return created;
}

/** Every stored key, revoked ones too, with its role as stored. */
export const listKeys = allKeys;

/** Revokes a key by its id (the 12 hex digits after `kg_`); the record stays, marked revoked. */
export async function revokeKey(db: Database, id: string, by: string): Promise<StoredKey> {
  const record = await markRevoked(db, id, by, new Date().toISOString());
  if (!record) throw new Error(`there is no API key with the id "${id}" (see kg key list)`);
  return record;
}

/**
 * Copies the hashed keys of a key file of earlier versions (`.kg/api-keys.json`) into Neo4j, so
 * existing clients keep working; ids already present are left as they are.
 */
export async function importKeys(db: Database, file: string): Promise<{ imported: ApiKey[]; skipped: string[] }> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: Omit<ApiKey, 'revokedAt' | 'revokedBy'>[] };
  const imported: ApiKey[] = [];
  const skipped: string[] = [];
  for (const old of parsed.keys ?? []) {
    if (!/^[a-f0-9]{12}$/.test(old.id) || !/^[a-f0-9]{64}$/.test(old.sha256) || !ROLES.includes(old.role)) {
      throw new Error(`${file}: the key "${String(old.id)}" is not a key record of kg`);
    }
    if (await keyById(db, old.id)) {
      skipped.push(old.id);
      continue;
    }
    const record: ApiKey = { ...old, name: checkName(old.name), revokedAt: null, revokedBy: null };
    await insertKey(db, record);
    imported.push(record);
  }
  return { imported, skipped };
}

/** The key record a presented key belongs to, when the key matches its hash. */
export function matchKey(record: ApiKey | null, presented: string): ApiKey | null {
  if (!record) return null;
  const expected = Buffer.from(record.sha256, 'hex');
  const actual = digest(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? record : null;
}

/** The id part of a well-formed key, or null. */
export function keyIdOf(presented: string): string | null {
  return KEY_PATTERN.exec(presented)?.[1] ?? null;
}

export type KeyLookup = (id: string) => Promise<ApiKey | null>;

/**
 * Key records by id, each kept at most `ttlMs` (so a revocation reaches this process within that
 * time) and fetched once however many requests ask at the same moment.
 */
export function cachedKeyLookup(db: Database, ttlMs = KEY_CACHE_MS, maxEntries = 10_000): KeyLookup {
  const cache = new Map<string, { at: number; record: Promise<ApiKey | null> }>();
  return (id) => {
    const now = Date.now();
    const hit = cache.get(id);
    if (hit && now - hit.at < ttlMs) return hit.record;
    if (cache.size >= maxEntries) cache.clear();
    const record = keyById(db, id).then(asApiKey);
    cache.set(id, { at: now, record });
    // A failed lookup (Neo4j down) is not remembered: the next request asks again.
    record.catch(() => {
      if (cache.get(id)?.record === record) cache.delete(id);
    });
    return record;
  };
}
