/** Dashboard counts and the timeline. */
import type { Database } from '../db/neo4j';
import type { MilestoneModel, PartnershipModel, TimelineEntryModel } from '../model';
import { plain } from '../db/neo4j';
import { existedAsOf, statusAsOf } from './asOf';
import { checkYear } from '../rules';
import { projectionOf, Selection } from './projection';
import { toEnum, toNode } from './rows';

interface Count {
  key: string;
  count: number;
}
export interface DashboardModel {
  /** The day the as-of figures are for. */
  asOf: string;
  totals: Record<
    'companies' | 'people' | 'sites' | 'projects' | 'partnerships' | 'milestones' | 'sources' | 'evidence',
    number
  >;
  partnershipsByKind: Count[];
  partnershipsByStatus: Count[];
  partnershipsByBinding: Count[];
  companiesByKind: Count[];
  announcementsByYear: { year: number; count: number }[];
  milestonesByYear: { year: number; count: number }[];
}

/**
 * Totals come from Neo4j's count store (constant time at any size); partnerships are grouped by all
 * four keys in one pass, so a million-node graph sends back a few hundred rows, not every partnership.
 */
export const DASHBOARD = `/* dashboard */
  CALL () { MATCH (n:Company) RETURN count(n) AS companies }
  CALL () { MATCH (n:Person) RETURN count(n) AS people }
  CALL () { MATCH (n:Site) RETURN count(n) AS sites }
  CALL () { MATCH (n:Project) RETURN count(n) AS projects }
  CALL () { MATCH (n:Partnership) RETURN count(n) AS partnerships }
  CALL () { MATCH (n:Milestone) RETURN count(n) AS milestones }
  CALL () { MATCH (n:Source) RETURN count(n) AS sources }
  CALL () { MATCH (n:Evidence) RETURN count(n) AS evidence }
  CALL () {
    MATCH (p:Partnership)
    WITH p.kind AS kind, p.status AS status, p.binding AS binding, p.announcedYear AS year, count(*) AS count
    RETURN collect({kind: kind, status: status, binding: binding, year: year, count: count}) AS ps
  }
  CALL () {
    MATCH (c:Company) UNWIND c.kinds AS kind
    WITH kind, count(*) AS c ORDER BY kind
    RETURN collect({key: kind, count: c}) AS companiesByKind
  }
  CALL () {
    MATCH (m:Milestone)
    WITH m.year AS year, count(*) AS c ORDER BY year
    RETURN collect({year: year, count: c}) AS milestonesByYear
  }
  RETURN {companies: companies, people: people, sites: sites, projects: projects, partnerships: partnerships,
          milestones: milestones, sources: sources, evidence: evidence} AS totals,
         ps, companiesByKind, milestonesByYear`;

type Group = { kind: string; status: string; binding: string; year: number | null; count: number };

export async function dashboard(db: Database): Promise<Omit<DashboardModel, 'asOf'>> {
  const [row] = await db.read('dashboard', DASHBOARD);
  const r = plain(row) as {
    totals: DashboardModel['totals'];
    ps: Group[];
    companiesByKind: Count[];
    milestonesByYear: { year: number; count: number }[];
  };
  const tally = (key: (g: Group) => string | number | null) => {
    const counts = new Map<string | number, number>();
    for (const g of r.ps) {
      const v = key(g);
      if (v !== null) counts.set(v, (counts.get(v) ?? 0) + g.count);
    }
    return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  };
  const byKey = (key: (g: Group) => string) => tally(key).map(([k, count]) => ({ key: toEnum(String(k)), count }));
  return {
    totals: r.totals,
    partnershipsByKind: byKey((g) => g.kind),
    partnershipsByStatus: byKey((g) => g.status),
    partnershipsByBinding: byKey((g) => g.binding),
    companiesByKind: r.companiesByKind.map((c) => ({ key: toEnum(c.key), count: c.count })),
    announcementsByYear: tally((g) => g.year).map(([year, count]) => ({ year: Number(year), count })),
    milestonesByYear: r.milestonesByYear,
  };
}

/** Partnerships by their status on `$asOf`, counting those that existed then. */
export async function partnershipStatusesAsOf(db: Database, asOf: string): Promise<Count[]> {
  const rows = await db.read<{ key: string; count: number }>(
    'partnershipStatusesAsOf',
    `/* partnershipStatusesAsOf */
     MATCH (n:Partnership) WHERE ${existedAsOf('n')}
     WITH ${statusAsOf('n')} AS status, count(*) AS count
     RETURN status AS key, count ORDER BY key`,
    { asOf },
  );
  return rows.map((r) => ({ key: toEnum(r.key), count: Number(r.count) }));
}

/** What an entry's milestone and deal are selected for; an unselected one is not fetched. */
export interface TimelineRecords {
  milestone?: Selection;
  partnership?: Selection;
}

const inRange = (year: string) => `($from IS NULL OR ${year} >= $from) AND ($to IS NULL OR ${year} <= $to)`;

/**
 * With a company, the statement starts from it and walks its own partnerships, projects and
 * milestones, so its cost follows the company's degree, not the number of milestones in the graph.
 */
