/**
 * Bulk loader for the synthetic graph: batched `UNWIND … CREATE`, two transactions in flight, a
 * progress bar, and restartable: each committed batch leaves a `BenchBatch` marker in its own
 * transaction, so a rerun after a crash skips what is stored and writes the rest of the same graph.
 * A `BenchMeta` node records seed, size and completion, so a complete graph is reused as it is.
 *
 * Speed: node batches return the element ids Neo4j gave them, and relationship batches find their
 * ends by element id (a direct record lookup) instead of two index seeks per row; the id constraint
 * and the other indexes are built once, after the nodes, instead of being updated row by row.
 */
import { SingleBar, Presets } from 'cli-progress';
import neo4j, { Driver } from 'neo4j-driver';
import { connect } from '../src/db/neo4j';
import { ensureSchema, ID_CONSTRAINT } from '../src/store/schema';
import { toStoredProps } from '../src/store/rows';
import { Batch, DEFAULT_SEED, generate } from './generate';

const BATCH_SIZE = 20000;
const IN_FLIGHT = 2;

export interface LoadReport {
  reused: boolean;
  /** `import`: the offline importer on a fresh store; `transactional`: batched Cypher (restartable). */
  method?: 'import' | 'transactional';
  /** The importer's input: seconds spent writing the generator's rows as CSV files. */
  csvSeconds?: number;
  /** The importer's own time ("IMPORT DONE in …"): the wall time less the JVM's start and its set-up. */
  importerSeconds?: number;
  importerEntitiesPerSecond?: number;
  nodes: number;
  relationships: number;
  loadSeconds: number;
  indexSeconds: number;
  entitiesPerSecond: number;
}

const statement = (batch: Batch) =>
  batch.kind === 'nodes'
    ? `/* benchNodes${batch.label} */
       UNWIND $rows AS row
       CREATE (n:Entity:${batch.label}) SET n = row.props, n.id = row.id
       RETURN row.id AS id, elementId(n) AS eid`
    : `/* benchRelationships${batch.type} */
       UNWIND $rows AS row
       MATCH (a) WHERE elementId(a) = row.from
       MATCH (b) WHERE elementId(b) = row.to
       CREATE (a)-[r:${batch.type}]->(b) SET r = row.props`;

async function run(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  try {
    return await session.executeWrite((tx) => tx.run(cypher, params));
  } finally {
    await session.close();
  }
}

async function readMeta(driver: Driver) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) =>
      tx.run(
        `/* benchMeta */
         OPTIONAL MATCH (m:BenchMeta {key: 'graph'})
         RETURN m {.*} AS meta, COLLECT { MATCH (b:BenchBatch) RETURN b.step } AS done`,
      ),
    );
    const row = result.records[0]!;
    return {
      meta: row.get('meta') as { seed: number; nodes: number; complete: boolean } | null,
      done: new Set((row.get('done') as unknown[]).map(Number)),
    };
  } finally {
    await session.close();
  }
}

/** After a restart, the element ids of the nodes an earlier run wrote. */
async function readElementIds(driver: Driver, into: Map<string, string>) {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) =>
      tx.run('/* benchElementIds */ MATCH (n:Entity) RETURN n.id AS id, elementId(n) AS eid'),
    );
    for (const r of result.records) into.set(r.get('id') as string, r.get('eid') as string);
  } finally {
    await session.close();
  }
}

