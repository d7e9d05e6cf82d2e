/** The `kg` command as a process of its own, against the run's Neo4j (see globalSetup). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { testNeo4j } from './neo4j';

export const ROOT = path.resolve(__dirname, '..', '..');
export const KG = path.join(ROOT, 'bin', 'kg.cjs');

/** The environment that points `kg` at the run's Neo4j. */
export function kgEnv(): NodeJS.ProcessEnv {
  const neo4j = testNeo4j();
  return {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database ?? '',
  };
}

export interface KgRun {
  code: number | null;
  /** Standard output, line by line, with the moment each line arrived. */
  lines: { at: number; text: string }[];
  stderr: string;
}

/** Runs `kg <args>` to the end. */
export function kg(args: string[]): Promise<KgRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [KG, ...args], {
      cwd: ROOT,
      env: kgEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: { at: number; text: string }[] = [];
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push({ at: Date.now(), text });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, lines, stderr }));
  });
}
