/**
 * The one place that runs Cypher. Every call names its operation (sent as transaction metadata and
 * used in logs), runs in a read or a write transaction, closes its session, and translates driver
 * errors into the API's typed errors.
 */
import neo4j, {
  Driver,
  isRetriableError,
  ManagedTransaction,
  Neo4jError,
  QueryResult,
  RecordShape,
  ResultSummary,
} from 'neo4j-driver';
import type { Neo4jSettings } from '../config';
import { DatabaseTimeoutError, ServiceUnavailableError } from '../errors';
import { disableNagle } from './socket';

export type Params = Record<string, unknown>;

export interface WriteOptions {
  bounded?: boolean;
}

export interface Database {
  read<R extends RecordShape = RecordShape>(operation: string, cypher: string, params?: Params): Promise<R[]>;
  /**
   * Runs `work` in one write transaction: it applies whole or not at all. `bounded` applies the read
   * timeout too, for writes a client request makes (loads and index builds may legitimately take longer).
   */
  write<T>(operation: string, work: (tx: ManagedTransaction) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Counts the queries sent, so tests and benchmarks can check batching. */
  readonly queryCount: number;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const TIMEOUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Maps driver failures to the API's errors; anything unknown is rethrown (and masked by the server). */
export function translateError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE.has(error.code)) return new ServiceUnavailableError();
    if (TIMEOUT.has(error.code)) return new DatabaseTimeoutError();
  }
  if (
    error instanceof Error &&
    /ECONNREFUSED|connection.*(closed|refused)|Pool is closed|Connection acquisition timed out/i.test(error.message)
  ) {
    return new ServiceUnavailableError();
  }
  return error;
}

/**
 * The graph version: a counter every write transaction that changed data bumps (last, so its lock is
 * held only until the commit), read by caches of whole-graph figures in any process. Schema-only
 * transactions leave it alone (Neo4j allows no data write beside a schema change).
 */
const BUMP_GRAPH_VERSION = `/* bumpGraphVersion */ MERGE (v:GraphVersion) SET v.value = coalesce(v.value, 0) + 1`;

/** The graph version as a Cypher expression, for a read to return beside its answer. */
export const GRAPH_VERSION =
  'coalesce(head(COLLECT { MATCH (v:GraphVersion) RETURN v.value ORDER BY v.value DESC }), 0)';

function changesData(summary: ResultSummary): boolean {
  const u = summary.counters.updates();
  return (
    u.nodesCreated +
      u.nodesDeleted +
      u.relationshipsCreated +
      u.relationshipsDeleted +
      u.propertiesSet +
      u.labelsAdded +
      u.labelsRemoved >
    0
  );
}

/** How long a transaction is retried after transient failures, and the first pause between tries. */
const RETRY_MS = 2000;
const FIRST_RETRY_MS = 100;

export interface DatabaseOptions {
  /** Per-transaction timeout, so no request can hold Neo4j. */
  queryTimeoutMs?: number;
  /** How long to wait for a connection before answering SERVICE_UNAVAILABLE. */
  connectTimeoutMs?: number;
}

export function connect(settings: Neo4jSettings, options: DatabaseOptions = {}): Database {
  disableNagle();
  const driver: Driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: false,
    connectionTimeout: options.connectTimeoutMs ?? 3000,
    connectionAcquisitionTimeout: options.connectTimeoutMs ?? 3000,
    maxTransactionRetryTime: RETRY_MS,
    maxConnectionPoolSize: 64,
    userAgent: 'battery-kg',
  });
  const timeout = options.queryTimeoutMs ?? 15000;
  let queryCount = 0;
  // Causal consistency across this process: every session waits for the writes the process has
  // committed, so on a cluster a read routed to a follower still sees them (read-your-writes).
  const bookmarkManager = neo4j.bookmarkManager();

  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({
      database: settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager,
    });

  return {
    get queryCount() {
      return queryCount;
    },
    // A read is one statement in an auto-commit transaction: RUN and PULL in one round trip, where a
    // managed transaction adds BEGIN and a COMMIT round trip. A read changes nothing, so a transient
    // failure (a leader switch, a lost connection) is retried, as the driver retries managed ones.
    async read<R extends RecordShape>(operation: string, cypher: string, params: Params = {}) {
      queryCount += 1;
      const started = Date.now();
      for (let pause = FIRST_RETRY_MS; ; pause *= 2) {
        const s = session('READ');
        try {
          const result: QueryResult<R> = await s.run<R>(cypher, params, {
            timeout,
            metadata: { app: 'battery-kg', operation },
          });
          return result.records.map((r) => r.toObject());
        } catch (error) {
          if (!isRetriableError(error) || Date.now() - started + pause > RETRY_MS) throw translateError(error);
        } finally {
          await s.close();
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },
    async write<T>(operation: string, work: (tx: ManagedTransaction) => Promise<T>, options: WriteOptions = {}) {
      const s = session('WRITE');
      try {
        return await s.executeWrite(
          async (tx) => {
            const run = tx.run.bind(tx);
            const statements: Promise<boolean>[] = [];
            // Count every statement of the unit of work, not just the transaction.
            const counted = Object.assign(Object.create(tx) as ManagedTransaction, {
              run: (...args: Parameters<ManagedTransaction['run']>) => {
                queryCount += 1;
                const result = run(...args);
                statements.push(
                  result.then(
                    ({ summary }) => changesData(summary),
                    () => false,
                  ),
                );
                return result;
              },
            });
            const value = await work(counted);
            if ((await Promise.all(statements)).some(Boolean)) {
              queryCount += 1;
              await run(BUMP_GRAPH_VERSION);
            }
            return value;
          },
          { metadata: { app: 'battery-kg', operation }, ...(options.bounded ? { timeout } : {}) },
        );
      } catch (error) {
        throw translateError(error);
      } finally {
        await s.close();
      }
    },
    async ping() {
      try {
        await driver.verifyConnectivity({ database: settings.database });
      } catch (error) {
        throw translateError(error);
      }
    },
    close: () => driver.close(),
  };
}

/**
 * Converts Neo4j Integers (and lists/maps of them) to JS numbers at the database boundary, in place:
 * rows are fresh from the driver and belong to the caller, and copying every map of every row made
 * garbage on every request.
 */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = plain(value[i]);
  } else if (value.constructor === Object) {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) map[key] = plain(map[key]);
  }
  return value;
}
