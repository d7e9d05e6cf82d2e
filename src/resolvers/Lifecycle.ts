/** Deals over time (stages, replacements) and competing values (claims with a preferred one). */
import type {
  ClaimGroupResolvers,
  ClaimResolvers,
  CompanyResolvers,
  DealHistoryResolvers,
  QueryResolvers,
  StageResolvers,
} from '../__generated__/resolvers-types';
import { relatedNodes, type Context } from '../context';
import type { ClaimGroupModel, ClaimModel, PartnershipModel } from '../model';
import { claimGroups, dealHistory, narrowClaims, unrealizedDeals } from '../store/lifecycle';

type ClaimArgs = { property?: ClaimModel['property'] | null; preferredOnly?: boolean | null };
export const claimsOf = async (ctx: Context, id: string, { property, preferredOnly }: ClaimArgs) =>
  narrowClaims(await relatedNodes(ctx, 'claimsOf', id, 'Claim'), property, preferredOnly);

export const stagesOf = (ctx: Context, deal: PartnershipModel) => relatedNodes(ctx, 'stagesOf', deal.id, 'Stage');

export const Stage: StageResolvers = {
  partnership: async (s, _, ctx) => (await relatedNodes(ctx, 'dealOfStage', s.id, 'Partnership'))[0] ?? null,
  sites: (s, _, ctx) => relatedNodes(ctx, 'sites', s.id, 'Site'),
  evidence: (s, _, ctx) => relatedNodes(ctx, 'evidence', s.id, 'Evidence'),
};

export const Claim: ClaimResolvers = {
  subject: async (c, _, ctx) => (await ctx.loaders.related('subjectOfClaim').load(c.id))[0]!.node,
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
