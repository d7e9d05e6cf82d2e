/**
 * What leaves the server when something fails: the documented code and its message, never a stack,
 * Cypher or an address. Unknown errors are logged here and masked.
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '../errors';

/** Every `extensions.code` a client can receive: ours (src/errors.ts) and Apollo's standard ones. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.keys(ERROR_CODES),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/**
 * Limit violations arrive as Apollo's generic validation or parse failures; they get a code of their own
 * so a client can tell "rewrite the query smaller" from "the query is wrong".
 */
function limitError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const extensions = formatted.extensions ?? {};
  if (extensions.code === 'GRAPHQL_VALIDATION_FAILED' && typeof extensions.limit === 'string') {
    const { limit, max, found } = extensions;
    return { message: formatted.message, extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, max, found } };
  }
  const tokens = extensions.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: `The query has more than ${max} tokens, the server's limit. Send a shorter query (fewer fields or aliases; large values belong in variables).`,
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'tokens', max },
    };
  }
  return undefined;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limited = limitError(formatted);
  if (limited) return limited;
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (DOCUMENTED_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[graphql] internal error:', error);
  return {
    message: 'Internal server error. The failure was logged; please retry or report it.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
