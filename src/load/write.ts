/**
 * Writes a plan in the caller's transaction. References that point outside the file are checked
 * first, inside the same transaction, so a bad file writes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { DOMAIN_LABELS, LINK_FIELDS, RELATIONSHIPS } from '../graph/vocabulary';
import type { NodeLabel } from '../model';
import { CLAIM_PREFERENCE } from '../store/claims';
import { plain } from '../db/neo4j';
import { LinkList, readLinkLists, recordRevisions } from '../store/curation';
import { changedFields, FieldChange, fieldOf, fieldValue, recordFields, sameMeaning } from '../store/revisions';
import { toStoredProps } from '../store/rows';
import { precisionOf } from '../rules';
import { LoadError } from './errors';
import type { NodeRow, Plan, RelationRow, RelationType } from './plan';
import type { Source } from './sources';

// Labels and relationship types cannot be parameters in Cypher; these statements are built only from
// the graph vocabulary's fixed lists, never from file content.
const NODE_LABELS: readonly NodeRow['label'][] = DOMAIN_LABELS;
const RELATION_TYPES: readonly RelationType[] = RELATIONSHIPS.map((r) => r.type);

type Props = Record<string, unknown>;

const upsertNodes = (label: string) => `/* upsert${label} */
  UNWIND $rows AS row
  MERGE (n:Entity {id: row.id})
  SET n:${label}, n += row.props
  FOREACH (_ IN CASE WHEN row.plant THEN [1] ELSE [] END | SET n:Plant)`;

const upsertRelations = (type: string) => `/* relate${type} */
  UNWIND $rows AS row
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  MERGE (a)-[r:${type}]->(b)
  SET r += row.props`;

/**
 * Stores sources. A stored text never changes, since quotes are located in it by offset: the same text
 * under its id again only updates what the source record says about it (title, publisher…), and
 * another text under a stored id (or an id a record holds) is refused.
 */
export async function writeSources(tx: ManagedTransaction, sources: Source[]): Promise<void> {
  const result = await tx.run(
    `/* storedSources */
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN id, n:Source AS source, properties(n) AS props`,
    { ids: sources.map((s) => s.id) },
  );
  const stored = new Map(
    result.records.map((r) => [
      r.get('id') as string,
      { source: r.get('source') as boolean, props: plain(r.get('props')) as Props },
    ]),
  );
  const rows = [];
  for (const s of sources) {
    const held = stored.get(s.id);
    if (held && !held.source) {
      throw new LoadError(s.file, undefined, 'id', `"${s.id}" already names a record that is not a source`);
    }
    if (held && held.props.text !== s.text) {
      throw new LoadError(
        s.file,
        undefined,
        'text',
        `source "${s.id}" is stored with another text, and a stored text never changes (quotes are located in it): store this text under a new id`,
      );
    }
    const props = {
      name: s.title,
      title: s.title,
      kind: s.kind,
      publisher: s.publisher ?? null,
      url: s.url ?? null,
      publishedValue: s.published ?? null,
      publishedPrecision: s.published ? (s.publishedPrecision ?? precisionOf(s.published) ?? null) : null,
      publishedYear: s.published ? Number(s.published.slice(0, 4)) : null,
      language: s.language,
      translationMachine: s.translation?.machine ?? null,
      translationOriginalLanguage: s.translation?.originalLanguage ?? null,
      translationNote: s.translation?.note ?? null,
      text: s.text,
      aliasText: '',
    };
    if (!held || !sameMeaning({ ...held.props, id: undefined }, props))
      rows.push({ id: s.id, props: toStoredProps(props) });
  }
  if (rows.length) await tx.run(upsertNodes('Source'), { rows });
}

async function checkReferences(tx: ManagedTransaction, plan: Plan): Promise<void> {
  const local = new Map<string, NodeLabel>(plan.nodes.map((n) => [n.id, n.label]));
  const wanted = [...new Set([...plan.nodes.map((n) => n.id), ...plan.relations.map((r) => r.check.id)])];
  const result = await tx.run(
    `/* checkReferences */
     UNWIND $ids AS id
     OPTIONAL MATCH (n:Entity {id: id})
     RETURN id, [l IN labels(n) WHERE l <> 'Entity'] AS labels`,
    { ids: wanted },
  );
  const stored = new Map<string, string[]>(
    result.records.map((r) => [r.get('id') as string, r.get('labels') as string[]]),
  );
  for (const node of plan.nodes) {
    const labels = stored.get(node.id)?.filter((l) => l !== 'Plant') ?? [];
    if (labels.length > 0 && !labels.includes(node.label)) {
      throw new LoadError(
        plan.file,
        `${node.label} ${node.id}`,
        'id',
        `id "${node.id}" already belongs to a ${labels.join('/')}`,
      );
    }
  }
  for (const rel of plan.relations) {
    const storedLabels = stored.get(rel.check.id)?.filter((l) => l !== 'Plant') ?? [];
    const label = local.get(rel.check.id) ?? storedLabels[0];
    if (!label) {
      throw new LoadError(
        plan.file,
        `${rel.from}`,
        rel.type,
        `refers to unknown id "${rel.check.id}" (expected a ${rel.check.label ?? 'domain record'})`,
      );
    }
    if (rel.check.label ? label !== rel.check.label : label === 'Evidence' || label === 'Source') {
      throw new LoadError(
        plan.file,
        `${rel.from}`,
        rel.type,
        `"${rel.check.id}" is a ${label}, expected a ${rel.check.label ?? 'domain record'}`,
      );
    }
  }
}

/** What a file stated at its last load, kept with its DataFile: the basis for deciding what it changed. */
interface Snapshot {
  nodes: Record<string, Props>;
  relations: Record<string, RelationRow['props']>;
}

const relationKey = (r: Pick<RelationRow, 'type' | 'from' | 'to'>) => `${r.type} ${r.from} ${r.to}`;

/**
 * A file's value for a field replaces the stored one only when the file changed it since its last load
 * (or has never been loaded): a value the file still states as before leaves the graph's value alone,
 * so a curator's correction (or another file's value) stands until the file says something new.
 */
function fileChanges(file: Props, stored: Props, basis: Props | undefined): Props {
  const fields = new Map<string, string[]>();
  for (const key of Object.keys(file)) {
    const field = fieldOf(key) ?? key;
    fields.set(field, [...(fields.get(field) ?? []), key]);
  }
  const changes: Props = {};
  for (const [field, keys] of fields) {
    const value = fieldValue(field, file);
    if (sameMeaning(value, fieldValue(field, stored))) continue;
    if (basis && sameMeaning(value, fieldValue(field, basis))) continue;
    for (const key of keys) changes[key] = file[key];
  }
  return changes;
}

/**
 * The same rule for a link: one the file states as at its last load is not made again when a curator
 * removed it, and keeps a role a curator corrected. Quotes only accumulate: a link never loses one by
 * a load.
 */
function linkChanges(
  file: RelationRow['props'],
  stored: Props | undefined,
  basis: RelationRow['props'] | undefined,
): Props | null {
  const unchanged = (key: keyof RelationRow['props']) => basis !== undefined && sameMeaning(file[key], basis[key]);
  if (!stored) return basis !== undefined && sameMeaning(file, basis) ? null : file;
  const changes: Props = {};
  for (const key of ['role', 'title', 'stake'] as const) {
    if (file[key] !== undefined && !sameMeaning(file[key], stored[key]) && !unchanged(key)) changes[key] = file[key];
  }
  const storedIds = (stored.evidenceIds as string[] | undefined) ?? [];
  const evidenceIds = [...new Set([...storedIds, ...file.evidenceIds])];
  if (!unchanged('evidenceIds') && evidenceIds.length > storedIds.length) changes.evidenceIds = evidenceIds;
  return Object.keys(changes).length > 0 ? changes : null;
}

interface RecordState {
  labels: string[];
  props: Props;
  evidenceIds: string[];
}

/**
 * Records as stored. With `lock`, each is write-locked first (setting and removing a property takes
 * the lock and leaves nothing; removing one alone does not lock), so a curator's mutation cannot change
 * it between this read and the load's commit, and the load's revisions come after any it already has.
 */
async function readRecords(
  tx: ManagedTransaction,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, RecordState>> {
  const result = await tx.run(
    `/* readRecords */
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     ${lock ? 'SET n.lockedForLoad = true REMOVE n.lockedForLoad' : ''}
     RETURN id, labels(n) AS labels, properties(n) AS props,
            COLLECT { MATCH (n)-[:SUPPORTED_BY]->(e:Evidence) RETURN e.id ORDER BY e.id } AS evidenceIds`,
    { ids },
  );
  return new Map(
    result.records.map((r) => [
      r.get('id') as string,
      {
        labels: r.get('labels') as string[],
        props: plain(r.get('props')) as Props,
        evidenceIds: r.get('evidenceIds') as string[],
      },
    ]),
  );
}

/** The link list a relation belongs to in revisions (see LINK_FIELDS), if any. */
function linkListOf(rel: Pick<RelationRow, 'type' | 'from' | 'to'>): LinkList | null {
  const owner = LINK_FIELDS[rel.type];
  if (!owner) return null;
  return { id: owner.on === 'from' ? rel.from : rel.to, type: rel.type, outgoing: owner.on === 'from' };
}

/** A record's fields, quotes and links as its revisions show them. */
type Shown = Record<string, unknown>;

async function show(
  tx: ManagedTransaction,
  records: ReadonlyMap<string, RecordState>,
  lists: readonly LinkList[],
): Promise<Map<string, Shown>> {
  const links = await readLinkLists(tx, lists);
  const shown = new Map<string, Shown>();
  for (const [id, record] of records) {
    shown.set(id, { ...recordFields(record.props), evidence: record.evidenceIds });
  }
  for (const list of lists) {
    const record = shown.get(list.id);
    if (record) record[LINK_FIELDS[list.type]!.field] = links(list);
  }
  return shown;
}

export interface LoadedFile {
  /** The file's path relative to the data folder: the DataFile's key and the revisions' author. */
  key: string;
  sha256: string;
}

/**
 * Writes a plan (see fileChanges for what wins over a stored value) and returns what it changed in
 * records that existed before, by record. A data file's load records those changes as revisions by
 * `loader:<file>` and keeps the file's statements as the basis of its next load. A plan from elsewhere
 * (a review decision) has no basis, and its caller records the changes in the decision's own revision,
 * so one change is never recorded twice.
 */
export async function writePlan(
  tx: ManagedTransaction,
  plan: Plan,
  file?: LoadedFile,
): Promise<Map<string, FieldChange[]>> {
  await checkReferences(tx, plan);
  const [previous] = file
    ? (
        await tx.run('/* snapshot */ MATCH (f:DataFile {path: $path}) RETURN f.snapshot AS snapshot', {
          path: file.key,
        })
      ).records
    : [];
  const snapshot = previous?.get('snapshot') ? (JSON.parse(previous.get('snapshot') as string) as Snapshot) : undefined;
  // A quote's node never changes (its id is its source and offsets); a speaker is added, never replaced.
  await tx.run(
    `/* upsertEvidence */
     UNWIND $rows AS row
     MATCH (s:Source {id: row.sourceId})
     MERGE (e:Entity {id: row.id})
     ON CREATE SET e:Evidence, e += row.props, e.sourceId = row.sourceId
     MERGE (e)-[:QUOTED_FROM]->(s)
     WITH e, row WHERE row.speakerId IS NOT NULL AND e.speakerId IS NULL
     SET e.speakerId = row.speakerId`,
    { rows: plan.evidence.map((e) => ({ ...e, props: toStoredProps(e.props) })) },
  );

  // Everything the file changes is decided against what is stored before anything is written.
  const owners = plan.relations.map(linkListOf).filter((l): l is LinkList => l !== null);
  const touched = [...new Set([...plan.nodes.map((n) => n.id), ...owners.map((l) => l.id)])];
  const before = await readRecords(tx, touched, true);
  const nodes = plan.nodes.flatMap((n) => {
    const stored = before.get(n.id);
    if (!stored) return [{ ...n, props: n.props }];
    const props = fileChanges(n.props, stored.props, snapshot?.nodes[n.id]);
    const label = !stored.labels.includes(n.label) || (n.plant === true && !stored.labels.includes('Plant'));
    return Object.keys(props).length > 0 || label ? [{ ...n, props }] : [];
  });
  const storedLinks = await tx.run(
    `/* storedLinks */
     UNWIND $rows AS row
     MATCH (a:Entity {id: row.from})-[r]->(b:Entity {id: row.to})
     WHERE type(r) = row.type
     RETURN row.type + ' ' + row.from + ' ' + row.to AS key, properties(r) AS props`,
    { rows: plan.relations.map(({ type, from, to }) => ({ type, from, to })) },
  );
  const linkProps = new Map(storedLinks.records.map((r) => [r.get('key') as string, plain(r.get('props')) as Props]));
  const relations = plan.relations.flatMap((r) => {
    const key = relationKey(r);
    const props = linkChanges(r.props, linkProps.get(key), snapshot?.relations[key]);
    return props === null ? [] : [{ ...r, props }];
  });
  const supported = plan.nodes
    .map(({ id, evidenceIds }) => ({
      id,
      evidenceIds: evidenceIds.filter((e) => !before.get(id)?.evidenceIds.includes(e)),
    }))
    .filter((n) => n.evidenceIds.length > 0);

  // Records that existed and that these writes change: they get revisions, so they are shown before.
  const changing = new Set([...nodes, ...supported].map((n) => n.id).filter((id) => before.has(id)));
  const lists = new Map<string, LinkList>();
  for (const rel of relations) {
    const list = linkListOf(rel);
    if (list && before.has(list.id)) {
      changing.add(list.id);
      lists.set(`${list.id} ${list.type}`, list);
    }
  }
  const shownBefore = await show(tx, before, [...lists.values()]);

  for (const label of NODE_LABELS) {
    const rows = nodes
      .filter((n) => n.label === label)
      .map((n) => ({ id: n.id, plant: n.plant ?? false, props: toStoredProps(n.props) }));
    if (rows.length) await tx.run(upsertNodes(label), { rows });
  }
  for (const type of RELATION_TYPES) {
    const rows = relations.filter((r) => r.type === type).map(({ from, to, props }) => ({ from, to, props }));
    if (rows.length) await tx.run(upsertRelations(type), { rows });
  }
  if (supported.length > 0) {
    await tx.run(
      `/* supportedBy */
       UNWIND $rows AS row
       MATCH (n:Entity {id: row.id})
       UNWIND row.evidenceIds AS evidenceId
       MATCH (e:Evidence {id: evidenceId})
       MERGE (n)-[:SUPPORTED_BY]->(e)`,
      { rows: supported },
    );
  }
  const statusWritten = new Set(
    nodes.filter((n) => ['status', 'kind', 'binding'].some((k) => k in n.props)).map((n) => n.id),
  );
  for (const id of await deriveCurrentValues(tx, plan, statusWritten)) if (before.has(id)) changing.add(id);

  // Whatever the write changed in a record that existed before.
  const after = await readRecords(tx, [...changing]);
  const shownAfter = await show(tx, after, [...lists.values()]);
  const changed = new Map<string, FieldChange[]>();
  for (const id of changing) {
    const was = shownBefore.get(id)!;
    const is = shownAfter.get(id) ?? {};
    const changes = changedFields([...new Set([...Object.keys(was), ...Object.keys(is)])].sort(), was, is);
    if (changes.length > 0) changed.set(id, changes);
  }
  if (!file) return changed;

  const now = new Date().toISOString();
  await recordRevisions(
    tx,
    [...changed].map(([id, changes]) => ({
      id: randomUUID(),
      entityId: id,
      operation: 'load',
      changes: JSON.stringify(changes),
      changedBy: `loader:${file.key}`,
      via: 'loader',
      changedAt: now,
      reason: null,
    })),
  );
  const next: Snapshot = {
    nodes: Object.fromEntries(plan.nodes.map((n) => [n.id, n.props])),
    relations: Object.fromEntries(plan.relations.map((r) => [relationKey(r), r.props])),
  };
  await tx.run(
    `/* dataFile */
     MERGE (f:DataFile {path: $path})
     SET f.sha256 = $sha256, f.loadedAt = datetime(), f.snapshot = $snapshot`,
    { path: file.key, sha256: file.sha256, snapshot: JSON.stringify(next) },
  );
  return changed;
}

/**
 * Values the loader derives rather than reads, for every deal and subject the file touches:
 * - a deal or plant with stages takes its status from its latest stage, and its kind and binding from the
 *   latest stage that states them (stages ordered by date, a less precise date first on a tie, then id),
 *   when they say something new since they last decided or the file wrote the deal's own status;
 * - of the claims with the same subject and property, one is preferred: a curator's rank first
 *   (preferred, normal, deprecated), then the most recently stated (a more precise date first on a tie), then
 *   an actual value over a target, expectation or possibility, then an exact value over an approximate
 *   one, then the smallest id.
 * Returns the deals whose status, kind or binding it set.
 */
async function deriveCurrentValues(tx: ManagedTransaction, plan: Plan, statusWritten: Set<string>): Promise<string[]> {
  const deals = new Set(plan.nodes.filter((n) => n.label === 'Partnership' || n.plant).map((n) => n.id));
  const subjects = new Set<string>();
  for (const rel of plan.relations) {
    if (rel.type === 'HAS_STAGE') deals.add(rel.from);
    if (rel.type === 'CLAIM_OF') subjects.add(rel.to);
  }
  let changed: string[] = [];
  if (deals.size) {
    const result = await tx.run(
      `/* dealStages */
       UNWIND $ids AS id
       MATCH (p:Entity {id: id})-[:HAS_STAGE]->(s:Stage)
       WHERE p:Partnership OR p:Plant
       WITH p, s ORDER BY s.dateValue, s.id
       WITH p, collect(s) AS stages
       WITH p, stages[-1] AS latest,
            [x IN stages WHERE x.kind IS NOT NULL] AS kinds,
            [x IN stages WHERE x.binding IS NOT NULL] AS bindings
       RETURN p.id AS id, p.stageValues AS basis,
              {status: latest.status,
               kind: CASE WHEN size(kinds) > 0 THEN kinds[-1].kind END,
               binding: CASE WHEN size(bindings) > 0 THEN bindings[-1].binding END} AS stages`,
      { ids: [...deals] },
    );
    // The stages decide when they say something new since the last load, or when this file wrote the
    // deal's own status, kind or binding; otherwise a curator's correction stands.
    const rows = result.records
      .map((r) => ({
        id: r.get('id') as string,
        basis: r.get('basis') as string | null,
        stages: r.get('stages') as Props,
      }))
      .filter((r) => statusWritten.has(r.id) || r.basis === null || !sameMeaning(JSON.parse(r.basis), r.stages))
      .map((r) => ({ id: r.id, stages: r.stages, basis: JSON.stringify(r.stages) }));
    if (rows.length) {
      await tx.run(
        `/* deriveDealStatus */
         UNWIND $rows AS row
         MATCH (p:Entity {id: row.id})
         SET p.status = row.stages.status,
             p.kind = coalesce(row.stages.kind, p.kind),
             p.binding = coalesce(row.stages.binding, p.binding),
             p.stageValues = row.basis`,
        { rows },
      );
      changed = rows.map((r) => r.id);
    }
  }
  if (subjects.size) {
    await tx.run(
      `/* preferClaims */
       UNWIND $ids AS id
       MATCH (c:Claim)-[:CLAIM_OF]->(:Entity {id: id})
       WITH id, c ORDER BY ${CLAIM_PREFERENCE}
       WITH id, c.property AS property, collect(c) AS claims
       UNWIND range(0, size(claims) - 1) AS i
       WITH claims[i] AS c, i = 0 AND claims[i].rank <> 'deprecated' AS preferred
       WHERE c.preferred IS NULL OR c.preferred <> preferred
       SET c.preferred = preferred`,
      { ids: [...subjects] },
    );
  }
  return changed;
}
