/**
 * The capacity rollup: GWh a year by country, company or status, per year, planned vs operating, as
 * known on a date. The rules (also in docs/landscape.md):
 * - Only what was known on `asOf` counts: stages dated after it and claims stated after it are ignored.
 * - A plant's capacity in year Y is a step function of its capacity claims in GWh (MWh converted): the
 *   claim for the latest year not after Y wins (a claim without a year counts from the year it was
 *   stated); among claims for the same year, the curator's rank, then the most recently stated, then
 *   an actual value over a target, then the smallest id. So "8 GWh in 2024, 40 GWh by 2030" gives 8
 *   for 2024–2029 and 40 from 2030.
 * - Planned counts every plant announced by `asOf` and not cancelled as of then (operating ones too).
 * - Operating counts a plant in year Y when, as of `asOf`, it had started production in or before Y
 *   and was still producing (its latest stage, a sale aside, is production started or expanded);
 *   for a year after `asOf`, with the capacity it had in the year of `asOf` (what runs now, not its
 *   targets).
 */
import { BadUserInputError } from '../errors';
import type { CapacityGroup } from '../__generated__/resolvers-types';
import type { CapacityClaimRow, PlantCapacityRow } from '../store/plants';
import { toEnum } from '../store/rows';
import { checkYear } from '../rules';
import { stagesUntil } from './asOf';

export interface CapacityFigureModel {
  key: string;
  label: string;
  year: number;
  planned: number;
  operating: number;
  plants: number;
  claimIds: string[];
}

export interface CapacityReportModel {
  groupBy: CapacityGroup;
  from: number;
  to: number;
  asOf: string;
  figures: CapacityFigureModel[];
  totals: CapacityFigureModel[];
  withoutCapacityIds: string[];
}

const MAX_YEARS = 60;
const PRODUCING = new Set(['production-started', 'expanded']);
const TO_GWH: Record<string, number> = { gwh: 1, mwh: 0.001 };
const RANK: Record<string, number> = { preferred: 0, normal: 1 };

export function checkYears(from: number, to: number): void {
  checkYear('from', from);
  checkYear('to', to);
  if (from > to) throw new BadUserInputError('from', `must not be after \`to\` (${from} > ${to})`);
  if (to - from >= MAX_YEARS) throw new BadUserInputError('to', `spans more than ${MAX_YEARS} years`);
}

const effectiveYear = (c: CapacityClaimRow) => c.year ?? Number(c.stated.slice(0, 4));

/** Claims usable on `asOf`, best first for their year. */
function knownClaims(claims: readonly CapacityClaimRow[], asOf: string): CapacityClaimRow[] {
  return claims
    .filter((c) => c.stated <= asOf && c.rank !== 'deprecated' && TO_GWH[c.unit.toLowerCase()] !== undefined)
    .sort(
      (a, b) =>
        effectiveYear(b) - effectiveYear(a) ||
        (RANK[a.rank] ?? 1) - (RANK[b.rank] ?? 1) ||
        b.stated.localeCompare(a.stated) ||
        Number(b.modality === 'actual') - Number(a.modality === 'actual') ||
        a.id.localeCompare(b.id),
    );
}

/** The claim that gives a plant's capacity in `year`, or null. */
export function claimForYear(known: readonly CapacityClaimRow[], year: number): CapacityClaimRow | null {
  return known.find((c) => effectiveYear(c) <= year) ?? null;
}

const gwh = (c: CapacityClaimRow) => c.value * TO_GWH[c.unit.toLowerCase()]!;

interface PlantState {
  row: PlantCapacityRow;
  status: string | null;
  productionYear: number | null;
  known: CapacityClaimRow[];
}

function stateOf(row: PlantCapacityRow, asOf: string): PlantState | null {
  const stages = stagesUntil(row.stages, asOf);
  // A plant without any stage is taken as announced when a capacity for it was stated by then.
  const known = knownClaims(row.claims, asOf);
  if (stages.length === 0 && (row.stages.length > 0 || known.length === 0)) return null;
  const status = stages.at(-1)?.status ?? null;
  if (status === 'cancelled') return null;
  // A sale changes the owner, not whether the plant runs: the stage before it says that.
  const running = PRODUCING.has([...stages].reverse().find((s) => s.status !== 'sold')?.status ?? '');
  const started = stages.find((s) => PRODUCING.has(s.status));
  return { row, status, productionYear: running && started ? Number(started.date.slice(0, 4)) : null, known };
}

