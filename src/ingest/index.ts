/**
 * `kg ingest` (and the editors' mutation): stores an article as a source, proposes entities and facts
 * with their quotes and a confidence, writes them as a reviewable fact file and, with `auto`, loads the
 * confident part at once. Records the graph already knows (by id, name or alias) are re-declared under
 * their id, so another source adds a piece of evidence instead of a duplicate; a known deal that the
 * article moves on (a letter of intent that became a contract, talks that ended) gets a new stage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { DEFAULT_DATA_DIR, FileResult, loadData, planFiles } from '../load';
import { ensureSchema } from '../load/schema';
import { readSource, SourceRecord } from '../load/sources';
import { writeSources } from '../load/write';
import { precisionOf, slugify } from '../rules';
import { extract } from './extract';
import { factFile, Proposal, proposalsOf } from './factfile';
import { readKnown } from './known';
import { factsEndMarker } from './text';

export interface IngestInput {
  /** The article's text, unchanged (it is stored as it is and quoted verbatim). */
  text: string;
  url?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: dates the article's stages and claims. */
  published?: string;
  /** Defaults to the article's first line. */
  title?: string;
  publisher?: string;
  /** ISO 639-1 code; default `en`. */
  language?: string;
}

export interface IngestOptions {
  /** Load the proposals with a confidence of at least `minConfidence` at once. */
  auto: boolean;
  minConfidence: number;
  /** A data folder (sources/, facts/, review/); default data/. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface IngestResult {
  sourceId: string;
  /** The source record written (sources/<id>.yaml, beside the text in sources/<id>.txt). */
  sourceFile: string;
  /** Every proposal, most confident first, each with its confidence and quotes. */
  proposals: (Proposal & { loaded: boolean })[];
  /** The fact file to review (review/<id>.yaml): all proposals, or with `auto` those left out. Null when empty. */
  reviewFile: string | null;
  /** With `auto`: the fact file loaded (facts/<id>.yaml); null otherwise or when nothing was confident enough. */
  factFile: string | null;
  /** What `auto` loaded, per file. */
  loaded: FileResult[];
}

function checkInput(input: IngestInput, options: IngestOptions): void {
  if (input.text.trim().length < 20)
    throw new BadUserInputError('text', 'must hold an article (at least 20 characters)');
  if (input.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(input.published))
    throw new BadUserInputError('published', 'must be YYYY, YYYY-MM or YYYY-MM-DD');
  if (input.url && !/^https?:\/\//.test(input.url))
    throw new BadUserInputError('url', 'must start with http:// or https://');
  if (!(options.minConfidence >= 0 && options.minConfidence <= 1))
    throw new BadUserInputError('minConfidence', 'must be between 0 and 1');
}

export async function ingestArticle(db: Database, input: IngestInput, options: IngestOptions): Promise<IngestResult> {
  checkInput(input, options);
  const log = options.log ?? (() => undefined);
  const outDir = path.resolve(options.outDir ?? DEFAULT_DATA_DIR);
  const title = input.title ?? input.text.trim().split('\n')[0]!.trim().slice(0, 200);
  const headline = title.split(/\s+/).slice(0, 8).join(' ');
  const sourceId = slugify(['ingest', input.publisher, input.published, headline].filter(Boolean).join(' '));
  const precision = input.published === undefined ? undefined : precisionOf(input.published);
  const published = input.published && precision ? { value: input.published, precision } : null;

  // The source first: its text file unchanged, its record beside it, and its node in the graph.
  const sourcesDir = path.join(outDir, 'sources');
  mkdirSync(sourcesDir, { recursive: true });
  writeFileSync(path.join(sourcesDir, `${sourceId}.txt`), input.text);
  const marker = factsEndMarker(input.text);
  const record: SourceRecord = {
    id: sourceId,
    kind: 'news-article',
    title,
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(published ? { published: published.value, publishedPrecision: published.precision } : {}),
    language: input.language ?? 'en',
    textFile: `${sourceId}.txt`,
    ...(marker ? { factsEndAt: marker } : {}),
    notes: 'Stored by `kg ingest`; the text is kept unchanged.',
  };
  const sourceFile = path.join(sourcesDir, `${sourceId}.yaml`);
  writeFileSync(sourceFile, YAML.stringify(record, { lineWidth: 0 }));
  const source = readSource(sourceFile);
  await ensureSchema(db);
  await db.write('ingestSource', (tx) => writeSources(tx, [source]));
  log(`source: ${sourceId}${marker ? ` (facts end at "${marker}")` : ''}`);

  const known = await readKnown(db);
  const extraction = extract(input.text, known, published ? Number(published.value.slice(0, 4)) : undefined);
  const threshold = options.auto ? options.minConfidence : Infinity;
  const write = (dir: string, file: ReturnType<typeof factFile>, header: string): string | null => {
    if (Object.keys(file).length === 1) return null;
    mkdirSync(path.join(outDir, dir), { recursive: true });
    const target = path.join(outDir, dir, `${sourceId}.yaml`);
    writeFileSync(target, `${header}\n${YAML.stringify(file, { lineWidth: 0 })}`);
    planFiles(target); // the file must load as it is: schema, references inside it, quotes
    return target;
  };
  const reviewFile = write(
    'review',
    factFile(extraction, known, sourceId, published, { min: 0, max: threshold }),
    `# Proposals of \`kg ingest\` from ${sourceId}: keep, fix or drop records, then \`kg load\` this file\n` +
      "# (or move it to facts/). Each record carries the extractor's confidence and the sentences it quotes.",
  );
  const loadedFile = options.auto
    ? write(
        'facts',
        factFile(extraction, known, sourceId, published, { min: threshold }),
        `# Loaded by \`kg ingest --auto --min-confidence ${threshold}\` from ${sourceId}.`,
      )
    : null;
  const loaded = loadedFile ? await loadData(db, loadedFile, { log }) : [];
  // What the loaded file holds, not what passed the threshold: a record can be held back with its parties.
  const loadedIds = new Set(loadedFile ? planFiles(loadedFile).plans.flatMap((p) => p.nodes.map((n) => n.id)) : []);

  const proposals = proposalsOf(extraction, sourceId, published).map((p) => ({
    ...p,
    loaded: loadedIds.has(p.id),
  }));
  log(
    `proposals: ${proposals.length} (${proposals.filter((p) => p.known).length} about records the graph knows)` +
      (options.auto ? `, loaded ${proposals.filter((p) => p.loaded).length} at confidence >= ${threshold}` : ''),
  );
  return { sourceId, sourceFile, proposals, reviewFile, factFile: loadedFile, loaded };
}
