/**
 * The benchmark's own Neo4j: the project's launcher (db/neo4j) on a store of its own under
 * bench/.data/<size>, with more memory than the product's default and the APOC core plugin, which
 * @neo4j/graphql needs. The product's store and the test Neo4j are never touched.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { paths } from '../src/config';
import { ensureLauncherBuilt } from '../src/db/local';

export const BENCH_DIR = __dirname;
export const PLUGINS_DIR = path.join(paths.neo4j, 'target', 'plugins');
const APOC = 'org.neo4j.procedure:apoc-core:5.26.0:jar:core';

/** Recorded with the results, so every table says what Neo4j ran with. */
export const MEMORY = { heap: '3g', pageCache: '3g', transactionTotalMax: '2g' } as const;

/** APOC core from Maven Central, at the engine's version, into db/neo4j/target/plugins (once). */
export function ensureApoc(): void {
  if (existsSync(PLUGINS_DIR) && readdirSync(PLUGINS_DIR).some((f) => f.startsWith('apoc-core-'))) return;
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      'org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy',
      `-Dartifact=${APOC}`,
      `-DoutputDirectory=${PLUGINS_DIR}`,
    ],
    { cwd: paths.neo4j, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`could not fetch ${APOC} from Maven Central`);
}

export interface BenchNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(storeDir: string, port: number): Promise<BenchNeo4j> {
  ensureLauncherBuilt();
  ensureApoc();
  mkdirSync(storeDir, { recursive: true });
  const conf = path.join(storeDir, 'neo4j.conf');
  writeFileSync(
    conf,
    [
      `server.memory.pagecache.size=${MEMORY.pageCache}`,
      `db.memory.transaction.total.max=${MEMORY.transactionTotalMax}`,
      'db.transaction.timeout=600s',
      'db.tx_log.rotation.retention_policy=2 files',
      'dbms.usage_report.enabled=false',
      `server.directories.plugins=${PLUGINS_DIR}`,
      'dbms.security.procedures.unrestricted=apoc.*',
      'dbms.security.procedures.allowlist=apoc.*,db.*,dbms.*,tx.*',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    'java',
    [
      '@jvm.args',
      // Later -X options win over the product's defaults in jvm.args.
      `-Xms${MEMORY.heap}`,
      `-Xmx${MEMORY.heap}`,
      `-Dkg.neo4j.conf=${conf}`,
      // Procedures load from the plugin directory, but APOC's kernel extension (its config) is found by
      // the service loader, so the jar must be on the classpath too, as a server distribution does.
      '-cp',
      ['target/classes', 'target/lib/*', `${PLUGINS_DIR}/*`].join(path.delimiter),
      'kg.db.Launcher',
      path.resolve(storeDir),
      String(port),
      '--exit-with-parent',
    ],
    { cwd: paths.neo4j, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const tail: string[] = [];
  readline.createInterface({ input: child.stderr! }).on('line', (l) => tail.push(l) > 40 && tail.shift());
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`bench Neo4j exited (${code}):\n${tail.join('\n')}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    uri: `bolt://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
      await exited;
      clearTimeout(timer);
    },
  };
}
