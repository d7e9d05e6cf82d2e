/**
 * Whole-graph figures (dashboard counts, list totals, the plant rows of the capacity rollup) kept per
 * process until the graph version changes. Every write that changes data bumps the version (in
 * src/db/neo4j.ts), in whichever process it runs, so a cached figure is never older than the version
 * the request read.
 */
import { Database, GRAPH_VERSION } from '../db/neo4j';

interface Entries {
  version: number;
  values: Map<string, Promise<unknown>>;
}

/** Values kept per version, at most `max` of them (keys are chosen by clients, through filters). */
class VersionedCache {
  private readonly byDb = new WeakMap<Database, Entries>();
  constructor(private readonly max: number) {}

  /**
   * The value under `key` computed at `version` or later, computing it once per version: concurrent
   * requests for the same value share one query.
   */
  at<T>(db: Database, version: number, key: string, compute: () => Promise<T>): Promise<T> {
    let entries = this.byDb.get(db);
    if (!entries || entries.version !== version) this.byDb.set(db, (entries = { version, values: new Map() }));
    let value = entries.values.get(key) as Promise<T> | undefined;
    if (!value) {
      const values = entries.values;
      if (values.size >= this.max) values.clear();
      value = compute();
      values.set(key, value);
      // A failure (a timeout, say) is not kept: the next request tries again.
      value.catch(() => values.get(key) === value && values.delete(key));
    }
    return value;
  }

  /** The value under `key` at the newest version this process has seen, if it has one. */
  async last<T>(db: Database, key: string): Promise<{ version: number; value: T } | undefined> {
    const entries = this.byDb.get(db);
    const value = entries?.values.get(key) as Promise<T> | undefined;
    if (!entries || !value) return undefined;
    return value.then(
      (v) => ({ version: entries.version, value: v }),
      () => undefined,
    );
  }
}

/** Whole-graph figures: counts, totals, rollup rows. */
const figures = new VersionedCache(1000);
/** Orders of whole lists (ids), larger than a figure, so fewer of them. */
export const orders = new VersionedCache(16);

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
  return figures.at(db, version, key, compute);
}

/** `compute` at the current graph version, from the cache when nothing changed since. */
export async function cached<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  return cachedAt(db, await graphVersion(db), key, compute);
}
