/** What the graph already knows, so an article's mentions merge into existing records. */
import type { Database } from '../db/neo4j';
import type { EntityLabel, Known } from './extract';

export async function readKnown(db: Database): Promise<Known> {
  const entities = await db.read<{ id: string; label: EntityLabel; name: string; aliases: string[]; kinds: string[] }>(
    'ingestKnownEntities',
    `/* ingestKnownEntities */
     MATCH (n:Entity) WHERE n:Company OR n:Person OR n:Site OR n:Project
     RETURN n.id AS id,
            [l IN labels(n) WHERE l IN ['Company', 'Person', 'Site', 'Project']][0] AS label,
            n.name AS name,
            coalesce(n.aliases, []) AS aliases,
            CASE WHEN n:Company THEN coalesce(n.kinds, []) WHEN n.kind IS NULL THEN [] ELSE [n.kind] END AS kinds`,
  );
  const deals = await db.read<Known['deals'][number]>(
    'ingestKnownDeals',
    `/* ingestKnownDeals */
     MATCH (p:Partnership)-[r:HAS_PARTY]->(c:Company)
     WITH p, collect({company: c.id, role: r.role}) AS parties
     RETURN p.id AS id, p.name AS name, p.kind AS kind, p.status AS status, p.binding AS binding,
            p.modality AS modality, parties, COLLECT { MATCH (p)-[:AT_SITE]->(s:Site) RETURN s.id } AS sites`,
  );
  return { entities, deals };
}
