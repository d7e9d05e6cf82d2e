/**
 * One arm of the benchmark as an HTTP server in its own process (so its memory and CPU are its own):
 *   raw            POST /raw {"op"}: the operation's Cypher through neo4j-driver, rows as JSON (the floor)
 *   api            the product's API (createApp), POST /graphql
 *   neo4j-graphql  @neo4j/graphql over the same graph, POST /graphql, on the same Apollo/Express stack
 * GET /bench/stats answers the Neo4j queries this process has sent (counted where they are sent) and
 * its memory. Usage: tsx bench/arm.ts ARM PORT BOLT_URI; prints "LISTENING <port>".
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import neo4j, { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { connect } from '../src/db/neo4j';
import { prepareServingProcess } from '../src/server/runtime';
import { disableNagle } from '../src/db/socket';
import { Arm, WORKLOAD } from './workload';

// All three arms send with TCP_NODELAY, as the product does (src/db/socket.ts).
disableNagle();

let queries = 0;

/** Counts every statement run through sessions of this driver, whoever sends it. */
function countingDriver(driver: Driver): Driver {
  const countTx = (tx: ManagedTransaction): ManagedTransaction =>
    Object.assign(Object.create(tx) as ManagedTransaction, {
      run: (...args: Parameters<ManagedTransaction['run']>) => {
        queries += 1;
        return tx.run(...args);
      },
    });
  const session = driver.session.bind(driver);
  return Object.assign(Object.create(driver) as Driver, {
    session: (...args: Parameters<Driver['session']>): Session => {
      const s = session(...args);
      const read = s.executeRead.bind(s);
      const write = s.executeWrite.bind(s);
      const run = s.run.bind(s);
      return Object.assign(s, {
        run: ((...args: Parameters<Session['run']>) => {
          queries += 1;
          return run(...args);
        }) as Session['run'],
        executeRead: ((work, config) => read((tx) => work(countTx(tx)), config)) as Session['executeRead'],
        executeWrite: ((work, config) => write((tx) => work(countTx(tx)), config)) as Session['executeWrite'],
      });
    },
  });
}

/** The same pool and timeouts as the product's own driver (src/db/neo4j.ts). */
const driverFor = (uri: string, lossless: boolean) =>
  neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), {
    disableLosslessIntegers: !lossless,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 3000,
    userAgent: 'battery-kg-bench',
  });

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function rawHandler(uri: string): Handler {
  const driver = countingDriver(driverFor(uri, false));
  const byName = new Map(WORKLOAD.map((op) => [op.name, op.raw]));
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = byName.get((JSON.parse(Buffer.concat(chunks).toString() || '{}') as { op?: string }).op ?? '');
      if (!raw) {
        res.writeHead(404).end();
        return;
      }
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        // An auto-commit statement, as the API sends its reads: the floor is one round trip too.
        const result = await session.run(raw.cypher, raw.params, { timeout: 15000 });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ rows: result.records.map((r) => r.toObject()) }));
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      } finally {
        await session.close();
      }
    });
  };
}

async function neo4jGraphqlApp(uri: string): Promise<Express> {
  // Each arm loads only its own server, so the API's memory figure holds no other arm's modules.
  const { Neo4jGraphQL } = await import('@neo4j/graphql');
  const typeDefs = readFileSync(path.join(__dirname, 'neo4j-graphql.graphql'), 'utf8');
  const driver = countingDriver(driverFor(uri, true));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema, stopOnTerminationSignals: false });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo));
  return app;
}

async function main() {
  const [arm, port, uri] = process.argv.slice(2) as [Arm, string, string];
  // Every arm runs as the product serves in production (the arms run with NODE_ENV=production).
  prepareServingProcess();
  let handler: Handler;
  let count = () => queries;
  if (arm === 'raw') {
    handler = rawHandler(uri);
  } else if (arm === 'api') {
    const db = connect({ uri, user: 'neo4j', password: '', database: undefined });
    const { createApp } = await import('../src/server/app');
    handler = (await createApp(db)).app;
    count = () => db.queryCount;
  } else {
    handler = await neo4jGraphqlApp(uri);
  }
  const server = http.createServer((req, res) => {
    if (req.url !== '/bench/stats') return handler(req, res);
    const { rss, heapUsed } = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ queries: count(), rss, heapUsed }));
  });
  server.listen(Number(port), '127.0.0.1', () => console.log(`LISTENING ${port}`));
  // A normal exit on SIGTERM, so `node --cpu-prof bench/arm.ts …` writes its profile.
  process.once('SIGTERM', () => process.exit(0));
}

void main();
