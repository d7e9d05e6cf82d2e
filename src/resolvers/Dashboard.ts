import type { CellMakerResolvers, DashboardResolvers } from '../__generated__/resolvers-types';
import { loadTyped, relatedNodes } from '../context';
import { capacityReport } from '../landscape/capacity';
import { cellMakers, DASHBOARD_DEFAULTS, plantsByStatus } from '../landscape/dashboard';
import type { CompanyModel } from '../model';

export const Dashboard: DashboardResolvers = {
  capacity: async (d, { groupBy, from, to }, ctx) =>
    capacityReport(
      await ctx.loaders.plantCapacity.load('all'),
      groupBy ?? DASHBOARD_DEFAULTS.groupBy,
      from ?? DASHBOARD_DEFAULTS.from,
      to ?? DASHBOARD_DEFAULTS.to,
      d.asOf,
    ),
  plantsByStatus: async (d, _, ctx) => plantsByStatus(await ctx.loaders.plantCapacity.load('all'), d.asOf),
  cellMakers: async (d, { year, first }, ctx) =>
    cellMakers(
      await ctx.loaders.plantCapacity.load('all'),
      d.asOf,
      year ?? DASHBOARD_DEFAULTS.year,
      first ?? DASHBOARD_DEFAULTS.first,
    ),
};

export const CellMaker: CellMakerResolvers = {
  company: async (m, _, ctx) => (await loadTyped(ctx, m.companyId, 'Company')) as CompanyModel,
  customers: (m, _, ctx) => relatedNodes(ctx, 'customers', m.companyId, 'Company'),
};
