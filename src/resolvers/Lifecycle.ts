/** Deals over time (stages, replacements) and competing values (claims with a preferred one). */
import DataLoader from 'dataloader';
import type {
  ClaimGroupResolvers,
  ClaimResolvers,
  CompanyResolvers,
  DealHistoryResolvers,
  QueryResolvers,
  StageResolvers,
} from '../__generated__/resolvers-types';
import { relatedNodes, type Context } from '../context';
import type { ClaimGroupModel, ClaimModel, NodeModel, PartnershipModel, SiteModel, StageModel } from '../model';
import { claimGroups, dealHistory, LifecycleList, listsByIds, narrowClaims, unrealizedDeals } from '../store/lifecycle';

/** One DataLoader per list and request, so a page of deals fetches its stages with one query. */
const loadersOf = new WeakMap<Context, Map<LifecycleList, DataLoader<string, NodeModel[]>>>();

export function listOf<T extends NodeModel>(ctx: Context, list: LifecycleList, id: string): Promise<T[]> {
  let loaders = loadersOf.get(ctx);
  if (!loaders) loadersOf.set(ctx, (loaders = new Map()));
  let loader = loaders.get(list);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await listsByIds(ctx.db, list, ids);
      return ids.map((i) => found.get(i) ?? []);
    });
    loaders.set(list, loader);
  }
  return loader.load(id) as Promise<T[]>;
}

type ClaimArgs = { property?: ClaimModel['property'] | null; preferredOnly?: boolean | null };
export const claimsOf = async (ctx: Context, id: string, { property, preferredOnly }: ClaimArgs) =>
  narrowClaims(await listOf<ClaimModel>(ctx, 'claimsOf', id), property, preferredOnly);

export const stagesOf = (ctx: Context, deal: PartnershipModel) => listOf<StageModel>(ctx, 'stagesOfDeal', deal.id);

export const Stage: StageResolvers = {
  partnership: async (s, _, ctx) => (await listOf<PartnershipModel>(ctx, 'dealOfStage', s.id))[0]!,
  sites: (s, _, ctx) => listOf<SiteModel>(ctx, 'sitesOfStage', s.id),
  evidence: (s, _, ctx) => relatedNodes(ctx, 'evidence', s.id, 'Evidence'),
};

export const Claim: ClaimResolvers = {
  subject: async (c, _, ctx) => (await listOf(ctx, 'subjectOfClaim', c.id))[0]!,
  evidence: (c, _, ctx) => relatedNodes(ctx, 'evidence', c.id, 'Evidence'),
};

const isConflicting = (g: ClaimGroupModel) => new Set(g.values.map((c) => `${c.value} ${c.unit}`)).size > 1;

export const ClaimGroup: ClaimGroupResolvers = {
  preferred: (g) => g.values.find((c) => c.preferred) ?? g.values[0]!,
  conflicting: isConflicting,
};

export const DealHistory: DealHistoryResolvers = {
  status: (h) => h.partnership.status,
  current: async (h, _, ctx) => (await stagesOf(ctx, h.partnership)).at(-1) ?? null,
  stages: async (h, _, ctx) =>
    (await Promise.all(h.path.map((p) => stagesOf(ctx, p))))
      .flat()
      .sort((a, b) => a.date.value.localeCompare(b.date.value) || a.id.localeCompare(b.id)),
};

export const CompanyLifecycle: Pick<CompanyResolvers, 'claims'> = {
  claims: (c, args, ctx) => claimsOf(ctx, c.id, args),
};

export const LifecycleQuery: Pick<QueryResolvers, 'dealHistory' | 'unrealizedDeals' | 'claims'> = {
  dealHistory: (_, { id }, { db }) => dealHistory(db, id),
  unrealizedDeals: (_, __, { db }) => unrealizedDeals(db),
  claims: async (_, { subjectId, property, conflictingOnly }, { db }) => {
    const groups = await claimGroups(db, subjectId ?? null, property ?? null);
    return conflictingOnly ? groups.filter(isConflicting) : groups;
  },
};
