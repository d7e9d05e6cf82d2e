/**
 * `make bench SIZE=10k|100k|1m`: builds or reuses the synthetic graph of that size in its
 * own Neo4j, starts the three arms (raw Cypher, the product's API, @neo4j/graphql), checks that every
 * arm answers every operation correctly and alike, then loads each with autocannon at concurrency 1
 * and 32 (warm-up, then repeats; medians), checking every response while timing. Prints a markdown
 * table and writes bench/results/latest.json, latest.md and <size>.json/.md.
 *
 * Environment: BENCH_DURATION (seconds per repeat, 3), BENCH_REPEATS (3), BENCH_WARMUP (seconds, 2),
 * BENCH_CONCURRENCY ("1,32"). With --load-only it builds (or checks) the graph and stops; with --smoke
 * it runs briefly and writes its figures to the temporary folder only.
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import neo4j, { Driver } from 'neo4j-driver';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { paths } from '../src/config';
import { freePort } from '../src/db/local';
import { DEFAULT_SEED, SIZES, SizeName } from './generate';
import { importCsv, isFreshStore, writeCsv } from './import';
import { completeGraph, ensureGraph, LoadReport } from './load';
import { BENCH_DIR, MEMORY, startBenchNeo4j } from './neo4j';
import { Arm, ARMS, Operation, WORKLOAD } from './workload';

/** CI's smoke run: every arm and check, one short repeat per cell; its figures are not results. */
const SMOKE = process.argv.includes('--smoke');
const env = (name: string, fallback: number, smoke: number) => Number(process.env[name] ?? (SMOKE ? smoke : fallback));
const DURATION = env('BENCH_DURATION', 3, 1);
const REPEATS = env('BENCH_REPEATS', 3, 1);
const WARMUP = env('BENCH_WARMUP', 2, 1);
const TIMEOUT = 30;
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,32').split(',').map(Number);

export interface Row {
  operation: string;
  arm: Arm;
  concurrency: number;
  rps: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  queries_per_op: number | null;
  note?: string;
}

/** The API process's heap settings, as `npm start` (and so `make start`) gives them: package.json's config. */
const API_NODE_FLAGS = (
  JSON.parse(readFileSync(path.join(paths.root, 'package.json'), 'utf8')) as { config: { apiNodeFlags: string } }
).config.apiNodeFlags.split(' ');

interface ArmServer {
  arm: Arm;
  url: string;
  child: ChildProcess;
  stats(): Promise<{ queries: number; rss: number; heapUsed: number }>;
}

