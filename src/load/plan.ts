/**
 * Turns one validated fact file into a write plan: node rows, relation rows and evidence rows, with
 * every quote located in its source. Pure: no database; the writer checks references that point
 * outside the file.
 */
import { declaredIn, DomainLabel, RelationshipType, Section, SECTIONS } from '../graph/vocabulary';
import type { NodeLabel } from '../model';
import { writtenAt } from '../rules';
import { LoadError } from './errors';
import { EvidenceRow, evidenceRow, locateQuote, quoteTitle } from '../quotes';
import type { Source } from './sources';

type EvidenceItem = string | { quote: string; source?: string; occurrence?: number; speaker?: string };
type Ref = string | { id: string; evidence?: EvidenceItem[] };
interface DateValue {
  value: string;
  precision: string;
  evidence?: EvidenceItem[];
}
interface RecordBase {
  id: string;
  name: string;
  aliases?: string[];
  description?: string;
  evidence: EvidenceItem[];
  [field: string]: unknown;
}
export interface FactFile {
  source: string;
  companies?: RecordBase[];
  people?: RecordBase[];
  sites?: RecordBase[];
  projects?: RecordBase[];
  partnerships?: RecordBase[];
  milestones?: RecordBase[];
  stages?: RecordBase[];
  claims?: RecordBase[];
}

export type RelationType = RelationshipType;

export interface NodeRow {
  id: string;
  label: Exclude<NodeLabel, 'Evidence' | 'Source'>;
  /** A facility with a `plant` block is also labelled Plant. */
  plant?: boolean;
  props: Record<string, unknown>;
  evidenceIds: string[];
}
export interface RelationRow {
  type: RelationType;
  from: string;
  to: string;
  /** The end that may lie outside this file, and the label it must have (null: any domain record). */
  check: { id: string; label: NodeLabel | null };
  props: { role?: string; title?: string; stake?: number; evidenceIds: string[] };
}
export interface Plan {
  file: string;
  nodes: NodeRow[];
  relations: RelationRow[];
  evidence: EvidenceRow[];
}

interface PlantBlock {
  operator: Ref;
  owners?: { company: string; stake?: number; evidence?: EvidenceItem[] }[];
  chemistry?: string;
}

/** A deal's stages move it through these statuses; a plant's through the second list. */
export const DEAL_STATUSES = ['announced', 'signed', 'active', 'in-discussion', 'completed', 'lapsed', 'cancelled'];
export const PLANT_STATUSES = [
  'announced',
  'construction-started',
  'production-started',
  'expanded',
  'paused',
  'cancelled',
  'sold',
];

/** Which YAML section holds which label, and which of its fields are plain relations (from the vocabulary). */
const SECTION_SPECS = Object.fromEntries(
  (Object.entries(SECTIONS) as [Section, DomainLabel][]).map(([section, label]) => [
    section,
    { label, relations: declaredIn(section) },
  ]),
) as Record<Section, { label: DomainLabel; relations: Record<string, [RelationType, NodeLabel]> }>;

/** Scalar fields copied as node properties (beyond id, name, aliases, description). */
const SCALARS: Record<NodeRow['label'], string[]> = {
  Company: ['kinds'],
  Person: [],
  Site: ['kind'],
  Project: ['kind'],
  Partnership: ['kind', 'status', 'binding', 'modality', 'purpose'],
  Milestone: ['year', 'date', 'precision', 'bound', 'due', 'modality'],
  Stage: ['status', 'kind', 'binding', 'summary'],
  Claim: ['property', 'value', 'unit', 'approximate', 'year', 'bound', 'modality', 'rank'],
};

/** Names for records whose YAML may leave the name out: stages and claims are titled by their content. */
function generatedName(label: NodeRow['label'], rec: RecordBase): string {
  if (label === 'Stage')
    return `${(rec.partnership ?? rec.plant) as string}: ${rec.status as string} (${(rec.date as DateValue).value})`;
  const year = rec.year ? ` (${(rec.bound as string | undefined) ?? 'in'} ${rec.year as number})` : '';
  return `${rec.subject as string}: ${rec.property as string} ${rec.value as number} ${rec.unit as string}${year}`;
}

