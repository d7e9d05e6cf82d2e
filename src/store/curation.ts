/**
 * Cypher of the write side. Every function runs inside the caller's write transaction, so a mutation
 * applies whole or not at all. Labels and relationship types come only from the fixed tables below.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { plain } from '../db/neo4j';
import type { Database } from '../db/neo4j';
import type { EvidenceRow } from '../quotes';
import type { NodeModel, RevisionModel } from '../model';
import { toNode, toRevision, toStoredProps } from './rows';

export type EditableLabel = 'Company' | 'Person' | 'Site' | 'Project' | 'Partnership';

/** A list of links a mutation can replace: relationship type, direction and the label at the other end. */
export interface LinkSpec {
  type: 'BASED_IN' | 'MEMBER_OF' | 'LOCATED_IN' | 'OWNS' | 'HAS_PARTY' | 'AT_SITE' | 'SERVES' | 'MILESTONE_OF';
  outgoing: boolean;
  target: 'Company' | 'Site' | 'Project' | 'Milestone';
}

export interface Link {
  id: string;
  role?: string;
}

type Props = Record<string, unknown>;

export interface Locked {
  created: boolean;
  labels: string[];
  props: Props;
}

/**
 * Creates or locks a record. Writing a property first takes the record's write lock, so the values read
 * here cannot change under the mutation before it commits (the revision's "before" is exact).
 */
export async function lockEntity(tx: ManagedTransaction, id: string, by: string, now: string): Promise<Locked> {
  const result = await tx.run(
    `/* lockEntity */
     MERGE (n:Entity {id: $id})
     ON CREATE SET n.createdAt = $now, n.createdBy = $by, n.curationNew = true
     WITH n, coalesce(n.curationNew, false) AS created
     REMOVE n.curationNew
     SET n.updatedAt = $now, n.updatedBy = $by
     RETURN created, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props`,
    { id, by, now },
  );
  const row = result.records[0];
  if (!row) throw new Error(`MERGE of ${id} returned no row`);
  return {
    created: row.get('created') as boolean,
    labels: row.get('labels') as string[],
    props: plain(row.get('props')) as Props,
  };
}

const LABEL_STATEMENTS: Record<EditableLabel, string> = {
  Company: 'MATCH (n:Entity {id: $id}) SET n:Company',
  Person: 'MATCH (n:Entity {id: $id}) SET n:Person',
  Site: 'MATCH (n:Entity {id: $id}) SET n:Site',
  Project: 'MATCH (n:Entity {id: $id}) SET n:Project',
  Partnership: 'MATCH (n:Entity {id: $id}) SET n:Partnership',
};

export async function setLabel(tx: ManagedTransaction, id: string, label: EditableLabel): Promise<void> {
  await tx.run(`/* setLabel */ ${LABEL_STATEMENTS[label]}`, { id });
}

/** Sets properties; a null value removes the property. */
export async function setProps(tx: ManagedTransaction, id: string, props: Props): Promise<void> {
  await tx.run(
    `/* setProps */
     MATCH (n:Entity {id: $id})
     SET n += $props`,
    { id, props: toStoredProps(props) },
  );
}

const pattern = (spec: LinkSpec) =>
  spec.outgoing ? `(n)-[r:${spec.type}]->(m:${spec.target})` : `(n)<-[r:${spec.type}]-(m:${spec.target})`;

export async function readLinks(tx: ManagedTransaction, id: string, spec: LinkSpec): Promise<Link[]> {
  const result = await tx.run(
    `/* readLinks */
     MATCH (n:Entity {id: $id})
     MATCH ${pattern(spec)}
     RETURN m.id AS id, r.role AS role
     ORDER BY id, role`,
    { id },
  );
  return result.records.map((r) => {
    const role = r.get('role') as string | null;
    return role === null ? { id: r.get('id') as string } : { id: r.get('id') as string, role };
  });
}

/**
 * Replaces a record's links of one kind. Returns the ids that matched no record of the expected label,
 * so the caller can reject the whole mutation.
 */