async function startArm(arm: Arm, uri: string): Promise<ArmServer> {
  const port = await freePort();
  // The API arm runs with the heap settings `make start` gives the product's API process.
  const heap = arm === 'api' ? API_NODE_FLAGS : [];
  const child = spawn(
    process.execPath,
    [...heap, '--import', 'tsx', path.join(BENCH_DIR, 'arm.ts'), arm, String(port), uri],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('LISTENING')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`arm ${arm} exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    arm,
    url,
    child,
    stats: async () => (await (await fetch(`${url}/bench/stats`)).json()) as Awaited<ReturnType<ArmServer['stats']>>,
  };
}

function request(arm: Arm, op: Operation): { path: string; body: string } | null {
  if (arm === 'raw') return { path: '/raw', body: JSON.stringify({ op: op.name }) };
  const gql = arm === 'api' ? op.api : op.neo4jGraphql;
  return 'query' in gql ? { path: '/graphql', body: JSON.stringify(gql) } : null;
}

/** One checked request: the reference body every timed response must equal, and its query count. */
async function probe(server: ArmServer, req: { path: string; body: string }) {
  const before = (await server.stats()).queries;
  const res = await fetch(server.url + req.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: req.body,
  });
  const text = await res.text();
  const queries = (await server.stats()).queries - before;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (res.status !== 200 || body.errors || body.error) {
    throw new Error(`${server.arm}: ${res.status} ${text.slice(0, 500)}`);
  }
  return { text, body, queries };
}

async function cannon(
  url: string,
  req: { path: string; body: string },
  expected: string,
  connections: number,
  seconds: number,
) {
  let wrong = 0;
  let errored = 0;
  let firstError: string | undefined;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: TIMEOUT,
    requests: [
      {
        method: 'POST',
        path: req.path,
        headers: { 'content-type': 'application/json' },
        body: req.body,
        onResponse: (status: number, body: string) => {
          if (body === expected) return;
          // An error answer (a timeout inside Neo4j, say) is a failure under load; any other body is wrong.
          if (status !== 200 || body.includes('"errors":[') || body.startsWith('{"error"')) {
            errored += 1;
            firstError ??= body.slice(0, 200);
          } else wrong += 1;
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    wrong,
    // Overload, not a wrong answer: the row keeps its figures and says how many requests failed.
    failed: errored + result.errors + result.timeouts,
    firstError,
  };
}

/**
 * Waits until Neo4j has no transaction but this one: requests an overloaded arm left running (its
 * clients gone) must not slow down the next cell or time out its probe.
 */
async function drain(driver: Driver): Promise<void> {
  for (let waited = 0; waited < 300; waited += 1) {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(
        '/* benchDrain */ SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS open',
      );
      if (Number(result.records[0]!.get('open')) <= 1) return;
    } finally {
      await session.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function table(rows: Row[]): string {
  const find = (op: string, arm: Arm, c: number) =>
    rows.find((r) => r.operation === op && r.arm === arm && r.concurrency === c);
  const fmt = (r: Row | undefined) =>
    !r || r.rps === null
      ? r?.note
        ? 'n/a | n/a'
        : '– | –'
      : r.p50_ms === null
        ? `0 | > ${DURATION * 1000}`
        : `${r.rps.toFixed(0)} | ${r.p50_ms} / ${r.p99_ms}`;
  const ratio = (a: number | null | undefined, b: number | null | undefined) =>
    a && b ? `${(a / b).toFixed(2)}x` : a && b === 0 ? '∞' : '–';
  const lines = [
    '| operation | c | raw req/s | raw p50/p99 ms | API req/s | API p50/p99 ms | @neo4j/graphql req/s | @neo4j/graphql p50/p99 ms | API p50 ÷ raw p50 | API req/s ÷ @neo4j/graphql | queries/op API | queries/op @neo4j/graphql |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const op of WORKLOAD) {
    for (const c of CONCURRENCY) {
      const [raw, api, ng] = ARMS.map((arm) => find(op.name, arm, c));
      lines.push(
        `| ${op.name} | ${c} | ${fmt(raw)} | ${fmt(api)} | ${fmt(ng)} | ${ratio(api?.p50_ms, raw?.p50_ms)} | ${ratio(api?.rps, ng?.rps)} | ${api?.queries_per_op ?? '–'} | ${ng?.rps === null ? 'n/a' : (ng?.queries_per_op ?? '–')} |`,
      );
    }
  }
  const notes = rows
    .filter((r) => r.note && r.concurrency === CONCURRENCY[0])
    .map((r) => `- ${r.operation}, ${r.arm}: ${r.note}`);
  return [...lines, '', ...notes].join('\n');
}

/**
 * A fresh store is filled by the offline importer (Neo4j stopped); a store that holds a graph, complete
 * or not, is left to the transactional loader, which reuses or continues it.
 */
async function bulkImport(storeDir: string, nodes: number): Promise<Omit<LoadReport, 'indexSeconds'> | null> {
  if (!isFreshStore(storeDir)) return null;
  const csvStarted = Date.now();
  const csv = writeCsv(`${storeDir}.csv`, nodes, DEFAULT_SEED);
  const csvSeconds = (Date.now() - csvStarted) / 1000;
  console.log(
    `graph: ${csv.nodeCount} nodes and ${csv.relationshipCount} relationships as CSV in ${csvSeconds.toFixed(1)} s`,
  );
  const started = Date.now();
  const importerSeconds = await importCsv(storeDir, csv, console.log);
  const loadSeconds = (Date.now() - started) / 1000;
  rmSync(csv.dir, { recursive: true, force: true });
  const entities = csv.nodeCount + csv.relationshipCount;
  console.log(
    `graph: imported in ${loadSeconds.toFixed(1)} s (${Math.round(entities / loadSeconds)} entities/s; the importer's own count: ${importerSeconds ?? '?'} s)`,
  );
  return {
    reused: false,
    method: 'import',
    nodes: csv.nodeCount,
    relationships: csv.relationshipCount,
    csvSeconds,
    loadSeconds,
    entitiesPerSecond: Math.round(entities / loadSeconds),
    ...(importerSeconds ? { importerSeconds, importerEntitiesPerSecond: Math.round(entities / importerSeconds) } : {}),
  };
}

async function main() {
  const size = (process.env.SIZE ?? process.argv[2] ?? '10k').toLowerCase() as SizeName;
  if (!(size in SIZES)) throw new Error(`SIZE must be one of ${Object.keys(SIZES).join(', ')}`);
  const nodes = SIZES[size];
  const storeDir = path.join(BENCH_DIR, '.data', size);
  const imported = process.argv.includes('--transactional') ? null : await bulkImport(storeDir, nodes);
  const neo = await startBenchNeo4j(storeDir, await freePort());
  const servers: ArmServer[] = [];
  const monitor = neo4j.driver(neo.uri, neo4j.auth.basic('neo4j', ''));
  try {
    const load: LoadReport = imported
      ? { ...imported, indexSeconds: await completeGraph(neo.uri, nodes, DEFAULT_SEED) }
      : await ensureGraph(neo.uri, nodes, DEFAULT_SEED);
    if (process.argv.includes('--load-only')) {
      console.log(JSON.stringify(load));
      return;
    }
    for (const arm of ARMS) servers.push(await startArm(arm, neo.uri));
    const api = servers.find((s) => s.arm === 'api')!;
    const loadAverageBefore = os.loadavg()[0]!;
    const apiMemory = { startRss: (await api.stats()).rss, endRss: 0, peakRss: 0 };

    const rows: Row[] = [];
    for (const op of WORKLOAD) {
      await drain(monitor);
      const probes = new Map<Arm, { text: string; queries: number; digest: string }>();
      for (const server of servers) {
        const req = request(server.arm, op);
        if (!req) continue;
        const p = await probe(server, req);
        probes.set(server.arm, {
          text: p.text,
          queries: p.queries,
          digest: JSON.stringify(op.digest(server.arm, p.body)),
        });
      }
      const reference = probes.get('raw')!.digest;
      for (const [arm, p] of probes) {
        if (p.digest !== reference) throw new Error(`${op.name}: ${arm} answers ${p.digest}, raw Cypher ${reference}`);
      }
      console.log(`${op.name}: all arms agree (${reference.slice(0, 80)})`);
      for (const server of servers) {
        const req = request(server.arm, op);
        const unsupported = 'unsupported' in op.neo4jGraphql ? op.neo4jGraphql.unsupported : undefined;
        for (const c of CONCURRENCY) {
          if (!req) {
            rows.push({
              operation: op.name,
              arm: server.arm,
              concurrency: c,
              rps: null,
              p50_ms: null,
              p99_ms: null,
              queries_per_op: null,
              note: `cannot express it: ${unsupported}`,
            });
            continue;
          }
          const expected = probes.get(server.arm)!.text;
          await drain(monitor);
          if (WARMUP > 0) await cannon(server.url, req, expected, c, WARMUP);
          const runs = [];
          for (let i = 0; i < REPEATS; i++) runs.push(await cannon(server.url, req, expected, c, DURATION));
          const wrong = runs.reduce((a, r) => a + r.wrong, 0);
          if (wrong > 0)
            throw new Error(`${op.name} ${server.arm} c=${c}: ${wrong} responses differ from the checked one`);
          const failed = runs.reduce((a, r) => a + r.failed, 0);
          const firstError = runs.find((r) => r.firstError)?.firstError;
          const completed = runs.some((r) => r.rps > 0);
          const row: Row = {
            operation: op.name,
            arm: server.arm,
            concurrency: c,
            rps: Math.round(median(runs.map((r) => r.rps)) * 10) / 10,
            // No request finished inside the window: there is no latency to report, only that it is longer.
            p50_ms: completed ? median(runs.map((r) => r.p50)) : null,
            p99_ms: completed ? median(runs.map((r) => r.p99)) : null,
            queries_per_op: probes.get(server.arm)!.queries,
            ...(failed > 0 && {
              note: `c=${c}: ${failed} requests timed out (${TIMEOUT} s) or failed under load${firstError ? `, e.g. ${firstError}` : ''}`,
            }),
          };
          rows.push(row);
          if (server.arm === 'api') apiMemory.peakRss = Math.max(apiMemory.peakRss, (await api.stats()).rss);
          console.log(
            `  ${server.arm} c=${c}: ${row.rps} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms, ${row.queries_per_op} queries/op`,
          );
        }
      }
    }
    apiMemory.endRss = (await api.stats()).rss;

    const cpus = os.cpus();
    const machine = {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      neo4j: {
        version: '5.26.0 Community (embedded, db/neo4j)',
        heap: MEMORY.heap,
        pageCache: MEMORY.pageCache,
        transactionTotalMax: MEMORY.transactionTotalMax,
      },
      // Other work on the machine moves every figure; the 1-minute load average says how much there was.
      loadAverage: { before: loadAverageBefore, after: os.loadavg()[0]! },
      settings: { durationSeconds: DURATION, repeats: REPEATS, warmupSeconds: WARMUP, concurrency: CONCURRENCY },
      date: new Date().toISOString(),
    };
    const mb = (b: number) => Math.round(b / 2 ** 20);
    const summary = {
      machine,
      size,
      nodes,
      load,
      apiMemoryMiB: { start: mb(apiMemory.startRss), peak: mb(apiMemory.peakRss), end: mb(apiMemory.endRss) },
      rows,
    };
    const markdown = [
      `### ${size} (${nodes.toLocaleString('en')} nodes)`,
      '',
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; Neo4j ${machine.neo4j.version}, heap ${MEMORY.heap}, page cache ${MEMORY.pageCache}. ${machine.date}. ${REPEATS} × ${DURATION} s per cell after ${WARMUP} s warm-up, medians. Load average ${machine.loadAverage.before.toFixed(1)} before, ${machine.loadAverage.after.toFixed(1)} after.`,
      load.reused
        ? 'Graph reused from an earlier load.'
        : load.method === 'import'
          ? `Bulk load (offline importer, fresh store): ${load.nodes.toLocaleString('en')} nodes + ${load.relationships.toLocaleString('en')} relationships imported in ${load.loadSeconds.toFixed(1)} s = ${load.entitiesPerSecond.toLocaleString('en')} entities/s (the importer's own time: ${load.importerSeconds?.toFixed(1) ?? '?'} s = ${load.importerEntitiesPerSecond?.toLocaleString('en') ?? '?'} entities/s), after ${load.csvSeconds?.toFixed(1)} s writing the CSV files; indexes online ${load.indexSeconds.toFixed(1)} s later.`
          : `Bulk load (transactional): ${load.nodes.toLocaleString('en')} nodes + ${load.relationships.toLocaleString('en')} relationships in ${load.loadSeconds.toFixed(1)} s = ${load.entitiesPerSecond.toLocaleString('en')} entities/s; indexes online ${load.indexSeconds.toFixed(1)} s later.`,
      `API process RSS: ${summary.apiMemoryMiB.start} MiB at start, ${summary.apiMemoryMiB.peak} MiB peak, ${summary.apiMemoryMiB.end} MiB at the end.`,
      '',
      table(rows),
      '',
    ].join('\n');
    console.log(`\n${markdown}`);
    const json = JSON.stringify(summary, null, 2) + '\n';
    if (SMOKE) {
      const smokeFile = path.join(os.tmpdir(), 'kg-bench-smoke.json');
      writeFileSync(smokeFile, json);
      console.log(`smoke figures (not results): ${smokeFile}`);
      return;
    }
    const results = path.join(BENCH_DIR, 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'latest.json'), json);
    writeFileSync(path.join(results, 'latest.md'), markdown);
    writeFileSync(path.join(results, `${size}.json`), json);
    writeFileSync(path.join(results, `${size}.md`), markdown);
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await monitor.close();
    await neo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
