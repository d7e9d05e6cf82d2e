/**
 * A large, valid data folder for load-interruption tests: the real sources, and many fact files whose
 * records have ids of their own (`flt-<file>-…`), so what each file wrote can be counted separately.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../../src/load';
import type { Database } from '../../src/db/neo4j';

const SOURCE = 'renault-2021-battery-partnerships';
const QUOTE = 'Luca de Meo, CEO of the Renault Group';

export interface BulkData {
  dir: string;
  files: number;
  /** Per file: one site and `companies` companies based in it. */
  nodesPerFile: number;
  /** Per file: each company BASED_IN the site, and every record SUPPORTED_BY the quote. */
  relationshipsPerFile: number;
}

const fileId = (i: number) => String(i).padStart(4, '0');

export function writeBulkData(dir: string, files: number, companies: number): BulkData {
  mkdirSync(path.join(dir, 'facts'), { recursive: true });
  cpSync(path.join(DEFAULT_DATA_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
  for (let i = 0; i < files; i += 1) {
    const f = fileId(i);
    const lines = [
      `source: ${SOURCE}`,
      'sites:',
      `  - id: flt-${f}-site`,
      `    name: Bulk site ${f}`,
      '    kind: city',
      `    evidence: ['${QUOTE}']`,
      'companies:',
    ];
    for (let c = 0; c < companies; c += 1) {
      lines.push(
        `  - id: flt-${f}-co-${c}`,
        `    name: Bulk company ${f}-${c}`,
        '    kinds: [supplier]',
        `    basedIn: [flt-${f}-site]`,
        `    evidence: ['${QUOTE}']`,
      );
    }
    writeFileSync(path.join(dir, 'facts', `flt-${f}.yaml`), lines.join('\n') + '\n');
  }
  return { dir, files, nodesPerFile: companies + 1, relationshipsPerFile: 2 * companies + 1 };
}

export interface FileState {
  file: string;
  nodes: number;
  relationships: number;
  /** The loader's DataFile marker, written in the file's own transaction. */
  marked: boolean;
}

/** What the graph holds of each generated file (files with nothing at all included). */
export async function bulkState(db: Database, data: BulkData): Promise<FileState[]> {
  const rows = await db.read<{ file: string; nodes: number; relationships: number }>(
    'bulkState',
    `MATCH (n:Entity) WHERE n.id STARTS WITH 'flt-'
     OPTIONAL MATCH (n)-[r]->()
     RETURN split(n.id, '-')[1] AS file, count(DISTINCT n) AS nodes, count(r) AS relationships`,
  );
  const marks = await db.read<{ path: string }>(
    'bulkMarks',
    "MATCH (f:DataFile) WHERE f.path STARTS WITH 'facts/flt-' RETURN f.path AS path",
  );
  const marked = new Set(marks.map((m) => /flt-(\d+)\.yaml$/.exec(m.path)?.[1]));
  const byFile = new Map(rows.map((r) => [r.file, r]));
  return Array.from({ length: data.files }, (_, i) => {
    const file = fileId(i);
    const row = byFile.get(file);
    return {
      file,
      nodes: Number(row?.nodes ?? 0),
      relationships: Number(row?.relationships ?? 0),
      marked: marked.has(file),
    };
  });
}

/** Files the graph holds only part of: the property the loader's one transaction per file guarantees. */
export function partialFiles(state: FileState[], data: BulkData): FileState[] {
  return state.filter((s) => {
    const none = s.nodes === 0 && s.relationships === 0 && !s.marked;
    const all = s.nodes === data.nodesPerFile && s.relationships === data.relationshipsPerFile && s.marked;
    return !none && !all;
  });
}
