/**
 * The write side's domain logic: curators' corrections become property changes, replaced links and
 * attached quotes, in one transaction with a Revision that keeps every replaced value, who replaced it,
 * when and why.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type {
  AttachEvidenceInput,
  CompanyInput,
  CreatePartnershipInput,
  DateInput,
  PartyInput,
  PersonInput,
  ProjectInput,
  SiteInput,
  SourceInput,
  UpdatePartnershipInput,
} from '../__generated__/resolvers-types';
import type { Principal } from '../auth';
import { CURATED_LINKS, CuratedField } from '../graph/vocabulary';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { writeSources } from '../load/write';
import type { EvidenceModel, FieldChangeModel, NodeModel, SourceModel } from '../model';
import * as store from '../store/curation';
import { changedFields, fieldValue, LinkState, recordFields, sameMeaning, sortedLinks } from '../store/revisions';
import { fromEnum } from '../store/rows';
import { resolveQuotes } from './evidence';
import { checkDate, checkId, checkIds, checkText, checkTexts, checkUrl, LIMITS, slugify } from '../rules';

type Props = Record<string, unknown>;

// A client's write must not hold Neo4j longer than a read may.
const BOUNDED = { bounded: true };
type Maybe<T> = T | null | undefined;

/**
 * How one API field is stored. `stored` is the record as it is: a date given again at the same value
 * keeps its quotes and adds the mutation's.
 */
type Field = (value: unknown, evidenceIds: string[], stored: Props) => Props;

const plainField =
  (key: string): Field =>
  (value) => ({ [key]: value });
const enumField =
  (key: string): Field =>
  (value) => ({ [key]: fromEnum(value as string) });
const FIELDS = {
  name: plainField('name'),
  description: plainField('description'),
  purpose: plainField('purpose'),
  // The full-text index reads aliasText, so it changes with the list.
  aliases: (value) => ({ aliases: value, aliasText: (value as string[]).join(' | ') }),
  kinds: (value) => ({ kinds: (value as string[]).map(fromEnum) }),
  kind: enumField('kind'),
  status: enumField('status'),
  binding: enumField('binding'),
  modality: enumField('modality'),
  announced: (value, evidenceIds, stored) => {
    const date = value as DateInput;
    const precision = fromEnum(date.precision);
    const same = stored.announcedValue === date.value && stored.announcedPrecision === precision;
    const kept = same ? ((stored.announcedEvidenceIds as string[] | undefined) ?? []) : [];
    return {
      announcedValue: date.value,
      announcedPrecision: precision,
      announcedYear: Number(date.value.slice(0, 4)),
      announcedEvidenceIds: [...new Set([...kept, ...evidenceIds])],
    };
  },
} satisfies Record<string, Field>;
type FieldName = keyof typeof FIELDS;

/** A link a curator asks for: the record at the other end and, for parties, the role. */
interface WantedLink {
  id: string;
  role?: string;
}

