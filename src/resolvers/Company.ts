import type { CompanyResolvers, PartnerResolvers, PartnershipFilter } from '../__generated__/resolvers-types';
import { loadNodes, partnershipsOf, relatedNodes, relatedNodesOf } from '../context';
import type { CompanyModel } from '../model';
import { prefetchable } from '../graph/vocabulary';
import { pageOf } from '../store/paging';
import type { PartnershipPageRequest } from '../store/lists';
import type { Selection } from '../store/projection';
import { fetchFor, itemsOf, selectionTree } from './lookahead';
import { PARTNERSHIP_RELATIONS, PARTY_FAR_END } from './Partnership';

/** Company fields whose relation a query for the company can fetch at once (GraphQL field → relation). */
export const COMPANY_RELATIONS = prefetchable('Company');

export const Company: CompanyResolvers = {
  basedIn: (c, _, ctx) => relatedNodesOf(ctx, c, 'basedIn', 'Site'),
  memberOf: (c, _, ctx) => relatedNodesOf(ctx, c, 'memberOf', 'Company'),
  members: (c, _, ctx) => relatedNodesOf(ctx, c, 'members', 'Company'),
  partnerships: (c, args, ctx, info) => partnershipsOf(ctx, c, partnershipPage(args, selectionTree(info))),
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
  evidence: (c, _, ctx) => relatedNodesOf(ctx, c, 'evidence', 'Evidence'),
};

/**
 * The page Company.partnerships fetches for its arguments and the connection's selection; the company
 * query builds the same one to fetch it with the company.
 */
export function partnershipPage(
  args: { filter?: PartnershipFilter | null; first?: number | null; after?: string | null },
  connection: Selection | undefined,
): PartnershipPageRequest {
  const { prefetch, shape } = fetchFor('Partnership', itemsOf(connection), PARTNERSHIP_RELATIONS, PARTY_FAR_END);
  return { filter: args.filter ?? null, page: pageOf(args.first, args.after), prefetch, shape: shape! };
}

export const Partner: PartnerResolvers = {
  partnerships: (p, _, ctx) => loadNodes(ctx, p.partnershipIds, 'Partnership'),
};
