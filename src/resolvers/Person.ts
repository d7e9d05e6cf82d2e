import type { PersonResolvers, PositionResolvers } from '../__generated__/resolvers-types';
import { loadNodes, loadTyped, relatedNodes } from '../context';

export const Person: PersonResolvers = {
  positions: async (p, _, ctx) =>
    (await ctx.loaders.related('positions').load(p.id)).map((r) => ({
      title: r.title ?? '',
      personId: p.id,
      organizationId: r.node.id,
      evidenceIds: r.evidenceIds,
    })),
  statements: (p, _, ctx) => relatedNodes(ctx, 'statements', p.id, 'Evidence'),
  evidence: (p, _, ctx) => relatedNodes(ctx, 'evidence', p.id, 'Evidence'),
};

export const Position: PositionResolvers = {
  person: async (p, _, ctx) => (await loadTyped(ctx, p.personId, 'Person'))!,
  organization: async (p, _, ctx) => (await loadTyped(ctx, p.organizationId, 'Company'))!,
  evidence: (p, _, ctx) => loadNodes(ctx, p.evidenceIds, 'Evidence'),
};
