/**
 * `kg train`: fits the extractor's confidence on the dev split of the gold corpus. Every candidate the
 * extractor finds (no floor) is labelled by whether its report's gold file holds it, under the rules of
 * `kg evaluate`; one logistic regression per kind of proposal is fitted on those labels and written to
 * src/ingest/data/weights.json. The test split is never read.
 */
import { fit, Sample, saveModels } from './confidence';
import { extractDocument, readCorpus, scoreDocument } from './evaluate';

export function trainConfidence(options: { dir?: string; save?: boolean } = {}): {
  documents: number;
  samples: Sample[];
} {
  const documents = readCorpus('dev', options.dir);
  const samples: Sample[] = [];
  for (const doc of documents) {
    const { extraction, scored } = extractDocument(doc, { entities: [], deals: [] }, 0);
    const { hits } = scoreDocument(doc.source.id, extraction, doc.gold);
    for (const s of scored) samples.push({ family: s.family, features: s.features, label: hits.has(s.proposal) });
  }
  const models = fit(samples);
  if (options.save !== false)
    saveModels(models, `dev split of corpus/ (${documents.length} reports, ${samples.length} candidates)`);
  return { documents: documents.length, samples };
}
