/** The dashboard as of a day: the graph's counts, deals by their status then, and the plant figures. */
import type { CapacityGroup } from '../__generated__/resolvers-types';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { dashboard, DashboardModel, partnershipStatusesAsOf } from '../store/aggregates';
import { MAX_PAGE } from '../store/paging';
import type { PlantCapacityRow } from '../store/plants';
import { toEnum } from '../store/rows';
import { cachedAt, graphVersion } from '../store/versioned';
import { asOfDay, latestStage } from './asOf';
import { checkYear } from '../rules';
import { capacityReport } from './capacity';

/** The dashboard's plant figures when the client does not choose (the SDL states the same defaults). */
export const DASHBOARD_DEFAULTS = {
  groupBy: 'COUNTRY',
  from: 2020,
  to: 2030,
  year: 2030,
  first: 10,
} as const satisfies { groupBy: CapacityGroup; from: number; to: number; year: number; first: number };

/**
 * Each figure is computed once per graph version (a scan of every partnership and milestone, 300 ms at a
 * million nodes) and then served from the cache until a write changes the graph.
 */
export async function dashboardAsOf(db: Database, asOf: string | null | undefined): Promise<DashboardModel> {
  const day = asOfDay('asOf', asOf);
  const version = await graphVersion(db);
  const counts = await cachedAt(db, version, 'dashboard', () => dashboard(db));
  // Without a date the counts are today's as stored, in the one dashboard query.
  if (asOf === null || asOf === undefined) return { ...counts, asOf: day };
  const byStatus = await cachedAt(db, version, `partnershipStatusesAsOf:${day}`, () =>
    partnershipStatusesAsOf(db, day),
  );
  return { ...counts, asOf: day, partnershipsByStatus: byStatus };
}

/** Plants by the status of their latest stage on `asOf` (plants without stages count as UNKNOWN). */
export function plantsByStatus(rows: readonly PlantCapacityRow[], asOf: string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.stages.length === 0 ? 'UNKNOWN' : (latestStage(row.stages, asOf)?.status ?? null);
    if (key !== null) counts.set(toEnum(key), (counts.get(toEnum(key)) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
}

export interface CellMakerModel {
  companyId: string;
  plants: number;
  planned: number;
  operating: number;
}

/** Operators ranked by planned GWh in `year` (then name), the first `first`. */
export function cellMakers(
  rows: readonly PlantCapacityRow[],
  asOf: string,
  year: number,
  first: number,
): CellMakerModel[] {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) {
    throw new BadUserInputError('first', `must be between 0 and ${MAX_PAGE}, got ${first}`);
  }
  checkYear('year', year);
  const report = capacityReport(rows, 'COMPANY', year, year, asOf);
  return report.figures
    .filter((f) => f.key !== 'UNKNOWN')
    .sort((a, b) => b.planned - a.planned || a.label.localeCompare(b.label))
    .slice(0, first)
    .map((f) => ({ companyId: f.key, plants: f.plants, planned: f.planned, operating: f.operating }));
}
