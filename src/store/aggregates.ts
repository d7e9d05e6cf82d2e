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

/**
 * What a request selects of the entries: the fields of their milestone and deal (an unselected record
 * is not fetched) and whether their quotes (else `evidenceIds` stays empty and is not read).
 */
export interface TimelineSelection {
  milestone?: Selection;
  partnership?: Selection;
  evidence: boolean;
}

/** Entries carry their milestone's and deal's records when either is selected. */
const carriesRecords = (selected: TimelineSelection) => Boolean(selected.milestone || selected.partnership);

const inRange = (year: string) => `($from IS NULL OR ${year} >= $from) AND ($to IS NULL OR ${year} <= $to)`;

/**
 * With a company, the statement starts from it and walks its own partnerships, projects and
 * milestones, so its cost follows the company's degree, not the number of milestones in the graph.
 */
const timelineStatement = (scoped: boolean, selected: TimelineSelection) => {
  // With records, each entry carries what is selected of its milestone and deal, so the entries'
  // fields need no second query.
  const records = carriesRecords(selected);
  const milestone = selected.milestone && projectionOf('m', 'Milestone', selected.milestone, true);
  const partnership = selected.partnership && projectionOf('p', 'Partnership', selected.partnership, true);
  // The milestone's own record and the deal's, bound to `p` (possibly null); null if unselected.
  const withRecords = (m: string | null) =>
    records ? `, milestoneRecord: ${m ?? 'null'}, partnershipRecord: ${partnership ?? 'null'}` : '';
  const quotes = (ids: string) => (selected.evidence ? `, evidenceIds: ${ids}` : '');
  const quotesOf = (v: string) =>
    quotes(`COLLECT { MATCH (${v})-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id }`);
  return `/* timeline${scoped ? ' of company' : ''}${records ? ' with records' : ''}${selected.evidence ? '' : ' without quotes'} */
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
      WITH m, head(COLLECT { MATCH (m)-[:MILESTONE_OF]->(p:Partnership) RETURN p ORDER BY p.id }) AS p
      RETURN {year: m.year, date: coalesce(m.date, toString(m.year)), precision: m.precision, kind: 'milestone',
              title: m.name, milestoneId: m.id, partnershipId: p.id${quotesOf('m')}${withRecords(milestone || null)}} AS entry
      UNION
      MATCH ${scoped ? '(c)<-[:HAS_PARTY]-' : ''}(p:Partnership)
      WHERE p.announcedYear IS NOT NULL AND ${inRange('p.announcedYear')}
      RETURN {year: p.announcedYear, date: p.announcedValue, precision: p.announcedPrecision, kind: 'announcement',
              title: 'Announced: ' + p.name, milestoneId: null, partnershipId: p.id${quotes('p.announcedEvidenceIds')}${withRecords(null)}} AS entry
      UNION
      MATCH ${scoped ? '(c)<-[:HAS_PARTY]-' : ''}(p:Partnership)
      WHERE p.startYear IS NOT NULL AND ${inRange('p.startYear')}
      RETURN {year: p.startYear, date: p.startValue, precision: p.startPrecision, kind: 'start',
              title: 'Starts: ' + p.name, milestoneId: null, partnershipId: p.id${quotes('p.startEvidenceIds')}${withRecords(null)}} AS entry
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
      WITH s, head(COLLECT { MATCH (s)<-[:HAS_STAGE]-(p:Partnership) RETURN p }) AS p
      RETURN {year: s.dateYear, date: s.dateValue, precision: s.datePrecision, kind: 'stage',
              title: coalesce(s.summary, s.name), milestoneId: null, stageId: s.id,
              partnershipId: p.id${quotesOf('s')}${withRecords(null)}} AS entry
    }
    RETURN entry ORDER BY entry.date, entry.kind, entry.title`;
};

/** A company's timeline with every entry field, its records read by id: the benchmark's raw-Cypher arm. */
export const COMPANY_TIMELINE = timelineStatement(true, { evidence: true });

export async function timeline(
  db: Database,
  from: number | null | undefined,
  to: number | null | undefined,
  companyId: string | null | undefined,
  selected: TimelineSelection,
): Promise<TimelineEntryModel[]> {
  const params = { from: checkYear('from', from), to: checkYear('to', to), companyId: companyId ?? null };
  const rows = await db.read<{ entry: unknown }>('timeline', timelineStatement(Boolean(companyId), selected), params);
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
      ...(carriesRecords(selected)
        ? {
            milestone: milestoneRecord ? (toNode(milestoneRecord) as MilestoneModel) : null,
            partnership: partnershipRecord ? (toNode(partnershipRecord) as PartnershipModel) : null,
          }
        : {}),
    };
  });
}
