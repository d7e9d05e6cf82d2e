/**
 * `kg evaluate --agreement`: a second reader's fact files scored against the gold files by the
 * extractor's own matching rules.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateAgreement, readingAsExtraction, readingIds, readReading } from '../../src/ingest/agreement';
import { CORPUS_DIR, readDocument, readSplits, scoreDocument } from '../../src/ingest/evaluate';
import type { FactFile } from '../../src/load/plan';

const { dev, test } = readSplits();

describe('a second reading', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-agreement-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // If a reader who wrote exactly the gold files did not score 1, the matcher would count against the
  // extractor what no reading could get right (it did, for plants whose report gives no place).
  it('that is the gold file itself agrees with it on every record', () => {
    for (const id of dev) copyFileSync(path.join(CORPUS_DIR, 'facts', `${id}.yaml`), path.join(dir, `${id}.yaml`));
    const e = evaluateAgreement(dir);
    expect(e.documents).toBe(dev.length);
    for (const f of [e.figures.partnerships, e.figures.plants, ...Object.values(e.byType)]) {
      expect(f.expected).toBeGreaterThan(0);
      expect(f.matched).toBe(f.expected);
      expect(f.proposed).toBe(f.expected);
    }
  });

  it("counts a deal of another kind and a plant in another place as the reader's misses", () => {
    const { gold } = readDocument('evertiq-2020-08-07-catl-mercedes-benz-supply');
    const reading = structuredClone(gold) as Record<string, Record<string, unknown>[]> & FactFile;
    const deal = reading.partnerships!.find((p) => p.id === 'catl-mercedes-benz-battery-supply')!;
    const plant = reading.sites!.find((p) => p.id === 'catl-erfurt')!;
    deal.kind = 'joint-venture';
    plant.locatedIn = ['stuttgart'];
    const result = scoreDocument(gold.source, readingAsExtraction(reading), gold);
    expect(result.counts.partnerships).toEqual({ proposed: 1, expected: 1, matched: 0 });
    expect(result.counts.plants).toEqual({ proposed: 1, expected: 1, matched: 0 });
    expect(result.errors.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['partnership of the wrong kind', 'missed partnership', 'missed plant']),
    );
    // Unchanged, the same reading agrees with the gold file on both.
    const same = scoreDocument(gold.source, readingAsExtraction(gold), gold);
    expect([same.counts.partnerships.matched, same.counts.plants.matched]).toEqual([1, 1]);
  });

  it('rejects a folder of readings that is not of one split', () => {
    const [testId] = test;
    const mixed = mkdtempSync(path.join(os.tmpdir(), 'kg-agreement-mixed-'));
    try {
      writeFileSync(path.join(mixed, `${dev[0]}.yaml`), `source: ${dev[0]}\n`);
      writeFileSync(path.join(mixed, `${testId}.yaml`), `source: ${testId}\n`);
      expect(() => evaluateAgreement(mixed)).toThrow(/one split/);
    } finally {
      rmSync(mixed, { recursive: true, force: true });
    }
  });
});

describe('the committed second readings (corpus/agreement/)', () => {
  const ids = readingIds();

  it('cover at least 20 dev reports and quote each report verbatim', () => {
    expect(ids.length).toBeGreaterThanOrEqual(20);
    for (const id of ids) {
      expect(dev).toContain(id);
      const reading = readReading(id);
      const { text } = readDocument(id).source;
      const quotes = [...(reading.partnerships ?? []), ...(reading.sites ?? [])].flatMap(
        (r) => (r.evidence as string[] | undefined) ?? [],
      );
      for (const quote of quotes) expect(text).toContain(quote);
    }
  });
});
