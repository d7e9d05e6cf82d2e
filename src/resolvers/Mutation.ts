import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireEditor } from '../auth';
import type { Context } from '../context';
import * as curation from '../curation';
import type { NodeModel } from '../model';

/** Checks the caller may write, then drops the request's cache and keeps what the mutation stored. */
async function edit<T extends NodeModel>(ctx: Context, work: () => Promise<T>): Promise<T> {
  requireEditor(ctx.principal);
  const node = await work();
  ctx.loaders.forgetAll();
  ctx.loaders.node.prime(node.id, node);
  return node;
}

export const Mutation: MutationResolvers = {
  upsertCompany: (_, { input }, ctx) => edit(ctx, () => curation.upsertCompany(ctx.db, ctx.principal, input)),
  upsertPerson: (_, { input }, ctx) => edit(ctx, () => curation.upsertPerson(ctx.db, ctx.principal, input)),
  upsertSite: (_, { input }, ctx) => edit(ctx, () => curation.upsertSite(ctx.db, ctx.principal, input)),
  upsertProject: (_, { input }, ctx) => edit(ctx, () => curation.upsertProject(ctx.db, ctx.principal, input)),
  createPartnership: (_, { input }, ctx) => edit(ctx, () => curation.createPartnership(ctx.db, ctx.principal, input)),
  updatePartnership: (_, { input }, ctx) => edit(ctx, () => curation.updatePartnership(ctx.db, ctx.principal, input)),
  attachEvidence: (_, { input }, ctx) => edit(ctx, () => curation.attachEvidence(ctx.db, ctx.principal, input)),
  addSource: (_, { input }, ctx) => edit(ctx, () => curation.addSource(ctx.db, ctx.principal, input)),
};
