import { isProduction } from './limits';

/**
 * Process settings for serving the API. In production, stack traces are not mapped back to the
 * TypeScript sources: neo4j-driver captures a stack for every query, and mapping each one through the
 * source maps tsx registers cost 13 % of the API's CPU per request (timeline at one connection, A/B).
 * Traces keep their function names; outside production they are mapped, for development.
 */
export function prepareServingProcess(env: NodeJS.ProcessEnv = process.env): void {
  if (isProduction(env)) process.setSourceMapsEnabled(false);
}
