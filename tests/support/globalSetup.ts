/**
 * Starts the tests' Neo4j once per run, unless NEO4J_URI names one (which the tests then clear). The
 * integration, e2e and slow projects name this module; jest runs it once for all of them, and not at
 * all when only unit tests run.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { externalNeo4j } from '../../src/config';
import { freePort, startLocalNeo4j } from '../../src/db/local';

export default async function globalSetup(): Promise<void> {
  const external = externalNeo4j();
  if (external) {
    process.env.KG_TEST_NEO4J = JSON.stringify(external);
    return;
  }
  const storeDir = mkdtempSync(path.join(os.tmpdir(), 'kg-test-store-'));
  const local = await startLocalNeo4j({ storeDir, port: await freePort() });
  process.env.KG_TEST_NEO4J = JSON.stringify(local.settings);
  process.env.KG_TEST_STORE = storeDir;
  console.log(`\n[tests] Neo4j started in ${local.startedMs} ms at ${local.settings.uri} (store ${storeDir})`);
  (globalThis as { kgTestNeo4j?: typeof local }).kgTestNeo4j = local;
}
