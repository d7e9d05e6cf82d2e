/**
 * How a record reads in its revisions, whoever changed it (a curator or the loader): one value per
 * field, in the API's spelling, with the quotes that support a dated value or a link kept beside it.
 * Revisions hold whole field values before and after, so replaying them rebuilds a record at any point;
 * values are compared by meaning (lists as sets), so reordering a list is no change.
 */
import { toEnum } from './rows';

type Props = Record<string, unknown>;

/** Stored values that are the API's enums (kept in the API's spelling in revisions). */
const ENUMS = new Set(['kind', 'status', 'binding', 'modality']);
/** Dates stored as `<field>Value`, `<field>Precision`, `<field>Year` and `<field>EvidenceIds`. */
const DATES = new Set(['announced', 'start', 'date', 'stated', 'published']);
const DATE_PART = /^(.+?)(Value|Precision|Year|EvidenceIds)$/;
/**
 * Not values anyone states about the record: bookkeeping, the source text (which never changes), and
 * what rules derive from other values (positions placed from the gazetteer, the preferred claim).
 */
const NOT_FIELDS = new Set([
  'id',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
  'stageValues',
  'text',
  'latitude',
  'longitude',
  'geoSource',
  'preferred',
]);

/** The field a stored property belongs to: a date's four properties are one field, aliasText is aliases. */
export function fieldOf(key: string): string | null {
  if (NOT_FIELDS.has(key)) return null;
  if (key === 'aliasText') return 'aliases';
  const date = DATE_PART.exec(key);
  if (date && (DATES.has(date[1]!) || date[1] === 'measure')) return date[1]!;
  if (key === 'measureUnit' || key === 'measureApproximate') return 'measure';
  return key;
}

const sortedIds = (value: unknown): string[] => (Array.isArray(value) ? [...(value as string[])].sort() : []);

/** One field's value as revisions record it; null when the record has none. */
export function fieldValue(field: string, props: Props): unknown {
  if (DATES.has(field)) {
    const value = props[`${field}Value`];
    if (typeof value !== 'string') return null;
    const precision = props[`${field}Precision`];
    return {
      value,
      precision: typeof precision === 'string' ? toEnum(precision) : null,
      evidenceIds: sortedIds(props[`${field}EvidenceIds`]),
    };
  }
  if (field === 'measure') {
    return props.measureValue == null
      ? null
      : { value: props.measureValue, unit: props.measureUnit ?? null, approximate: props.measureApproximate === true };
  }
  if (field === 'aliases') return props.aliases ?? [];
  if (field === 'kinds') return ((props.kinds as string[] | undefined) ?? []).map((k) => toEnum(k));
  const value = props[field];
  if (value == null) return null;
  return ENUMS.has(field) && typeof value === 'string' ? toEnum(value) : value;
}

/** Every field of a record, from its stored properties. */
export function recordFields(props: Props): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(props)) {
    const field = fieldOf(key);
    if (field !== null && !(field in fields)) fields[field] = fieldValue(field, props);
  }
  return fields;
}

/** A value with lists sorted and object keys ordered, so equal meanings give equal text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => {
      const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Props)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value ?? null;
}

/** Equal by meaning: lists are sets, absent is null, key order does not count. */
export const sameMeaning = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** A link as revisions record it: the record at the other end, its role (or title, stake) and its quotes. */
export interface LinkState {
  id: string;
  role?: string;
  title?: string;
  stake?: number;
  evidenceIds: string[];
}

export function linkState(id: string, props: Props): LinkState {
  return {
    id,
    ...(typeof props.role === 'string' ? { role: props.role } : {}),
    ...(typeof props.title === 'string' ? { title: props.title } : {}),
    ...(typeof props.stake === 'number' ? { stake: props.stake } : {}),
    evidenceIds: sortedIds(props.evidenceIds),
  };
}

/** A field's links in a stable order, as a revision stores them. */
export const sortedLinks = (links: readonly LinkState[]): LinkState[] =>
  [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The fields whose meaning differs between two states of a record, in the order of `fields`. */
export function changedFields(
  fields: readonly string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChange[] {
  return fields
    .filter((f) => !sameMeaning(before[f], after[f]))
    .map((f) => ({ field: f, before: json(before[f] ?? null), after: json(after[f] ?? null) }));
}