export function buildPlan(file: string, facts: FactFile, sources: ReadonlyMap<string, Source>): Plan {
  const plan: Plan = { file, nodes: [], relations: [], evidence: [] };
  const evidenceById = new Map<string, EvidenceRow>();
  if (!sources.has(facts.source)) {
    throw new LoadError(file, undefined, 'source', `unknown source "${facts.source}" (declare it in data/sources/)`);
  }

  const resolve = (items: EvidenceItem[], record: string, field: string): string[] =>
    items.map((item, i) => {
      const {
        quote,
        source = facts.source,
        occurrence = 1,
        speaker = null,
      } = typeof item === 'string' ? { quote: item } : item;
      const where = `${field}[${i}]`;
      const src = sources.get(source);
      if (!src) throw new LoadError(file, record, where, `unknown source "${source}"`);
      const location = locateQuote(src.text, quote, occurrence);
      if (!location) {
        throw new LoadError(file, record, where, `quote does not occur in source "${source}": "${quoteTitle(quote)}"`);
      }
      if (location.end > src.factsEnd) {
        throw new LoadError(file, record, where, `quote lies in the part of "${source}" that holds no facts`);
      }
      const row = evidenceRow(source, quote, location, speaker);
      const id = row.id;
      if (!evidenceById.has(id)) {
        evidenceById.set(id, row);
      } else if (speaker) {
        evidenceById.get(id)!.speakerId = speaker;
      }
      if (speaker) {
        plan.relations.push({
          type: 'SPOKEN_BY',
          from: id,
          to: speaker,
          check: { id: speaker, label: 'Person' },
          props: { evidenceIds: [] },
        });
      }
      return id;
    });

  /** A claim is stated when its first quote's source was published, unless the file says otherwise. */
  const publicationOf = (item: EvidenceItem, record: string): DateValue => {
    const sourceId = (typeof item === 'string' ? undefined : item.source) ?? facts.source;
    const published = sources.get(sourceId)?.published;
    if (!published) {
      throw new LoadError(file, record, 'stated', `source "${sourceId}" has no publication date: give "stated"`);
    }
    const precision =
      sources.get(sourceId)!.publishedPrecision ?? ['year', 'month', 'day'][(published.length - 4) / 3]!;
    return { value: published, precision };
  };

  const seen = new Set<string>();
  for (const [section, spec] of Object.entries(SECTION_SPECS) as [Section, (typeof SECTION_SPECS)[Section]][]) {
    (facts[section] ?? []).forEach((rec, index) => {
      const record = `${section}[${index}] (${rec.id})`;
      if (seen.has(rec.id)) throw new LoadError(file, record, 'id', `id "${rec.id}" is declared twice in this file`);
      seen.add(rec.id);
      const evidenceIds = resolve(rec.evidence, record, 'evidence');
      const props: Record<string, unknown> = {
        name: rec.name ?? generatedName(spec.label, rec),
        aliases: rec.aliases ?? [],
        aliasText: (rec.aliases ?? []).join(' | '),
        description: rec.description ?? null,
        confidence: rec.confidence ?? null,
        notes: rec.notes ?? null,
      };
      for (const key of SCALARS[spec.label]) props[key] = rec[key] ?? null;

      /**
       * A relation between this record and `other` (`out`: from this record), backed by the item's own
       * quotes, or by the record's when the item has none.
       */
      const link = (
        type: RelationType,
        direction: 'out' | 'in',
        [other, label]: [string, NodeLabel],
        item: unknown,
        field: string,
        props: Record<string, unknown> = {},
      ) => {
        const quoted = typeof item === 'object' && item ? (item as { evidence?: EvidenceItem[] }).evidence : undefined;
        plan.relations.push({
          type,
          from: direction === 'out' ? rec.id : other,
          to: direction === 'out' ? other : rec.id,
          check: { id: other, label },
          props: { ...props, evidenceIds: quoted ? resolve(quoted, record, `${field}.evidence`) : evidenceIds },
        });
      };
      const idOf = (ref: Ref) => (typeof ref === 'string' ? ref : ref.id);
      for (const [field, [type, toLabel]] of Object.entries(spec.relations)) {
        ((rec[field] as Ref[] | undefined) ?? []).forEach((ref, i) =>
          link(type, 'out', [idOf(ref), toLabel], ref, `${field}[${i}]`),
        );
      }

      const extraEvidence: string[] = [];
      /** A date stored as `<prefix>Value`, `<prefix>Precision`, `<prefix>Year` and its evidence ids. */
      const addDate = (prefix: string, field: string, date: DateValue) => {
        checkPrecision(file, record, field, date);
        const ids = date.evidence ? resolve(date.evidence, record, `${field}.evidence`) : evidenceIds;
        Object.assign(props, {
          [`${prefix}Value`]: date.value,
          [`${prefix}Precision`]: date.precision,
          [`${prefix}Year`]: Number(date.value.slice(0, 4)),
          [`${prefix}EvidenceIds`]: ids,
        });
        extraEvidence.push(...ids);
      };
      if (spec.label === 'Project') {
        // Ownership points from the company to the project.
        ((rec.owners as Ref[] | undefined) ?? []).forEach((ref, i) =>
          link('OWNS', 'in', [idOf(ref), 'Company'], ref, `owners[${i}]`),
        );
      }
      if (spec.label === 'Person') {
        (
          (rec.positions as { title: string; organization: string; evidence?: EvidenceItem[] }[] | undefined) ?? []
        ).forEach((p, i) =>
          link('HOLDS_POSITION', 'out', [p.organization, 'Company'], p, `positions[${i}]`, { title: p.title }),
        );
      }
      if (spec.label === 'Partnership') {
        props.modality = rec.modality ?? 'asserted';
        ((rec.parties as { company: string; role: string; evidence?: EvidenceItem[] }[]) ?? []).forEach((p, i) =>
          link('HAS_PARTY', 'out', [p.company, 'Company'], p, `parties[${i}]`, { role: p.role }),
        );
        for (const field of ['announced', 'startYear'] as const) {
          const date = rec[field] as DateValue | undefined;
          if (date) addDate(field === 'announced' ? 'announced' : 'start', field, date);
        }
        // A replacement points from the older agreement to the newer one.
        ((rec.evolvedFrom as Ref[] | undefined) ?? []).forEach((ref, i) =>
          link('EVOLVED_INTO', 'in', [idOf(ref), 'Partnership'], ref, `evolvedFrom[${i}]`),
        );
      }
      if (spec.label === 'Stage') {
        props.modality = rec.modality ?? 'asserted';
        addDate('date', 'date', rec.date as DateValue);
        const plant = rec.plant as string | undefined;
        const owner = plant ?? (rec.partnership as string);
        const allowed = plant ? PLANT_STATUSES : DEAL_STATUSES;
        if (!allowed.includes(rec.status as string)) {
          throw new LoadError(
            file,
            record,
            'status',
            `a ${plant ? 'plant' : 'deal'} stage's status must be one of ${allowed.join(', ')}`,
          );
        }
        if (plant && (rec.kind || rec.binding)) {
          throw new LoadError(file, record, rec.kind ? 'kind' : 'binding', 'only a deal stage has a kind or binding');
        }
        link('HAS_STAGE', 'in', [owner, plant ? 'Site' : 'Partnership'], null, 'date');
      }
      if (spec.label === 'Site' && rec.plant) {
        const block = rec.plant as PlantBlock;
        if (rec.kind !== 'facility') throw new LoadError(file, record, 'plant', 'only a facility can be a plant');
        props.chemistry = block.chemistry ?? null;
        link('OPERATES', 'in', [idOf(block.operator), 'Company'], block.operator, 'plant.operator');
        (block.owners ?? []).forEach((o, i) =>
          link(
            'HOLDS_STAKE',
            'in',
            [o.company, 'Company'],
            o,
            `plant.owners[${i}]`,
            o.stake === undefined ? {} : { stake: o.stake },
          ),
        );
      }
      if (spec.label === 'Claim') {
        props.approximate = rec.approximate ?? false;
        props.rank = rec.rank ?? 'normal';
        addDate('stated', 'stated', (rec.stated as DateValue | undefined) ?? publicationOf(rec.evidence[0]!, record));
        const subject = rec.subject as string;
        plan.relations.push({
          type: 'CLAIM_OF',
          from: rec.id,
          to: subject,
          check: { id: subject, label: null },
          props: { evidenceIds },
        });
      }
      if (spec.label === 'Milestone') {
        const measure = rec.measure as { value: number; unit: string; approximate?: boolean } | undefined;
        Object.assign(props, {
          measureValue: measure?.value ?? null,
          measureUnit: measure?.unit ?? null,
          measureApproximate: measure ? (measure.approximate ?? false) : null,
        });
      }
      plan.nodes.push({
        id: rec.id,
        label: spec.label,
        ...(spec.label === 'Site' && rec.plant ? { plant: true } : {}),
        props: withoutBlanks(props),
        evidenceIds: [...new Set([...evidenceIds, ...extraEvidence])],
      });
    });
  }
  plan.evidence = [...evidenceById.values()];
  return plan;
}

/**
 * Absent fields are left out rather than written as null, so a second file that mentions a record
 * again (another source about the same company) adds to it instead of wiping what the first said.
 */
function withoutBlanks(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

function checkPrecision(file: string, record: string, field: string, date: DateValue): void {
  if (!writtenAt(date.value, date.precision)) {
    throw new LoadError(file, record, `${field}.value`, `"${date.value}" does not match precision "${date.precision}"`);
  }
}
