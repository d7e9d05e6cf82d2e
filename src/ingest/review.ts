/**
 * The review queue's decisions. Accepting proposals writes their records through the loader's write
 * path (plan, reference checks, evidence, derived values) in one transaction with a Revision per
 * proposal; rejecting keeps the proposal, marked, with its revision. Rules:
 * - a record the graph already holds keeps its fields: accepting adds the article's quotes and links
 *   (an editor's correction is the only way a decision changes a stored field, and its revision keeps
 *   the value it replaced);
 * - a deal's parties, a stage's deal or plant, a claim's subject and a plant's operator must be in the
 *   graph or accepted in the same call; other links to records still pending wait, and are written when
 *   the record at their other end is accepted.
 */
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ProposalEditInput } from '../__generated__/resolvers-types';
import type { Principal } from '../auth';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { LoadError } from '../load/errors';
import { buildPlan, FactFile, Plan, RelationRow, RelationType } from '../load/plan';
import type { Source } from '../load/sources';
import { validate } from '../load/validate';
import { writePlan } from '../load/write';
import { checkText, checkTexts, LIMITS } from '../rules';
import { recordRevisions, revisionRow, RevisionRow } from '../store/curation';
import * as store from '../store/proposals';
import type { FieldChange } from '../store/revisions';
import type { FactRecord, Section, StoredProposal } from '../store/proposals';
import { fromEnum } from '../store/rows';
import { factsEndMarker } from './text';

/** How many proposals one call may decide (an article yields a few dozen). */
export const MAX_BATCH = 200;
// A client's write must not hold Neo4j longer than a read may.
export const BOUNDED = { bounded: true };

/** Links without which the record means nothing: they cannot wait for a later decision. */
const REQUIRED: ReadonlySet<RelationType> = new Set(['HAS_PARTY', 'HAS_STAGE', 'CLAIM_OF', 'OPERATES']);

/** The stable id of a source's proposal for a record. */
export function proposalId(sourceId: string, section: Section, recordId: string): string {
  return `p-${createHash('sha256').update(`${sourceId}\n${section}\n${recordId}`).digest('hex').slice(0, 16)}`;
}

const ID = /^p-[0-9a-f]{16}$/;
/** Checks proposal ids given as `argument[i]` (with `field` after it when each is an input object's field). */
export function checkProposalIds(argument: string, ids: readonly string[], field = ''): string[] {
  ids.forEach((id, i) => {
    if (!ID.test(id)) {
      throw new BadUserInputError(`${argument}[${i}]${field}`, `"${id.slice(0, 40)}" is not a proposal id.`);
    }
  });
  if (new Set(ids).size !== ids.length) throw new BadUserInputError(argument, 'lists the same proposal twice.');
  return [...ids];
}

/** The reason given for a decision, kept in its revision. */
export const reasonOf = (reason: string | null | undefined): string | null =>
  reason == null ? null : checkText('input.reason', reason, LIMITS.text);

/** The proposals of a stored source with the given statuses; an unknown source is an error, not an empty list. */
export async function proposalsOf(
  db: Database,
  sourceId: string,
  statuses: readonly store.ProposalStatus[] = ['pending'],
): Promise<StoredProposal[]> {
  const [source] = (await store.readStoredRecords(db, [sourceId])).values();
  if (!source?.labels.includes('Source')) {
    throw new BadUserInputError('sourceId', `there is no source "${sourceId.slice(0, 80)}".`);
  }
  return store.proposalsOfSource(db, sourceId, statuses.length > 0 ? statuses : store.PROPOSAL_STATUSES);
}

/** Each correction an editor can make: the fact-file field it sets, and the kinds of record that have it. */
const EDITS = {
  name: { key: 'name', sections: null },
  aliases: { key: 'aliases', sections: ['companies', 'people', 'sites', 'projects'] },
  description: { key: 'description', sections: ['companies', 'sites', 'projects'] },
  companyKinds: { key: 'kinds', sections: ['companies'] },
  siteKind: { key: 'kind', sections: ['sites'] },
  projectKind: { key: 'kind', sections: ['projects'] },
  partnershipKind: { key: 'kind', sections: ['partnerships'] },
  status: { key: 'status', sections: ['partnerships'] },
  binding: { key: 'binding', sections: ['partnerships'] },
  modality: { key: 'modality', sections: ['partnerships'] },
} as const satisfies Record<Exclude<keyof ProposalEditInput, 'id'>, { key: string; sections: Section[] | null }>;
type EditField = keyof typeof EDITS;

