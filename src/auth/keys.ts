/**
 * API keys: `kg_<id>_<secret>`. Only a SHA-256 of the whole key is stored (the secret has 256 bits of
 * entropy, so a slow hash adds nothing); the id finds the record and the hash is compared in constant
 * time, so neither a timing difference nor a leaked key file gives a key away.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Role } from './principal';

export interface StoredKey {
  id: string;
  name: string;
  role: Role;
  sha256: string;
  createdAt: string;
}

const KEY_PATTERN = /^kg_([a-f0-9]{12})_([A-Za-z0-9_-]{43})$/;

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function readKeys(file: string): StoredKey[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: StoredKey[] };
  return parsed.keys ?? [];
}

/** Creates a key, stores its hash and returns the only copy of the key itself. */
export function createKey(file: string, name: string, role: Role): { key: string; record: StoredKey } {
  const id = randomBytes(6).toString('hex');
  const key = `kg_${id}_${randomBytes(32).toString('base64url')}`;
  const record: StoredKey = {
    id,
    name,
    role,
    sha256: digest(key).toString('hex'),
    createdAt: new Date().toISOString(),
  };
  const keys = [...readKeys(file), record];
  mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a crash never leaves a half-written key file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ keys }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  return { key, record };
}

/** The stored record a presented key belongs to, or null. */
export function findKey(keys: readonly StoredKey[], presented: string): StoredKey | null {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return null;
  const record = keys.find((k) => k.id === match[1]);
  if (!record) return null;
  const expected = Buffer.from(record.sha256, 'hex');
  const actual = digest(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? record : null;
}
