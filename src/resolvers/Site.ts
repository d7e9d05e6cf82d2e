import type { SiteResolvers } from '../__generated__/resolvers-types';
import { relatedNodes } from '../context';
import { claimsOf } from './Lifecycle';

export const Site: SiteResolvers = {
  locatedIn: async (s, _, ctx) => (await relatedNodes(ctx, 'locatedIn', s.id, 'Site'))[0] ?? null,
  contains: (s, _, ctx) => relatedNodes(ctx, 'contains', s.id, 'Site'),
  near: (s, _, ctx) => relatedNodes(ctx, 'near', s.id, 'Site'),
  companies: (s, _, ctx) => relatedNodes(ctx, 'companiesAtSite', s.id, 'Company'),
  partnerships: (s, _, ctx) => relatedNodes(ctx, 'partnershipsAtSite', s.id, 'Partnership'),
  milestones: (s, _, ctx) => relatedNodes(ctx, 'milestones', s.id, 'Milestone'),
  evidence: (s, _, ctx) => relatedNodes(ctx, 'evidence', s.id, 'Evidence'),
  claims: (s, args, ctx) => claimsOf(ctx, s.id, args),
  stages: (s, _, ctx) => relatedNodes(ctx, 'stagesAtSite', s.id, 'Stage'),
};