function groupOf(state: PlantState, groupBy: CapacityGroup): { key: string; label: string } {
  if (groupBy === 'COUNTRY')
    return state.row.country ? { key: state.row.country.id, label: state.row.country.name } : UNKNOWN;
  if (groupBy === 'COMPANY')
    return state.row.operator ? { key: state.row.operator.id, label: state.row.operator.name } : UNKNOWN;
  if (groupBy === 'PLANT') return { key: state.row.plant.id, label: state.row.plant.name };
  return state.status ? { key: toEnum(state.status), label: state.status.replace(/-/g, ' ') } : UNKNOWN;
}
const UNKNOWN = { key: 'UNKNOWN', label: 'unknown' };

/**
 * Reports computed from one set of plant rows, by their arguments. The rows are shared per graph version
 * (src/store/plants.ts), so a report lives exactly as long as the rows it was computed from.
 */
const reports = new WeakMap<readonly PlantCapacityRow[], Map<string, CapacityReportModel>>();
/** Reports kept per version: a plant-by-year report of a large graph holds tens of thousands of figures. */
const MAX_REPORTS = 32;

/** The rollup of `rows` (never mutated: callers share it). */
export function capacityReport(
  rows: readonly PlantCapacityRow[],
  groupBy: CapacityGroup,
  from: number,
  to: number,
  asOf: string,
): CapacityReportModel {
  checkYears(from, to);
  let byArguments = reports.get(rows);
  if (!byArguments) reports.set(rows, (byArguments = new Map()));
  const key = `${groupBy}|${from}|${to}|${asOf}`;
  let report = byArguments.get(key);
  if (!report) {
    if (byArguments.size >= MAX_REPORTS) byArguments.clear();
    report = computeReport(rows, { groupBy, from, to, asOf });
    byArguments.set(key, report);
  }
  return report;
}

function computeReport(
  rows: readonly PlantCapacityRow[],
  { groupBy, from, to, asOf }: Pick<CapacityReportModel, 'groupBy' | 'from' | 'to' | 'asOf'>,
): CapacityReportModel {
  const states = rows.map((r) => stateOf(r, asOf)).filter((s): s is PlantState => s !== null);
  const figures = new Map<string, CapacityFigureModel>();
  const totals = new Map<number, CapacityFigureModel>();
  const add = (target: CapacityFigureModel, claim: CapacityClaimRow, operating: CapacityClaimRow | null) => {
    target.planned += gwh(claim);
    if (operating) target.operating += gwh(operating);
    target.plants += 1;
    target.claimIds.push(claim.id);
  };
  const blank = (key: string, label: string, year: number): CapacityFigureModel => ({
    key,
    label,
    year,
    planned: 0,
    operating: 0,
    plants: 0,
    claimIds: [],
  });
  const asOfYear = Number(asOf.slice(0, 4));
  for (const state of states) {
    const { key, label } = groupOf(state, groupBy);
    for (let year = from; year <= to; year++) {
      const claim = claimForYear(state.known, year);
      if (!claim) continue;
      const running = state.productionYear !== null && state.productionYear <= year;
      const operating = running ? claimForYear(state.known, Math.min(year, asOfYear)) : null;
      const id = `${key}|${year}`;
      if (!figures.has(id)) figures.set(id, blank(key, label, year));
      add(figures.get(id)!, claim, operating);
      if (!totals.has(year)) totals.set(year, blank('TOTAL', 'total', year));
      add(totals.get(year)!, claim, operating);
    }
  }
  const round = (f: CapacityFigureModel) => ({
    ...f,
    planned: Math.round(f.planned * 1000) / 1000,
    operating: Math.round(f.operating * 1000) / 1000,
  });
  return {
    groupBy,
    from,
    to,
    asOf,
    figures: [...figures.values()]
      .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key) || a.year - b.year)
      .map(round),
    totals: [...totals.values()].sort((a, b) => a.year - b.year).map(round),
    withoutCapacityIds: states.filter((s) => s.known.length === 0).map((s) => s.row.plant.id),
  };
}
