import type { PartnershipResolvers, PartyResolvers, PartyRole } from '../__generated__/resolvers-types';
import { loadNodes, relatedNodes, relatedNodesOf, relatedOf, mapEventually } from '../context';
import { asOfDay, dealStatusAsOf } from '../landscape/asOf';
import type { CompanyModel } from '../model';
import { prefetchable } from '../graph/vocabulary';
import { toEnum } from '../store/rows';
import { claimsOf, stagesOf } from './Lifecycle';

/** Partnership fields whose relation a query for partnerships can fetch at once (GraphQL field → relation). */
export const PARTNERSHIP_RELATIONS = prefetchable('Partnership');

/** A party wraps the company at the far end of HAS_PARTY: what is selected of it is under `company`. */
export const PARTY_FAR_END = { parties: 'company' };

export const Partnership: PartnershipResolvers = {
  parties: (p, _, ctx) =>
    mapEventually(relatedOf(ctx, p, 'parties'), (related) =>
      related.map((r) => ({
        company: r.node as CompanyModel,
        role: toEnum<PartyRole>(r.role ?? 'partner'),
        evidenceIds: r.evidenceIds,
      })),
    ),
  sites: (p, _, ctx) => relatedNodesOf(ctx, p, 'sites', 'Site'),
  projects: (p, _, ctx) => relatedNodesOf(ctx, p, 'projects', 'Project'),
  milestones: (p, _, ctx) => relatedNodes(ctx, 'milestones', p.id, 'Milestone'),
  evidence: (p, _, ctx) => relatedNodesOf(ctx, p, 'evidence', 'Evidence'),
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
