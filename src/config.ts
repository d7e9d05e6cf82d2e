/** Settings from the environment, read once, and the project's folders. */
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * The folders the product reads at run time, resolved from the checkout's root: the code always runs
 * from src/ (through tsx, or jest's transform), never from a compiled copy elsewhere.
 */
export const paths = {
  root: ROOT,
  /** The SDL, one file per domain. */
  schema: path.join(ROOT, 'schema'),
  /** Sources and fact files `kg load` and `make start` read by default. */
  data: path.join(ROOT, 'data'),
  /** The web pages Vite builds (npm run build:web). */
  webDist: path.join(ROOT, 'web', 'dist'),
  /** The local Neo4j's launcher (Maven project); `make start` keeps its store in store/ there. */
  neo4j: path.join(ROOT, 'db', 'neo4j'),
  /** The extractor's confidence weights: `kg train` writes them, src/ingest/confidence.ts imports them. */
  ingestWeights: path.join(ROOT, 'src', 'ingest', 'data', 'weights.json'),
} as const;
export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface ServerSettings {
  host: string;
  port: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

/** The Neo4j named by NEO4J_URI, or undefined when the project should run its own local one. */
export function externalNeo4j(env: NodeJS.ProcessEnv = process.env): Neo4jSettings | undefined {
  const uri = env.NEO4J_URI;
  if (!uri) return undefined;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new Error(`NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s://, got "${uri}"`);
  }
  return {
    uri,
    user: env.NEO4J_USER ?? env.NEO4J_USERNAME ?? 'neo4j',
    password: env.NEO4J_PASSWORD ?? '',
    database: env.NEO4J_DATABASE || undefined,
  };
}

export function serverSettings(): ServerSettings {
  return { host: process.env.HOST ?? '127.0.0.1', port: int('PORT', 4000) };
}

export interface ApiSettings {
  /** Origins allowed to call /graphql from a browser (CORS); empty: only the API's own pages. `*` allows any. */
  corsOrigins: string[];
  /** Schema introspection; the playground's docs and the dashboard's filter lists need it. */
  introspection: boolean;
}

/** KG_CORS_ORIGINS (comma-separated origins, or `*`) and KG_INTROSPECTION (default true). */
export function apiSettings(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  const corsOrigins = (env.KG_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter((o) => o !== '');
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(`KG_CORS_ORIGINS: "${origin}" is not an origin such as https://dashboard.example.org`);
    }
  }
  const introspection = (env.KG_INTROSPECTION ?? 'true').toLowerCase() !== 'false';
  return { corsOrigins, introspection };
}

/** Bolt port of the project's own local Neo4j (make start). */
export function localBoltPort(): number {
  return int('NEO4J_BOLT_PORT', 7687);
}
