/**
 * Cypher of the write side. Every function runs inside the caller's write transaction, so a mutation
 * applies whole or not at all. Labels and relationship types come only from the fixed tables below.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { plain } from '../db/neo4j';
import type { Database } from '../db/neo4j';
import type { CuratedLink } from '../graph/vocabulary';
import type { EvidenceRow } from '../quotes';
import type { NodeModel, RevisionModel } from '../model';
import { LinkState, linkState, sortedLinks } from './revisions';
import { toNode, toRevision, toStoredProps } from './rows';

export type EditableLabel = 'Company' | 'Person' | 'Site' | 'Project' | 'Partnership';

type Props = Record<string, unknown>;

export interface Locked {
  created: boolean;
  labels: string[];
  props: Props;
  /** The quotes that support the record as a whole. */
  evidenceIds: string[];
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
     RETURN created, [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props,
            COLLECT { MATCH (n)-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id } AS evidenceIds`,
    { id, by, now },
  );
  const row = result.records[0];
  if (!row) throw new Error(`MERGE of ${id} returned no row`);
  return {
    created: row.get('created') as boolean,
    labels: row.get('labels') as string[],
    props: plain(row.get('props')) as Props,
    evidenceIds: row.get('evidenceIds') as string[],
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

/** One record's links of one type and direction. */
export interface LinkList {
  id: string;
  type: string;
  outgoing: boolean;
}

const listKey = (list: LinkList) => `${list.id} ${list.type} ${list.outgoing ? 'out' : 'in'}`;

/**
 * Reads link lists (each with its quotes) in one query; a record that does not exist has empty lists.
 * The type is compared, not interpolated, so any list can be asked for.
 */
export async function readLinkLists(
  tx: ManagedTransaction,
  lists: readonly LinkList[],
): Promise<(list: LinkList) => LinkState[]> {
  const found = new Map<string, LinkState[]>();
  if (lists.length > 0) {
    const result = await tx.run(
      `/* readLinkLists */
       UNWIND $lists AS list
       MATCH (n:Entity {id: list.id})
       CALL (n, list) {
         MATCH (n)-[r]->(m:Entity) WHERE list.outgoing AND type(r) = list.type
         RETURN m.id AS other, properties(r) AS props
         UNION ALL
         MATCH (n)<-[r]-(m:Entity) WHERE NOT list.outgoing AND type(r) = list.type
         RETURN m.id AS other, properties(r) AS props
       }
       RETURN list, collect({id: other, props: props}) AS links`,
      { lists },
    );
    for (const row of result.records) {
      const links = (plain(row.get('links')) as { id: string; props: Props }[]).map((l) => linkState(l.id, l.props));
      found.set(listKey(row.get('list') as LinkList), sortedLinks(links));
    }
  }
  return (list) => found.get(listKey(list)) ?? [];
}

const pattern = (spec: CuratedLink) =>
  spec.outgoing ? `(n)-[r:${spec.type}]->(m:${spec.target})` : `(n)<-[r:${spec.type}]-(m:${spec.target})`;

export async function removeLinks(tx: ManagedTransaction, id: string, spec: CuratedLink, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.run(
    `/* removeLinks */
     MATCH (n:Entity {id: $id})
     MATCH ${pattern(spec)}
     WHERE m.id IN $ids
     DELETE r`,
    { id, ids },
  );
}

/**
 * Creates links or sets the role and quotes of existing ones. Returns the ids that matched no record of
 * the expected label, so the caller can reject the whole mutation.
 */
export async function writeLinks(
  tx: ManagedTransaction,
  id: string,
  spec: CuratedLink,
  links: LinkState[],
): Promise<string[]> {
  if (links.length === 0) return [];
  const create = spec.outgoing ? `(n)-[r:${spec.type}]->(m)` : `(n)<-[r:${spec.type}]-(m)`;
  const result = await tx.run(
    `/* writeLinks */
     MATCH (n:Entity {id: $id})
     UNWIND $links AS link
     OPTIONAL MATCH (m:${spec.target} {id: link.id})
     FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END |
       MERGE ${create}
       SET r.evidenceIds = link.evidenceIds, r.role = link.role)
     RETURN link.id AS id, m IS NOT NULL AS found`,
    { id, links: links.map((l) => ({ id: l.id, role: l.role ?? null, evidenceIds: l.evidenceIds })) },
  );
  return result.records.filter((r) => !(r.get('found') as boolean)).map((r) => r.get('id') as string);
}

export interface StoredSource {
  id: string;
  text: string;
}

export async function sourceText(tx: ManagedTransaction, id: string): Promise<StoredSource | null> {
  return (await sourceTexts(tx, [id])).get(id) ?? null;
}

export async function sourceTexts(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, StoredSource>> {
  const result = await tx.run(
    `/* sourceTexts */
     UNWIND $ids AS id
     MATCH (s:Source {id: id})
     RETURN s.id AS id, s.text AS text`,
    { ids },
  );
  return new Map(
    result.records.map((r) => [r.get('id') as string, { id: r.get('id') as string, text: r.get('text') as string }]),
  );
}

/** What an id names now: nothing, a source (with its text) or another record. */
export async function idHolder(db: Database, id: string): Promise<{ taken: boolean; text: string | null }> {
  const [row] = await db.read<{ taken: boolean; text: string | null }>(
    'idHolder',
    `/* idHolder */
     OPTIONAL MATCH (n:Entity {id: $id})
     RETURN n IS NOT NULL AS taken, CASE WHEN n:Source THEN n.text END AS text`,
    { id },
  );
  return row ?? { taken: false, text: null };
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

/** A revision by `who` (its subject and how it authenticated), its changes kept as JSON text. */
export function revisionRow(
  who: { subject: string; via: string },
  operation: string,
  entityId: string,
  changes: readonly object[],
  now: string,
  reason: string | null | undefined,
): RevisionRow {
  return {
    id: randomUUID(),
    entityId,
    operation,
    changes: JSON.stringify(changes),
    changedBy: who.subject,
    via: who.via,
    changedAt: now,
    reason: reason ?? null,
  };
}

/** Revisions are not entities: they describe changes, so search and the explorer never show them. */
export async function recordRevisions(tx: ManagedTransaction, revisions: RevisionRow[]): Promise<void> {
  if (revisions.length === 0) return;
  await tx.run(
    `/* recordRevisions */
     UNWIND $revisions AS revision
     MATCH (n:Entity {id: revision.entityId})
     CREATE (r:Revision)
     SET r = revision
     CREATE (r)-[:REVISES]->(n)`,
    { revisions },
  );
}

export const recordRevision = (tx: ManagedTransaction, revision: RevisionRow) => recordRevisions(tx, [revision]);

/** A record's stored properties, as they are (empty when there is no such record). */
export async function propsOf(tx: ManagedTransaction, id: string): Promise<Props> {
  const result = await tx.run('/* propsOf */ MATCH (n:Entity {id: $id}) RETURN properties(n) AS props', { id });
  return (plain(result.records[0]?.get('props')) as Props | undefined) ?? {};
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