/** The stored properties a fact-file field becomes (the full-text index reads aliasText). */
const STORED_KEYS: Record<string, string[]> = { aliases: ['aliases', 'aliasText'] };

function editValue(field: EditField, value: unknown, at: string): unknown {
  if (field === 'name') return checkText(at, value as string, LIMITS.name);
  if (field === 'description') return checkText(at, value as string, LIMITS.text);
  if (field === 'aliases') return [...new Set(checkTexts(at, value as string[]))];
  if (field === 'companyKinds') return [...new Set((value as string[]).map(fromEnum))];
  return fromEnum(value as string);
}

interface Corrected {
  record: FactRecord;
  /** Fact-file field → the value the editor replaced (what the proposal said). */
  replaced: Record<string, unknown>;
}

function applyEdit(proposal: StoredProposal, edit: ProposalEditInput | undefined, at: string): Corrected {
  const record: FactRecord = structuredClone(proposal.record);
  const replaced: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(edit ?? {}) as [EditField | 'id', unknown][]) {
    if (field === 'id' || value == null) continue;
    const { key, sections } = EDITS[field];
    if (sections !== null && !(sections as readonly Section[]).includes(proposal.section)) {
      throw new BadUserInputError(`${at}.${field}`, `a proposal of ${proposal.section} has no ${field}.`);
    }
    const next = editValue(field, value, `${at}.${field}`);
    if (JSON.stringify(record[key] ?? null) === JSON.stringify(next)) continue;
    replaced[key] = record[key] ?? null;
    record[key] = next;
  }
  return { record, replaced };
}

/** A stored source, read in the decision's transaction, as the loader's planner reads it. */
export async function storedSource(tx: ManagedTransaction, id: string): Promise<Source> {
  const [node] = (await store.storedRecords(tx, [id])).values();
  return asSource(id, node!.props);
}

function asSource(id: string, props: Record<string, unknown>): Source {
  const text = props.text as string;
  const marker = factsEndMarker(text);
  return {
    id,
    title: props.title as string,
    kind: props.kind as string,
    language: props.language as string,
    ...(typeof props.publishedValue === 'string'
      ? {
          published: props.publishedValue,
          publishedPrecision: props.publishedPrecision as Source['publishedPrecision'],
        }
      : {}),
    file: `review:${id}`,
    text,
    factsEnd: marker ? text.indexOf(marker) : text.length,
  };
}

/** The plan of some records of one source: the loader's validation and quote location, errors as bad input. */
export function planOf(source: Source, records: { section: Section; record: FactRecord }[], argument: string): Plan {
  const file: FactFile = { source: source.id };
  for (const { section, record } of records) ((file[section] ??= []) as FactRecord[]).push(record);
  try {
    validate('facts', source.file, file);
    return buildPlan(source.file, file, new Map([[source.id, source]]));
  } catch (error) {
    throw error instanceof LoadError ? asBadInput(argument, error) : error;
  }
}

/** A loader error about a proposal's record, as the API's error. */
const asBadInput = (argument: string, error: LoadError) =>
  new BadUserInputError(argument, [error.record, error.field, error.reason].filter(Boolean).join(': '));

export const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const linkOf = (r: RelationRow) => ({
  type: r.type,
  from: r.from,
  to: r.to,
  ...(r.props.role ? { role: r.props.role } : {}),
});

/** Writes a decision's plan; a loader error about its records is bad input in `argument`. */
export const writeDecided = (tx: Parameters<typeof writePlan>[0], plan: Plan, argument: string) =>
  writePlan(tx, plan).catch((error: unknown) => {
    throw error instanceof LoadError ? asBadInput(argument, error) : error;
  });

/**
 * A decision's changes as its revision keeps them: the proposal and how it was decided, what the
 * decision wrote to its record, and the links it added (an event, beside the link lists).
 */
export function decisionChanges(
  p: StoredProposal,
  decided: Record<string, unknown>,
  written: readonly FieldChange[],
  links: readonly object[],
) {
  return [
    {
      field: 'proposal',
      before: null,
      after: json({ id: p.id, source: p.sourceId, section: p.section, confidence: p.confidence, ...decided }),
    },
    ...written,
    ...(links.length > 0 ? [{ field: 'links', before: null, after: json(links) }] : []),
  ];
}