interface Change<L extends store.EditableLabel> {
  operation: string;
  label: L;
  id: string;
  /** upsert creates or corrects; create refuses an existing id; update refuses a new one. */
  mode: 'upsert' | 'create' | 'update';
  /** API field → value; undefined or null leaves the field as it is. */
  fields: Partial<Record<FieldName, unknown>>;
  /** The complete list wanted for each link field given. */
  links: Partial<Record<CuratedField, WantedLink[]>>;
  /** Fields a new record must have. */
  required: FieldName[];
  evidence: Maybe<AttachEvidenceInput['quote'][]>;
  reason: Maybe<string>;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort();

/**
 * Links are edited, not replaced: a link that stays keeps its quotes; one whose role changes keeps them
 * and gains the mutation's; a new one carries the mutation's. What is left out is removed, and the
 * revision keeps it with its quotes.
 */
function editLinks(before: readonly LinkState[], wanted: readonly WantedLink[], evidenceIds: string[]) {
  const stored = new Map(before.map((l) => [l.id, l]));
  const next = wanted.map((w): LinkState => {
    const old = stored.get(w.id);
    const role = w.role === undefined ? {} : { role: w.role };
    if (!old) return { id: w.id, ...role, evidenceIds: union([], evidenceIds) };
    return old.role === w.role ? old : { ...old, ...role, evidenceIds: union(old.evidenceIds, evidenceIds) };
  });
  return {
    next: sortedLinks(next),
    written: next.filter((l) => l !== stored.get(l.id)),
    removed: before.filter((l) => !wanted.some((w) => w.id === l.id)).map((l) => l.id),
  };
}

async function apply<L extends store.EditableLabel>(
  db: Database,
  principal: Principal,
  change: Change<L>,
): Promise<Extract<NodeModel, { __typename: L }>> {
  const reason = change.reason == null ? null : checkText('input.reason', change.reason, LIMITS.text);
  return db.write(
    change.operation,
    async (tx) => {
      const locked = await store.lockEntity(tx, change.id, principal.subject, new Date().toISOString());
      // Taken once the record is locked, so a record's revisions are dated in the order they commit.
      const now = new Date().toISOString();
      if (locked.created && change.mode === 'update') {
        throw new BadUserInputError('input.id', `there is no ${change.label} "${change.id}".`);
      }
      if (!locked.created && change.mode === 'create') {
        throw new BadUserInputError('input.id', `"${change.id}" exists already; correct it with update instead.`);
      }
      if (!locked.created && !locked.labels.includes(change.label)) {
        throw new BadUserInputError(
          'input.id',
          `"${change.id}" is a ${locked.labels[0] ?? 'record'}, not a ${change.label}.`,
        );
      }
      if (locked.created) {
        const missing = change.required.filter((f) => change.fields[f] == null);
        if (missing.length > 0) {
          throw new BadUserInputError(`input.${missing[0]}`, `is required to create ${change.label} "${change.id}".`);
        }
        await store.setLabel(tx, change.id, change.label);
      }

      const evidence = await resolveQuotes(tx, change.evidence ?? [], 'input.evidence');
      const evidenceIds = evidence.map((e) => e.id);
      const changes: FieldChangeModel[] = [];
      let props: Props = {};
      for (const [name, value] of Object.entries(change.fields) as [FieldName, unknown][]) {
        if (value == null) continue;
        const stored = FIELDS[name](value, evidenceIds, locked.props);
        const before = locked.created ? null : fieldValue(name, locked.props);
        const after = fieldValue(name, { ...locked.props, ...stored });
        if (sameMeaning(before, after)) continue;
        changes.push({ field: name, before: json(before), after: json(after) });
        props = { ...props, ...stored };
      }
      if (Object.keys(props).length > 0) await store.setProps(tx, change.id, props);

      const given = Object.entries(change.links) as [CuratedField, WantedLink[]][];
      const lists = given.map(([name]) => ({
        id: change.id,
        type: CURATED_LINKS[name].type,
        outgoing: CURATED_LINKS[name].outgoing,
      }));
      const stored = await store.readLinkLists(tx, lists);
      for (const [i, [name, wanted]] of given.entries()) {
        const spec = CURATED_LINKS[name];
        const before = stored(lists[i]!);
        const { next, written, removed } = editLinks(before, wanted, evidenceIds);
        const unknown = await store.writeLinks(tx, change.id, spec, written);
        if (unknown.length > 0) {
          throw new BadUserInputError(
            `input.${name}`,
            `no ${spec.target} has the id ${unknown.map((u) => `"${u}"`).join(', ')}.`,
          );
        }
        await store.removeLinks(tx, change.id, spec, removed);
        if (!sameMeaning(before, next)) changes.push({ field: spec.field, before: json(before), after: json(next) });
      }

      await store.attachEvidence(tx, change.id, evidence);
      if (evidenceIds.some((e) => !locked.evidenceIds.includes(e))) {
        changes.push({
          field: 'evidence',
          before: json(locked.evidenceIds),
          after: json(union(locked.evidenceIds, evidenceIds)),
        });
      }
      if (changes.length > 0) {
        await store.recordRevision(tx, store.revisionRow(principal, change.operation, change.id, changes, now, reason));
      }
      return (await store.readNode(tx, change.id)) as Extract<NodeModel, { __typename: L }>;
    },
    BOUNDED,
  );
}

// Input checks shared by the record types.
const name = (value: Maybe<string>) => (value == null ? value : checkText('input.name', value, LIMITS.name));
const description = (value: Maybe<string>, arg = 'input.description') =>
  value == null ? value : checkText(arg, value, LIMITS.text);
const aliases = (value: Maybe<string[]>) => (value == null ? value : checkTexts('input.aliases', value));
const ids = (arg: string, value: Maybe<string[]>): WantedLink[] | undefined =>
  value == null ? undefined : checkIds(arg, value).map((id) => ({ id }));
const date = (value: Maybe<DateInput>): Maybe<DateInput> =>
  value == null ? value : { ...value, value: checkDate('input.announced.value', value.value, value.precision) };

/** Sites and projects share their editable fields. */
const kindedFields = (input: SiteInput | ProjectInput) => ({
  name: name(input.name),
  kind: input.kind,
  aliases: aliases(input.aliases),
  description: description(input.description),
});

function parties(value: PartyInput[]): WantedLink[] {
  checkIds(
    'input.parties',
    value.map((p, i) => checkId(`input.parties[${i}].companyId`, p.companyId)),
  );
  if (value.length < 2) throw new BadUserInputError('input.parties', 'a partnership needs at least two parties.');
  return value.map((p) => ({ id: p.companyId, role: fromEnum(p.role) }));
}

const withoutUndefined = <T extends object>(links: T): T =>
  Object.fromEntries(Object.entries(links).filter(([, v]) => v !== undefined)) as T;

export const upsertCompany = (db: Database, principal: Principal, input: CompanyInput) =>
  apply(db, principal, {
    operation: 'upsertCompany',
    label: 'Company',
    id: checkId('input.id', input.id),
    mode: 'upsert',
    fields: {
      name: name(input.name),
      aliases: aliases(input.aliases),
      kinds: input.kinds == null ? input.kinds : [...new Set(input.kinds)],
      description: description(input.description),
    },
    links: withoutUndefined({
      basedIn: ids('input.basedIn', input.basedIn),
      memberOf: ids('input.memberOf', input.memberOf),
    }),
    required: ['name'],
    evidence: input.evidence,
    reason: input.reason,
  });

export const upsertPerson = (db: Database, principal: Principal, input: PersonInput) =>
  apply(db, principal, {
    operation: 'upsertPerson',
    label: 'Person',
    id: checkId('input.id', input.id),
    mode: 'upsert',
    fields: { name: name(input.name), aliases: aliases(input.aliases) },
    links: {},
    required: ['name'],
    evidence: input.evidence,
    reason: input.reason,
  });

export const upsertSite = (db: Database, principal: Principal, input: SiteInput) =>
  apply(db, principal, {
    operation: 'upsertSite',
    label: 'Site',
    id: checkId('input.id', input.id),
    mode: 'upsert',
    fields: kindedFields(input),
    links: withoutUndefined({
      locatedIn: input.locatedIn == null ? undefined : [{ id: checkId('input.locatedIn', input.locatedIn) }],
    }),
    required: ['name', 'kind'],
    evidence: input.evidence,
    reason: input.reason,
  });

export const upsertProject = (db: Database, principal: Principal, input: ProjectInput) =>
  apply(db, principal, {
    operation: 'upsertProject',
    label: 'Project',
    id: checkId('input.id', input.id),
    mode: 'upsert',
    fields: kindedFields(input),
    links: withoutUndefined({ owners: ids('input.owners', input.owners) }),
    required: ['name', 'kind'],
    evidence: input.evidence,
    reason: input.reason,
  });

export function createPartnership(db: Database, principal: Principal, input: CreatePartnershipInput) {
  if (input.evidence.length === 0) {
    throw new BadUserInputError('input.evidence', 'a new partnership needs at least one quote that states it.');
  }
  return apply(db, principal, {
    operation: 'createPartnership',
    label: 'Partnership',
    id: checkId('input.id', input.id),
    mode: 'create',
    fields: {
      name: name(input.name),
      kind: input.kind,
      status: input.status,
      binding: input.binding ?? 'UNKNOWN',
      modality: input.modality ?? 'ASSERTED',
      purpose: description(input.purpose, 'input.purpose'),
      announced: date(input.announced),
    },
    links: withoutUndefined({
      parties: parties(input.parties),
      sites: ids('input.siteIds', input.siteIds ?? []),
      projects: ids('input.projectIds', input.projectIds ?? []),
      milestones: ids('input.milestoneIds', input.milestoneIds ?? []),
    }),
    required: ['name', 'kind', 'status'],
    evidence: input.evidence,
    reason: input.reason,
  });
}

export const updatePartnership = (db: Database, principal: Principal, input: UpdatePartnershipInput) =>
  apply(db, principal, {
    operation: 'updatePartnership',
    label: 'Partnership',
    id: checkId('input.id', input.id),
    mode: 'update',
    fields: {
      name: name(input.name),
      kind: input.kind,
      status: input.status,
      binding: input.binding,
      modality: input.modality,
      purpose: description(input.purpose, 'input.purpose'),
      announced: date(input.announced),
    },
    links: withoutUndefined({
      parties: input.parties == null ? undefined : parties(input.parties),
      sites: ids('input.siteIds', input.siteIds),
      projects: ids('input.projectIds', input.projectIds),
      milestones: ids('input.milestoneIds', input.milestoneIds),
    }),
    required: [],
    evidence: input.evidence,
    reason: input.reason,
  });

export async function attachEvidence(
  db: Database,
  principal: Principal,
  input: AttachEvidenceInput,
): Promise<EvidenceModel> {
  const entityId = checkId('input.entityId', input.entityId);
  const speakerId = input.speakerId == null ? null : checkId('input.speakerId', input.speakerId);
  const reason = input.reason == null ? null : checkText('input.reason', input.reason);
  return db.write(
    'attachEvidence',
    async (tx) => {
      const locked = await store.lockEntity(tx, entityId, principal.subject, new Date().toISOString());
      // Taken once the record is locked, so a record's revisions are dated in the order they commit.
      const now = new Date().toISOString();
      if (locked.created) throw new BadUserInputError('input.entityId', `there is no record "${entityId}".`);
      if (speakerId !== null && !(await isPerson(tx, speakerId))) {
        throw new BadUserInputError('input.speakerId', `there is no person "${speakerId}".`);
      }
      const [row] = await resolveQuotes(tx, [input.quote], 'input.quote', speakerId);
      if (!row) throw new Error('a located quote yields one evidence row');
      // A quote the record already has, with no speaker to add, changes nothing and records nothing.
      if (!locked.evidenceIds.includes(row.id) || speakerId !== null) {
        await store.attachEvidence(tx, entityId, [row]);
      }
      if (!locked.evidenceIds.includes(row.id)) {
        const after = union(locked.evidenceIds, [row.id]);
        const changes = [{ field: 'evidence', before: json(locked.evidenceIds), after: json(after) }];
        await store.recordRevision(tx, store.revisionRow(principal, 'attachEvidence', entityId, changes, now, reason));
      }
      return (await store.readNode(tx, row.id)) as EvidenceModel;
    },
    BOUNDED,
  );
}

async function isPerson(tx: ManagedTransaction, id: string): Promise<boolean> {
  const node = await store.readNodeIfAny(tx, id);
  return node?.__typename === 'Person';
}

export async function addSource(db: Database, principal: Principal, input: SourceInput): Promise<SourceModel> {
  const title = checkText('input.title', input.title, LIMITS.text);
  const text = input.text;
  if (text.trim() === '' || text.length > LIMITS.sourceText) {
    throw new BadUserInputError('input.text', `must hold the source's text (1 to ${LIMITS.sourceText} characters).`);
  }
  const publisher = input.publisher == null ? undefined : checkText('input.publisher', input.publisher, LIMITS.name);
  const published = input.published == null ? undefined : checkDate('input.published', input.published);
  const url = input.url == null ? undefined : checkUrl('input.url', input.url);
  const language = input.language ?? 'en';
  if (!/^[a-z]{2}$/.test(language))
    throw new BadUserInputError('input.language', 'must be an ISO 639-1 code such as "en".');
  const id =
    input.id == null ? slugify([publisher, published, title].filter(Boolean).join(' ')) : checkId('input.id', input.id);
  if (id === '') throw new BadUserInputError('input.id', 'cannot be derived from the title; give one.');
  const reason = input.reason == null ? null : checkText('input.reason', input.reason);

  return db.write(
    'addSource',
    async (tx) => {
      const stored = await store.sourceText(tx, id);
      if (stored) {
        // Quotes are located by offsets in the stored text, so it never changes; the same text is a no-op.
        if (stored.text === text) return (await store.readNode(tx, id)) as SourceModel;
        throw new BadUserInputError(
          'input.id',
          `source "${id}" exists with a different text; add the new text under another id.`,
        );
      }
      if (await store.readNodeIfAny(tx, id)) {
        throw new BadUserInputError('input.id', `"${id}" already names a record that is not a source.`);
      }
      await writeSources(tx, [
        {
          id,
          title,
          kind: fromEnum(input.kind ?? 'NEWS_ARTICLE'),
          publisher,
          url,
          published,
          language,
          text,
          file: 'api',
          factsEnd: text.length,
        },
      ]);
      // A new record: every field it has, from nothing (the text is not a field: it never changes).
      const fields = recordFields(await store.propsOf(tx, id));
      const changes = changedFields(Object.keys(fields).sort(), {}, fields);
      await store.recordRevision(
        tx,
        store.revisionRow(principal, 'addSource', id, changes, new Date().toISOString(), reason),
      );
      return (await store.readNode(tx, id)) as SourceModel;
    },
    BOUNDED,
  );
}
