/**
 * `kg train` on a small corpus: the models it fits are the ones the process scores with afterwards, so a
 * held-out measurement run in the same process uses them and not the weights file it started with.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import weights from '../../src/ingest/data/weights.json';
import { confidence, Family, Model, thresholdOf, useModels } from '../../src/ingest/confidence';
import { paths } from '../../src/config';
import { CORPUS_DIR, readSplits } from '../../src/ingest/evaluate';
import { trainConfidence } from '../../src/ingest/train';

const committed = (weights as unknown as { models: Record<Family, Model> }).models;

describe('training the confidence', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-train-'));
    const { dev } = readSplits();
    const few = dev.slice(0, 4);
    for (const folder of ['sources', 'facts']) {
      mkdirSync(path.join(dir, folder));
      for (const id of few) cpSync(path.join(CORPUS_DIR, folder, `${id}.yaml`), path.join(dir, folder, `${id}.yaml`));
    }
    writeFileSync(path.join(dir, 'split.json'), JSON.stringify({ dev: few, test: [] }));
  });
  afterAll(() => {
    useModels(committed);
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores with the models it has just fitted, without writing the weights file', () => {
    const before = readFileSync(paths.ingestWeights, 'utf8');
    const { documents, models } = trainConfidence({ dir, save: false });
    expect(documents).toBe(5); // the four reports and the seed article
    expect(readFileSync(paths.ingestWeights, 'utf8')).toBe(before);
    const family: Family = 'partnership';
    const fitted = models[family];
    expect(fitted).not.toEqual(committed[family]);
    expect(thresholdOf(family)).toBe(fitted.threshold ?? 0.5);
    const features = Object.fromEntries(Object.keys(fitted.weights).map((name) => [name, 1]));
    const z = fitted.bias + Object.values(fitted.weights).reduce((sum, w) => sum + w, 0);
    expect(confidence(family, features)).toBeCloseTo(1 / (1 + Math.exp(-z)), 3);
  });
});
