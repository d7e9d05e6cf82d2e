/** Nodes by id, and the relations of many nodes at once (one query per relation per batch). */
import type { Database } from '../db/neo4j';
import { CLAIM_PREFERENCE } from './claims';
import { plain } from '../db/neo4j';
import type { NodeLabel, NodeModel, RelatedModel } from '../model';
import { patternOf, PrefetchName, ReadName, READS } from '../graph/vocabulary';
import { projectionOf, Selection } from './projection';
import { toNode } from './rows';

/** A node with the relations fetched along with it. */
export interface NodeWithRelated {
  node: NodeModel;
  related: Map<PrefetchRelation, RelatedModel[]>;
}

/**
 * What a query fetches of its nodes and of the far ends of their prefetched relations: only what these
 * selections need when given (see projection.ts), else every property.
 */
export interface Shape {
  label?: NodeLabel;
  selection?: Selection;
  related?: Partial<Record<PrefetchRelation, Selection>>;
}

/** Nodes by id, each with the `prefetch` relations in the same query. */
export async function nodesByIds(
  db: Database,
  ids: readonly string[],
  prefetch: readonly PrefetchRelation[] = [],
  shape: Shape = {},
): Promise<Map<string, NodeWithRelated>> {
  const rows = await db.read<{ n: unknown; related: RawRelated }>(
    'nodesByIds',
    `/* nodesByIds */
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN ${projectionOf('n', shape.label, shape.selection)} AS n, ${relatedProjection(prefetch, shape.related)} AS related`,
    { ids },
  );
  return new Map(
    rows.map((row) => {
      const node = toNode(row.n);
      return [node.id, { node, related: toRelatedMap(row.related) }];
    }),
  );
}

/**
 * Each relation binds the related node as `m` (and, where it has one, the relationship as `r`) from
 * the node `n`. Fixed text, chosen by name: no input ever becomes Cypher. The plain ones come from the
 * graph vocabulary; those below walk several relationships.
 */
const PLAIN = Object.fromEntries([...READS].map(([name, { type, read }]) => [name, patternOf(type, read)])) as Record<
  ReadName,
  string
>;

const RELATIONS = {
  ...PLAIN,
  milestones: '(n)<-[r:MILESTONE_OF|CONCERNS|AT_SITE]-(m:Milestone)',
  partnershipsAtSite: '(n)<-[:LOCATED_IN*0..6]-(:Site)<-[r:AT_SITE]-(m:Partnership)',
  companiesAtSite: `(n)<-[:LOCATED_IN*0..6]-(:Site)<-[:BASED_IN|AT_SITE]-(x)
    CALL (x) {
      MATCH (m:Company) WHERE m = x RETURN m
      UNION
      MATCH (x:Partnership)-[:HAS_PARTY]->(m:Company) RETURN m
    }
    WITH id, m, null AS r`,
  sitesOfCompany: `CALL (n) {
      MATCH (n)-[:BASED_IN]->(m:Site) RETURN m
      UNION
      MATCH (n)<-[:HAS_PARTY]-(:Partnership)-[:AT_SITE]->(m:Site) RETURN m
    }
    WITH id, m, null AS r`,
  milestonesOfCompany: `CALL (n) {
      MATCH (n)<-[:CONCERNS]-(m:Milestone) RETURN m
      UNION
      MATCH (n)<-[:HAS_PARTY]-(:Partnership)<-[:MILESTONE_OF]-(m:Milestone) RETURN m
      UNION
      MATCH (n)-[:OWNS]->(:Project)<-[:MILESTONE_OF]-(m:Milestone) RETURN m
    }
    WITH id, m, null AS r`,
  stagesAtSite: `CALL (n) {
      MATCH (n)<-[:AT_SITE]-(m:Stage) RETURN m
      UNION
      MATCH (n)<-[:LOCATED_IN*0..6]-(:Site)<-[:AT_SITE]-(:Partnership)-[:HAS_STAGE]->(m:Stage) RETURN m
      UNION
      MATCH (n)<-[:LOCATED_IN*0..6]-(:Plant)-[:HAS_STAGE]->(m:Stage) RETURN m
    }
    WITH id, m, null AS r`,
  customers: `CALL (n) {
      MATCH (n)<-[:HAS_PARTY {role: 'supplier'}]-(:Partnership {kind: 'supply'})-[:HAS_PARTY {role: 'buyer'}]->(m:Company)
      RETURN DISTINCT m
    }
    WITH id, m, null AS r`,
  cityOf: `CALL (n) {
      MATCH (n)-[:LOCATED_IN*1..3]->(m:Site {kind: 'city'}) RETURN m LIMIT 1
    }
    WITH id, m, null AS r`,
  countryOf: `CALL (n) {
      MATCH (n)-[:LOCATED_IN*1..6]->(m:Site {kind: 'country'}) RETURN m LIMIT 1
    }
    WITH id, m, null AS r`,
} as const;

export type RelationName = keyof typeof RELATIONS;

