/**
 * Compiled projections: a query returns the stored properties the client's selection needs instead of
 * every property of every node (`n {.*}`). For the company page (25 deals with their parties, sites
 * and quotes) that is a quarter of the database hits and of the bytes to decode.
 *
 * A projected node becomes a model object like any other (rows.ts toNode), with the properties its
 * conversion requires and those of the selected fields; fields that were not selected are left empty.
 * That is safe only while nothing but the selection reads the object, so a node falls back to every
 * property as soon as a selected field is not listed here, and a partial model is never cached by id
 * (src/context.ts keys what it fetched by projection).
 */
import type { NodeLabel } from '../model';

/** What the client selected below a field: field name → its own selection (aliases and fragments merged). */
export type Selection = ReadonlyMap<string, Selection>;

/** Properties toNode requires of each label, whatever is selected. */
const REQUIRED: Partial<Record<NodeLabel, readonly string[]>> = {
  Company: ['id', 'name'],
  Partnership: ['id', 'name', 'kind', 'status', 'binding', 'modality'],
  Site: ['id', 'name', 'kind'],
  Evidence: ['id', 'name', 'quote'],
  Milestone: ['id', 'name', 'year', 'precision', 'due', 'modality'],
};

/**
 * Fields read straight from the model (GraphQL field → the stored properties it needs), or whose
 * resolver needs no more than the record's id. Anything else selected means every property.
 */
const FIELDS: Partial<Record<NodeLabel, Readonly<Record<string, readonly string[]>>>> = {
  Company: {
    id: [],
    name: [],
    aliases: ['aliases'],
    kinds: ['kinds'],
    description: ['description'],
    evidence: [],
    basedIn: [],
    memberOf: [],
    members: [],
    partnerships: [],
    partners: [],
    sites: [],
    projects: [],
    people: [],
    milestones: [],
  },
  Partnership: {
    id: [],
    name: [],
    aliases: ['aliases'],
    kind: [],
    status: [],
    binding: [],
    modality: [],
    purpose: ['purpose'],
    announced: ['announcedValue', 'announcedPrecision', 'announcedEvidenceIds'],
    start: ['startValue', 'startPrecision', 'startEvidenceIds'],
    parties: [],
    sites: [],
    projects: [],
    milestones: [],
    evidence: [],
  },
  Site: {
    id: [],
    name: [],
    aliases: ['aliases'],
    kind: [],
    description: ['description'],
    contains: [],
    near: [],
    evidence: [],
  },
  Milestone: {
    id: [],
    name: [],
    year: [],
    date: ['date'],
    precision: [],
    bound: ['bound'],
    due: [],
    modality: [],
    measure: ['measureValue', 'measureUnit', 'measureApproximate'],
    partnerships: [],
    companies: [],
    sites: [],
    projects: [],
    evidence: [],
  },
  Evidence: {
    id: [],
    name: [],
    quote: [],
    start: ['start'],
    end: ['end'],
    prefix: ['prefix'],
    suffix: ['suffix'],
    source: ['sourceId'],
    supports: [],
  },
};

/** The stored properties `selection` needs of a `label` record, or null for every property. */
function neededProps(label: NodeLabel | undefined, selection: Selection | undefined): string[] | null {
  const fields = label && FIELDS[label];
  if (!fields || !selection) return null;
  const props = new Set(REQUIRED[label]);
  for (const name of selection.keys()) {
    if (name === '__typename') continue;
    const needs = fields[name];
    if (!needs) return null;
    for (const prop of needs) props.add(prop);
  }
  return [...props];
}

/** Labels whose records carry no other label toNode reads (a Site may also be a Plant). */
const PLAIN_LABELS: ReadonlySet<NodeLabel> = new Set(['Company', 'Partnership', 'Evidence', 'Milestone']);

/**
 * A map projection of the node bound to `variable`: what `selection` needs when it is a `label`
 * record, every property otherwise (another label, a field not listed above, or no selection).
 * `matched` says the query's pattern already requires the label, so neither the label test nor the
 * node's labels need reading.
 */
export function projectionOf(
  variable: string,
  label: NodeLabel | undefined,
  selection: Selection | undefined,
  matched = false,
): string {
  const all = `${variable} {.*, labels: labels(${variable})}`;
  const props = neededProps(label, selection);
  if (!props) return all;
  const fields = props.map((p) => `.${p}`).join(', ');
  if (matched && PLAIN_LABELS.has(label!)) return `${variable} {${fields}, labels: ['${label}']}`;
  return `CASE WHEN ${variable}:${label} THEN ${variable} {${fields}, labels: labels(${variable})} ELSE ${all} END`;
}

/** True when `projectionOf` fetches every property of a `label` record: the model may be cached by id. */
export const isComplete = (label: NodeLabel | undefined, selection: Selection | undefined): boolean =>
  neededProps(label, selection) === null;
