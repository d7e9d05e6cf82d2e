import { rmSync } from 'node:fs';
import type { LocalNeo4j } from '../../src/db/local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { kgTestNeo4j?: LocalNeo4j }).kgTestNeo4j?.stop();
  if (process.env.KG_TEST_STORE) rmSync(process.env.KG_TEST_STORE, { recursive: true, force: true });
}
