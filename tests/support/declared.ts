/** What the fact files in data/ declare, read without the loader: the oracle for counts in tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../src/load';

/** Ids one section declares across the fact files (an id declared again in another file counts once). */
export function declared(section: string, dataDir = DEFAULT_DATA_DIR): Set<string> {
  const dir = path.join(dataDir, 'facts');
  const found = new Set<string>();
  for (const file of readdirSync(dir)) {
    const doc = parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, { id: string }[] | undefined>;
    for (const record of doc[section] ?? []) found.add(record.id);
  }
  return found;
}