/** Builds the graph of `nodes` nodes in the Neo4j at `uri`, or reuses it when it is already complete. */
export async function ensureGraph(
  uri: string,
  nodes: number,
  seed = DEFAULT_SEED,
  log: (line: string) => void = console.log,
): Promise<LoadReport> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { maxTransactionRetryTime: 300000 });
  try {
    const { meta, done } = await readMeta(driver);
    if (meta?.complete && Number(meta.seed) === seed && Number(meta.nodes) === nodes) {
      log(`graph: reusing the complete ${nodes}-node graph (seed ${seed})`);
      return { reused: true, nodes: 0, relationships: 0, loadSeconds: 0, indexSeconds: 0, entitiesPerSecond: 0 };
    }
    if (meta && (Number(meta.seed) !== seed || Number(meta.nodes) !== nodes)) {
      throw new Error(`the store holds another graph (seed ${meta.seed}, ${meta.nodes} nodes): delete its folder`);
    }
    await run(driver, 'CREATE CONSTRAINT bench_batch IF NOT EXISTS FOR (b:BenchBatch) REQUIRE b.step IS UNIQUE');
    await run(driver, `/* benchMetaStart */ MERGE (m:BenchMeta {key: 'graph'}) SET m.seed = $seed, m.nodes = $nodes`, {
      seed: neo4j.int(seed),
      nodes: neo4j.int(nodes),
    });

    let total = 0;
    let nodeTotal = 0;
    for (const batch of generate(nodes, seed, BATCH_SIZE)) {
      total += batch.rows.length;
      if (batch.kind === 'nodes') nodeTotal += batch.rows.length;
    }
    const bar = new SingleBar(
      {
        format: 'load [{bar}] {percentage}% | {value}/{total} entities | {rate}/s | ETA {eta}s',
        hideCursor: true,
        // CI and logs are no terminal: print a line every few seconds there instead.
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    let written = 0;
    let nodeCount = 0;
    let relCount = 0;
    bar.start(total, 0, { rate: 0 });
    const inFlight = new Set<Promise<void>>();
    let step = 0;
    let nodesWritten = false;
    const elementIds = new Map<string, string>();
    for (const batch of generate(nodes, seed, BATCH_SIZE)) {
      const current = step++;
      if (done.has(current)) {
        bar.increment(batch.rows.length);
        continue;
      }
      // Nodes must all exist before the first relationship batch matches them.
      if (batch.kind === 'relationships' && !nodesWritten) {
        await Promise.all(inFlight);
        nodesWritten = true;
        await run(driver, ID_CONSTRAINT);
        if (elementIds.size < nodeTotal) await readElementIds(driver, elementIds);
      }
      const eid = (id: string) => {
        const found = elementIds.get(id);
        if (!found) throw new Error(`no node ${id} was written before its relationships`);
        return found;
      };
      const rows =
        batch.kind === 'nodes'
          ? batch.rows.map((r) => ({ id: r.id, props: toStoredProps(r.props) }))
          : batch.rows.map((r) => ({ from: eid(r.from), to: eid(r.to), props: toStoredProps(r.props) }));
      const work = (async () => {
        const session = driver.session();
        try {
          const created = await session.executeWrite(async (tx) => {
            const result = await tx.run(statement(batch), { rows });
            await tx.run('/* benchBatchDone */ CREATE (:BenchBatch {step: $step})', { step: neo4j.int(current) });
            return result.records;
          });
          for (const r of created) elementIds.set(r.get('id') as string, r.get('eid') as string);
        } finally {
          await session.close();
        }
        written += rows.length;
        if (batch.kind === 'nodes') nodeCount += rows.length;
        else relCount += rows.length;
        bar.increment(rows.length, { rate: Math.round(written / ((Date.now() - started) / 1000)) });
      })();
      inFlight.add(work);
      const forget = () => inFlight.delete(work);
      work.then(forget, forget);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    bar.stop();
    const loadSeconds = (Date.now() - started) / 1000;
    log(`graph: ${nodeCount} nodes and ${relCount} relationships written in ${loadSeconds.toFixed(1)} s`);

    const indexSeconds = await completeGraph(uri, nodes, seed, log);
    return {
      reused: false,
      method: 'transactional',
      nodes: nodeCount,
      relationships: relCount,
      loadSeconds,
      indexSeconds,
      entitiesPerSecond: Math.round((nodeCount + relCount) / loadSeconds),
    };
  } finally {
    await driver.close();
  }
}

/**
 * After the last entity is written: the product's constraints and indexes (built once, over the whole
 * graph), then the graph is marked complete so later runs reuse it. Returns the seconds the indexes took.
 */
export async function completeGraph(
  uri: string,
  nodes: number,
  seed: number,
  log: (line: string) => void = console.log,
): Promise<number> {
  const started = Date.now();
  const db = connect({ uri, user: 'neo4j', password: '', database: undefined });
  try {
    await ensureSchema(db, 1800);
    await db.write('benchMetaComplete', (tx) =>
      tx.run(
        `/* benchMetaComplete */ MERGE (m:BenchMeta {key: 'graph'}) SET m.seed = $seed, m.nodes = $nodes, m.complete = true`,
        { seed: neo4j.int(seed), nodes: neo4j.int(nodes) },
      ),
    );
  } finally {
    await db.close();
  }
  const seconds = (Date.now() - started) / 1000;
  log(`graph: indexes (range and full-text) online in ${seconds.toFixed(1)} s`);
  return seconds;
}
