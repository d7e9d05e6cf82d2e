/**
 * The whole product in one process tree: Neo4j (the one NEO4J_URI names, or the project's own local
 * one), the graph loaded from data/ when it changed, and the API with the web pages.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { ApiSettings, externalNeo4j, Neo4jSettings, paths } from './config';
import { LocalNeo4j, startLocalNeo4j } from './db/local';
import { connect, Database, DatabaseOptions } from './db/neo4j';
import { DEFAULT_DATA_DIR, loadData } from './load';
import type { AuthSettings } from './auth';
import { createApp } from './server/app';
import { prepareServingProcess } from './server/runtime';
import type { QueryLimits } from './server/limits';

export interface StackOptions {
  port: number;
  host?: string;
  /** Where the local Neo4j keeps its store (ignored with NEO4J_URI). */
  storeDir?: string;
  boltPort?: number;
  dataDir?: string;
  /** Neo4j to use instead of NEO4J_URI or a local one. */
  neo4j?: Neo4jSettings;
  database?: DatabaseOptions;
  /** Defaults to the KG_* environment. */
  auth?: AuthSettings;
  /** Defaults to KG_MAX_* and NODE_ENV. */
  limits?: QueryLimits;
  /** Defaults to KG_CORS_ORIGINS and KG_INTROSPECTION. */
  api?: ApiSettings;
  log?: (line: string) => void;
}

export interface Stack {
  url: string;
  db: Database;
  neo4j: Neo4jSettings;
  local: LocalNeo4j | undefined;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  prepareServingProcess();
  let local: LocalNeo4j | undefined;
  let settings = options.neo4j ?? externalNeo4j();
  if (!settings) {
    local = await startLocalNeo4j({
      storeDir: options.storeDir ?? path.join(paths.neo4j, 'store'),
      port: options.boltPort ?? 7687,
      log,
    });
    settings = local.settings;
    log(
      `neo4j: local engine ready at ${settings.uri} in ${local.startedMs} ms (store ${options.storeDir ?? 'db/neo4j/store'})`,
    );
  } else {
    log(`neo4j: using ${settings.uri}`);
  }
  const db = connect(settings, options.database);
  try {
    await db.ping();
    const results = await loadData(db, options.dataDir ?? DEFAULT_DATA_DIR, {
      onlyChanged: true,
      log: (l) => log(`load: ${l}`),
    });
    log(
      `load: ${results.filter((r) => r.status === 'loaded').length} file(s) loaded, ${results.filter((r) => r.status === 'unchanged').length} unchanged`,
    );
    const { app, apollo } = await createApp(db, {
      auth: options.auth,
      limits: options.limits,
      api: options.api,
    });
    const host = options.host ?? '127.0.0.1';
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(options.port, host, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://${host}:${port}`;
    return {
      url,
      db,
      neo4j: settings,
      local,
      async stop() {
        // Idle keep-alive connections (browsers, the playground) would hold close() open forever.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await apollo.stop();
        await db.close();
        await local?.stop();
      },
    };
  } catch (error) {
    await db.close();
    await local?.stop();
    throw error;
  }
}
