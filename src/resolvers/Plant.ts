/** Cell plants, their owners and stages, and the capacity rollup. */
import type {
  CapacityFigureResolvers,
  CapacityReportResolvers,
  CompanyResolvers,
  OwnershipResolvers,
  PlantResolvers,
  PlantStatus,
  QueryResolvers,
  SiteResolvers,
  StageResolvers,
} from '../__generated__/resolvers-types';
import { loadNodes, loadTyped, relatedNodes } from '../context';
import { asOfDay, latestStage } from '../landscape/asOf';
import { capacityReport } from '../landscape/capacity';
import type { CompanyModel, OwnershipModel, PlantModel, RelatedModel, SiteModel } from '../model';
import { pageOf } from '../store/paging';
import { plantCapacityRows, plants } from '../store/plants';
import { fromEnum } from '../store/rows';
import { claimsOf } from './Lifecycle';

const asPlant = (site: SiteModel | null): PlantModel | null => (site?.plant ? (site as PlantModel) : null);

/** A HOLDS_STAKE link, read from either end, as the shareholder's ownership of the plant. */
const ownership = (r: RelatedModel, company: CompanyModel, plantId: string): OwnershipModel => ({
  company,
  plantId,
  stake: r.stake,
  evidenceIds: r.evidenceIds,
});

export const Plant: PlantResolvers = {
  site: (p) => p,
  operator: async (p, _, ctx) => (await relatedNodes(ctx, 'operator', p.id, 'Company'))[0] ?? null,
  owners: async (p, _, ctx) =>
    (await ctx.loaders.related('plantOwners').load(p.id)).map((r) => ownership(r, r.node as CompanyModel, p.id)),
  chemistry: (p) => p.plant.chemistry,
  status: async (p, { asOf }, ctx) => {
    if (asOf === null || asOf === undefined) return p.plant.status;
    const stages = await relatedNodes(ctx, 'stagesOf', p.id, 'Stage');
    const latest = latestStage(
      stages.map((s) => ({ id: s.id, date: s.date.value, status: s.status })),
      asOfDay('asOf', asOf),
    );
    // The loader accepts only plant statuses on a plant's stages.
    return (latest?.status ?? null) as PlantStatus | null;
  },
  stages: (p, _, ctx) => relatedNodes(ctx, 'stagesOf', p.id, 'Stage'),
  city: async (p, _, ctx) => (await relatedNodes(ctx, 'cityOf', p.id, 'Site'))[0] ?? null,
  country: async (p, _, ctx) => (await relatedNodes(ctx, 'countryOf', p.id, 'Site'))[0] ?? null,
  location: (p) => p.location,
  claims: (p, args, ctx) => claimsOf(ctx, p.id, args),
  partnerships: (p, _, ctx) => relatedNodes(ctx, 'partnershipsAtSite', p.id, 'Partnership'),
  evidence: (p, _, ctx) => relatedNodes(ctx, 'evidence', p.id, 'Evidence'),
};

export const Ownership: OwnershipResolvers = {
  company: (o) => o.company,
  plant: async (o, _, ctx) => asPlant(await loadTyped(ctx, o.plantId, 'Site'))!,
  evidence: (o, _, ctx) => loadNodes(ctx, o.evidenceIds, 'Evidence'),
};

export const SitePlant: Pick<SiteResolvers, 'plant'> = { plant: (s) => asPlant(s) };

export const StagePlant: Pick<StageResolvers, 'plant'> = {
  plant: async (s, _, ctx) => asPlant((await relatedNodes(ctx, 'plantOfStage', s.id, 'Site'))[0] ?? null),
};

export const CompanyPlants: Pick<CompanyResolvers, 'operatedPlants' | 'plantStakes'> = {
  operatedPlants: async (c, _, ctx) =>
    (await relatedNodes(ctx, 'operatedPlants', c.id, 'Site')).map(asPlant).filter((p): p is PlantModel => !!p),
  plantStakes: async (c, _, ctx) =>
    (await ctx.loaders.related('plantStakes').load(c.id)).map((r) => ownership(r, c, r.node.id)),
};

export const CapacityReport: CapacityReportResolvers = {
  withoutCapacity: async (r, _, ctx) =>
    (await loadNodes(ctx, r.withoutCapacityIds, 'Site')).map((s) => s as PlantModel),
};

export const CapacityFigure: CapacityFigureResolvers = {
  claims: (f, _, ctx) => loadNodes(ctx, f.claimIds, 'Claim'),
};

export const PlantQuery: Pick<QueryResolvers, 'plant' | 'plants' | 'capacity'> = {
  plant: async (_, { id }, ctx) => asPlant(await loadTyped(ctx, id, 'Site')),
  plants: (_, { siteId, operatorId, status, asOf, first, after }, { db }) =>
    plants(
      db,
      {
        siteId: siteId ?? null,
        operatorId: operatorId ?? null,
        status: status ? fromEnum(status) : null,
        asOf: asOf === null || asOf === undefined ? null : asOfDay('asOf', asOf),
      },
      pageOf(first, after),
    ),
  capacity: async (_, { groupBy, from, to, asOf }, { db }) =>
    capacityReport(await plantCapacityRows(db), groupBy, from, to, asOfDay('asOf', asOf)),
};