/**
 * Revisions for the records a decision's write changed besides the decided ones (a stored record whose
 * link list or derived status it changed), by the same curator, so none goes unrecorded.
 */
export function alsoChanged(
  changed: ReadonlyMap<string, FieldChange[]>,
  decided: ReadonlySet<string>,
  revision: (id: string, changes: FieldChange[]) => RevisionRow,
): RevisionRow[] {
  return [...changed].filter(([id]) => !decided.has(id)).map(([id, changes]) => revision(id, changes));
}

export interface AcceptInput {
  ids?: readonly string[] | null;
  edits?: readonly ProposalEditInput[] | null;
  reason?: string | null;
}

/** The end of a link that the record declaring it is not: the one that may lie outside the batch. */
const ownerOf = (r: RelationRow) => (r.from === r.check.id ? r.to : r.from);

/**
 * Accepts proposals of one source, with an editor's corrections to some of them (those become
 * EDITED), in one transaction: all are written or none. `auto` (ingestion's own acceptance, of any
 * number) leaves pending, instead of refusing, the proposals whose required links point at records left
 * pending: a deal is never written without its parties.
 */
export async function acceptProposals(
  db: Database,
  principal: Principal,
  input: AcceptInput,
  options: { auto?: boolean } = {},
): Promise<StoredProposal[]> {
  const edits = input.edits ?? [];
  const editIds = checkProposalIds(
    'input.edits',
    edits.map((e) => e.id),
  );
  const ids = [...new Set([...checkProposalIds('input.ids', input.ids ?? []), ...editIds])];
  if (ids.length === 0 || (ids.length > MAX_BATCH && !options.auto)) {
    throw new BadUserInputError('input.ids', `must name 1 to ${MAX_BATCH} proposals.`);
  }
  const reason = reasonOf(input.reason);

  return db.write(
    'acceptProposals',
    async (tx) => {
      let proposals = await lockedPending(tx, ids, 'input.ids');
      const sourceId = proposals[0]!.sourceId;
      if (proposals.some((p) => p.sourceId !== sourceId)) {
        throw new BadUserInputError('input.ids', 'lists proposals of several sources; decide one source at a time.');
      }
      const corrected = new Map(
        proposals.map((p) => {
          const at = editIds.indexOf(p.id);
          return [p.id, applyEdit(p, at < 0 ? undefined : edits[at], `input.edits[${at}]`)];
        }),
      );
      const source = await storedSource(tx, sourceId);
      const planFor = (chosen: StoredProposal[]) =>
        planOf(
          source,
          chosen.map((p) => ({ section: p.section, record: corrected.get(p.id)!.record })),
          'input.ids',
        );

      // Links to records that are neither stored nor accepted now: required ones block, the others wait.
      let plan = planFor(proposals);
      const ends = [...new Set([...plan.nodes.map((n) => n.id), ...plan.relations.map((r) => r.check.id)])];
      const stored = await store.storedRecords(tx, ends);
      let batch = new Set(proposals.map((p) => p.recordId));
      for (;;) {
        const present = (id: string) => stored.has(id) || batch.has(id);
        const blocked = plan.relations.filter((r) => REQUIRED.has(r.type) && !present(r.check.id));
        if (blocked.length === 0) {
          plan.relations = plan.relations.filter((r) => present(r.check.id));
          break;
        }
        if (!options.auto) {
          const owner = proposals.find((p) => p.recordId === ownerOf(blocked[0]!))!;
          throw new BadUserInputError(
            'input.ids',
            `proposal ${owner.id} (${owner.name}) needs "${blocked[0]!.check.id}", which is not in the graph: accept its proposal in the same call.`,
          );
        }
        const owners = new Set(blocked.map(ownerOf));
        proposals = proposals.filter((p) => !owners.has(p.recordId));
        if (proposals.length === 0) return [];
        batch = new Set(proposals.map((p) => p.recordId));
        plan = planFor(proposals);
      }

      // Links that earlier accepted proposals of this source left waiting for these records.
      const earlier = (await store.acceptedOfSource(tx, sourceId)).filter((p) => !batch.has(p.recordId));
      if (earlier.length > 0) {
        const waiting = planOf(
          source,
          earlier.map((p) => ({ section: p.section, record: p.written! })),
          'input.ids',
        );
        const known = new Set(plan.evidence.map((e) => e.id));
        plan.relations.push(...waiting.relations.filter((r) => batch.has(r.check.id)));
        plan.evidence.push(...waiting.evidence.filter((e) => !known.has(e.id)));
      }

      // A stored record keeps its fields, except those an editor corrected.
      for (const node of plan.nodes) {
        if (!stored.has(node.id)) continue;
        const proposal = proposals.find((p) => p.recordId === node.id)!;
        const keys = Object.keys(corrected.get(proposal.id)!.replaced).flatMap((k) => STORED_KEYS[k] ?? [k]);
        node.props = Object.fromEntries(Object.entries(node.props).filter(([k]) => keys.includes(k)));
      }

      const changed = await writeDecided(tx, plan, 'input.ids');

      const now = new Date().toISOString();
      const revisionOf = (operation: string) => (id: string, changes: readonly object[]) =>
        revisionRow(principal, operation, id, changes, now, reason);
      await store.recordDecisions(
        tx,
        proposals.map((p) => {
          const { record, replaced } = corrected.get(p.id)!;
          const status = Object.keys(replaced).length > 0 ? 'edited' : 'accepted';
          const node = plan.nodes.find((n) => n.id === p.recordId)!;
          const links = plan.relations.filter((r) => r.from === p.recordId || r.to === p.recordId).map(linkOf);
          // A stored record shows what the write changed in it, as a load would; a new one, the fields an
          // editor set and its quotes.
          const written = stored.has(p.recordId)
            ? (changed.get(p.recordId) ?? [])
            : [
                ...Object.keys(replaced).map((key) => ({ field: key, before: null, after: json(record[key]) })),
                { field: 'evidence', before: null, after: json([...node.evidenceIds].sort()) },
              ];
          const changes = decisionChanges(
            p,
            { status, ...(status === 'edited' ? { proposed: replaced } : {}) },
            written,
            links,
          );
          const operation = status === 'edited' ? 'editProposal' : 'acceptProposal';
          return {
            decision: { id: p.id, status, written: record },
            revision: revisionOf(operation)(p.recordId, changes),
          };
        }),
      );
      await recordRevisions(tx, alsoChanged(changed, batch, revisionOf('acceptProposal')));
      return store.lockProposals(
        tx,
        proposals.map((p) => p.id),
      );
    },
    BOUNDED,
  );
}

