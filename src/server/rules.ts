/** Validation the GraphQL reference implementation leaves to execution time. */
import { GraphQLError, ValidationRule } from 'graphql';

/**
 * An operation type the schema lacks (this API has no subscriptions) fails at execution with an error
 * that has no code, which would be masked as INTERNAL_SERVER_ERROR; refusing it while validating gives
 * GRAPHQL_VALIDATION_FAILED and HTTP 400, as for any other invalid document.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations; send a query or a mutation.`, { nodes: node }),
      );
    }
  },
});
