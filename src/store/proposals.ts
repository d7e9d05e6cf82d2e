/**
 * The review queue: what ingestion proposes, as nodes every API process sees.
 * `(:Proposal {id, sourceId, section, recordId, name, confidence, known, status, quotes, record,
 * written, createdAt, createdBy, decidedAt, decidedBy, mergedInto})-[:PROPOSED_FROM]->(:Source)`; a
 * decision is a `(:Revision)-[:DECIDES]->(:Proposal)` that also `REVISES` the record it wrote (for a
 * merge, the known company; for a rejection, the source). Proposals are not entities: search, the explorer and graph exports never show them.
 * `quotes`, `record` and `written` are JSON text (Neo4j stores no maps).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/neo4j';
import { plain } from '../db/neo4j';
import type { RevisionRow } from './curation';

/** Every status a proposal may have. */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'edited', 'rejected', 'merged'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type Section =
  'companies' | 'people' | 'sites' | 'projects' | 'partnerships' | 'stages' | 'milestones' | 'claims';
/** A record in the fact files' format (data/schema/facts.schema.json). */
export type FactRecord = Record<string, unknown> & { id: string };

export interface ProposalQuote {
  text: string;
  start: number;
  end: number;
}

export interface StoredProposal {
  id: string;
  sourceId: string;
  section: Section;
  recordId: string;
  name: string;
  confidence: number;
  known: boolean;
  status: ProposalStatus;
  quotes: ProposalQuote[];
  /** The record as proposed. */
  record: FactRecord;
  /** The record as accepted, with the editor's corrections; null while pending or when rejected. */
  written: FactRecord | null;
  createdAt: string;
  createdBy: string;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The known company a merged proposal was merged into (absent or null otherwise). */
  mergedInto?: string | null;
}

type Row = Omit<StoredProposal, 'quotes' | 'record' | 'written'> & {
  quotes: string;
  record: string;
  written: string | null;
};

const FIELDS = `p {.id, .sourceId, .section, .recordId, .name, .confidence, .known, .status, .quotes, .record,
  .createdAt, .createdBy, written: p.written, decidedAt: p.decidedAt, decidedBy: p.decidedBy,
  mergedInto: p.mergedInto} AS proposal`;
// Most confident first, then in a fixed order, so a page of the queue reads the same on every process.
const ORDER = 'ORDER BY p.confidence DESC, p.section, p.recordId';

const fromRow = (row: Row): StoredProposal => ({
  ...row,
  confidence: Number(row.confidence),
  quotes: JSON.parse(row.quotes) as ProposalQuote[],
  record: JSON.parse(row.record) as FactRecord,
  written: row.written === null ? null : (JSON.parse(row.written) as FactRecord),
});

const toRow = (p: StoredProposal): Row => ({
  ...p,
  quotes: JSON.stringify(p.quotes),
  record: JSON.stringify(p.record),
  written: p.written === null ? null : JSON.stringify(p.written),
});

const proposalsOf = (rows: { proposal: Row }[]) => rows.map((r) => fromRow(plain(r.proposal) as Row));

/** Stores proposals; one already stored (the same id) keeps its content and its decision. */
export async function saveProposals(tx: ManagedTransaction, proposals: StoredProposal[]): Promise<void> {
  if (proposals.length === 0) return;
  await tx.run(
    `/* saveProposals */
     UNWIND $rows AS row
     MATCH (s:Source {id: row.sourceId})
     MERGE (p:Proposal {id: row.id})
     ON CREATE SET p = row
     MERGE (p)-[:PROPOSED_FROM]->(s)`,
    { rows: proposals.map(toRow) },
  );
}

export async function proposalsOfSource(
  db: Database,
  sourceId: string,
  statuses: readonly ProposalStatus[],
): Promise<StoredProposal[]> {
  const rows = await db.read<{ proposal: Row }>(
    'proposalsOfSource',
    `/* proposalsOfSource */
     MATCH (p:Proposal {sourceId: $sourceId}) WHERE p.status IN $statuses
     RETURN ${FIELDS} ${ORDER}`,
    { sourceId, statuses },
  );
  return proposalsOf(rows);
}

export async function proposalById(db: Database, id: string): Promise<StoredProposal | null> {
  const rows = await db.read<{ proposal: Row }>(
    'proposal',
    `/* proposal */ MATCH (p:Proposal {id: $id}) RETURN ${FIELDS}`,
    { id },
  );
  return proposalsOf(rows)[0] ?? null;
}

export interface QueueEntry {
  sourceId: string;
  pending: number;
  latest: string;
}

/** Sources with proposals awaiting review, the most recently ingested first. */
export async function reviewQueue(db: Database, first: number): Promise<QueueEntry[]> {
  const rows = await db.read<QueueEntry>(
    'reviewQueue',
    `/* reviewQueue */
     MATCH (p:Proposal {status: 'pending'})
     WITH p.sourceId AS sourceId, count(p) AS pending, max(p.createdAt) AS latest
     RETURN sourceId, pending, latest
     ORDER BY latest DESC, sourceId
     LIMIT $first`,
    { first: neo4j.int(first) },
  );
  return rows.map((r) => ({ ...r, pending: Number(plain(r.pending)) }));
}

/**
 * Reads proposals for a decision after taking the write lock of every proposal of their articles, so
 * decisions on one article run one after another: each sees the decisions before it, and the links
 * they left waiting for the records it accepts.
 */
