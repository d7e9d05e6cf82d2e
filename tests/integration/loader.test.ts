import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/neo4j';
import { DEFAULT_DATA_DIR, loadData } from '../../src/load';
import { LoadError } from '../../src/load/errors';
import { DOMAIN_LABELS, RELATIONSHIPS, SECTIONS } from '../../src/graph/vocabulary';
import { declared } from '../support/declared';
import { clearGraph, counts, testDatabase } from '../support/neo4j';

let db: Database;
beforeAll(async () => {
  db = testDatabase();
  await clearGraph(db);
  await loadData(db);
});
afterAll(() => db.close());

/** A data folder with the real sources and one fact file of the test's own. */
function fixture(facts: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-fixture-'));
  cpSync(path.join(DEFAULT_DATA_DIR, 'sources'), path.join(dir, 'sources'), { recursive: true });
  cpSync(path.join(DEFAULT_DATA_DIR, 'facts'), path.join(dir, 'facts'), { recursive: true });
  writeFileSync(path.join(dir, 'facts', 'zz-test.yaml'), facts);
  return dir;
}

describe('loading data/', () => {
  it('loads every record of the article', async () => {
    const rows = await db.read<{ label: string; n: number }>(
      'test',
      "MATCH (n:Entity) UNWIND labels(n) AS label WITH label, count(*) AS n WHERE label <> 'Entity' RETURN label, n",
    );
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, Number(r.n)]));
    const expected = Object.fromEntries(
      Object.entries(SECTIONS).map(([section, label]) => [label, declared(section).size]),
    );
    expect(byLabel).toMatchObject(expected);
    // The seed article's world is all there.
    expect(expected).toMatchObject({ Person: 1, Project: 5, Milestone: 5 });
    expect(byLabel.Plant).toBe(52);
    expect(byLabel.Evidence).toBeGreaterThan(1000);
  });

  it('gives every node and every domain relationship evidence', async () => {
    const bare = await db.read<{ id: string }>(
      'test',
      `MATCH (n) WHERE any(label IN labels(n) WHERE label IN $labels)
         AND NOT (n)-[:SUPPORTED_BY]->(:Evidence)
       RETURN n.id AS id`,
      { labels: [...DOMAIN_LABELS] },
    );
    expect(bare).toEqual([]);
    const relations = await db.read<{ type: string }>(
      'test',
      `MATCH (a)-[r]->(b)
       WHERE type(r) IN $domain
         AND (r.evidenceIds IS NULL OR size(r.evidenceIds) = 0 OR any(id IN r.evidenceIds WHERE NOT EXISTS { (:Evidence {id: id}) }))
       RETURN type(r) AS type`,
      { domain: RELATIONSHIPS.filter((r) => r.view !== 'provenance').map((r) => r.type) },
    );
    expect(relations).toEqual([]);
  });

  it('stores offsets that slice back to each quote, outside the reader comments', async () => {
    const rows = await db.read<{ id: string; quote: string; start: number; end: number; text: string }>(
      'test',
      'MATCH (e:Evidence)-[:QUOTED_FROM]->(s:Source) RETURN e.id AS id, e.quote AS quote, e.start AS start, e.end AS end, s.text AS text',
    );
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row.text.slice(Number(row.start), Number(row.end))).toBe(row.quote);
    }
    const article = readFileSync(path.join(DEFAULT_DATA_DIR, 'sources', 'renault-battery-partnerships.txt'), 'utf8');
    const commentsStart = article.indexOf('Related articles');
    const seed = rows.filter((r) => r.id.startsWith('ev-renault-2021-battery-partnerships-'));
    expect(seed.length).toBeGreaterThan(20);
    expect(seed.every((r) => Number(r.end) <= commentsStart)).toBe(true);
  });

  it('is idempotent: loading twice leaves the same counts', async () => {
    const before = await counts(db);
    await loadData(db);
    expect(await counts(db)).toEqual(before);
  });

  it('skips unchanged files when asked to (make start)', async () => {
    const results = await loadData(db, DEFAULT_DATA_DIR, { onlyChanged: true });
    expect(results.every((r) => r.status === 'unchanged')).toBe(true);
  });

  it('rejects a file with an unknown reference and writes nothing of it', async () => {
    const before = await counts(db);
    const dir = fixture(`source: renault-2021-battery-partnerships
companies:
  - id: test-new-company
    name: Test New Company
    kinds: [start-up]
    evidence: ["French start-up Verkor"]
partnerships:
  - id: test-bad-deal
    name: A deal with a company nobody declared
    kind: supply
    status: signed
    binding: binding
    parties:
      - { company: test-new-company, role: supplier }
      - { company: no-such-company, role: buyer }
    evidence: ["letter of intent"]
`);
    const error = await loadData(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).file).toMatch(/zz-test\.yaml$/);
    expect((error as LoadError).message).toMatch(/unknown id "no-such-company"/);
    expect(await counts(db)).toEqual(before);
    const [row] = await db.read<{ n: number }>(
      'test',
      "MATCH (n:Entity {id: 'test-new-company'}) RETURN count(n) AS n",
    );
    expect(Number(row!.n)).toBe(0);
  });

  it('rejects a quote that does not occur in the source, naming record and field', async () => {
    const dir = fixture(`source: renault-2021-battery-partnerships
companies:
  - id: test-made-up
    name: Made Up
    kinds: [other]
    evidence: ["Renault announced a merger with Made Up"]
`);
    await expect(loadData(db, dir)).rejects.toThrow('companies[0] (test-made-up): evidence[0]: quote does not occur');
  });

  it('rejects a schema violation with the field and the allowed values', async () => {
    const dir = fixture(`source: renault-2021-battery-partnerships
partnerships:
  - id: test-bad-kind
    name: Bad kind
    kind: handshake
    status: signed
    binding: binding
    parties: [{ company: verkor, role: partner }]
    evidence: ["Verkor"]
`);
    await expect(loadData(db, dir)).rejects.toThrow(
      /partnerships\[0\] \(test-bad-kind\): kind: must be one of strategic-cooperation/,
    );
  });
});
