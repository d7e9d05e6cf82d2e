import type { CompanyResolvers, PartnerResolvers } from '../__generated__/resolvers-types';
import { loadNodes, relatedNodes } from '../context';
import type { CompanyModel } from '../model';
import { prefetchable } from '../graph/vocabulary';
import { pageOf } from '../store/paging';
import { prefetchOf, selectedFields } from './lookahead';
import { PARTNERSHIP_RELATIONS } from './Partnership';

/** Company fields whose relation a query for the company can fetch at once (GraphQL field → relation). */
export const COMPANY_RELATIONS = prefetchable('Company');

export const Company: CompanyResolvers = {
  basedIn: (c, _, ctx) => relatedNodes(ctx, 'basedIn', c.id, 'Site'),
  memberOf: (c, _, ctx) => relatedNodes(ctx, 'memberOf', c.id, 'Company'),
  members: (c, _, ctx) => relatedNodes(ctx, 'members', c.id, 'Company'),
  partnerships: (c, { filter, first, after }, ctx, info) => {
    const selected = new Set([...selectedFields(info, ['nodes']), ...selectedFields(info, ['edges', 'node'])]);
    const prefetch = prefetchOf(selected, PARTNERSHIP_RELATIONS);
    return ctx.loaders.companyPartnerships(filter, pageOf(first, after), prefetch).load(c.id);
  },
  partners: async (c, _, ctx) =>
    (await ctx.loaders.partners.load(c.id)).map((p) => ({
      company: p.node as CompanyModel,
      partnershipIds: p.partnershipIds,
    })),
  sites: (c, _, ctx) => relatedNodes(ctx, 'sitesOfCompany', c.id, 'Site'),
  projects: (c, _, ctx) => relatedNodes(ctx, 'ownedProjects', c.id, 'Project'),
  people: async (c, _, ctx) =>
    (await ctx.loaders.related('people').load(c.id)).map((r) => ({
      title: r.title ?? '',
      personId: r.node.id,
      organizationId: c.id,
      evidenceIds: r.evidenceIds,
    })),
  milestones: (c, _, ctx) => relatedNodes(ctx, 'milestonesOfCompany', c.id, 'Milestone'),
  evidence: (c, _, ctx) => relatedNodes(ctx, 'evidence', c.id, 'Evidence'),
};

export const Partner: PartnerResolvers = {
  partnerships: (p, _, ctx) => loadNodes(ctx, p.partnershipIds, 'Partnership'),
};
