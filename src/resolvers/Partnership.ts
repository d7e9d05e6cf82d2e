import type { PartnershipResolvers, PartyResolvers, PartyRole } from '../__generated__/resolvers-types';
import { loadNodes, relatedNodes } from '../context';
import type { CompanyModel } from '../model';
import { toEnum } from '../store/rows';

export const Partnership: PartnershipResolvers = {
  parties: async (p, _, ctx) =>
    (await ctx.loaders.related('parties').load(p.id)).map((r) => ({
      company: r.node as CompanyModel,
      role: toEnum<PartyRole>(r.role ?? 'partner'),
      evidenceIds: r.evidenceIds,
    })),
  sites: (p, _, ctx) => relatedNodes(ctx, 'sites', p.id, 'Site'),
  projects: (p, _, ctx) => relatedNodes(ctx, 'projects', p.id, 'Project'),
  milestones: (p, _, ctx) => relatedNodes(ctx, 'milestones', p.id, 'Milestone'),
  evidence: (p, _, ctx) => relatedNodes(ctx, 'evidence', p.id, 'Evidence'),
};

export const Party: PartyResolvers = {
  evidence: (p, _, ctx) => loadNodes(ctx, p.evidenceIds, 'Evidence'),
};