/** Rejects proposals: they stay in the queue's history, marked, each with a revision on its source. */
export async function rejectProposals(
  db: Database,
  principal: Principal,
  input: { ids: readonly string[]; reason?: string | null },
): Promise<StoredProposal[]> {
  const ids = checkProposalIds('input.ids', input.ids);
  if (ids.length === 0 || ids.length > MAX_BATCH) {
    throw new BadUserInputError('input.ids', `must name 1 to ${MAX_BATCH} proposals.`);
  }
  const reason = reasonOf(input.reason);
  return db.write(
    'rejectProposals',
    async (tx) => {
      const proposals = await lockedPending(tx, ids, 'input.ids');
      const now = new Date().toISOString();
      await store.recordDecisions(
        tx,
        proposals.map((p) => ({
          decision: { id: p.id, status: 'rejected', written: null },
          revision: revisionRow(
            principal,
            'rejectProposal',
            p.sourceId,
            [
              {
                field: 'proposal',
                before: null,
                after: json({ id: p.id, section: p.section, recordId: p.recordId, name: p.name, status: 'rejected' }),
              },
            ],
            now,
            reason,
          ),
        })),
      );
      return store.lockProposals(tx, ids);
    },
    BOUNDED,
  );
}

/** Locks the proposals' articles and reads them; each must be pending (`argument[i]field` names one that is not). */
export async function lockedPending(
  tx: Parameters<typeof store.lockProposals>[0],
  ids: string[],
  argument: string,
  field = '',
): Promise<StoredProposal[]> {
  const found = new Map((await store.lockProposals(tx, ids)).map((p) => [p.id, p]));
  return ids.map((id, i) => {
    const proposal = found.get(id);
    if (!proposal) throw new BadUserInputError(`${argument}[${i}]${field}`, `there is no proposal "${id}".`);
    if (proposal.status !== 'pending') {
      throw new BadUserInputError(`${argument}[${i}]${field}`, `proposal ${id} was ${proposal.status} already.`);
    }
    return proposal;
  });
}
