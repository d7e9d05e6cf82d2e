/**
 * API keys as nodes, so every API process sees the same keys: `(:ApiKey {id, name, role, sha256,
 * createdAt, revokedAt, revokedBy})`. Not entities: search, the explorer and exports never see them.
 * A revoked key stays, with who revoked it and when.
 */
import type { Database } from '../db/neo4j';

/** A key as stored; its role is checked where keys are used (src/auth/keys.ts). */
export interface StoredKey {
  id: string;
  name: string;
  role: string;
  sha256: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

const FIELDS = `k {.id, .name, .role, .sha256, .createdAt, revokedAt: k.revokedAt, revokedBy: k.revokedBy} AS key`;

/** Refuses an id that exists (the constraint on ApiKey.id), so a key is never overwritten. */
export async function insertKey(db: Database, key: StoredKey): Promise<void> {
  await db.write('createApiKey', (tx) => tx.run('/* createApiKey */ CREATE (k:ApiKey) SET k = $key', { key }));
}

export async function keyById(db: Database, id: string): Promise<StoredKey | null> {
  const [row] = await db.read<{ key: StoredKey }>(
    'apiKey',
    `/* apiKey */ MATCH (k:ApiKey {id: $id}) RETURN ${FIELDS}`,
    { id },
  );
  return row?.key ?? null;
}

export async function allKeys(db: Database): Promise<StoredKey[]> {
  const rows = await db.read<{ key: StoredKey }>(
    'apiKeys',
    `/* apiKeys */ MATCH (k:ApiKey) RETURN ${FIELDS} ORDER BY k.createdAt, k.id`,
  );
  return rows.map((r) => r.key);
}

/** Marks a key revoked (once: a second revocation keeps the first date); null when no key has the id. */
export async function markRevoked(db: Database, id: string, by: string, now: string): Promise<StoredKey | null> {
  return db.write('revokeApiKey', async (tx) => {
    const result = await tx.run(
      `/* revokeApiKey */
       MATCH (k:ApiKey {id: $id})
       SET k.revokedAt = coalesce(k.revokedAt, $now), k.revokedBy = coalesce(k.revokedBy, $by)
       RETURN ${FIELDS}`,
      { id, by, now },
    );
    return (result.records[0]?.get('key') as StoredKey | undefined) ?? null;
  });
}
