/** Cell plants: the filtered list and the rows the capacity rollup and the as-of views compute from. */
import type { Database } from '../db/neo4j';
import { plain } from '../db/neo4j';
import type { PlantModel } from '../model';
import { existedAsOf, statusAsOf } from './asOf';
import { pageQuery } from './lists';
import type { Page } from './paging';
import { toNode } from './rows';
import { cached } from './versioned';

export interface PlantFilter {
  siteId: string | null;
  operatorId: string | null;
  /** Storage spelling (`production-started`). */
  status: string | null;
  /** YYYY-MM-DD: only plants with a stage on or before it, `status` matched as of it. */
  asOf: string | null;
}

export function plants(db: Database, filter: PlantFilter, page: Page) {
  const conditions = [
    filter.siteId !== null && 'EXISTS { (n)-[:LOCATED_IN*0..6]->(:Entity {id: $siteId}) }',
    filter.operatorId !== null && 'EXISTS { (n)<-[:OPERATES]-(:Entity {id: $operatorId}) }',
    filter.asOf !== null && existedAsOf('n'),
    filter.status !== null && (filter.asOf !== null ? `${statusAsOf('n')} = $status` : 'n.status = $status'),
  ].filter((c): c is string => typeof c === 'string');
  return pageQuery<PlantModel>(
    db,
    'plants',
    `MATCH (n:Plant) WHERE ${conditions.length ? conditions.join(' AND ') : 'true'} WITH n ORDER BY n.name, n.id`,
    { ...filter },
    page,
  );
}

/** A stage as the as-of rules read it. */
export interface StageRow {
  id: string;
  status: string;
  date: string;
}

/** A capacity claim as the rollup reads it (GWh a year). */
export interface CapacityClaimRow {
  id: string;
  property: string;
  value: number;
  unit: string;
  year: number | null;
  stated: string;
  modality: string;
  rank: string;
}

export interface PlantCapacityRow {
  plant: PlantModel;
  country: { id: string; name: string } | null;
  operator: { id: string; name: string } | null;
  stages: StageRow[];
  claims: CapacityClaimRow[];
}

/** Every plant with what the rollup needs, in one query, once per graph version (shared: never mutated). */
export function plantCapacityRows(db: Database): Promise<readonly PlantCapacityRow[]> {
  return cached(db, 'plantCapacityRows', () => readPlantCapacityRows(db));
}

async function readPlantCapacityRows(db: Database): Promise<PlantCapacityRow[]> {
  const rows = await db.read<{ row: unknown }>(
    'plantCapacityRows',
    `/* plantCapacityRows */
     MATCH (n:Plant)
     RETURN {
       plant: n {.*, labels: labels(n)},
       country: head(COLLECT { MATCH (n)-[:LOCATED_IN*1..6]->(c:Site {kind: 'country'}) RETURN c {.id, .name} }),
       operator: head(COLLECT { MATCH (n)<-[:OPERATES]-(o:Company) RETURN o {.id, .name} ORDER BY o.id }),
       stages: COLLECT { MATCH (n)-[:HAS_STAGE]->(s:Stage) RETURN {id: s.id, status: s.status, date: s.dateValue} },
       claims: COLLECT {
         MATCH (n)<-[:CLAIM_OF]-(c:Claim)
         WHERE c.property IN ['capacity-target', 'initial-capacity', 'capacity']
         RETURN {id: c.id, property: c.property, value: c.value, unit: c.unit, year: c.year,
                 stated: c.statedValue, modality: c.modality, rank: coalesce(c.rank, 'normal')}
       }
     } AS row ORDER BY n.name, n.id`,
  );
  return rows.map(({ row }) => {
    const r = plain(row) as Omit<PlantCapacityRow, 'plant'> & { plant: unknown };
    return { ...r, plant: toNode(r.plant) as PlantModel };
  });
}
