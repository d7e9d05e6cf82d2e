/**
 * How far two readings of the same reports agree. A second reader, blind to the gold files, wrote the
 * companies, sites, plants and partnerships of a sample of reports (corpus/agreement/); scoring that
 * reading against the gold files by the extractor's own matching rules gives the agreement of two
 * careful readers, the ceiling any extractor can be measured against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FactFile } from '../load/plan';
import { parseYaml } from '../load/sources';
import type { EntityLabel, EntityProposal, Extraction } from './extract';
import {
  CORPUS_DIR,
  CorpusEvaluation,
  Counts,
  Figures,
  formatFigures,
  readDocument,
  readSplits,
  Ref,
  refId,
  roundFigures,
  scoreDocument,
  summarize,
} from './evaluate';

export const AGREEMENT_DIR = path.join(CORPUS_DIR, 'agreement');

type Reading = Record<string, unknown> & { id: string; name: string };
const refs = (value: unknown) => ((value as Ref[] | undefined) ?? []).map(refId);

function entity(r: Reading, label: EntityLabel, kind?: string): EntityProposal {
  const plant = r.plant as { operator: Ref } | undefined;
  return {
    id: r.id,
    label,
    name: r.name,
    aliases: (r.aliases as string[] | undefined) ?? [],
    kinds: kind ? [kind] : [],
    known: false,
    confidence: 1,
    quotes: [],
    locatedIn: refs(r.locatedIn),
    basedIn: [],
    position: null,
    plant: plant ? { operator: refId(plant.operator) } : null,
  };
}

/** A reader's fact file as the extractor's output, so that the gold file scores it by the same rules. */
export function readingAsExtraction(reading: FactFile): Extraction {
  const records = (section: keyof FactFile) => (reading[section] ?? []) as Reading[];
  return {
    entities: [
      ...records('companies').map((r) => entity(r, 'Company')),
      ...records('people').map((r) => entity(r, 'Person')),
      ...records('sites').map((r) => entity(r, 'Site', r.kind as string)),
    ],
    deals: records('partnerships').map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as string,
      status: (r.status as string | undefined) ?? 'announced',
      binding: 'unknown',
      modality: 'asserted',
      parties: (r.parties as { company: Ref; role?: string }[]).map((p) => ({
        company: refId(p.company),
        role: p.role ?? 'partner',
      })),
      sites: [],
      projects: [],
      known: false,
      confidence: 1,
      quotes: (r.evidence as string[] | undefined) ?? [],
      stage: null,
    })),
    milestones: [],
    claims: [],
  };
}

/** The reports a folder holds second readings of: one `<report id>.yaml` each. */
export const readingIds = (dir = AGREEMENT_DIR) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();

/** One report's second reading, in the loader's format. */
export function readReading(id: string, dir = AGREEMENT_DIR): FactFile {
  const file = path.join(dir, `${id}.yaml`);
  return parseYaml(file, readFileSync(file, 'utf8')) as FactFile;
}

/** The second reading of every report in `dir`, scored against its gold file; all from one split. */
export function evaluateAgreement(dir = AGREEMENT_DIR, corpusDir = CORPUS_DIR): CorpusEvaluation {
  const ids = readingIds(dir);
  const splits = readSplits(corpusDir);
  const split = (['dev', 'test'] as const).find((s) => ids.every((id) => splits[s].includes(id)));
  if (!ids.length || !split) throw new Error(`${dir}: expected second readings of reports of one split`);
  const results = ids.map((id) =>
    scoreDocument(id, readingAsExtraction(readReading(id, dir)), readDocument(id, corpusDir).gold),
  );
  return summarize(split, results);
}

/** The kinds a second reading covers: partnerships, plants, and companies and sites by type. */
const covered = (e: CorpusEvaluation) =>
  [
    ['partnerships', e.figures.partnerships],
    ['plants', e.figures.plants],
    ...Object.entries(e.byType).filter(([t]) => t === 'Company' || t.startsWith('Site:')),
  ] as [string, Figures & Counts][];

export function formatAgreement(e: CorpusEvaluation, options: { errors: boolean }): string {
  const out = [`second reading against the gold files, ${e.split}: ${e.documents} reports`];
  for (const [name, f] of covered(e)) out.push(formatFigures(name, f));
  if (options.errors)
    for (const r of e.results) {
      const errors = r.errors.filter((x) => /partnership|plant|Company|Site:facility/.test(x.kind));
      if (errors.length) out.push('', `${r.id}:`, ...errors.map((x) => `  ${x.kind}: ${x.text}`));
    }
  return out.join('\n');
}

export function agreementJson(e: CorpusEvaluation) {
  return {
    split: e.split,
    documents: e.documents,
    ...Object.fromEntries(covered(e).map(([name, f]) => [name, roundFigures(f)])),
  };
}
