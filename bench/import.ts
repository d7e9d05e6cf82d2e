/**
 * A fresh graph through Neo4j's offline importer: the generator's batches become CSV files (one per
 * label set and relationship type, with typed headers), then `neo4j-admin database import full` (run
 * as org.neo4j.cli.AdminTool from the launcher's own jars, no server distribution needed) writes the
 * store directly while Neo4j is stopped. Indexes are built afterwards by the running server
 * (load.ts completeGraph), as for the transactional loader.
 *
 * Properties are written as `kg load` stores them (toStoredProps): whole-number properties as
 * integers, other numbers as floats, lists as string arrays, empty strings kept, nulls left out.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { paths } from '../src/config';
import { toStoredProps } from '../src/store/rows';
import { Batch, generate } from './generate';
import { MEMORY } from './neo4j';

/** Between the elements of a list property; the generator's texts never contain it. */
const ARRAY_DELIMITER = '\u001f';

type Column = 'string' | 'string[]' | 'long' | 'double' | 'boolean';

const fileName = (batch: Batch) =>
  batch.kind === 'nodes' ? `nodes-${batch.label.replace(':', '-')}.csv` : `rels-${batch.type}.csv`;

function columnOf(value: unknown): Column {
  if (neo4j.isInt(value)) return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'string[]';
  return 'string';
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

function cell(value: unknown, column: Column): string {
  if (value === null || value === undefined) return '';
  if (column === 'string[]') return quoted((value as string[]).join(ARRAY_DELIMITER));
  if (column === 'string') return quoted(String(value));
  return String(value);
}

/** Buffered appends to one CSV file. */
class CsvFile {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(file: string, header: string) {
    this.fd = openSync(file, 'w');
    this.append(header);
  }
  append(line: string) {
    this.chunks.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush() {
    writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

export interface CsvSet {
  dir: string;
  nodes: { labels: string; file: string }[];
  relationships: { type: string; file: string }[];
  nodeCount: number;
  relationshipCount: number;
}

/**
 * The graph as CSV files in `dir`. Two passes over the (deterministic) generator: the first finds each
 * file's columns and their types and numbers the nodes, the second writes the rows. The importer joins
 * relationships to nodes by those numbers (`--id-type=integer`), which it maps far faster than strings;
 * the record's own `id` is an ordinary string property.
 */
export function writeCsv(dir: string, nodes: number, seed: number): CsvSet {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const columns = new Map<string, Map<string, Column>>();
  const numbers = new Map<string, number>();
  for (const batch of generate(nodes, seed, 20000)) {
    const name = fileName(batch);
    if (batch.kind === 'nodes') for (const row of batch.rows) numbers.set(row.id, numbers.size);
    let known = columns.get(name);
    if (!known) columns.set(name, (known = new Map()));
    for (const row of batch.rows) {
      for (const [key, value] of Object.entries(toStoredProps(row.props))) {
        if (value !== null && !known.has(key)) known.set(key, columnOf(value));
      }
    }
  }
  const files = new Map<string, CsvFile>();
  const set: CsvSet = { dir, nodes: [], relationships: [], nodeCount: 0, relationshipCount: 0 };
  for (const batch of generate(nodes, seed, 20000)) {
    const name = fileName(batch);
    const props = [...columns.get(name)!];
    let file = files.get(name);
    if (!file) {
      const typedProps = props.map(([key, column]) => (column === 'string' ? key : `${key}:${column}`));
      const ends = batch.kind === 'nodes' ? [':ID', 'id'] : [':START_ID', ':END_ID'];
      file = new CsvFile(path.join(dir, name), [...ends, ...typedProps].join(','));
      files.set(name, file);
      if (batch.kind === 'nodes') set.nodes.push({ labels: `Entity:${batch.label}`, file: name });
      else set.relationships.push({ type: batch.type, file: name });
    }
    for (const row of batch.rows) {
      const stored = toStoredProps(row.props);
      const ends =
        'id' in row
          ? [String(numbers.get(row.id)), quoted(row.id)]
          : [numberOf(numbers, row.from), numberOf(numbers, row.to)];
      file.append([...ends, ...props.map(([key, column]) => cell(stored[key], column))].join(','));
    }
    if (batch.kind === 'nodes') set.nodeCount += batch.rows.length;
    else set.relationshipCount += batch.rows.length;
  }
  for (const file of files.values()) file.close();
  return set;
}

function numberOf(numbers: ReadonlyMap<string, number>, id: string): string {
  const n = numbers.get(id);
  if (n === undefined) throw new Error(`a relationship names "${id}", which the generator never made`);
  return String(n);
}

/**
 * Runs `neo4j-admin database import full` into the store at `storeDir` (Neo4j must be stopped) and
 * returns the seconds the importer itself reports ("IMPORT DONE in …"), which leave out the JVM's start.
 */
export async function importCsv(storeDir: string, csv: CsvSet, log: (line: string) => void): Promise<number | null> {
  const home = path.resolve(storeDir);
  mkdirSync(home, { recursive: true });
  const confDir = path.join(csv.dir, 'conf');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(
    path.join(confDir, 'neo4j.conf'),
    [`server.directories.data=${path.join(home, 'data')}`, `server.memory.pagecache.size=${MEMORY.pageCache}`, ''].join(
      '\n',
    ),
  );
  const args = [
    `-Xmx${MEMORY.heap}`,
    // A batch job wants throughput, not short pauses: with the parallel collector instead of G1 the 1M
    // import took 14.0-17.8 s (mean 16.2, six runs) against 16.5-19.7 s (mean 17.6, four), same CSV.
    '-XX:+UseParallelGC',
    '-cp',
    path.join(paths.neo4j, 'target', 'lib', '*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: the file options take several values each and would swallow it.
    'neo4j',
    `--array-delimiter=U+001F`,
    '--id-type=integer',
    '--high-parallel-io=on',
    '--overwrite-destination=true',
    `--report-file=${path.join(csv.dir, 'import.report')}`,
    ...csv.nodes.map((n) => `--nodes=${n.labels}=${path.join(csv.dir, n.file)}`),
    ...csv.relationships.map((r) => `--relationships=${r.type}=${path.join(csv.dir, r.file)}`),
  ];
  const child = spawn('java', args, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: confDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // A line may arrive in two chunks: each stream keeps its unfinished last line for the next chunk.
  const keeper = () => {
    let partial = '';
    return (chunk: Buffer | null) => {
      const lines = (partial + (chunk?.toString() ?? '\n')).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (!line.trim()) continue;
        if (output.push(line) > 60) output.shift();
        if (/IMPORT DONE|^\s*\d+ (nodes|relationships|properties)$/.test(line)) log(`import: ${line.trim()}`);
      }
    };
  };
  for (const stream of [child.stdout, child.stderr]) {
    const keep = keeper();
    stream.on('data', keep);
    stream.on('end', () => keep(null));
  }
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`neo4j-admin database import failed (${code}):\n${output.join('\n')}`);
  const done = output.map((line) => /IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms/.exec(line)).find(Boolean);
  return done ? Number(done[1] ?? 0) * 60 + Number(done[2]) + Number(done[3]) / 1000 : null;
}

/** True when the store at `storeDir` has no database yet, so the importer may create it. */
export const isFreshStore = (storeDir: string) => !existsSync(path.join(storeDir, 'data', 'databases', 'neo4j'));