/** Relations listed in an order of their own (the vocabulary's, and these); the others by name. */
const ORDERS: Partial<Record<RelationName, string>> = {
  ...Object.fromEntries([...READS].flatMap(([name, { read }]) => (read.order ? [[name, read.order]] : []))),
  stagesAtSite: 'm.dateValue, m.id',
  // The preferred value first, then by the loader's preference rule (CLAIM_OF reads in the vocabulary).
  claimsOf: `m.preferred DESC, ${CLAIM_PREFERENCE.replace(/\bc\./g, 'm.')}`,
};

const orderOf = (relation: RelationName) => ORDERS[relation] ?? 'm.name, m.id';

/** Relations a query can fetch along with the nodes it returns as `n`: plain patterns only. */
export type PrefetchRelation = PrefetchName;

type RawItem = { node: unknown; role: unknown; title: unknown; stake: unknown; evidenceIds: unknown };
export type RawRelated = Record<string, RawItem[]>;

const ALL_CARRIED = 'role: r.role, title: r.title, stake: r.stake, evidenceIds: r.evidenceIds';
/** What a prefetched relation's fields read of the relationship itself: a party's role and its quotes. */
const CARRIED: Partial<Record<PrefetchRelation, string>> = { parties: 'role: r.role, evidenceIds: r.evidenceIds' };
const relatedItem = (node: string, carried = ALL_CARRIED) => `{node: ${node}${carried ? `, ${carried}` : ''}}`;
const RELATED_ITEM = relatedItem('m {.*, labels: labels(m)}');

/** The label at the far end of a plain relation, `(m:Label)` in its pattern. */
const farLabel = (relation: PrefetchRelation) => /\(m:(\w+)\)/.exec(RELATIONS[relation])?.[1] as NodeLabel | undefined;

/**
 * A map projection with one COLLECT subquery per relation of `n`, ordered as relatedByIds orders them,
 * so prefetched relations read exactly as if their loader had fetched them; with `selections`, each far
 * end projected for what is selected of it.
 */
export function relatedProjection(
  relations: readonly PrefetchRelation[],
  selections?: Partial<Record<PrefetchRelation, Selection>>,
): string {
  const entries = relations.map((relation) => {
    const item = selections
      ? relatedItem(projectionOf('m', farLabel(relation), selections[relation], true), CARRIED[relation] ?? '')
      : RELATED_ITEM;
    return `${relation}: COLLECT { MATCH ${RELATIONS[relation]} WITH m, r ORDER BY ${orderOf(relation)} RETURN ${item} }`;
  });
  return `{${entries.join(', ')}}`;
}

export function toRelatedMap(raw: RawRelated | null | undefined): Map<PrefetchRelation, RelatedModel[]> {
  return new Map(
    Object.entries(raw ?? {}).map(([relation, items]) => [relation as PrefetchRelation, toRelated(items)]),
  );
}

/** Items as model objects, each (node, role, title) once: a node may be linked twice with its evidence. */
function toRelated(items: RawItem[]): RelatedModel[] {
  const seen = new Set<string>();
  const related: RelatedModel[] = [];
  for (const item of items) {
    const node = toNode(item.node);
    const key = `${node.id}|${String(item.role)}|${String(item.title)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push({
      node,
      role: typeof item.role === 'string' ? item.role : null,
      title: typeof item.title === 'string' ? item.title : null,
      stake: typeof item.stake === 'number' ? item.stake : null,
      evidenceIds: (plain(item.evidenceIds) as string[] | null) ?? [],
    });
  }
  return related;
}

const clause = (pattern: string) => (pattern.startsWith('CALL') ? pattern : `MATCH ${pattern}`);

export async function relatedByIds(
  db: Database,
  relation: RelationName,
  ids: readonly string[],
): Promise<Map<string, RelatedModel[]>> {
  const rows = await db.read<{ id: string; items: RawItem[] }>(
    relation,
    `/* ${relation} */
     UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     ${clause(RELATIONS[relation])}
     WITH id, m, r ORDER BY ${orderOf(relation)}
     RETURN id, collect(${RELATED_ITEM}) AS items`,
    { ids },
  );
  return new Map(rows.map((row) => [row.id, toRelated(row.items)]));
}

/** Companies sharing partnerships with each company, with the shared partnership ids. */
export async function partnersByIds(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { node: NodeModel; partnershipIds: string[] }[]>> {
  const rows = await db.read<{ id: string; partners: { node: unknown; partnershipIds: string[] }[] }>(
    'partnersByIds',
    `/* partnersByIds */
     UNWIND $ids AS id
     MATCH (n:Company {id: id})<-[:HAS_PARTY]-(p:Partnership)-[:HAS_PARTY]->(m:Company)
     WHERE m <> n
     WITH id, m, collect(DISTINCT p.id) AS partnershipIds ORDER BY m.name
     RETURN id, collect({node: m {.*, labels: labels(m)}, partnershipIds: partnershipIds}) AS partners`,
    { ids },
  );
  return new Map(
    rows.map((row) => [row.id, row.partners.map((p) => ({ node: toNode(p.node), partnershipIds: p.partnershipIds }))]),
  );
}
