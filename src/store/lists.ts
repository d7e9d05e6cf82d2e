/** Filtered, paginated lists. Each returns the page and the total in one query. */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/neo4j';
import type { CompanyFilter, PartnershipFilter, SiteKind } from '../__generated__/resolvers-types';
import type {
  CompanyModel,
  ConnectionModel,
  NodeModel,
  PartnershipModel,
  PersonModel,
  ProjectModel,
  RelatedModel,
  SiteModel,
  SourceModel,
} from '../model';
import { checkDate } from '../rules';
import { existedAsOf, statusAsOf } from './asOf';
import { PrefetchRelation, RawRelated, relatedProjection, toRelatedMap } from './nodes';
import { Page, checkYear } from './paging';
import { fromEnum, toNode } from './rows';

export async function pageQuery<T extends NodeModel>(
  db: Database,
  operation: string,
  match: string,
  params: Record<string, unknown>,
  page: Page,
): Promise<ConnectionModel<T>> {
  const [row] = await db.read<{ total: number; page: unknown[] }>(
    operation,
    `/* ${operation} */
     ${match}
     WITH collect(n) AS found
     RETURN size(found) AS total, [x IN found[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS page`,
    { ...params, offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) },
  );
  return {
    nodes: (row?.page ?? []).map((n) => toNode(n) as T),
    offset: page.offset,
    totalCount: Number(row?.total ?? 0),
  };
}

/**
 * The WHERE clause for the filters actually given, from fixed fragments (values stay parameters).
 * A `$x IS NULL OR …` clause for every possible filter would hide the indexes from the planner: the
 * kind filter became a scan of all partnerships, with their milestones collected for each.
 */
function partnershipFilter(p: ReturnType<typeof partnershipParams>): string {
  const within = (year: string) =>
    [p.fromYear !== null && `${year} >= $fromYear`, p.toYear !== null && `${year} <= $toYear`]
      .filter(Boolean)
      .join(' AND ');
  const years =
    p.fromYear !== null || p.toYear !== null
      ? `(${within('n.announcedYear')} OR ${within('n.startYear')}
          OR EXISTS { MATCH (n)<-[:MILESTONE_OF]-(ms:Milestone) WHERE ${within('ms.year')} })`
      : null;
  const conditions = [
    p.kind !== null && 'n.kind = $kind',
    p.asOf !== null && existedAsOf('n'),
    p.status !== null && (p.asOf !== null ? `${statusAsOf('n')} = $status` : 'n.status = $status'),
    p.binding !== null && 'n.binding = $binding',
    p.companyId !== null && 'EXISTS { (n)-[:HAS_PARTY]->(:Entity {id: $companyId}) }',
    p.projectId !== null && 'EXISTS { (n)-[:SERVES]->(:Entity {id: $projectId}) }',
    p.siteId !== null && 'EXISTS { (n)-[:AT_SITE]->(:Site)-[:LOCATED_IN*0..6]->(:Entity {id: $siteId}) }',
    years,
  ].filter((c): c is string => typeof c === 'string');
  return conditions.length ? conditions.join(' AND ') : 'true';
}
const PARTNERSHIP_ORDER = 'n.announcedValue IS NULL, n.announcedValue DESC, n.id';

function partnershipParams(filter: PartnershipFilter | null | undefined) {
  const f = filter ?? {};
  return {
    companyId: f.companyId ?? null,
    kind: f.kind ? fromEnum(f.kind) : null,
    status: f.status ? fromEnum(f.status) : null,
    binding: f.binding ? fromEnum(f.binding) : null,
    siteId: f.siteId ?? null,
    projectId: f.projectId ?? null,
    fromYear: checkYear('filter.fromYear', f.fromYear),
    toYear: checkYear('filter.toYear', f.toYear),
    asOf: f.asOf === null || f.asOf === undefined ? null : checkDate('filter.asOf', f.asOf, 'DAY'),
  };
}

export function partnerships(db: Database, filter: PartnershipFilter | null | undefined, page: Page) {
  const params = partnershipParams(filter);
  return pageQuery<PartnershipModel>(
    db,
    'partnerships',
    `MATCH (n:Partnership) WHERE ${partnershipFilter(params)} WITH n ORDER BY ${PARTNERSHIP_ORDER}`,
    params,
    page,
  );
}