export async function lockProposals(tx: ManagedTransaction, ids: readonly string[]): Promise<StoredProposal[]> {
  const result = await tx.run(
    `/* lockProposals */
     MATCH (p:Proposal) WHERE p.id IN $ids
     WITH collect(DISTINCT p.sourceId) AS sources
     MATCH (q:Proposal) WHERE q.sourceId IN sources
     WITH q ORDER BY q.id
     SET q.status = q.status
     WITH count(q) AS locked
     UNWIND $ids AS id
     MATCH (p:Proposal {id: id})
     RETURN ${FIELDS}`,
    { ids },
  );
  return proposalsOf(result.records.map((r) => ({ proposal: r.get('proposal') as Row })));
}

/** The proposals of a source with the given statuses, in the queue's order, inside a transaction. */
export async function proposalsOfSourceIn(
  tx: ManagedTransaction,
  sourceId: string,
  statuses: readonly ProposalStatus[],
): Promise<StoredProposal[]> {
  const result = await tx.run(
    `/* proposalsOfSourceIn */
     MATCH (p:Proposal {sourceId: $sourceId}) WHERE p.status IN $statuses
     RETURN ${FIELDS} ${ORDER}`,
    { sourceId, statuses },
  );
  return proposalsOf(result.records.map((r) => ({ proposal: r.get('proposal') as Row })));
}

/** Accepted and edited proposals of a source, in the queue's order. */
export const acceptedOfSource = (tx: ManagedTransaction, sourceId: string) =>
  proposalsOfSourceIn(tx, sourceId, ['accepted', 'edited']);

export interface StoredRecord {
  labels: string[];
  props: Record<string, unknown>;
}

const STORED_RECORDS = `/* storedRecords */
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN id, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props`;

type StoredRow = { id: string; labels: string[]; props: unknown };

const byId = (rows: StoredRow[]) =>
  new Map(rows.map((r) => [r.id, { labels: r.labels, props: plain(r.props) as Record<string, unknown> }]));

/** The records among `ids` that the graph holds, with their labels and properties, inside a transaction. */
export async function storedRecords(
  tx: ManagedTransaction,
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const result = await tx.run(STORED_RECORDS, { ids });
  return byId(result.records.map((r) => r.toObject() as StoredRow));
}

/** The same, as a read of its own. */
export async function readStoredRecords(db: Database, ids: readonly string[]): Promise<Map<string, StoredRecord>> {
  return byId(await db.read<StoredRow>('storedRecords', STORED_RECORDS, { ids }));
}

export interface Decision {
  id: string;
  status: Exclude<ProposalStatus, 'pending'>;
  written: FactRecord | null;
  mergedInto?: string;
}

/** Records decisions, each with its revision (who, when, why, what changed). */
export async function recordDecisions(
  tx: ManagedTransaction,
  decisions: readonly { decision: Decision; revision: RevisionRow }[],
): Promise<void> {
  await tx.run(
    `/* recordDecisions */
     UNWIND $rows AS row
     MATCH (p:Proposal {id: row.id})
     MATCH (n:Entity {id: row.revision.entityId})
     SET p.status = row.status, p.written = row.written, p.mergedInto = row.mergedInto,
         p.decidedAt = row.revision.changedAt, p.decidedBy = row.revision.changedBy
     CREATE (r:Revision)
     SET r = row.revision
     CREATE (r)-[:REVISES]->(n)
     CREATE (r)-[:DECIDES]->(p)`,
    {
      rows: decisions.map(({ decision, revision }) => ({
        id: decision.id,
        status: decision.status,
        written: decision.written === null ? null : JSON.stringify(decision.written),
        mergedInto: decision.mergedInto ?? null,
        revision,
      })),
    },
  );
}

/**
 * Sets the record (of a pending proposal) or the written record (of an accepted one) of proposals
 * whose links a merge moved to the known company.
 */
export async function repointProposals(
  tx: ManagedTransaction,
  proposals: readonly Pick<StoredProposal, 'id' | 'record' | 'written'>[],
): Promise<void> {
  if (proposals.length === 0) return;
  await tx.run(
    `/* repointProposals */
     UNWIND $rows AS row
     MATCH (p:Proposal {id: row.id})
     SET p.record = row.record, p.written = row.written`,
    {
      rows: proposals.map((p) => ({
        id: p.id,
        record: JSON.stringify(p.record),
        written: p.written === null ? null : JSON.stringify(p.written),
      })),
    },
  );
}

export interface ReviewedSource {
  props: Record<string, unknown>;
  /** All its proposals, in the queue's order. */
  proposals: StoredProposal[];
}

/** Every source with accepted, edited or merged proposals, with its proposals: what `kg export --format facts` reads. */
export async function reviewedSources(db: Database): Promise<ReviewedSource[]> {
  const rows = await db.read<{ props: Record<string, unknown>; proposals: Row[] }>(
    'reviewedSources',
    `/* reviewedSources */
     MATCH (s:Source)<-[:PROPOSED_FROM]-(p:Proposal)
     WITH s, p ${ORDER}
     WITH s, collect(${FIELDS.replace(/ AS proposal$/, '')}) AS proposals
     WHERE any(p IN proposals WHERE p.status IN ['accepted', 'edited', 'merged'])
     RETURN properties(s) AS props, proposals
     ORDER BY s.id`,
  );
  return rows.map((r) => ({
    props: plain(r.props) as Record<string, unknown>,
    proposals: r.proposals.map((p) => fromRow(plain(p) as Row)),
  }));
}
