/**
 * Merging a company proposal into a company the graph holds: the extractor proposed under a new id a
 * company the graph knows by another ("Stellantis N.V." for `stellantis`). Nothing new is created: the
 * known company gains the proposal's quotes and its names as aliases, and the article's other proposals
 * that name the proposed id name the known company instead, so accepting them later links it. Links
 * that proposals accepted earlier left waiting for the proposed company are written to the known one
 * now; the proposed company's own links (where it is based, what it belongs to) are not carried over.
 */
import type { Principal } from '../auth';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import type { Source } from '../load/sources';
import { checkId } from '../rules';
import { recordRevisions, revisionRow } from '../store/curation';
import * as store from '../store/proposals';
import type { FactRecord, StoredProposal } from '../store/proposals';
import { fold } from './names';
import {
  alsoChanged,
  BOUNDED,
  checkProposalIds,
  decisionChanges,
  json,
  linkOf,
  lockedPending,
  MAX_BATCH,
  planOf,
  reasonOf,
  storedSource,
  writeDecided,
} from './review';

export interface MergeInput {
  merges: readonly { id: string; into: string }[];
  reason?: string | null;
}

/** The fact-file fields that name a company, at any depth: a party's company, a plant's operator and owners, a claim's subject. */
const COMPANY_REFS = new Set(['memberOf', 'organization', 'operator', 'owners', 'company', 'companies', 'subject']);

/** A record with its references to `from` made to `to`; its own id and its quotes stay as they are. */
function repoint(value: unknown, from: string, to: string, isRef = false): unknown {
  if (typeof value === 'string') return isRef && value === from ? to : value;
  if (Array.isArray(value)) return value.map((v) => repoint(v, from, to, isRef));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      // A reference may be an object with its own quotes: `{ id, evidence }`.
      key === 'evidence' ? v : repoint(v, from, to, COMPANY_REFS.has(key) || (isRef && key === 'id')),
    ]),
  );
}

/** The proposal's names that the known company has under no spelling (case, accents and punctuation aside). */
function newNames(known: readonly string[], proposal: StoredProposal): string[] {
  const seen = new Set(known.map(fold));
  const added: string[] = [];
  for (const name of [proposal.name, ...((proposal.record.aliases as string[] | undefined) ?? [])]) {
    if (seen.has(fold(name))) continue;
    seen.add(fold(name));
    added.push(name);
  }
  return added;
}

/**
 * Merges company proposals of one source into companies the graph holds, in one transaction, each
 * decision a revision on the known company.
 */
export async function mergeProposals(db: Database, principal: Principal, input: MergeInput): Promise<StoredProposal[]> {
  const ids = checkProposalIds(
    'input.merges',
    input.merges.map((m) => m.id),
    '.id',
  );
  if (ids.length === 0 || ids.length > MAX_BATCH) {
    throw new BadUserInputError('input.merges', `must name 1 to ${MAX_BATCH} proposals.`);
  }
  const targets = input.merges.map((m, i) => checkId(`input.merges[${i}].into`, m.into));
  const reason = reasonOf(input.reason);

  return db.write(
    'mergeProposals',
    async (tx) => {
      const proposals = await lockedPending(tx, ids, 'input.merges', '.id');
      const sourceId = proposals[0]!.sourceId;
      if (proposals.some((p) => p.sourceId !== sourceId)) {
        throw new BadUserInputError('input.merges', 'lists proposals of several sources; decide one source at a time.');
      }
      const known = await store.storedRecords(tx, targets);
      proposals.forEach((p, i) => {
        const at = `input.merges[${i}]`;
        if (p.section !== 'companies') {
          throw new BadUserInputError(`${at}.id`, `proposal ${p.id} (${p.name}) proposes ${p.section}, not a company.`);
        }
        const target = known.get(targets[i]!);
        if (!target) throw new BadUserInputError(`${at}.into`, `there is no company "${targets[i]}" in the graph.`);
        if (!target.labels.includes('Company')) {
          throw new BadUserInputError(`${at}.into`, `"${targets[i]}" is a ${target.labels.join('/')}, not a company.`);
        }
        if (targets[i] === p.recordId) {
          throw new BadUserInputError(`${at}.into`, `is the company proposal ${p.id} names: accept it instead.`);
        }
      });
      const source = await storedSource(tx, sourceId);
      const now = new Date().toISOString();
      // One after another: a later merge sees the aliases and the repointed proposals of an earlier one.
      for (const [i, p] of proposals.entries()) {
        await mergeOne(tx, { principal, source, proposal: p, into: targets[i]!, now, reason }, `input.merges[${i}]`);
      }
      return store.lockProposals(tx, ids);
    },
    BOUNDED,
  );
}

