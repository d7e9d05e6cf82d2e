/** What the graph already knows, so an article's mentions merge into existing records (src/ingest). */
import type { Database } from '../db/neo4j';

/** The kinds of record an article's mentions can be. */
export type KnownLabel = 'Company' | 'Person' | 'Site' | 'Project';

/** A record the graph already holds, with the stored fields a re-declaration must keep. */
export interface KnownEntity {
  id: string;
  label: KnownLabel;
  name: string;
  aliases: string[];
  /** Company kinds, or the site's or project's kind. */
  kinds: string[];
}

export interface KnownDeal {
  id: string;
  name: string;
  kind: string;
  status: string;
  binding: string;
  modality: string;
  parties: { company: string; role: string }[];
  sites: string[];
}

export interface Known {
  entities: KnownEntity[];
  deals: KnownDeal[];
}

export async function readKnown(db: Database): Promise<Known> {
  const entities = await db.read<KnownEntity>(
    'ingestKnownEntities',
    `/* ingestKnownEntities */
     MATCH (n:Entity) WHERE n:Company OR n:Person OR n:Site OR n:Project
     RETURN n.id AS id,
            [l IN labels(n) WHERE l IN ['Company', 'Person', 'Site', 'Project']][0] AS label,
            n.name AS name,
            coalesce(n.aliases, []) AS aliases,
            CASE WHEN n:Company THEN coalesce(n.kinds, []) WHEN n.kind IS NULL THEN [] ELSE [n.kind] END AS kinds`,
  );
  const deals = await db.read<KnownDeal>(
    'ingestKnownDeals',
    `/* ingestKnownDeals */
     MATCH (p:Partnership)-[r:HAS_PARTY]->(c:Company)
     WITH p, collect({company: c.id, role: r.role}) AS parties
     RETURN p.id AS id, p.name AS name, p.kind AS kind, p.status AS status, p.binding AS binding,
            p.modality AS modality, parties, COLLECT { MATCH (p)-[:AT_SITE]->(s:Site) RETURN s.id } AS sites`,
  );
  return { entities, deals };
}
