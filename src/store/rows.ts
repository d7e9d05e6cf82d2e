/**
 * The database boundary: rows from Neo4j are checked and turned into model objects here. Storage uses
 * the fact files' spellings ("battery-maker"); the API uses GraphQL enum spellings ("BATTERY_MAKER").
 */
import neo4j from 'neo4j-driver';
import { plain } from '../db/neo4j';
import { DOMAIN_LABELS } from '../graph/vocabulary';
import type { DateValueModel, EvidenceModel, NodeLabel, NodeModel, RevisionModel } from '../model';

export const toEnum = <T extends string>(stored: string): T => stored.toUpperCase().replace(/-/g, '_') as T;
export const fromEnum = (value: string): string => value.toLowerCase().replace(/_/g, '-');

/** Whole-number properties, stored as Neo4j integers (a JS number would be stored as a float). */
const INTEGER_PROPS = new Set([
  'year',
  'announcedYear',
  'startYear',
  'publishedYear',
  'dateYear',
  'statedYear',
  'start',
  'end',
]);

/** Properties as they are written: the whole-number ones as Neo4j integers. */
export const toStoredProps = (props: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(props).map(([k, v]) => [k, INTEGER_PROPS.has(k) && typeof v === 'number' ? neo4j.int(v) : v]),
  );

// A node's API type is its first label here: the records' own, then provenance.
const LABELS: readonly NodeLabel[] = [...DOMAIN_LABELS, 'Source', 'Evidence'];

type Props = Record<string, unknown>;

function str(props: Props, key: string): string {
  const value = props[key];
  if (typeof value !== 'string') throw new Error(`stored node ${String(props.id)} has no string "${key}"`);
  return value;
}
const opt = (props: Props, key: string): string | null =>
  typeof props[key] === 'string' ? (props[key] as string) : null;
const num = (props: Props, key: string): number => {
  const value = props[key];
  if (typeof value !== 'number') throw new Error(`stored node ${String(props.id)} has no number "${key}"`);
  return value;
};
const optEnum = <T extends string>(props: Props, key: string): T | null =>
  opt(props, key) ? toEnum<T>(str(props, key)) : null;
const list = (props: Props, key: string): string[] => (Array.isArray(props[key]) ? (props[key] as string[]) : []);

function dateValue(props: Props, prefix: string): DateValueModel | null {
  const value = opt(props, `${prefix}Value`);
  if (!value) return null;
  return {
    value,
    year: Number(value.slice(0, 4)),
    precision: toEnum(str(props, `${prefix}Precision`)),
    evidenceIds: list(props, `${prefix}EvidenceIds`),
  };
}

