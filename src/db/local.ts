/**
 * Starts the project's own Neo4j (db/neo4j: the real Community engine from Maven Central, behind
 * Bolt on 127.0.0.1) and waits for its READY line. Used by `make start` and by the tests.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { paths, type Neo4jSettings } from '../config';

const CLASSPATH = ['target/classes', 'target/lib/*'].join(path.delimiter);

export interface LocalNeo4j {
  settings: Neo4jSettings;
  startedMs: number;
  /** The running engine's process id (changes on restart). */
  readonly pid: number;
  /** Clean shutdown: the store is checkpointed. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or power cut would: the next start recovers the store from its transaction log. */
  kill(): Promise<void>;
  /** Starts the engine again on the same store and port (after stop or kill); resolves with its start time. */
  restart(): Promise<number>;
}

export interface LocalNeo4jOptions {
  storeDir: string;
  port: number;
  log?: (line: string) => void;
}

/** Builds the launcher with Maven when its classes or dependencies are missing. */
export function ensureLauncherBuilt(log: (line: string) => void = console.log): void {
  if (existsSync(path.join(paths.neo4j, 'target', 'lib')) && existsSync(path.join(paths.neo4j, 'target', 'classes'))) {
    return;
  }
  log('building the Neo4j launcher (mvn package, first run only)...');
  const result = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], { cwd: paths.neo4j, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('mvn package failed in db/neo4j; see its output above');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  startedMs: number;
  exited: Promise<void>;
}

async function launch(options: LocalNeo4jOptions): Promise<Running> {
  const log = options.log ?? (() => undefined);
  ensureLauncherBuilt(log);
  mkdirSync(options.storeDir, { recursive: true });
  const args = [
    '@jvm.args',
    `-Dkg.neo4j.conf=${path.join(paths.neo4j, 'neo4j.conf')}`,
    '-cp',
    CLASSPATH,
    'kg.db.Launcher',
    path.resolve(options.storeDir),
    String(options.port),
    // Neo4j stops (cleanly, through its shutdown hook) when this process dies and closes the pipe.
    '--exit-with-parent',
  ];
  const child: ChildProcess = spawn('java', args, {
    cwd: paths.neo4j,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  readline.createInterface({ input: child.stderr! }).on('line', remember);

  const startedMs = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      remember(line);
      log(line);
      const ready = /^READY .* started_ms=(\d+)/.exec(line);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`Neo4j exited with code ${code} before it was ready:\n${tail.join('\n')}`)),
    );
    child.once('error', reject);
  });
  return { child, startedMs, exited };
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  let running = await launch(options);
  const halt = async (signal: 'SIGTERM' | 'SIGKILL') => {
    const { child, exited } = running;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    await exited;
    clearTimeout(timer);
  };
  return {
    settings: { uri: `bolt://127.0.0.1:${options.port}`, user: 'neo4j', password: '', database: undefined },
    startedMs: running.startedMs,
    get pid() {
      return running.child.pid!;
    },
    // SIGTERM runs the launcher's shutdown hook, which checkpoints and closes the store cleanly.
    stop: () => halt('SIGTERM'),
    kill: () => halt('SIGKILL'),
    async restart() {
      await halt('SIGTERM');
      running = await launch(options);
      return running.startedMs;
    },
  };
}
