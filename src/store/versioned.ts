/**
 * Whole-graph figures (dashboard counts, list totals, the plant rows of the capacity rollup) kept per
 * process until the graph version changes. Every write that changes data bumps the version (in
 * src/db/neo4j.ts), in whichever process it runs, so a cached figure is never older than the version
 * the request read.
 */
import { Database, GRAPH_VERSION } from '../db/neo4j';

const caches = new WeakMap<Database, { version: number; values: Map<string, Promise<unknown>> }>();

/** Figures kept per version at most: totals are keyed by filter, which clients choose. */
const MAX_VALUES = 1000;

/** The current graph version, in a query of its own. */
export async function graphVersion(db: Database): Promise<number> {
  const [row] = await db.read<{ version: unknown }>(
    'graphVersion',
    `/* graphVersion */ RETURN ${GRAPH_VERSION} AS version`,
  );
  return Number(row?.version ?? 0);
}

/**
 * The value under `key` computed at `version` or later, computing it once per version: concurrent
 * requests for the same figure share one query.
 */
export function cachedAt<T>(db: Database, version: number, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache || cache.version !== version) caches.set(db, (cache = { version, values: new Map() }));
  let value = cache.values.get(key) as Promise<T> | undefined;
  if (!value) {
    const values = cache.values;
    if (values.size >= MAX_VALUES) values.clear();
    value = compute();
    values.set(key, value);
    // A failure (a timeout, say) is not kept: the next request tries again.
    value.catch(() => values.get(key) === value && values.delete(key));
  }
  return value;
}

/** `compute` at the current graph version, from the cache when nothing changed since. */
export async function cached<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  return cachedAt(db, await graphVersion(db), key, compute);
}
