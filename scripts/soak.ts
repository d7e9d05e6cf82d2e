/**
 * Soak test (not part of CI): mixed reads and writes at high concurrency for minutes, reporting errors
 * (target 0), latency percentiles and the API process's resident memory at start and end (target:
 * flat). Reads are the 12 analyst operations; writes are upsertCompany with an editor API key.
 *
 *   npx tsx scripts/soak.ts --minutes 5 --concurrency 64
 *   npx tsx scripts/soak.ts --url http://127.0.0.1:4000 --key kg_… --pid 1234   (a running product)
 *
 * Without --url it starts its own Neo4j on a temporary store and the product (`kg start`) as a child
 * process pointed at it, with a fresh editor key, so the figures are the API's alone and the
 * developer's graph is untouched. Options: --write-ratio (0.1), --warmup seconds (20).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKey } from '../src/auth/keys';
import { freePort, LocalNeo4j, startLocalNeo4j } from '../src/db/local';
import { connect } from '../src/db/neo4j';
import { analystOperations } from '../web/src/operations';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

const MINUTES = Number(option('minutes', '5'));
const CONCURRENCY = Number(option('concurrency', '64'));
const WRITE_RATIO = Number(option('write-ratio', '0.1'));
const WARMUP_S = Number(option('warmup', '20'));

interface Target {
  url: string;
  editorKey: string | undefined;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

async function startTarget(): Promise<Target> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-soak-'));
  console.log('soak: starting a Neo4j on a temporary store...');
  const neo4j: LocalNeo4j = await startLocalNeo4j({ storeDir: path.join(tmp, 'store'), port: await freePort() });
  const db = connect(neo4j.settings);
  const editorKey = await createKey(db, 'soak-editor', 'editor')
    .then((created) => created.key)
    .finally(() => db.close());
  const port = await freePort();
  const api: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'kg.cjs'), 'start'], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: neo4j.settings.uri, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    api.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve();
    });
    api.once('exit', (code) => reject(new Error(`the API exited with code ${code}:\n${output}`)));
  });
  return {
    url,
    editorKey,
    pid: api.pid,
    async stop() {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
      await neo4j.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

interface Operation {
  kind: 'read' | 'write';
  name: string;
  body(n: number): string;
}

const READS: Operation[] = analystOperations.map((o) => ({
  kind: 'read',
  name: o.name,
  body: () => JSON.stringify({ query: o.query, variables: o.variables ? JSON.parse(o.variables) : undefined }),
}));

/** Creates a company, then corrects it on later writes: both paths of upsert, one transaction each. */
const WRITE: Operation = {
  kind: 'write',
  name: 'upsertCompany',
  body: (n) =>
    JSON.stringify({
      query: 'mutation($input: CompanyInput!) { upsertCompany(input: $input) { id name } }',
      variables: {
        input: {
          id: `soak-company-${n % 500}`,
          name: `Soak company ${n % 500} (${n})`,
          kinds: ['SUPPLIER'],
          reason: 'soak test',
        },
      },
    }),
};

interface Sample {
  kind: 'read' | 'write';
  ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  const given = option('url', '');
  const target: Target = given
    ? {
        url: given.replace(/\/$/, ''),
        editorKey: option('key', '') || undefined,
        pid: option('pid', '') ? Number(option('pid', '')) : undefined,
        stop: async () => undefined,
      }
    : await startTarget();
  const writes = target.editorKey !== undefined && WRITE_RATIO > 0;
  console.log(
    `soak: ${target.url}, ${MINUTES} min at concurrency ${CONCURRENCY}, ` +
      (writes ? `${Math.round(WRITE_RATIO * 100)}% writes` : 'reads only (no editor key)'),
  );

  const samples: Sample[] = [];
  const errors = new Map<string, number>();
  let counter = 0;
  let measuring = false;

  const send = async (operation: Operation): Promise<void> => {
    const n = counter++;
    const started = performance.now();
    let failure: string | undefined;
    try {
      const response = await fetch(`${target.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(operation.kind === 'write' ? { 'x-api-key': target.editorKey! } : {}),
        },
        body: operation.body(n),
      });
      const json = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      if (response.status !== 200 || json.errors?.length || !json.data) {
        failure = `${operation.name}: HTTP ${response.status} ${json.errors?.[0]?.extensions?.code ?? ''}`.trim();
      }
    } catch (error) {
      failure = `${operation.name}: ${(error as Error).message}`;
    }
    if (!measuring) return;
    samples.push({ kind: operation.kind, ms: performance.now() - started });
    if (failure) errors.set(failure, (errors.get(failure) ?? 0) + 1);
  };

  const pick = (): Operation =>
    writes && Math.random() < WRITE_RATIO ? WRITE : READS[Math.floor(Math.random() * READS.length)]!;

  const rss: { at: string; mb: number | undefined }[] = [{ at: 'idle after start', mb: rssMb(target.pid) }];
  const runFor = async (ms: number) => {
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) await send(pick());
      }),
    );
  };

  console.log(`soak: warming up for ${WARMUP_S} s...`);
  await runFor(WARMUP_S * 1000);
  rss.push({ at: 'after warm-up (start of soak)', mb: rssMb(target.pid) });

  measuring = true;
  const started = Date.now();
  const peak = { mb: 0 };
  const sampler = setInterval(() => {
    const mb = rssMb(target.pid);
    if (mb !== undefined) peak.mb = Math.max(peak.mb, mb);
    const elapsed = Math.round((Date.now() - started) / 1000);
    console.log(
      `soak: ${elapsed} s, ${samples.length} requests, ${[...errors.values()].reduce((a, b) => a + b, 0)} errors, API RSS ${mb ?? '?'} MB`,
    );
  }, 30_000);
  await runFor(MINUTES * 60_000);
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  rss.push({ at: 'end of soak', mb: rssMb(target.pid) });
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  rss.push({ at: '10 s after the load stopped', mb: rssMb(target.pid) });
  await target.stop();

  const stats = (kind?: 'read' | 'write') => {
    const ms = samples
      .filter((s) => kind === undefined || s.kind === kind)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const f = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(1));
    return `${String(ms.length).padStart(7)} requests  p50 ${f(percentile(ms, 50))} ms  p90 ${f(percentile(ms, 90))} ms  p99 ${f(percentile(ms, 99))} ms  max ${f(ms[ms.length - 1] ?? NaN)} ms`;
  };
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(
    `\nSoak: ${seconds.toFixed(0)} s at concurrency ${CONCURRENCY}, ${(samples.length / seconds).toFixed(1)} requests/s`,
  );
  console.log(`  all     ${stats()}`);
  console.log(`  reads   ${stats('read')}`);
  if (writes) console.log(`  writes  ${stats('write')}`);
  console.log(`  errors  ${errorCount}${errorCount ? ': ' + JSON.stringify(Object.fromEntries(errors)) : ''}`);
  console.log(`  API RSS ${rss.map((r) => `${r.at} ${r.mb ?? '?'} MB`).join('; ')}; peak ${peak.mb || '?'} MB`);
  process.exitCode = errorCount === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(`soak: ${(error as Error).message}`);
  process.exit(1);
});
