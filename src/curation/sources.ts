/** Where a new text may be stored: a stored text never changes, since quotes are located in it. */
import type { Database } from '../db/neo4j';
import { idHolder } from '../store/curation';
import { LIMITS } from '../rules';

/**
 * The wanted id when it is free or already holds this very text (storing it again is a no-op), else the
 * first `<id>-2`, `<id>-3`… that is: a second text under the same derived id is another document.
 */
export async function sourceIdFor(db: Database, wanted: string, text: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = `${wanted.slice(0, LIMITS.id - suffix.length).replace(/-+$/, '')}${suffix}`;
    const holder = await idHolder(db, id);
    if (!holder.taken || holder.text === text) return id;
  }
}
