/**
 * `kg train`: fits the extractor's confidence on the dev split of the gold corpus. Every candidate the
 * extractor finds (no floor), with and without its list of well-known companies, is labelled by whether
 * its report's gold file holds it, under the rules of
 * `kg evaluate`; one logistic regression per kind of proposal is fitted on those labels and written to
 * src/ingest/data/weights.json. The seed article (data/) is trained on too; the test split is never read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATA_DIR } from '../load';
import type { FactFile } from '../load/plan';
import { parseYaml, readSource } from '../load/sources';
import { Family, fit, Model, Sample, saveModels, useModels } from './confidence';
import { CorpusDocument, extractDocument, Kind, readCorpus, scoreDocument } from './evaluate';

/** The gold records each family of proposals is measured against, for its threshold's recall. */
const GOLD_KINDS: [Family, Kind][] = [
  ['partnership', 'partnerships'],
  ['plant', 'plants'],
  ['milestone', 'milestones'],
  ['claim', 'claims'],
];

/** The seed article and its hand-written facts (data/), which the extractor must keep reading right. */
function seedDocument(): CorpusDocument {
  const facts = path.join(DEFAULT_DATA_DIR, 'facts', 'renault-2021.yaml');
  return {
    source: readSource(path.join(DEFAULT_DATA_DIR, 'sources', 'renault-2021-battery-partnerships.yaml')),
    gold: parseYaml(facts, readFileSync(facts, 'utf8')) as FactFile,
  };
}

export function trainConfidence(options: { dir?: string; save?: boolean } = {}): {
  documents: number;
  samples: Sample[];
  models: Record<Family, Model>;
} {
  const documents = [...readCorpus('dev', options.dir), seedDocument()];
  const samples: Sample[] = [];
  const expected: Partial<Record<Family, number>> = {};
  const count = (family: Family, n: number) => (expected[family] = (expected[family] ?? 0) + n);
  // Each report twice: with the list of well-known companies and without it, so the cues learn to find
  // the companies no list knows (the list was written with the dev reports at hand).
  for (const doc of documents) {
    for (const lexicon of [true, false]) {
      const { extraction, scored } = extractDocument(doc, { entities: [], deals: [] }, 0, { lexicon });
      const { hits, counts } = scoreDocument(doc.source.id, extraction, doc.gold);
      for (const [family, kind] of GOLD_KINDS) count(family, counts[kind].expected);
      for (const s of scored) samples.push({ family: s.family, features: s.features, label: hits.has(s.proposal) });
    }
  }
  const models = fit(samples, undefined, expected);
  // The weights file is read once, when the module loads: without this, a measurement in the same
  // process would still score with the old models (held-out figures of earlier rounds did).
  useModels(models);
  if (options.save !== false)
    saveModels(models, `dev split of corpus/ (${documents.length} reports, ${samples.length} candidates)`);
  return { documents: documents.length, samples, models };
}
