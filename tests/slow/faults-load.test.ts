/**
 * A load interrupted half-way leaves no partial facts. `kg load` runs as a real child process against
 * a Neo4j of this test's own (temporary store, free port) and is cut off mid-load twice: the loader
 * killed with SIGKILL, then Neo4j itself killed with SIGKILL and restarted on the same store. Each time
 * every generated file must be in the graph whole (records, relationships and its DataFile marker) or
 * not at all, and a rerun must complete the load.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { externalNeo4j, paths } from '../../src/config';
import { connect, Database } from '../../src/db/neo4j';
import { freePort, LocalNeo4j, startLocalNeo4j } from '../../src/db/local';
import { BulkData, bulkState, partialFiles, writeBulkData } from '../support/bulk';

jest.setTimeout(600_000);

const FILES = 100;
const COMPANIES_PER_FILE = 25;

let neo4j: LocalNeo4j | undefined;
let db: Database;
let data: BulkData;
let tmp: string;

// Neo4j must be ours to kill; with NEO4J_URI it is not.
const ownNeo4j = externalNeo4j() === undefined;

beforeAll(async () => {
  if (!ownNeo4j) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-faults-load-'));
  data = writeBulkData(path.join(tmp, 'data'), FILES, COMPANIES_PER_FILE);
  neo4j = await startLocalNeo4j({ storeDir: path.join(tmp, 'store'), port: await freePort() });
  db = connect(neo4j.settings);
});

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Load {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

function startLoad(): Load {
  const child = spawn(process.execPath, [path.join(paths.root, 'bin', 'kg.cjs'), 'load', data.dir], {
    cwd: paths.root,
    env: { ...process.env, NEO4J_URI: neo4j!.settings.uri },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, exit };
}

/** How many generated files the graph holds completely, read from the loader's markers. */
async function filesLoaded(): Promise<number> {
  const [row] = await db.read<{ n: number }>(
    'filesLoaded',
    "MATCH (f:DataFile) WHERE f.path STARTS WITH 'facts/flt-' RETURN count(f) AS n",
  );
  return Number(row?.n ?? 0);
}

/** Waits until the load is well under way but far from done, so the cut lands mid-load. */
async function waitUntilMidway(load: Load): Promise<number> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (load.child.exitCode !== null) throw new Error('the load finished before it could be interrupted');
    const loaded = await filesLoaded();
    if (loaded >= FILES / 5) return loaded;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the load did not get under way');
}

async function expectAllOrNone(label: string): Promise<void> {
  const state = await bulkState(db, data);
  const whole = state.filter((s) => s.marked).length;
  const none = state.filter((s) => s.nodes === 0 && !s.marked).length;
  console.log(`${label}: ${whole} files whole, ${none} files absent, ${FILES - whole - none} partial`);
  expect(partialFiles(state, data)).toEqual([]);
  // The cut really landed mid-load.
  expect(whole).toBeGreaterThan(0);
  expect(none).toBeGreaterThan(0);
}

async function expectRerunCompletes(): Promise<void> {
  const started = Date.now();
  const { code, output } = await startLoad().exit;
  expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  const state = await bulkState(db, data);
  expect(partialFiles(state, data)).toEqual([]);
  expect(state.filter((s) => s.marked)).toHaveLength(FILES);
  console.log(`rerun completed all ${FILES} files in ${Date.now() - started} ms`);
}

(ownNeo4j ? describe : describe.skip)('an interrupted load', () => {
  it('leaves each file whole or absent when the loader is killed, and a rerun completes it', async () => {
    const load = startLoad();
    const atKill = await waitUntilMidway(load);
    load.child.kill('SIGKILL');
    const { signal } = await load.exit;
    expect(signal).toBe('SIGKILL');
    console.log(`loader killed after ${atKill} of ${FILES} files`);
    await expectAllOrNone('after the loader was killed');
    await expectRerunCompletes();
  });

  it('leaves each file whole or absent when Neo4j is killed, and a rerun after its restart completes it', async () => {
    await db.write('clear', (tx) => tx.run('MATCH (n) DETACH DELETE n'));
    const load = startLoad();
    const atKill = await waitUntilMidway(load);
    await neo4j!.kill();
    const { code, output } = await load.exit;
    // The loader fails with a readable message instead of hanging or writing anything more.
    expect(code).toBe(1);
    expect(output).toMatch(/kg: /);
    console.log(`Neo4j killed after ${atKill} of ${FILES} files; loader said: ${output.trim().split('\n').pop()}`);
    const restartedMs = await neo4j!.restart();
    console.log(`Neo4j restarted on the same store in ${restartedMs} ms (recovery included)`);
    await expectAllOrNone('after Neo4j was killed and restarted');
    await expectRerunCompletes();
  });
});
