import type { RevisionResolvers } from '../__generated__/resolvers-types';

export const Revision: RevisionResolvers = {
  async entity(revision, _, ctx) {
    const node = await ctx.loaders.node.load(revision.entityId);
    // Records are never deleted, so a revision's record always resolves.
    if (!node) throw new Error(`revision ${revision.id} points to missing record ${revision.entityId}`);
    return node;
  },
};
