/**
 * Every error a client can see. Each has a fixed `extensions.code`; anything else is masked as
 * INTERNAL_SERVER_ERROR by the server's formatError, so no stack, Cypher or address leaks out.
 */
import { GraphQLError } from 'graphql';

export const ERROR_CODES = {
  BAD_USER_INPUT: 'A query argument is invalid; the message names it.',
  SERVICE_UNAVAILABLE: 'The database cannot be reached; retry later.',
  DATABASE_TIMEOUT: 'The query took longer than the configured limit.',
  UNAUTHENTICATED: 'No valid credential was sent (API key or bearer token), or it was rejected.',
  FORBIDDEN: 'The credential is valid but its role may not do this (writes need editor).',
  QUERY_LIMIT_EXCEEDED: 'The query is too deep, costly or long; `extensions.limit` and `max` say which limit.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts.',
  INTERNAL_SERVER_ERROR: 'An unexpected error; details are in the server log only.',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';

abstract class KgError extends GraphQLError {
  protected constructor(message: string, code: keyof typeof ERROR_CODES, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class BadUserInputError extends KgError {
  constructor(argument: string, message: string) {
    super(`Argument "${argument}": ${message}`, 'BAD_USER_INPUT', { argument });
  }
}

export class UnauthenticatedError extends KgError {
  constructor(message: string) {
    // The HTTP status tells clients and proxies the request needs credentials.
    super(message, 'UNAUTHENTICATED', { http: { status: 401 } });
  }
}

export class ForbiddenError extends KgError {
  constructor(message: string) {
    super(message, 'FORBIDDEN', { http: { status: 403 } });
  }
}

export class ServiceUnavailableError extends KgError {
  constructor() {
    super('The graph database is unavailable. Please retry in a few seconds.', 'SERVICE_UNAVAILABLE');
  }
}

export class DatabaseTimeoutError extends KgError {
  constructor() {
    super(
      'The query took too long and was stopped. Narrow it (smaller depth, limit or page) and retry.',
      'DATABASE_TIMEOUT',
    );
  }
}
