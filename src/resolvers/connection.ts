/** Shared resolvers of the paginated connection types: every connection has the same shape. */
import type { ConnectionModel } from '../model';
import { encodeCursor } from '../store/paging';

export const connectionFields = {
  edges: <T>(c: ConnectionModel<T>) => c.nodes.map((node, i) => ({ cursor: encodeCursor(c.offset + i), node })),
  pageInfo: <T>(c: ConnectionModel<T>) => ({
    hasNextPage: c.offset + c.nodes.length < c.totalCount,
    hasPreviousPage: c.offset > 0,
    startCursor: c.nodes.length ? encodeCursor(c.offset) : null,
    endCursor: c.nodes.length ? encodeCursor(c.offset + c.nodes.length - 1) : null,
  }),
};
