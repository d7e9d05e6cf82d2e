import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { GraphQLResolveInfo } from 'graphql';
import { Fetch, loadTyped } from '../context';
import { dashboardAsOf } from '../landscape/dashboard';
import { timeline } from '../store/aggregates';
import { revisionsOf } from '../store/curation';
import { neighborhood, search, shortestPath } from '../store/explore';
import * as lists from '../store/lists';
import { pageOf } from '../store/paging';
import { COMPANY_RELATIONS, partnershipPage } from './Company';
import { argumentsBelow, fetchFor, selectionTree } from './lookahead';
import { PARTNERSHIP_RELATIONS, PARTY_FAR_END } from './Partnership';

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => ctx.loaders.node.load(id),
  company: (_, { id }, ctx, info) => loadTyped(ctx, id, 'Company', companyFetch(info)),
  companies: (_, { filter, first, after }, { db }) => lists.companies(db, filter, pageOf(first, after)),
  person: (_, { id }, ctx) => loadTyped(ctx, id, 'Person'),
  people: (_, { first, after }, { db }) => lists.people(db, pageOf(first, after)),
  site: (_, { id }, ctx) => loadTyped(ctx, id, 'Site'),
  sites: (_, { kind, first, after }, { db }) => lists.sites(db, kind, pageOf(first, after)),
  project: (_, { id }, ctx) => loadTyped(ctx, id, 'Project'),
  projects: (_, { first, after }, { db }) => lists.projects(db, pageOf(first, after)),
  partnership: (_, { id }, ctx, info) =>
    loadTyped(
      ctx,
      id,
      'Partnership',
      fetchFor('Partnership', selectionTree(info), PARTNERSHIP_RELATIONS, PARTY_FAR_END),
    ),
  partnerships: (_, { filter, first, after }, { db }) => lists.partnerships(db, filter, pageOf(first, after)),
  milestone: (_, { id }, ctx) => loadTyped(ctx, id, 'Milestone'),
  source: (_, { id }, ctx) => loadTyped(ctx, id, 'Source'),
  sources: (_, __, { db }) => lists.allSources(db),
  timeline: (_, { from, to, companyId }, { db }, info) => {
    const selected = selectionTree(info);
    return timeline(db, from, to, companyId, {
      milestone: selected.get('milestone'),
      partnership: selected.get('partnership'),
      evidence: selected.has('evidence'),
    });
  },
  search: (_, { text, first }, { db }) => search(db, text, first ?? 20),
  neighborhood: async (_, { id, depth, limit }, { db }) =>
    (await neighborhood(db, id, depth ?? 1, limit ?? 200)) ?? { nodes: [], edges: [] },
  shortestPath: (_, { fromId, toId, maxLength }, { db }) => shortestPath(db, fromId, toId, maxLength ?? 8),
  dashboard: (_, { asOf }, { db }) => dashboardAsOf(db, asOf),
  history: (_, { id }, { db }) => revisionsOf(db, id),
};

/**
 * A company with what is selected of it, and its page of partnerships when that is selected once: the
 * whole company view in one query. Arguments the page refuses leave the page to its own resolver,
 * which reports them there.
 */
function companyFetch(info: GraphQLResolveInfo): Fetch {
  const selection = selectionTree(info);
  const fetch = fetchFor('Company', selection, COMPANY_RELATIONS);
  const args = argumentsBelow(info, 'partnerships');
  if (!args) return fetch;
  try {
    return { ...fetch, partnerships: partnershipPage(args, selection.get('partnerships')) };
  } catch {
    return fetch;
  }
}
