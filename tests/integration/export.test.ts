/**
 * `kg export` on the shipped graph: every format holds every node and relationship with its evidence,
 * and the Cypher script rebuilds the same graph in an empty database.
 */
import type { Database } from '../../src/db/neo4j';
import { cypherStatements, ExportGraph, readGraph, toCsv, toCypher, toGraphml, toJson } from '../../src/export';
import { clearGraph, freshGraph, testDatabase } from '../support/neo4j';

let db: Database;
let graph: ExportGraph;

/** Nodes per label and relationships per type: what must survive the round trip. */
async function census(): Promise<Record<string, number>> {
  const rows = await db.read<{ key: string; n: number }>(
    'test',
    `CALL () { MATCH (n:Entity) UNWIND labels(n) AS l RETURN 'node:' + l AS key, count(*) AS n
               UNION ALL MATCH (:Entity)-[r]->(:Entity) RETURN 'rel:' + type(r) AS key, count(*) AS n }
     RETURN key, n ORDER BY key`,
  );
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

beforeAll(async () => {
  db = testDatabase();
  await freshGraph(db);
  graph = await readGraph(db);
});
afterAll(() => db.close());

it('reads every node and relationship, evidence included', async () => {
  const c = await census();
  expect(graph.nodes).toHaveLength(c['node:Entity']!);
  expect(graph.edges.length).toBe(
    Object.entries(c)
      .filter(([k]) => k.startsWith('rel:'))
      .reduce((n, [, v]) => n + v, 0),
  );
  const evidence = graph.nodes.find((n) => n.labels.includes('Evidence'))!;
  expect(Object.keys(evidence.properties)).toEqual(
    expect.arrayContaining(['quote', 'start', 'end', 'prefix', 'suffix']),
  );
});

it('writes JSON, CSV and GraphML with the same counts', () => {
  const json = JSON.parse(toJson(graph));
  expect(json.nodes).toHaveLength(graph.nodes.length);
  expect(json.edges).toHaveLength(graph.edges.length);
  expect(json.nodes.find((n: { id: string }) => n.id === 'verkor').properties.name).toBe('Verkor');

  const { nodes, edges } = toCsv(graph);
  expect(nodes.split('\n')[0]).toMatch(/^Id,Label,labels,/);
  expect(edges.split('\n')[0]).toMatch(/^Source,Target,Type,Label/);
  // Quotes hold commas and line breaks: count records, not lines, by the id column of each row.
  expect(nodes).toContain('\nverkor,Verkor,Company,');
  expect(edges.match(/,Directed,/g)).toHaveLength(graph.edges.length);

  const graphml = toGraphml(graph);
  expect(graphml.match(/<node id=/g)).toHaveLength(graph.nodes.length);
  expect(graphml.match(/<edge id=/g)).toHaveLength(graph.edges.length);
  expect(graphml).toContain('attr.name="quote"');
});

it('writes a Cypher script that rebuilds the same graph in an empty database', async () => {
  const before = await census();
  const [verkor] = await db.read<{ p: unknown }>('test', "MATCH (n {id: 'verkor'}) RETURN properties(n) AS p");
  const script = toCypher(graph);
  await clearGraph(db);
  expect(await census()).toEqual({});
  const [constraint, ...statements] = cypherStatements(script);
  await db.write('test', (tx) => tx.run(constraint!));
  await db.write('test', async (tx) => {
    for (const statement of statements) await tx.run(statement);
  });
  expect(await census()).toEqual(before);
  const [again] = await db.read<{ p: unknown }>('test', "MATCH (n {id: 'verkor'}) RETURN properties(n) AS p");
  expect(again).toEqual(verkor);
  // Integers stay integers and floats stay floats.
  const [types] = await db.read<{ start: string; value: string }>(
    'test',
    `MATCH (e:Evidence) WITH e LIMIT 1 MATCH (c:Claim) WITH e, c LIMIT 1
     RETURN valueType(e.start) AS start, valueType(c.value) AS value`,
  );
  expect(types).toEqual({ start: 'INTEGER NOT NULL', value: 'FLOAT NOT NULL' });
});
