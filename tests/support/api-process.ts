/**
 * The API as a process of its own, for tests that kill it: `node -r tsx/cjs tests/support/api-process.ts
 * <data folder>` serves the product on PORT against NEO4J_URI (auth from the KG_* variables), after
 * loading the folder's changed files as `make start` does. Prints `LISTENING <url>` when it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startStack } from '../../src/stack';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ApiProcess {
  url: string;
  readonly pid: number;
  /** SIGKILL, as a crash would: no shutdown hook runs. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the API process and waits until it listens; `env` adds to this process's environment. */
export async function startApiProcess(dataDir: string, port: number, env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', 'tsx/cjs', __filename, dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the API process exited with code ${code}:\n${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (require.main === module) {
  startStack({ port: Number(process.env.PORT ?? 0), dataDir: process.argv[2] })
    .then((stack) => {
      console.log(`LISTENING ${stack.url}`);
      const stop = () => void stack.stop().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
