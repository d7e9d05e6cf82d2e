/**
 * The dashboard's landscape tables as plain rows for export (CSV, .xlsx): capacity by group and year,
 * plants by status and the top cell makers with their customers. Each is computed by the same domain
 * functions as the API's fields, from the same rows, so an exported number equals the API's.
 */
import type { CapacityGroup } from '../__generated__/resolvers-types';
import type { Database } from '../db/neo4j';
import type { ClaimModel, EvidenceModel, SourceModel } from '../model';
import { nodesByIds, relatedByIds } from '../store/nodes';
import { plantCapacityRows } from '../store/plants';
import { asOfDay } from './asOf';
import { capacityReport } from './capacity';
import { cellMakers, DASHBOARD_DEFAULTS, plantsByStatus } from './dashboard';

export type Cell = string | number | null;

export interface Column {
  header: string;
  /** How a spreadsheet shows it: GWh with decimals, whole numbers, or text. */
  format: 'text' | 'integer' | 'gwh';
}

export interface Table {
  /** Sheet name. */
  name: string;
  columns: Column[];
  rows: Cell[][];
}

/** What an export holds: its main table first (the CSV), then tables that trace it (the workbook's other sheets). */
export interface Export {
  /** File name without extension, from the table and its parameters. */
  fileName: string;
  /** The parameters as the API names them, with the values used (defaults filled in). */
  parameters: Record<string, string | number>;
  tables: Table[];
}

export const CAPACITY_GROUPS = ['COUNTRY', 'COMPANY', 'STATUS', 'PLANT'] as const satisfies readonly CapacityGroup[];

const text = (header: string): Column => ({ header, format: 'text' });
const integer = (header: string): Column => ({ header, format: 'integer' });
const gwh = (header: string): Column => ({ header, format: 'gwh' });

export interface CapacityParameters {
  groupBy?: CapacityGroup;
  from?: number;
  to?: number;
  asOf?: string;
}

/** Capacity by group and year (then the totals per year), and the claims and quotes behind each figure. */
export async function capacityExport(db: Database, parameters: CapacityParameters): Promise<Export> {
  const groupBy = parameters.groupBy ?? DASHBOARD_DEFAULTS.groupBy;
  const from = parameters.from ?? DASHBOARD_DEFAULTS.from;
  const to = parameters.to ?? DASHBOARD_DEFAULTS.to;
  const asOf = asOfDay('asOf', parameters.asOf);
  const rows = await plantCapacityRows(db);
  const report = capacityReport(rows, groupBy, from, to, asOf);
  const figures = [...report.figures, ...report.totals];
  const plantOfClaim = new Map(rows.flatMap((r) => r.claims.map((c) => [c.id, r.plant] as const)));
  const claimIds = [...new Set(report.figures.flatMap((f) => f.claimIds))];
  const claims = await nodesByIds(db, claimIds, ['evidence']);
  const evidence = (id: string) => (claims.get(id)?.related.get('evidence') ?? []).map((r) => r.node as EvidenceModel);
  const sourceIds = [...new Set(claimIds.flatMap((id) => evidence(id).map((e) => e.sourceId)))];
  const sources = await nodesByIds(db, sourceIds);
  const trace: Cell[][] = report.figures.flatMap((f) =>
    f.claimIds.flatMap((id) => {
      const claim = claims.get(id)?.node as ClaimModel;
      const plant = plantOfClaim.get(id);
      return evidence(id).map((e) => {
        const source = sources.get(e.sourceId)?.node as SourceModel | undefined;
        return [
          f.key,
          f.label,
          f.year,
          plant?.id ?? null,
          plant?.name ?? null,
          id,
          claim.value,
          claim.unit,
          claim.year,
          claim.modality.toLowerCase(),
          claim.stated.value,
          e.quote,
          source?.publisher ?? null,
          source?.url ?? null,
          source?.published?.value ?? null,
        ];
      });
    }),
  );
  return {
    fileName: `capacity-by-${groupBy.toLowerCase()}-${from}-${to}-as-of-${asOf}`,
    parameters: { groupBy, from, to, asOf },
    tables: [
      {
        name: 'Capacity',
        columns: [
          text('Group id'),
          text('Group'),
          integer('Year'),
          gwh('Planned GWh a year'),
          gwh('Operating GWh a year'),
          integer('Plants'),
        ],
        rows: figures.map((f) => [f.key, f.label, f.year, f.planned, f.operating, f.plants]),
      },
      {
        name: 'Claims',
        columns: [
          text('Group id'),
          text('Group'),
          integer('Year'),
          text('Plant id'),
          text('Plant'),
          text('Claim id'),
          gwh('Value'),
          text('Unit'),
          integer('For year'),
          text('Modality'),
          text('Stated'),
          text('Quote'),
          text('Publisher'),
          text('URL'),
          text('Published'),
        ],
        rows: trace,
      },
    ],
  };
}

/** Plants by their status as of a day. */
export async function plantsByStatusExport(db: Database, parameters: { asOf?: string }): Promise<Export> {
  const asOf = asOfDay('asOf', parameters.asOf);
  const counts = plantsByStatus(await plantCapacityRows(db), asOf);
  return {
    fileName: `plants-by-status-as-of-${asOf}`,
    parameters: { asOf },
    tables: [
      {
        name: 'Plants by status',
        columns: [text('Status'), integer('Plants')],
        rows: counts.map((c) => [c.key, c.count]),
      },
    ],
  };
}

/** Cell makers ranked by planned GWh in a year, with the carmakers that buy their cells. */
export async function cellMakersExport(
  db: Database,
  parameters: { asOf?: string; year?: number; first?: number },
): Promise<Export> {
  const asOf = asOfDay('asOf', parameters.asOf);
  const year = parameters.year ?? DASHBOARD_DEFAULTS.year;
  const first = parameters.first ?? DASHBOARD_DEFAULTS.first;
  const makers = cellMakers(await plantCapacityRows(db), asOf, year, first);
  const ids = makers.map((m) => m.companyId);
  const [companies, customers] = await Promise.all([nodesByIds(db, ids), relatedByIds(db, 'customers', ids)]);
  return {
    fileName: `cell-makers-${year}-as-of-${asOf}`,
    parameters: { asOf, year, first },
    tables: [
      {
        name: 'Cell makers',
        columns: [
          integer('Rank'),
          text('Company id'),
          text('Company'),
          integer('Plants'),
          gwh(`Planned GWh a year in ${year}`),
          gwh(`Operating GWh a year in ${year}`),
          text('Customers'),
          text('Customer ids'),
        ],
        rows: makers.map((m, i) => {
          const buyers = (customers.get(m.companyId) ?? []).map((r) => r.node);
          return [
            i + 1,
            m.companyId,
            companies.get(m.companyId)?.node.name ?? m.companyId,
            m.plants,
            m.planned,
            m.operating,
            buyers.map((b) => b.name).join('; '),
            buyers.map((b) => b.id).join('; '),
          ];
        }),
      },
    ],
  };
}
