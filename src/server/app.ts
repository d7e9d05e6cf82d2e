/**
 * The HTTP side: the GraphQL API at /graphql, health checks, and the web pages (dashboard, explorer,
 * playground) built into web/dist.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AuthSettings, authenticator, authSettings } from '../auth';
import { Context, createContext } from '../context';
import type { Database } from '../db/neo4j';
import { resolvers } from '../resolvers';
import { formatError } from './errors';
import { typeDefs } from './schema';

export const WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/explore': 'explore.html',
  '/playground': 'playground.html',
};

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
}

export interface AppOptions {
  /** Defaults to the KG_* environment (see README, "Auth"). */
  auth?: AuthSettings;
}

export async function createApp(db: Database, options: AppOptions = {}): Promise<App> {
  const authenticate = authenticator(options.auth ?? authSettings());
  const apollo = new ApolloServer<Context>({
    typeDefs: typeDefs(),
    resolvers,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The CLI owns SIGINT/SIGTERM and stops the API, then Neo4j, in order; Apollo's own handler would
    // race it and leave the process hanging.
    stopOnTerminationSignals: false,
    // Apollo's own landing page loads from a CDN; the playground is served from web/dist instead.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping();
      const [row] = await db.read<{ sources: number }>('readyz', 'MATCH (s:Source) RETURN count(s) AS sources');
      const sources = Number(row?.sources ?? 0);
      res.status(sources > 0 ? 200 : 503).json({ status: sources > 0 ? 'ready' : 'empty', database: 'up', sources });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  // A browser opening the API address gets the playground.
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') res.redirect(302, '/playground');
    else next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async ({ req }) => createContext(db, authenticate(req.headers)) }),
  );

  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, (_req, res) => {
      const page = path.join(WEB_DIST, file);
      if (existsSync(page)) res.sendFile(page);
      else
        res
          .status(503)
          .type('text')
          .send('The web pages are not built yet: run `npm run build:web` (make start does).');
    });
  }
  app.use(express.static(WEB_DIST, { index: false, maxAge: '1h' }));
  return { app, apollo };
}
