/**
 * Writes a plan in the caller's transaction. References that point outside the file are checked
 * first, inside the same transaction, so a bad file writes nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { DOMAIN_LABELS, RELATIONSHIPS } from '../graph/vocabulary';
import type { NodeLabel } from '../model';
import { CLAIM_PREFERENCE } from '../store/claims';
import { toStoredProps } from '../store/rows';
import { precisionOf } from '../rules';
import { LoadError } from './errors';
import type { NodeRow, Plan, RelationRow, RelationType } from './plan';
import type { Source } from './sources';

// Labels and relationship types cannot be parameters in Cypher; these statements are built only from
// the graph vocabulary's fixed lists, never from file content.
const NODE_LABELS: readonly NodeRow['label'][] = DOMAIN_LABELS;
const RELATION_TYPES: readonly RelationType[] = RELATIONSHIPS.map((r) => r.type);

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

export async function writeSources(tx: ManagedTransaction, sources: Source[]): Promise<void> {
  const rows = sources.map((s) => ({
    id: s.id,
    props: {
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
    },
  }));
  await tx.run(upsertNodes('Source'), { rows: rows.map((r) => ({ ...r, props: toStoredProps(r.props) })) });
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

export async function writePlan(tx: ManagedTransaction, plan: Plan): Promise<void> {
  await checkReferences(tx, plan);
  await tx.run(
    `/* upsertEvidence */
     UNWIND $rows AS row
     MATCH (s:Source {id: row.sourceId})
     MERGE (e:Entity {id: row.id})
     SET e:Evidence, e += row.props, e.sourceId = row.sourceId, e.speakerId = row.speakerId
     MERGE (e)-[:QUOTED_FROM]->(s)`,
    { rows: plan.evidence.map((e) => ({ ...e, props: toStoredProps(e.props) })) },
  );
  for (const label of NODE_LABELS) {
    const rows = plan.nodes.filter((n) => n.label === label);
    if (rows.length)
      await tx.run(upsertNodes(label), {
        rows: rows.map((r) => ({ id: r.id, plant: r.plant ?? false, props: toStoredProps(r.props) })),
      });
  }
  for (const type of RELATION_TYPES) {
    const rows = plan.relations
      .filter((r: RelationRow) => r.type === type)
      .map(({ from, to, props }) => ({ from, to, props }));
    if (rows.length) await tx.run(upsertRelations(type), { rows });
  }
  await tx.run(
    `/* supportedBy */
     UNWIND $rows AS row
     MATCH (n:Entity {id: row.id})
     UNWIND row.evidenceIds AS evidenceId
     MATCH (e:Evidence {id: evidenceId})
     MERGE (n)-[:SUPPORTED_BY]->(e)`,
    { rows: plan.nodes.map(({ id, evidenceIds }) => ({ id, evidenceIds })) },
  );
  await deriveCurrentValues(tx, plan);
}

/**
 * Values the loader derives rather than reads, recomputed for every deal and subject the file touches
 * (so reloading an older file cannot bring back a stale value):
 * - a deal or plant with stages takes its status from its latest stage, and its kind and binding from the
 *   latest stage that states them (stages ordered by date, a less precise date first on a tie, then id);
 * - of the claims with the same subject and property, one is preferred: a curator's rank first
 *   (preferred, normal, deprecated), then the most recently stated (a more precise date first on a tie), then
 *   an actual value over a target, expectation or possibility, then an exact value over an approximate
 *   one, then the smallest id.
 */
async function deriveCurrentValues(tx: ManagedTransaction, plan: Plan): Promise<void> {
  const deals = new Set(plan.nodes.filter((n) => n.label === 'Partnership' || n.plant).map((n) => n.id));
  const subjects = new Set<string>();
  for (const rel of plan.relations) {
    if (rel.type === 'HAS_STAGE') deals.add(rel.from);
    if (rel.type === 'CLAIM_OF') subjects.add(rel.to);
  }
  if (deals.size) {
    await tx.run(
      `/* deriveDealStatus */
       UNWIND $ids AS id
       MATCH (p:Entity {id: id})-[:HAS_STAGE]->(s:Stage)
       WHERE p:Partnership OR p:Plant
       WITH p, s ORDER BY s.dateValue, s.id
       WITH p, collect(s) AS stages
       WITH p, stages[-1] AS latest,
            [x IN stages WHERE x.kind IS NOT NULL] AS kinds,
            [x IN stages WHERE x.binding IS NOT NULL] AS bindings
       SET p.status = latest.status,
           p.kind = CASE WHEN size(kinds) > 0 THEN kinds[-1].kind ELSE p.kind END,
           p.binding = CASE WHEN size(bindings) > 0 THEN bindings[-1].binding ELSE p.binding END`,
      { ids: [...deals] },
    );
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
       SET c.preferred = preferred`,
      { ids: [...subjects] },
    );
  }
}