/** A stored node, returned by queries as `n {.*, labels: labels(n)}`, as a model object. */
export function toNode(raw: unknown): NodeModel {
  const props = plain(raw) as Props;
  const label = LABELS.find((l) => (props.labels as string[] | undefined)?.includes(l));
  if (!label) throw new Error(`stored node ${String(props.id)} has no domain label`);
  const base = { id: str(props, 'id'), name: str(props, 'name') };
  const described = { aliases: list(props, 'aliases'), description: opt(props, 'description') };
  switch (label) {
    case 'Company':
      return {
        __typename: label,
        ...base,
        ...described,
        kinds: list(props, 'kinds').map((k) => toEnum(k)),
      };
    case 'Person':
      return { __typename: label, ...base, aliases: list(props, 'aliases') };
    case 'Site':
      return {
        __typename: label,
        ...base,
        ...described,
        kind: toEnum(str(props, 'kind')),
        location:
          typeof props.latitude === 'number' && typeof props.longitude === 'number'
            ? { latitude: props.latitude, longitude: props.longitude, source: str(props, 'geoSource') }
            : null,
        plant: (props.labels as string[]).includes('Plant')
          ? { chemistry: opt(props, 'chemistry'), status: optEnum(props, 'status') }
          : null,
      };
    case 'Project':
      return {
        __typename: label,
        ...base,
        ...described,
        kind: toEnum(str(props, 'kind')),
      };
    case 'Partnership':
      return {
        __typename: label,
        ...base,
        aliases: list(props, 'aliases'),
        kind: toEnum(str(props, 'kind')),
        status: toEnum(str(props, 'status')),
        binding: toEnum(str(props, 'binding')),
        modality: toEnum(str(props, 'modality')),
        purpose: opt(props, 'purpose'),
        announced: dateValue(props, 'announced'),
        start: dateValue(props, 'start'),
      };
    case 'Milestone':
      return {
        __typename: label,
        ...base,
        year: num(props, 'year'),
        date: opt(props, 'date'),
        precision: toEnum(str(props, 'precision')),
        bound: optEnum(props, 'bound'),
        due: str(props, 'due'),
        modality: toEnum(str(props, 'modality')),
        measure:
          typeof props.measureValue === 'number'
            ? {
                value: props.measureValue,
                unit: str(props, 'measureUnit'),
                approximate: props.measureApproximate === true,
              }
            : null,
      };
    case 'Source':
      return {
        __typename: label,
        ...base,
        kind: toEnum(str(props, 'kind')),
        publisher: opt(props, 'publisher'),
        url: opt(props, 'url'),
        published: dateValue(props, 'published'),
        language: str(props, 'language'),
        translation:
          typeof props.translationMachine === 'boolean'
            ? {
                machine: props.translationMachine,
                originalLanguage: opt(props, 'translationOriginalLanguage'),
                note: opt(props, 'translationNote'),
              }
            : null,
        text: str(props, 'text'),
      };
    case 'Evidence':
      return toEvidence(props, base);
    case 'Stage':
      return {
        __typename: label,
        ...base,
        status: toEnum(str(props, 'status')),
        kind: optEnum(props, 'kind'),
        binding: optEnum(props, 'binding'),
        modality: toEnum(str(props, 'modality')),
        summary: opt(props, 'summary'),
        date: dateValue(props, 'date')!,
      };
    case 'Claim':
      return {
        __typename: label,
        ...base,
        property: toEnum(str(props, 'property')),
        value: num(props, 'value'),
        unit: str(props, 'unit'),
        approximate: props.approximate === true,
        year: typeof props.year === 'number' ? props.year : null,
        bound: optEnum(props, 'bound'),
        modality: toEnum(str(props, 'modality')),
        stated: dateValue(props, 'stated')!,
        preferred: props.preferred === true,
      };
  }
}

function toEvidence(props: Props, base: { id: string; name: string }): EvidenceModel {
  // A compiled projection leaves out what the selection does not read (src/store/projection.ts): a key
  // it did not fetch is absent and stays empty; a key it fetched is checked.
  const fetched = <T>(key: string, read: (props: Props, key: string) => T, empty: T): T =>
    key in props ? read(props, key) : empty;
  return {
    __typename: 'Evidence',
    ...base,
    quote: str(props, 'quote'),
    start: fetched('start', num, 0),
    end: fetched('end', num, 0),
    prefix: fetched('prefix', str, ''),
    suffix: fetched('suffix', str, ''),
    sourceId: fetched('sourceId', str, ''),
    speakerId: opt(props, 'speakerId'),
  };
}

/** A stored revision; its changes are kept as JSON text so any field's old value fits. */
export function toRevision(raw: unknown): RevisionModel {
  const props = plain(raw) as Props;
  const changes = JSON.parse(str(props, 'changes')) as RevisionModel['changes'];
  if (!Array.isArray(changes)) throw new Error(`stored revision ${String(props.id)} has no list of changes`);
  return {
    id: str(props, 'id'),
    entityId: str(props, 'entityId'),
    operation: str(props, 'operation'),
    changes,
    changedBy: str(props, 'changedBy'),
    changedAt: str(props, 'changedAt'),
    reason: opt(props, 'reason'),
  };
}
