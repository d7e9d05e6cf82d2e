/** Dashboard counts and the timeline. */
import type { Database } from '../db/neo4j';
import type { TimelineEntryModel } from '../model';
import { plain } from '../db/neo4j';
import { checkYear } from './paging';
import { toEnum } from './rows';

interface Count {
  key: string;
  count: number;
}
export interface DashboardModel {
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

export async function dashboard(db: Database): Promise<DashboardModel> {
  const [row] = await db.read(
    'dashboard',
    `/* dashboard */
    CALL () {
      MATCH (n:Entity)
      UNWIND labels(n) AS label
      WITH label, count(*) AS c WHERE label <> 'Entity'
      RETURN collect({key: label, count: c}) AS totals
    }
    CALL () {
      MATCH (p:Partnership)
      RETURN collect(p {.kind, .status, .binding, .announcedYear}) AS ps
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
    RETURN totals, ps, companiesByKind, milestonesByYear`,
  );
  const r = plain(row) as {
    totals: Count[];
    ps: { kind: string; status: string; binding: string; announcedYear: number | null }[];
    companiesByKind: Count[];
    milestonesByYear: { year: number; count: number }[];
  };
  const total = (label: string) => r.totals.find((t) => t.key === label)?.count ?? 0;
  const tally = (values: (string | number | null)[]) => {
    const counts = new Map<string | number, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  };
  const byKey = (values: string[]) => tally(values).map(([key, count]) => ({ key: toEnum(String(key)), count }));
  return {
    totals: {
      companies: total('Company'),
      people: total('Person'),
      sites: total('Site'),
      projects: total('Project'),
      partnerships: total('Partnership'),
      milestones: total('Milestone'),
      sources: total('Source'),
      evidence: total('Evidence'),
    },
    partnershipsByKind: byKey(r.ps.map((p) => p.kind)),
    partnershipsByStatus: byKey(r.ps.map((p) => p.status)),
    partnershipsByBinding: byKey(r.ps.map((p) => p.binding)),
    companiesByKind: r.companiesByKind.map((c) => ({ key: toEnum(c.key), count: c.count })),
    announcementsByYear: tally(r.ps.map((p) => p.announcedYear)).map(([year, count]) => ({
      year: Number(year),
      count,
    })),
    milestonesByYear: r.milestonesByYear,
  };
}

export async function timeline(
  db: Database,
  from: number | null | undefined,
  to: number | null | undefined,
  companyId: string | null | undefined,
): Promise<TimelineEntryModel[]> {
  const params = { from: checkYear('from', from), to: checkYear('to', to), companyId: companyId ?? null };
  const rows = await db.read<{ entry: unknown }>(
    'timeline',
    `/* timeline */
    CALL () {
      MATCH (m:Milestone)
      WHERE ($from IS NULL OR m.year >= $from) AND ($to IS NULL OR m.year <= $to)
        AND ($companyId IS NULL
             OR EXISTS { (m)-[:CONCERNS]->(:Entity {id: $companyId}) }
             OR EXISTS { (m)-[:MILESTONE_OF]->(:Partnership)-[:HAS_PARTY]->(:Entity {id: $companyId}) }
             OR EXISTS { (m)-[:MILESTONE_OF]->(:Project)<-[:OWNS]-(:Entity {id: $companyId}) })
      RETURN {year: m.year, date: coalesce(m.date, toString(m.year)), precision: m.precision, kind: 'milestone',
              title: m.name, milestoneId: m.id,
              partnershipId: head(COLLECT { MATCH (m)-[:MILESTONE_OF]->(p:Partnership) RETURN p.id ORDER BY p.id }),
              evidenceIds: COLLECT { MATCH (m)-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id }} AS entry
      UNION
      MATCH (p:Partnership)
      WHERE p.announcedYear IS NOT NULL
        AND ($from IS NULL OR p.announcedYear >= $from) AND ($to IS NULL OR p.announcedYear <= $to)
        AND ($companyId IS NULL OR EXISTS { (p)-[:HAS_PARTY]->(:Entity {id: $companyId}) })
      RETURN {year: p.announcedYear, date: p.announcedValue, precision: p.announcedPrecision, kind: 'announcement',
              title: 'Announced: ' + p.name, milestoneId: null, partnershipId: p.id, evidenceIds: p.announcedEvidenceIds} AS entry
      UNION
      MATCH (p:Partnership)
      WHERE p.startYear IS NOT NULL
        AND ($from IS NULL OR p.startYear >= $from) AND ($to IS NULL OR p.startYear <= $to)
        AND ($companyId IS NULL OR EXISTS { (p)-[:HAS_PARTY]->(:Entity {id: $companyId}) })
      RETURN {year: p.startYear, date: p.startValue, precision: p.startPrecision, kind: 'start',
              title: 'Starts: ' + p.name, milestoneId: null, partnershipId: p.id, evidenceIds: p.startEvidenceIds} AS entry
    }
    RETURN entry ORDER BY entry.date, entry.kind, entry.title`,
    params,
  );
  return rows.map(({ entry }) => {
    const e = plain(entry) as Omit<TimelineEntryModel, 'kind' | 'precision'> & { kind: string; precision: string };
    return { ...e, kind: toEnum(e.kind), precision: toEnum(e.precision), evidenceIds: e.evidenceIds ?? [] };
  });
}
