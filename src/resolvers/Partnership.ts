import type { PartnershipResolvers, PartyResolvers, PartyRole } from '../__generated__/resolvers-types';
import { loadNodes, relatedNodes } from '../context';
import { asOfDay, dealStatusAsOf } from '../landscape/asOf';
import type { CompanyModel } from '../model';
import { prefetchable } from '../graph/vocabulary';
import { toEnum } from '../store/rows';
import { claimsOf, stagesOf } from './Lifecycle';

/** Partnership fields whose relation a query for partnerships can fetch at once (GraphQL field → relation). */
export const PARTNERSHIP_RELATIONS = prefetchable('Partnership');

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
  stages: (p, _, ctx) => stagesOf(ctx, p),
  currentStage: async (p, _, ctx) => (await stagesOf(ctx, p)).at(-1) ?? null,
  statusAsOf: async (p, { date }, ctx) => {
    const day = asOfDay('date', date);
    const stages = (await stagesOf(ctx, p)).map((s) => ({ id: s.id, date: s.date.value, status: s.status }));
    return dealStatusAsOf(p, stages, day);
  },
  evolvedFrom: (p, _, ctx) => relatedNodes(ctx, 'evolvedFrom', p.id, 'Partnership'),
  evolvedInto: (p, _, ctx) => relatedNodes(ctx, 'evolvedInto', p.id, 'Partnership'),
  claims: (p, args, ctx) => claimsOf(ctx, p.id, args),
};

export const Party: PartyResolvers = {
  evidence: (p, _, ctx) => loadNodes(ctx, p.evidenceIds, 'Evidence'),
};