interface Merge {
  principal: Principal;
  source: Source;
  proposal: StoredProposal;
  into: string;
  now: string;
  reason: string | null;
}

async function mergeOne(
  tx: Parameters<typeof store.lockProposals>[0],
  { principal, source, proposal: p, into, now, reason }: Merge,
  at: string,
): Promise<void> {
  const { props } = (await store.storedRecords(tx, [into])).get(into)!;
  const name = props.name as string;
  const aliases = (props.aliases as string[] | undefined) ?? [];
  const added = newNames([name, ...aliases], p);
  const kinds = props.kinds as string[] | undefined;
  const merged: FactRecord = {
    id: into,
    name,
    ...(added.length > 0 ? { aliases: [...aliases, ...added] } : {}),
    kinds: kinds?.length ? kinds : p.record.kinds,
    evidence: p.record.evidence,
  };
  const plan = planOf(source, [{ section: 'companies', record: merged }], `${at}.id`);
  // The known company keeps its fields: only the aliases it gains are written.
  const [node] = plan.nodes;
  node!.props = added.length > 0 ? { aliases: node!.props.aliases, aliasText: node!.props.aliasText } : {};

  const others = (await store.proposalsOfSourceIn(tx, p.sourceId, ['pending', 'accepted', 'edited'])).filter(
    (o) => o.id !== p.id,
  );
  const moved = others.flatMap((o) => {
    const record = repoint(o.record, p.recordId, into) as FactRecord;
    const written = o.written && (repoint(o.written, p.recordId, into) as FactRecord);
    return json(record) === json(o.record) && json(written) === json(o.written) ? [] : [{ ...o, record, written }];
  });

  // Links that accepted proposals left waiting for the proposed company go to the known one.
  const accepted = others.filter((o) => o.written !== null && moved.some((m) => m.id === o.id));
  const waiting =
    accepted.length === 0
      ? null
      : planOf(
          source,
          accepted.map((o) => ({ section: o.section, record: o.written! })),
          `${at}.id`,
        );
  const links = (waiting?.relations ?? [])
    .filter((r) => r.check.id === p.recordId)
    .map((r) => ({
      ...r,
      from: r.from === p.recordId ? into : r.from,
      to: r.to === p.recordId ? into : r.to,
      check: { ...r.check, id: into },
    }));
  const quoted = new Set(plan.evidence.map((e) => e.id));
  plan.relations.push(...links);
  plan.evidence.push(...(waiting?.evidence ?? []).filter((e) => !quoted.has(e.id)));

  const changed = await writeDecided(tx, plan, `${at}.id`);
  await store.repointProposals(tx, moved);
  const changes = decisionChanges(
    p,
    {
      recordId: p.recordId,
      name: p.name,
      status: 'merged',
      mergedInto: into,
      ...(moved.length > 0 ? { repointed: moved.map((m) => m.id) } : {}),
    },
    changed.get(into) ?? [],
    links.map(linkOf),
  );
  const revisionOf = (id: string, changes: readonly object[]) =>
    revisionRow(principal, 'mergeProposal', id, changes, now, reason);
  await store.recordDecisions(tx, [
    {
      decision: { id: p.id, status: 'merged', written: merged, mergedInto: into },
      revision: revisionOf(into, changes),
    },
  ]);
  await recordRevisions(tx, alsoChanged(changed, new Set([into]), revisionOf));
}
