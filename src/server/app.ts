/**
 * The HTTP side: the GraphQL API at /graphql, health checks, the dashboard's tables as CSV and .xlsx
 * (/export), and the web pages (dashboard, map, explorer, review, playground) built into web/dist.
 */
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { ErrorRequestHandler, Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AuthSettings, authenticator, authSettings } from '../auth';
import { cachedKeyLookup } from '../auth/keys';
import { ApiSettings, apiSettings, paths } from '../config';
import { Context, createContext } from '../context';
import type { Database } from '../db/neo4j';
import { resolvers } from '../resolvers';
import { sourceCount } from '../store/graph';
import { formatError } from './errors';
import { jitGateway } from './executor';
import { exportRoutes } from './export';
import { limitsFromEnv, QueryLimits, queryLimits } from './limits';
import { knownOperationTypes } from './rules';
import { typeDefs } from './schema';

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/explore': 'explore.html',
  '/map': 'map.html',
  '/playground': 'playground.html',
  '/review': 'review.html',
};

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
}

export interface AppOptions {
  /** Defaults to the KG_* environment (see README, "Auth"). */
  auth?: AuthSettings;
  /** Defaults to KG_MAX_* and NODE_ENV (see README, "Limits"). */
  limits?: QueryLimits;
  /** Defaults to KG_CORS_ORIGINS and KG_INTROSPECTION. */
  api?: ApiSettings;
}

/** Largest request body accepted; the biggest real query is under 4 kB. */
export const BODY_LIMIT = '100kb';

/** Headers a cross-origin client may send (CORS); the last two satisfy Apollo's CSRF prevention. */
const CORS_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

function graphqlError(status: number, code: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/**
 * Failures before Apollo sees the request (body too large, not JSON) and anything Express itself
 * catches: a JSON answer with a documented code, never Express's HTML page with a stack trace.
 */
const httpErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const answer =
    error.type === 'entity.too.large'
      ? graphqlError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${BODY_LIMIT}. Send a shorter query.`)
      : error.type === 'entity.parse.failed'
        ? graphqlError(
            400,
            'BAD_REQUEST',
            'The request body is not valid JSON. Send {"query": "...", "variables": {...}}.',
          )
        : typeof error.status === 'number' && error.status >= 400 && error.status < 500
          ? graphqlError(error.status, 'BAD_REQUEST', 'The request is malformed (body encoding, charset or address).')
          : undefined;
  if (answer) {
    res.status(answer.status).json(answer.body);
    return;
  }
  console.error('[http] internal error:', error);
  res
    .status(500)
    .json(graphqlError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error. The failure was logged.').body);
};

export async function createApp(db: Database, options: AppOptions = {}): Promise<App> {
  const authenticate = authenticator(options.auth ?? authSettings(), cachedKeyLookup(db));
  const settings = options.api ?? apiSettings();
  const limits = queryLimits(options.limits ?? limitsFromEnv());
  const apollo = new ApolloServer<Context>({
    gateway: jitGateway(makeExecutableSchema({ typeDefs: typeDefs(), resolvers })),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection,
    // A browser may send a "simple" request (form, text/plain) to another site without asking first;
    // refusing those unless they carry a JSON content type or a preflight header stops forged requests.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: [knownOperationTypes, ...limits.validationRules],
    parseOptions: limits.parseOptions,
    // The CLI owns SIGINT/SIGTERM and stops the API, then Neo4j, in order; Apollo's own handler would
    // race it and leave the process hanging.
    stopOnTerminationSignals: false,
    // Apollo's own landing page loads from a CDN; the playground is served from web/dist instead.
    // No field sets a cache hint, and the default cache-control plugin wraps every field's resolver
    // (scalars too) to collect them: work on each field of each request for nothing.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...limits.plugins],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer for an ETag, which saves only bandwidth: revalidating an answer still
  // runs its query. Pages are still revalidated by Last-Modified, and the built assets keep their ETags
  // (express.static sets its own).
  app.disable('etag');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.ping();
      const sources = await sourceCount(db);
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
  if (settings.corsOrigins.length > 0) {
    app.use(
      '/graphql',
      cors({
        origin: settings.corsOrigins.includes('*') ? '*' : settings.corsOrigins,
        methods: ['GET', 'POST'],
        allowedHeaders: CORS_HEADERS,
        maxAge: 600,
      }),
    );
  }
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(db, await authenticate(req.headers)),
    }),
  );
  app.use(exportRoutes(db, authenticate));

  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, (_req, res) => {
      const page = path.join(paths.webDist, file);
      if (existsSync(page)) res.sendFile(page);
      else
        res
          .status(503)
          .type('text')
          .send('The web pages are not built yet: run `npm run build:web` (make start does).');
    });
  }
  app.use(express.static(paths.webDist, { index: false, maxAge: '1h' }));
  app.use(httpErrors);
  return { app, apollo };
}
