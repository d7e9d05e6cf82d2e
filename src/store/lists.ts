/** Filtered, paginated lists. Each returns the page and the total in one query. */
import neo4j from 'neo4j-driver';
import { Database, GRAPH_VERSION } from '../db/neo4j';
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
import { checkDate, checkYear } from '../rules';
import { existedAsOf, statusAsOf } from './asOf';
import { NodeWithRelated, PrefetchRelation, RawRelated, relatedProjection, Shape, toRelatedMap } from './nodes';
import { projectionOf } from './projection';
import type { Page } from './paging';
import { fromEnum, toNode } from './rows';
import { orders } from './versioned';

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

/** Lists longer than this keep only their total: their pages are sorted by Neo4j on each request. */
const MAX_ORDERED = 25_000;

/** A filter's matching deals at one graph version: how many, and their ids in page order when few enough. */
interface Matching {
  total: number;
  ids: string[] | null;
}

type ListRow = { page: unknown[]; version: unknown };

const toPartnerships = (row: ListRow | undefined, page: Page, totalCount: number) => ({
  nodes: (row?.page ?? []).map((n) => toNode(n) as PartnershipModel),
  offset: page.offset,
  totalCount,
});

/**
 * A page of partnerships. Finding the deals that match a filter means reading every deal of the kind
 * (170 ms for supply deals with a year in 2027-2030 at a million nodes), so the matching ids, in order,
 * are kept per graph version and filter; a page is then read by id, and the same statement returns the
 * version, so a page is never assembled from an order older than the data it shows.
 */
export async function partnerships(
  db: Database,
  filter: PartnershipFilter | null | undefined,
  page: Page,
): Promise<ConnectionModel<PartnershipModel>> {
  const params = partnershipParams(filter);
  const where = partnershipFilter(params);
  const key = `partnerships:${JSON.stringify(params)}`;
  const bounds = { offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) };
  const known = await orders.last<Matching>(db, key);
  if (known?.value.ids) {
    const [row] = await db.read<ListRow>(
      'partnershipsById',
      `/* partnershipsById */
       CALL () {
         UNWIND $ids AS id
         MATCH (n:Entity {id: id})
         RETURN collect(n {.*, labels: labels(n)}) AS page
       }
       RETURN page, ${GRAPH_VERSION} AS version`,
      { ids: known.value.ids.slice(page.offset, page.offset + page.limit) },
    );
    if (Number(row?.version ?? 0) === known.version) return toPartnerships(row, page, known.value.total);
  } else if (known) {
    // Too many to keep in order: Neo4j sorts for the page, the total is counted once per version.
    const [row] = await db.read<ListRow>(
      'partnerships',
      `/* partnerships */
       CALL () {
         MATCH (n:Partnership) WHERE ${where}
         WITH n ORDER BY ${PARTNERSHIP_ORDER} SKIP $offset LIMIT $limit
         RETURN collect(n {.*, labels: labels(n)}) AS page
       }
       RETURN page, ${GRAPH_VERSION} AS version`,
      { ...params, ...bounds },
    );
    const version = Number(row?.version ?? 0);
    if (version === known.version) return toPartnerships(row, page, known.value.total);
  }
  const [row] = await db.read<ListRow & { total: unknown; ids: string[] | null }>(
    'partnershipsMatching',
    `/* partnershipsMatching */
     CALL () {
       MATCH (n:Partnership) WHERE ${where}
       WITH n ORDER BY ${PARTNERSHIP_ORDER}
       RETURN collect(n) AS found
     }
     RETURN size(found) AS total,
            CASE WHEN size(found) <= $maxOrdered THEN [x IN found | x.id] END AS ids,
            [x IN found[$offset..($offset + $limit)] | x {.*, labels: labels(x)}] AS page,
            ${GRAPH_VERSION} AS version`,
    { ...params, ...bounds, maxOrdered: neo4j.int(MAX_ORDERED) },
  );
  const matching = { total: Number(row?.total ?? 0), ids: row?.ids ?? null };
  await orders.at(db, Number(row?.version ?? 0), key, () => Promise.resolve(matching));
  return toPartnerships(row, page, matching.total);
}

/** One page of partnerships for each of many companies, in one query (Company.partnerships). */
export interface PartnershipPage {
  connection: ConnectionModel<PartnershipModel>;
  /** The prefetched relations of each partnership on the page. */
  related: Map<string, Map<PrefetchRelation, RelatedModel[]>>;
}

