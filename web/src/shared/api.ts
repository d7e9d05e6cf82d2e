// The only way the pages get data: POST /graphql with a JSON body, as any API client would.
import type { TypedDocumentString } from '../__generated__/graphql';

export interface GraphQLErrorShape {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** An API failure with a machine code (GraphQL `extensions.code`, or NETWORK / HTTP_<status>). */
export class ApiError extends Error {
  readonly code: string;
  readonly errors: GraphQLErrorShape[];
  constructor(message: string, code: string, errors: GraphQLErrorShape[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.errors = errors;
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';

/** Variables are optional exactly when the operation declares none that are required. */
export type VariablesArgument<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, signal?: AbortSignal]
    : [variables: TVariables, signal?: AbortSignal];

/** Runs one typed operation and returns its `data`; throws ApiError on any error. */
export function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...rest: VariablesArgument<TVariables>
): Promise<TResult> {
  return executeWith({}, document, ...rest);
}

/** `execute` with extra request headers, such as an editor's `Authorization`. */
export async function executeWith<TResult, TVariables>(
  headers: Record<string, string>,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables, signal]: VariablesArgument<TVariables>
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('Check that the server is running (make start), then retry.', 'NETWORK');
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorShape[] } | undefined;
  try {
    body = (await response.json()) as typeof body;
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? [];
  if (errors.length > 0) {
    const code = errors.find((e) => e.extensions?.code)?.extensions?.code ?? 'GRAPHQL_ERROR';
    throw new ApiError(errors.map((e) => e.message).join('; '), String(code), errors);
  }
  if (!response.ok || !body || body.data === undefined || body.data === null) {
    throw new ApiError(
      `The API answered HTTP ${response.status} ${response.statusText}`.trim(),
      `HTTP_${response.status}`,
    );
  }
  return body.data;
}

/** A sentence an analyst can act on, for the error banner. */
export function describeError(err: unknown): { title: string; detail: string; code: string } {
  if (err instanceof ApiError) {
    switch (err.code) {
      case 'NETWORK':
        return { title: 'The API server cannot be reached.', detail: err.message, code: err.code };
      case 'SERVICE_UNAVAILABLE':
        return {
          title: 'The graph database is unavailable.',
          detail: 'The API is running but cannot reach Neo4j. Retry in a few seconds.',
          code: err.code,
        };
      case 'GRAPHQL_VALIDATION_FAILED':
      case 'BAD_USER_INPUT':
        return { title: 'The request was rejected.', detail: err.message, code: err.code };
      default:
        return { title: 'The API returned an error.', detail: err.message, code: err.code };
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return { title: 'Something went wrong.', detail: message, code: 'CLIENT_ERROR' };
}
