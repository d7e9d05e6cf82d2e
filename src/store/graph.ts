/** Whole-graph reads outside the API's types: the export's nodes and edges, readiness, data-file hashes. */
import type { Database } from '../db/neo4j';

export interface StoredNode {
  labels: string[];
  props: Record<string, unknown>;
}

export interface StoredEdge {
  source: string;
  target: string;
  type: string;
  props: Record<string, unknown>;
}

/** Every record with its labels (but `Entity`) and properties as stored, by id. */
export function allNodes(db: Database): Promise<StoredNode[]> {
  return db.read<StoredNode>(
    'exportNodes',
    `/* exportNodes */
     MATCH (n:Entity)
     RETURN [l IN labels(n) WHERE l <> 'Entity'] AS labels, properties(n) AS props
     ORDER BY n.id`,
  );
}

/** Every relationship between records with its properties, in a stable order. */
export function allEdges(db: Database): Promise<StoredEdge[]> {
  return db.read<StoredEdge>(
    'exportEdges',
    `/* exportEdges */
     MATCH (a:Entity)-[r]->(b:Entity)
     RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
     ORDER BY source, type, target`,
  );
}

/** How many sources the graph holds: none means nothing was loaded yet. */
export async function sourceCount(db: Database): Promise<number> {
  const [row] = await db.read<{ sources: unknown }>(
    'readyz',
    '/* readyz */ MATCH (s:Source) RETURN count(s) AS sources',
  );
  return Number(row?.sources ?? 0);
}

/** The hash of a data file as last loaded, if it was. */
export async function loadedHash(db: Database, path: string): Promise<string | undefined> {
  const [row] = await db.read<{ sha256: string }>(
    'dataFileHash',
    '/* dataFileHash */ MATCH (f:DataFile {path: $path}) RETURN f.sha256 AS sha256',
    { path },
  );
  return row?.sha256;
}
