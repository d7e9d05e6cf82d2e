/**
 * Turns an extraction into proposals for the review queue, each with its record in the schema of
 * data/facts (its confidence and its quotes), keeping only relations whose other end is proposed too or
 * already in the graph.
 */
import { createHash } from 'node:crypto';
import type { FactFile } from '../load/plan';
import type { FactRecord } from '../store/proposals';
import type { Extraction, Known } from './extract';
import { slugify } from '../rules';

export interface Proposal {
  section: 'companies' | 'people' | 'sites' | 'projects' | 'partnerships' | 'stages' | 'milestones' | 'claims';
  id: string;
  name: string;
  confidence: number;
  /** True when the record is already in the graph: the proposal adds a piece of evidence to it. */
  known: boolean;
  quotes: string[];
}

type Published = { value: string; precision: 'year' | 'month' | 'day' } | null;

/** Every proposal of an extraction, most confident first. */
export function proposalsOf(x: Extraction, sourceId: string, published: Published): Proposal[] {
  const sections = { Company: 'companies', Person: 'people', Site: 'sites', Project: 'projects' } as const;
  const all: Proposal[] = [
    ...x.entities.map((e) => ({
      section: sections[e.label],
      id: e.id,
      name: e.name,
      confidence: e.confidence,
      known: e.known,
      quotes: e.quotes,
    })),
    ...x.deals.map((d) => ({
      section: 'partnerships' as const,
      id: d.id,
      name: d.name,
      confidence: d.confidence,
      known: d.known,
      quotes: d.quotes,
    })),
    ...x.deals
      .filter((d) => d.stage && published)
      .map((d) => ({
        section: 'stages' as const,
        id: stageId(d.id, sourceId),
        name: `${d.name}: ${d.stage!.status}`,
        confidence: d.confidence,
        known: false,
        quotes: [d.stage!.quote],
      })),
    ...x.milestones.map((m) => ({
      section: 'milestones' as const,
      id: m.id,
      name: m.name,
      confidence: m.confidence,
      known: false,
      quotes: [m.quote],
    })),
    ...x.claims.map((c, i) => ({
      section: 'claims' as const,
      id: claimId(c.subject, c.property, sourceId, i),
      name: `${c.subject}: ${c.property} ${c.value} ${c.unit}`,
      confidence: c.confidence,
      known: false,
      quotes: [c.quote],
    })),
  ];
  return all.sort(
    (a, b) => b.confidence - a.confidence || a.section.localeCompare(b.section) || a.id.localeCompare(b.id),
  );
}

/** Ids of a source's stages and claims: a short digest of the source first, so no truncation merges two. */
const tag = (sourceId: string) => createHash('sha256').update(sourceId).digest('hex').slice(0, 8);
const stageId = (deal: string, sourceId: string) => slugify(`stage ${tag(sourceId)} ${deal}`);
const claimId = (subject: string, property: string, sourceId: string, i: number) =>
  slugify(`claim ${tag(sourceId)} ${i + 1} ${property} ${subject}`);

/** Every proposal that can become a record, most confident first, with that record. */
export function proposalDrafts(
  x: Extraction,
  known: Known,
  sourceId: string,
  published: Published,
): (Proposal & { record: FactRecord })[] {
  const file = factFile(x, known, sourceId, published) as unknown as Record<string, FactRecord[]>;
  const records = new Map(
    Object.entries(file)
      .filter(([section]) => section !== 'source')
      .flatMap(([section, rows]) => rows.map((r) => [`${section} ${r.id}`, r] as const)),
  );
  // A value without the article's date has no record: the loader dates every claim.
  return proposalsOf(x, sourceId, published).flatMap((p) => {
    const record = records.get(`${p.section} ${p.id}`);
    return record ? [{ ...p, record }] : [];
  });
}

