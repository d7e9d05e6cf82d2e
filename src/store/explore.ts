/** Full-text search, neighbourhoods and shortest paths for exploration. */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { typesOf } from '../graph/vocabulary';
import { FULLTEXT_INDEX } from './schema';
import type { EdgeModel, GraphModel, SearchHitModel } from '../model';
import { toNode } from './rows';

/** Business ties: how companies, people, projects, sites and plants are connected through deals. */
const BUSINESS_RELATIONSHIPS = typesOf('business');
/** The domain's ties and places; a record's life and provenance are not part of graph views. */
const DOMAIN_RELATIONSHIPS = typesOf('business', 'place');

export const LIMITS = { searchText: 200, depth: 3, neighborhood: 1000, pathLength: 10, searchHits: 100 } as const;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a safe Lucene query: every term literal (special characters escaped), the last
 * one also as a prefix, so typing "verk" finds Verkor.
 */
export function luceneQuery(text: string): string {
  const terms = text
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter((t) => t.replace(/\\/g, '').length > 0)
    .filter((t) => !/^(and|or|not)$/.test(t));
  if (terms.length === 0) return '';
  const last = terms.pop()!;
  const words = [...terms, `(${last} OR ${last}*)`].join(' ');
  // Matches in names and aliases outrank matches in descriptions and quotes.
  return `name:(${words})^4 aliasText:(${words})^3 ${words}`;
}

/** The search statement, shared with the benchmark's raw-Cypher arm so both send the same query. */
export const SEARCH =
  // Quotes and sources repeat the names they mention, so entities rank above them; a name or alias
  // that starts with the typed text ranks above names that merely contain it (typeahead).
  `/* search */
   CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
   WITH node, score
        * CASE WHEN node:Evidence OR node:Source THEN 0.5 ELSE 1.0 END
        * CASE WHEN any(n IN [node.name] + coalesce(node.aliases, []) WHERE toLower(n) STARTS WITH $typed) THEN 3.0 ELSE 1.0 END AS score
   RETURN node {.*, labels: labels(node)} AS n, score
   ORDER BY score DESC, node.id
   LIMIT $first`;

/** Checks the arguments and returns the parameters of SEARCH. */
export function searchParams(text: string, first: number) {
  if (text.length > LIMITS.searchText)
    throw new BadUserInputError('text', `must be at most ${LIMITS.searchText} characters`);
  if (!Number.isInteger(first) || first < 1 || first > LIMITS.searchHits) {
    throw new BadUserInputError('first', `must be between 1 and ${LIMITS.searchHits}, got ${first}`);
  }
  const query = luceneQuery(text);
  if (!query) throw new BadUserInputError('text', 'must contain at least one word');
  return {
    index: FULLTEXT_INDEX,
    query,
    typed: text.trim().toLowerCase(),
    first: neo4j.int(first),
    // Lucene ranks by its own statistics, which deleted and rewritten documents skew; a generous
    // candidate list keeps an entity whose name matches in play for the re-ranking above.
    candidates: neo4j.int(Math.max(first * 3, 100)),
  };
}

export async function search(db: Database, text: string, first: number): Promise<SearchHitModel[]> {
  const rows = await db.read<{ n: unknown; score: number }>('search', SEARCH, searchParams(text, first));
  return rows.map((r) => ({ score: r.score, node: toNode(r.n) }));
}

const edgesOf = (nodes: string) => `
  UNWIND ${nodes} AS a
  OPTIONAL MATCH (a)-[r:${DOMAIN_RELATIONSHIPS}]->(b)
  WHERE b IN ${nodes}
  WITH ${nodes} AS nodes, collect(CASE WHEN r IS NULL THEN null ELSE {source: a.id, target: b.id, type: type(r)} END) AS edges
  RETURN [x IN nodes | x {.*, labels: labels(x)}] AS nodes, edges`;

/** One prebuilt statement per depth: breadth first, so the nearest nodes survive the limit. */
export const NEIGHBORHOOD = [1, 2, 3].map((depth) => {
  const hop = `
  CALL (seen, frontier) {
    UNWIND frontier AS f
    MATCH (f)-[:${DOMAIN_RELATIONSHIPS}]-(m)
    WHERE NOT m IN seen
    WITH DISTINCT m LIMIT $limit
    RETURN collect(m) AS next
  }
  WITH (seen + next)[..$limit] AS seen, next AS frontier`;
  return `/* neighborhood depth ${depth} */
  MATCH (start:Entity {id: $id})
  WHERE NOT (start:Evidence OR start:Source)
  WITH [start] AS seen, [start] AS frontier
  ${hop.repeat(depth)}
  ${edgesOf('seen')}`;
});

function toGraph(row: { nodes: unknown[]; edges: EdgeModel[] } | undefined): GraphModel | null {
  if (!row) return null;
  const edges = new Map(row.edges.map((e) => [`${e.source}>${e.type}>${e.target}`, e]));
  return { nodes: row.nodes.map(toNode), edges: [...edges.values()] };
}

export async function neighborhood(db: Database, id: string, depth: number, limit: number): Promise<GraphModel | null> {
  if (!Number.isInteger(depth) || depth < 1 || depth > LIMITS.depth) {
    throw new BadUserInputError('depth', `must be between 1 and ${LIMITS.depth}, got ${depth}`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.neighborhood) {
    throw new BadUserInputError('limit', `must be between 1 and ${LIMITS.neighborhood}, got ${limit}`);
  }
  const rows = await db.read<{ nodes: unknown[]; edges: EdgeModel[] }>('neighborhood', NEIGHBORHOOD[depth - 1]!, {
    id,
    limit: neo4j.int(limit),
  });
  return toGraph(rows[0]);
}

export const SHORTEST_PATH = Array.from(
  { length: LIMITS.pathLength },
  (_, i) => `/* shortestPath max ${i + 1} */
  MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
  WHERE NOT (a:Evidence OR a:Source OR b:Evidence OR b:Source)
  MATCH p = shortestPath((a)-[:${BUSINESS_RELATIONSHIPS}*..${i + 1}]-(b))
  RETURN [x IN nodes(p) | x {.*, labels: labels(x)}] AS nodes,
         [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges`,
);

export async function shortestPath(
  db: Database,
  fromId: string,
  toId: string,
  maxLength: number,
): Promise<GraphModel | null> {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > LIMITS.pathLength) {
    throw new BadUserInputError('maxLength', `must be between 1 and ${LIMITS.pathLength}, got ${maxLength}`);
  }
  if (fromId === toId) {
    const rows = await db.read<{ nodes: unknown[]; edges: EdgeModel[] }>(
      'shortestPath',
      `/* shortestPath same node */
       MATCH (a:Entity {id: $fromId}) WHERE NOT (a:Evidence OR a:Source)
       RETURN [a {.*, labels: labels(a)}] AS nodes, [] AS edges`,
      { fromId },
    );
    return toGraph(rows[0]);
  }
  const rows = await db.read<{ nodes: unknown[]; edges: EdgeModel[] }>('shortestPath', SHORTEST_PATH[maxLength - 1]!, {
    fromId,
    toId,
  });
  return toGraph(rows[0]);
}
