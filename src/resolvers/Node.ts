import type { NodeResolvers } from '../__generated__/resolvers-types';

export const Node: NodeResolvers = {
  __resolveType: (node) => node.__typename,
};
