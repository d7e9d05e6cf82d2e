/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct operation is compiled once
 * into a function specialised for its selection, which spends less per field than graphql-js's generic
 * walk. Apollo Server accepts an executor only through its gateway interface, so this is a gateway that
 * serves one fixed schema; parsing, validation, limits, plugins and error formatting stay Apollo's.
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';

/** Compiled operations kept; real clients send a few dozen distinct ones. */
const COMPILED_LIMIT = 500;

/**
 * graphql-jit's own errors (a resolver's plain Error, a null in a non-null field) carry no `extensions`,
 * and Apollo's formatting reads them: without any, it would answer a bare error and never call
 * formatError, which logs what failed. These become graphql-js errors with the same message, place and
 * cause.
 */
function withExtensions(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => e.extensions === undefined)) return result;
  const errors = result.errors.map((e) => {
    if (e.extensions !== undefined) return e;
    const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined });
    Object.defineProperty(error, 'locations', { value: e.locations, enumerable: e.locations !== undefined });
    return error;
  });
  return { ...result, errors };
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  // Keyed by the query text's hash and the operation chosen from it.
  const compiled = new Map<string, CompiledQuery>();
  const executor: GatewayExecutor = async ({ queryHash, document, operation, operationName, request, context }) => {
    // No operation by that name (or none named among several): graphql-js says which, without running
    // anything, and Apollo answers OPERATION_RESOLUTION_FAILURE.
    if (!operation) return execute({ schema, document, operationName: request.operationName, contextValue: context });
    // Variables are coerced by graphql-js: its errors are the ones Apollo recognises as bad user input,
    // and graphql-jit 0.8 leaves out an input field's default value. The schema maps no enum or scalar
    // to another value, so the coerced variables are valid input to graphql-jit's own coercion.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (variables.errors) return { errors: variables.errors };
    const key = `${queryHash} ${operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(result)) return result;
      if (compiled.size >= COMPILED_LIMIT) compiled.delete(compiled.keys().next().value!);
      compiled.set(key, result);
      query = result;
    }
    return withExtensions(await query.query(undefined, context, variables.coerced));
  };
  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