/** The fact file of every proposal; relations to records neither proposed nor stored are dropped, and so are deals that lose a party. */
function factFile(x: Extraction, known: Known, sourceId: string, published: Published): FactFile {
  const graph = new Set([...known.entities.map((e) => e.id), ...known.deals.map((d) => d.id)]);
  const entities = x.entities;
  const present = new Set([...graph, ...entities.map((e) => e.id)]);
  const refs = (ids: string[]) => ids.filter((id) => present.has(id));
  const round = (c: number) => Math.round(c * 100) / 100;
  const of = (label: string) => entities.filter((e) => e.label === label);

  const deals = x.deals.filter((d) => d.parties.every((p) => present.has(p.company)));
  for (const d of deals) present.add(d.id);
  const file: FactFile = { source: sourceId };
  const set = (key: keyof Omit<FactFile, 'source'>, rows: Record<string, unknown>[]) => {
    if (rows.length) (file as unknown as Record<string, unknown>)[key] = rows;
  };
  set(
    'companies',
    of('Company').map((e) => ({
      id: e.id,
      name: e.name,
      ...(e.aliases.length ? { aliases: e.aliases } : {}),
      kinds: e.kinds,
      ...(refs(e.basedIn).length ? { basedIn: refs(e.basedIn) } : {}),
      confidence: round(e.confidence),
      evidence: e.quotes,
    })),
  );
  set(
    'people',
    of('Person').map((e) => ({
      id: e.id,
      name: e.name,
      ...(e.aliases.length ? { aliases: e.aliases } : {}),
      ...(e.position && present.has(e.position.organization) ? { positions: [e.position] } : {}),
      confidence: round(e.confidence),
      evidence: e.quotes,
    })),
  );
  for (const [key, label] of [
    ['sites', 'Site'],
    ['projects', 'Project'],
  ] as const) {
    set(
      key,
      of(label).map((e) => ({
        id: e.id,
        name: e.name,
        ...(e.aliases.length ? { aliases: e.aliases } : {}),
        kind: e.kinds[0] ?? 'other',
        ...(refs(e.locatedIn).length ? { locatedIn: refs(e.locatedIn) } : {}),
        confidence: round(e.confidence),
        evidence: e.quotes,
      })),
    );
  }
  set(
    'partnerships',
    deals.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      status: d.status,
      binding: d.binding,
      modality: d.modality,
      parties: d.parties,
      ...(refs(d.sites).length ? { sites: refs(d.sites) } : {}),
      ...(refs(d.projects).length ? { projects: refs(d.projects) } : {}),
      confidence: round(d.confidence),
      evidence: d.quotes,
    })),
  );
  // A stage needs a date: the article's publication date.
  set(
    'stages',
    published
      ? deals
          .filter((d) => d.stage)
          .map((d) => ({
            id: stageId(d.id, sourceId),
            partnership: d.id,
            status: d.stage!.status,
            kind: d.stage!.kind,
            ...(d.stage!.binding ? { binding: d.stage!.binding } : {}),
            date: published,
            confidence: round(d.confidence),
            evidence: [d.stage!.quote],
          }))
      : [],
  );
  set(
    'milestones',
    x.milestones.map((m) => ({
      id: m.id,
      name: m.name,
      year: m.year,
      precision: 'year',
      bound: m.bound,
      due: m.due,
      modality: m.modality,
      ...(m.measure ? { measure: m.measure } : {}),
      ...(refs(m.partnerships).length ? { partnerships: refs(m.partnerships) } : {}),
      ...(refs(m.companies).length ? { companies: refs(m.companies) } : {}),
      ...(refs(m.sites).length ? { sites: refs(m.sites) } : {}),
      confidence: round(m.confidence),
      evidence: [m.quote],
    })),
  );
  set(
    'claims',
    published
      ? x.claims
          .map((c, i) => ({ c, id: claimId(c.subject, c.property, sourceId, i) }))
          .filter(({ c }) => present.has(c.subject))
          .map(({ c, id }) => ({
            id,
            subject: c.subject,
            property: c.property,
            value: c.value,
            unit: c.unit,
            approximate: c.approximate,
            ...(c.year ? { year: c.year } : {}),
            ...(c.bound ? { bound: c.bound } : {}),
            modality: c.modality,
            confidence: round(c.confidence),
            evidence: [c.quote],
          }))
      : [],
  );
  return file;
}
