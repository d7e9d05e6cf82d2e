/** Constraints and indexes the loader and the API's queries rely on. Idempotent. */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/neo4j';

export const FULLTEXT_INDEX = 'entity_text';

/** Every lookup by id relies on it; bulk loaders create it before anything else. */
export const ID_CONSTRAINT = 'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE';

const STATEMENTS = [
  ID_CONSTRAINT,
  'CREATE CONSTRAINT data_file_path IF NOT EXISTS FOR (f:DataFile) REQUIRE f.path IS UNIQUE',
  'CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE',
  'CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE',
  'CREATE INDEX proposal_source IF NOT EXISTS FOR (p:Proposal) ON (p.sourceId)',
  'CREATE INDEX proposal_status IF NOT EXISTS FOR (p:Proposal) ON (p.status)',
  'CREATE INDEX partnership_kind IF NOT EXISTS FOR (n:Partnership) ON (n.kind)',
  'CREATE INDEX partnership_status IF NOT EXISTS FOR (n:Partnership) ON (n.status)',
  'CREATE INDEX partnership_announced_year IF NOT EXISTS FOR (n:Partnership) ON (n.announcedYear)',
  'CREATE INDEX milestone_year IF NOT EXISTS FOR (n:Milestone) ON (n.year)',
  'CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS
     FOR (n:Company|Person|Site|Project|Partnership|Milestone|Source|Evidence)
     ON EACH [n.name, n.aliasText, n.description, n.purpose, n.due, n.quote]`,
];

/** `awaitSeconds`: populating the full-text index of a million-node graph takes minutes, not seconds. */
export async function ensureSchema(db: Database, awaitSeconds = 120): Promise<void> {
  for (const statement of STATEMENTS) {
    await db.write('ensureSchema', (tx) => tx.run(statement));
  }
  await db.write('awaitIndexes', (tx) =>
    tx.run('CALL db.awaitIndexes($seconds)', { seconds: neo4j.int(awaitSeconds) }),
  );
}