export async function replaceLinks(
  tx: ManagedTransaction,
  id: string,
  spec: LinkSpec,
  links: Link[],
  evidenceIds: string[],
): Promise<string[]> {
  await tx.run(
    `/* dropLinks */
     MATCH (n:Entity {id: $id})
     MATCH ${pattern(spec)}
     DELETE r`,
    { id },
  );
  if (links.length === 0) return [];
  const create = spec.outgoing ? `(n)-[r:${spec.type}]->(m)` : `(n)<-[r:${spec.type}]-(m)`;
  const result = await tx.run(
    `/* createLinks */
     MATCH (n:Entity {id: $id})
     UNWIND $links AS link
     OPTIONAL MATCH (m:${spec.target} {id: link.id})
     FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END |
       MERGE ${create}
       SET r.evidenceIds = $evidenceIds, r.role = link.role)
     RETURN link.id AS id, m IS NOT NULL AS found`,
    { id, links: links.map((l) => ({ id: l.id, role: l.role ?? null })), evidenceIds },
  );
  return result.records.filter((r) => !(r.get('found') as boolean)).map((r) => r.get('id') as string);
}

export interface StoredSource {
  id: string;
  text: string;
}

export async function sourceText(tx: ManagedTransaction, id: string): Promise<StoredSource | null> {
  const result = await tx.run(
    `/* sourceText */
     MATCH (s:Source {id: $id})
     RETURN s.id AS id, s.text AS text`,
    { id },
  );
  const row = result.records[0];
  return row ? { id: row.get('id') as string, text: row.get('text') as string } : null;
}

/** Stores quotes (one node per quote and source, however many records cite it) and links the record. */
export async function attachEvidence(tx: ManagedTransaction, entityId: string, rows: EvidenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(
    `/* attachEvidence */
     MATCH (n:Entity {id: $entityId})
     UNWIND $rows AS row
     MATCH (s:Source {id: row.sourceId})
     MERGE (e:Entity {id: row.id})
     ON CREATE SET e:Evidence, e += row.props, e.sourceId = row.sourceId
     SET e.speakerId = coalesce(row.speakerId, e.speakerId)
     MERGE (e)-[:QUOTED_FROM]->(s)
     MERGE (n)-[:SUPPORTED_BY]->(e)
     WITH e, row
     OPTIONAL MATCH (p:Person {id: row.speakerId})
     FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (e)-[:SPOKEN_BY]->(p))`,
    { entityId, rows: rows.map((r) => ({ ...r, props: toStoredProps(r.props) })) },
  );
}

export interface RevisionRow {
  id: string;
  entityId: string;
  operation: string;
  changes: string;
  changedBy: string;
  via: string;
  changedAt: string;
  reason: string | null;
}

/** Revisions are not entities: they describe changes, so search and the explorer never show them. */
export async function recordRevision(tx: ManagedTransaction, revision: RevisionRow): Promise<void> {
  await tx.run(
    `/* recordRevision */
     MATCH (n:Entity {id: $revision.entityId})
     CREATE (r:Revision)
     SET r = $revision
     CREATE (r)-[:REVISES]->(n)`,
    { revision },
  );
}

export async function readNodeIfAny(tx: ManagedTransaction, id: string): Promise<NodeModel | null> {
  const result = await tx.run(
    `/* readNode */
     MATCH (n:Entity {id: $id})
     RETURN n {.*, labels: labels(n)} AS node`,
    { id },
  );
  const row = result.records[0];
  return row ? toNode(row.get('node')) : null;
}

/** A record the transaction has just written. */
export async function readNode(tx: ManagedTransaction, id: string): Promise<NodeModel> {
  const node = await readNodeIfAny(tx, id);
  if (!node) throw new Error(`record ${id} vanished inside its own transaction`);
  return node;
}

export async function revisionsOf(db: Database, id: string): Promise<RevisionModel[]> {
  const rows = await db.read<{ revision: Record<string, unknown> }>(
    'history',
    `/* history */
     MATCH (:Entity {id: $id})<-[:REVISES]-(r:Revision)
     RETURN r {.*} AS revision
     ORDER BY r.changedAt, r.id`,
    { id },
  );
  return rows.map(({ revision }) => toRevision(revision));
}