/**
 * For the company bound to `c`: the total of its partnerships matching `where` and one page of them
 * (as `total` and `page`). The loader MERGEs HAS_PARTY, so a partnership reaches a company once: no
 * DISTINCT is needed, and the page is a top-k sort instead of sorting and collecting every
 * partnership of a hub.
 */
function partnershipPageCalls(where: string, prefetch: readonly PrefetchRelation[], shape: Shape): string {
  // Only deals have parties, and each reaches a company once: unfiltered, the total is the degree.
  const total =
    where === 'true'
      ? 'RETURN COUNT { (c)<-[:HAS_PARTY]-() } AS total'
      : `MATCH (c)<-[:HAS_PARTY]-(n:Partnership) WHERE ${where}
       RETURN count(n) AS total`;
  return `CALL (c) {
       ${total}
     }
     CALL (c) {
       MATCH (c)<-[:HAS_PARTY]-(n:Partnership) WHERE ${where}
       WITH n ORDER BY ${PARTNERSHIP_ORDER} SKIP $offset LIMIT $limit
       RETURN collect({n: ${projectionOf('n', 'Partnership', shape.selection, true)}, related: ${relatedProjection(prefetch, shape.related)}}) AS page
     }`;
}

type PageRow = { total: unknown; page: { n: unknown; related: RawRelated }[] };

function toPartnershipPage(row: PageRow | undefined, page: Page): PartnershipPage {
  const nodes = (row?.page ?? []).map((item) => toNode(item.n) as PartnershipModel);
  return {
    connection: { nodes, offset: page.offset, totalCount: Number(row?.total ?? 0) },
    related: new Map((row?.page ?? []).map((item, i) => [nodes[i]!.id, toRelatedMap(item.related)])),
  };
}

/** Which partnerships of a company to fetch, and what of each. */
export interface PartnershipPageRequest {
  filter: PartnershipFilter | null | undefined;
  page: Page;
  prefetch: readonly PrefetchRelation[];
  shape: Shape;
}

const pageParams = (request: PartnershipPageRequest) => ({
  ...partnershipParams(request.filter),
  offset: neo4j.int(request.page.offset),
  limit: neo4j.int(request.page.limit),
});

export async function partnershipsOfCompanies(
  db: Database,
  companyIds: readonly string[],
  request: PartnershipPageRequest,
): Promise<Map<string, PartnershipPage>> {
  const params = pageParams(request);
  const rows = await db.read<PageRow & { cid: string }>(
    'partnershipsOfCompanies',
    `/* partnershipsOfCompanies */
     UNWIND $companyIds AS cid
     MATCH (c:Entity {id: cid})
     ${partnershipPageCalls(partnershipFilter(params), request.prefetch, request.shape)}
     RETURN cid, total, page`,
    { ...params, companyIds },
  );
  const byId = new Map(rows.map((r) => [r.cid, toPartnershipPage(r, request.page)]));
  return new Map(companyIds.map((id) => [id, byId.get(id) ?? toPartnershipPage(undefined, request.page)]));
}

/**
 * Companies by id with their `prefetch` relations and a page of their partnerships, in one query: what
 * `company(id)` needs when its partnerships are selected.
 */
export async function companiesWithPartnerships(
  db: Database,
  ids: readonly string[],
  prefetch: readonly PrefetchRelation[],
  shape: Shape,
  request: PartnershipPageRequest,
): Promise<Map<string, NodeWithRelated & { partnerships: PartnershipPage }>> {
  const params = pageParams(request);
  const rows = await db.read<PageRow & { n: unknown; related: RawRelated }>(
    'companiesWithPartnerships',
    `/* companiesWithPartnerships */
     UNWIND $ids AS id
     MATCH (c:Entity {id: id})
     ${partnershipPageCalls(partnershipFilter(params), request.prefetch, request.shape)}
     WITH c AS n, total, page
     RETURN ${projectionOf('n', shape.label, shape.selection)} AS n, ${relatedProjection(prefetch, shape.related)} AS related,
            total, page`,
    { ...params, ids },
  );
  return new Map(
    rows.map((row) => {
      const node = toNode(row.n);
      return [
        node.id,
        { node, related: toRelatedMap(row.related), partnerships: toPartnershipPage(row, request.page) },
      ];
    }),
  );
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