const timelineStatement = (scoped: boolean, records?: TimelineRecords) => {
  // With records, each entry carries what is selected of its milestone and deal, so the entries'
  // fields need no second query.
  const milestone = records?.milestone && projectionOf('m', 'Milestone', records.milestone, true);
  const partnership = records?.partnership && projectionOf('p', 'Partnership', records.partnership, true);
  // The milestone's own record, and its deal's from `deal` given the deal's projection; null if unselected.
  const withRecords = (m: string | null, deal: (projection: string) => string) =>
    records ? `, milestoneRecord: ${m ?? 'null'}, partnershipRecord: ${partnership ? deal(partnership) : 'null'}` : '';
  return `/* timeline${scoped ? ' of company' : ''}${records ? ' with records' : ''} */
    ${scoped ? 'MATCH (c:Entity {id: $companyId})' : ''}
    CALL (${scoped ? 'c' : ''}) {
      ${
        scoped
          ? `CALL (c) {
          MATCH (c)<-[:CONCERNS]-(m:Milestone) RETURN m
          UNION
          MATCH (c)<-[:HAS_PARTY]-(:Partnership)<-[:MILESTONE_OF]-(m:Milestone) RETURN m
          UNION
          MATCH (c)-[:OWNS]->(:Project)<-[:MILESTONE_OF]-(m:Milestone) RETURN m
        }
        WITH m WHERE ${inRange('m.year')}`
          : `MATCH (m:Milestone) WHERE ${inRange('m.year')}`
      }
      RETURN {year: m.year, date: coalesce(m.date, toString(m.year)), precision: m.precision, kind: 'milestone',
              title: m.name, milestoneId: m.id,
              partnershipId: head(COLLECT { MATCH (m)-[:MILESTONE_OF]->(p:Partnership) RETURN p.id ORDER BY p.id }),
              evidenceIds: COLLECT { MATCH (m)-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id }${withRecords(
                milestone || null,
                (p) => `head(COLLECT { MATCH (m)-[:MILESTONE_OF]->(p:Partnership) RETURN ${p} ORDER BY p.id })`,
              )}} AS entry
      UNION
      MATCH ${scoped ? '(c)<-[:HAS_PARTY]-' : ''}(p:Partnership)
      WHERE p.announcedYear IS NOT NULL AND ${inRange('p.announcedYear')}
      RETURN {year: p.announcedYear, date: p.announcedValue, precision: p.announcedPrecision, kind: 'announcement',
              title: 'Announced: ' + p.name, milestoneId: null, partnershipId: p.id, evidenceIds: p.announcedEvidenceIds${withRecords(null, (p) => p)}} AS entry
      UNION
      MATCH ${scoped ? '(c)<-[:HAS_PARTY]-' : ''}(p:Partnership)
      WHERE p.startYear IS NOT NULL AND ${inRange('p.startYear')}
      RETURN {year: p.startYear, date: p.startValue, precision: p.startPrecision, kind: 'start',
              title: 'Starts: ' + p.name, milestoneId: null, partnershipId: p.id, evidenceIds: p.startEvidenceIds${withRecords(null, (p) => p)}} AS entry
      UNION
      ${
        scoped
          ? `CALL (c) {
          MATCH (c)<-[:HAS_PARTY]-(:Partnership)-[:HAS_STAGE]->(s:Stage) RETURN s
          UNION
          MATCH (c)-[:OPERATES]->(:Plant)-[:HAS_STAGE]->(s:Stage) RETURN s
        }
        WITH s WHERE ${inRange('s.dateYear')}`
          : `MATCH (s:Stage) WHERE ${inRange('s.dateYear')}`
      }
      RETURN {year: s.dateYear, date: s.dateValue, precision: s.datePrecision, kind: 'stage',
              title: coalesce(s.summary, s.name), milestoneId: null, stageId: s.id,
              partnershipId: head(COLLECT { MATCH (s)<-[:HAS_STAGE]-(p:Partnership) RETURN p.id }),
              evidenceIds: COLLECT { MATCH (s)-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id }${withRecords(null, (p) => `head(COLLECT { MATCH (s)<-[:HAS_STAGE]-(p:Partnership) RETURN ${p} })`)}} AS entry
    }
    RETURN entry ORDER BY entry.date, entry.kind, entry.title`;
};

/** The timeline statements, shared with the benchmark's raw-Cypher arm. */
export const TIMELINE = { all: timelineStatement(false), company: timelineStatement(true) } as const;

export async function timeline(
  db: Database,
  from: number | null | undefined,
  to: number | null | undefined,
  companyId: string | null | undefined,
  records?: TimelineRecords,
): Promise<TimelineEntryModel[]> {
  const params = { from: checkYear('from', from), to: checkYear('to', to), companyId: companyId ?? null };
  const statement = records ? timelineStatement(Boolean(companyId), records) : TIMELINE[companyId ? 'company' : 'all'];
  const rows = await db.read<{ entry: unknown }>('timeline', statement, params);
  return rows.map(({ entry }) => {
    const { milestoneRecord, partnershipRecord, ...e } = plain(entry) as Omit<
      TimelineEntryModel,
      'kind' | 'precision' | 'milestone' | 'partnership'
    > & { kind: string; precision: string; milestoneRecord?: unknown; partnershipRecord?: unknown };
    return {
      ...e,
      kind: toEnum(e.kind),
      precision: toEnum(e.precision),
      stageId: e.stageId ?? null,
      evidenceIds: e.evidenceIds ?? [],
      ...(records
        ? {
            milestone: milestoneRecord ? (toNode(milestoneRecord) as MilestoneModel) : null,
            partnership: partnershipRecord ? (toNode(partnershipRecord) as PartnershipModel) : null,
          }
        : {}),
    };
  });
}