/** One page of partnerships for each of many companies, in one query (Company.partnerships). */
export interface PartnershipPage {
  connection: ConnectionModel<PartnershipModel>;
  /** The prefetched relations of each partnership on the page. */
  related: Map<string, Map<PrefetchRelation, RelatedModel[]>>;
}

export async function partnershipsOfCompanies(
  db: Database,
  companyIds: readonly string[],
  filter: PartnershipFilter | null | undefined,
  page: Page,
  prefetch: readonly PrefetchRelation[] = [],
): Promise<Map<string, PartnershipPage>> {
  const params = partnershipParams(filter);
  const where = partnershipFilter(params);
  // The loader MERGEs HAS_PARTY, so a partnership reaches a company once: no DISTINCT is needed, and
  // without a filter the total is the company's degree (read from the node, not counted) and the page
  // a top-k sort, instead of sorting and collecting every partnership of a hub.
  const rows = await db.read<{ cid: string; total: number; page: { n: unknown; related: RawRelated }[] }>(
    'partnershipsOfCompanies',
    `/* partnershipsOfCompanies */
     UNWIND $companyIds AS cid
     MATCH (c:Entity {id: cid})
     CALL (c) {
       MATCH (c)<-[:HAS_PARTY]-(n:Partnership) WHERE ${where}
       RETURN count(n) AS total
     }
     CALL (c) {
       MATCH (c)<-[:HAS_PARTY]-(n:Partnership) WHERE ${where}
       WITH n ORDER BY ${PARTNERSHIP_ORDER} SKIP $offset LIMIT $limit
       RETURN collect({n: n {.*, labels: labels(n)}, related: ${relatedProjection(prefetch)}}) AS page
     }
     RETURN cid, total, page`,
    { ...params, companyIds, offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) },
  );
  const byId = new Map(
    rows.map((r): [string, PartnershipPage] => {
      const nodes = r.page.map((item) => toNode(item.n) as PartnershipModel);
      return [
        r.cid,
        {
          connection: { nodes, offset: page.offset, totalCount: Number(r.total) },
          related: new Map(r.page.map((item, i) => [nodes[i]!.id, toRelatedMap(item.related)])),
        },
      ];
    }),
  );
  const empty = (): PartnershipPage => ({
    connection: { nodes: [], offset: page.offset, totalCount: 0 },
    related: new Map(),
  });
  return new Map(companyIds.map((id) => [id, byId.get(id) ?? empty()]));
}

export function companies(db: Database, filter: CompanyFilter | null | undefined, page: Page) {
  const f = filter ?? {};
  return pageQuery<CompanyModel>(
    db,
    'companies',
    `MATCH (n:Company)
     WHERE ($kind IS NULL OR $kind IN n.kinds)
       AND ($partnerOf IS NULL OR EXISTS { (n)<-[:HAS_PARTY]-(:Partnership)-[:HAS_PARTY]->(o:Company {id: $partnerOf}) WHERE o <> n })
       AND ($siteId IS NULL OR EXISTS { (n)<-[:HAS_PARTY]-(:Partnership)-[:AT_SITE]->(:Site)-[:LOCATED_IN*0..6]->(:Site {id: $siteId}) })
     WITH n ORDER BY n.name, n.id`,
    { kind: f.kind ? fromEnum(f.kind) : null, partnerOf: f.partnerOf ?? null, siteId: f.siteId ?? null },
    page,
  );
}

export function sites(db: Database, kind: SiteKind | null | undefined, page: Page) {
  return pageQuery<SiteModel>(
    db,
    'sites',
    'MATCH (n:Site) WHERE $kind IS NULL OR n.kind = $kind WITH n ORDER BY n.name, n.id',
    { kind: kind ? fromEnum(kind) : null },
    page,
  );
}

export function projects(db: Database, page: Page) {
  return pageQuery<ProjectModel>(db, 'projects', 'MATCH (n:Project) WITH n ORDER BY n.name, n.id', {}, page);
}

export function people(db: Database, page: Page) {
  return pageQuery<PersonModel>(db, 'people', 'MATCH (n:Person) WITH n ORDER BY n.name, n.id', {}, page);
}

export async function allSources(db: Database) {
  const rows = await db.read<{ n: unknown }>(
    'sources',
    '/* sources */ MATCH (n:Source) RETURN n {.*, labels: labels(n)} AS n ORDER BY n.id',
  );
  return rows.map((r) => toNode(r.n) as SourceModel);
}
