/** The run's Neo4j (see globalSetup) and helpers to give each test file a graph of its own. */
import type { Neo4jSettings } from '../../src/config';
import { connect, Database } from '../../src/db/neo4j';
import { loadData } from '../../src/load';

export function testNeo4j(): Neo4jSettings {
  const raw = process.env.KG_TEST_NEO4J;
  if (!raw) {
    throw new Error(
      'KG_TEST_NEO4J is not set: unit tests get no Neo4j (a test that needs one belongs in tests/integration/), ' +
        'and the other projects get it from jest (tests/support/globalSetup.ts)',
    );
  }
  return JSON.parse(raw) as Neo4jSettings;
}

export function testDatabase(): Database {
  return connect(testNeo4j());
}

/** Empties the graph: test files run one after another (--runInBand), each building its own data. */
export async function clearGraph(db: Database): Promise<void> {
  await db.write('clearGraph', (tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

export async function freshGraph(db: Database, dataDir?: string): Promise<void> {
  await clearGraph(db);
  await loadData(db, dataDir);
}

export async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read<{ nodes: number; relationships: number }>(
    'counts',
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.relationships) };
}
