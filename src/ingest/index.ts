/**
 * `kg ingest` (and the editors' mutation): stores an article as a source and its proposals (entities
 * and facts with their quotes and a confidence) in the review queue, both in Neo4j and in one
 * transaction, so every API process sees them; with `auto`, the confident part is accepted at once.
 * Records the graph already knows (by id, name or alias) are re-declared under their id, so another
 * source adds a piece of evidence instead of a duplicate; a known deal that the article moves on (a
 * letter of intent that became a contract, talks that ended) gets a new stage.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth';
import { sourceIdFor } from '../curation/sources';
import type { Database } from '../db/neo4j';
import { BadUserInputError } from '../errors';
import { LoadError } from '../load/errors';
import { locateQuote } from '../quotes';
import { ensureSchema } from '../store/schema';
import type { Source } from '../load/sources';
import { writeSources } from '../load/write';
import { checkDate, checkText, checkUrl, LIMITS, precisionOf, slugify } from '../rules';
import { recordRevision } from '../store/curation';
import {
  PROPOSAL_STATUSES,
  ProposalQuote,
  proposalsOfSource,
  readStoredRecords,
  saveProposals,
  StoredProposal,
  storedRecords,
} from '../store/proposals';
import { extract } from './extract';
import { proposalDrafts } from './factfile';
import { readKnown } from '../store/known';
import { acceptProposals, proposalId } from './review';
import { checkArticleText, factsEndMarker } from './text';

export interface IngestInput {
  /** The article's text, unchanged (it is stored as it is and quoted verbatim). */
  text: string;
  url?: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD: dates the article's stages and claims. */
  published?: string | null;
  /** Defaults to the article's first line. */
  title?: string | null;
  publisher?: string | null;
  /** ISO 639-1 code; default `en`. */
  language?: string | null;
}

export interface IngestOptions {
  /** Accept the proposals with a confidence of at least `minConfidence` at once. */
  auto: boolean;
  minConfidence: number;
  /** Prefix of the argument names in errors: `input.` through the API, none for the command line. */
  argumentPrefix?: string;
  log?: (line: string) => void;
}

export interface IngestResult {
  sourceId: string;
  /** False when this very text had been ingested before: nothing new was stored. */
  created: boolean;
  /** Every proposal of the article, most confident first, with its status in review. */
  proposals: StoredProposal[];
}

const BOUNDED = { bounded: true };

function checkInput(input: IngestInput, options: IngestOptions) {
  const at = (name: string) => `${options.argumentPrefix ?? ''}${name}`;
  checkArticleText(at('text'), input.text);
  const language = input.language ?? 'en';
  if (!/^[a-z]{2}$/.test(language))
    throw new BadUserInputError(at('language'), 'must be an ISO 639-1 code such as "en".');
  if (!(options.minConfidence >= 0 && options.minConfidence <= 1)) {
    throw new BadUserInputError(at('minConfidence'), 'must be a number from 0 to 1.');
  }
  return {
    text: input.text,
    url: input.url == null ? undefined : checkUrl(at('url'), input.url),
    published: input.published == null ? undefined : checkDate(at('published'), input.published),
    title: input.title == null ? undefined : checkText(at('title'), input.title, LIMITS.text),
    publisher: input.publisher == null ? undefined : checkText(at('publisher'), input.publisher, LIMITS.name),
    language,
  };
}

/** The sentences a proposal rests on, with their offsets in the article. */
const located = (text: string, quotes: readonly string[]): ProposalQuote[] =>
  quotes.flatMap((quote) => {
    const where = locateQuote(text, quote);
    return where ? [{ text: quote, start: where.start, end: where.end }] : [];
  });

export async function ingestArticle(
  db: Database,
  principal: Principal,
  raw: IngestInput,
  options: IngestOptions,
): Promise<IngestResult> {
  // Every check comes before any database work: bad input leaves the graph and the queue as they were.
  const input = checkInput(raw, options);
  const log = options.log ?? (() => undefined);
  await ensureSchema(db);
  const title = input.title ?? input.text.trim().split('\n')[0]!.trim().slice(0, 200);
  const headline = title.split(/\s+/).slice(0, 8).join(' ');
  // A different article with the same derived id is stored under an id of its own: stored texts never change.
  const sourceId = await sourceIdFor(
    db,
    slugify(['ingest', input.publisher, input.published, headline].filter(Boolean).join(' ')),
    input.text,
  );
  const precision = input.published === undefined ? undefined : precisionOf(input.published);
  const published = input.published && precision ? { value: input.published, precision } : null;
  const marker = factsEndMarker(input.text);
  const source: Source = {
    id: sourceId,
    kind: 'news-article',
    title,
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(published ? { published: published.value, publishedPrecision: published.precision } : {}),
    language: input.language,
    file: 'ingest',
    text: input.text,
    factsEnd: marker ? input.text.indexOf(marker) : input.text.length,
  };

  // The same text again changes nothing: its proposals and their decisions stay as they are, even when
  // the graph has learnt since what a new extraction would find.
  if ((await readStoredRecords(db, [sourceId])).has(sourceId)) {
    log(`source: ${sourceId} (ingested before: unchanged; decide its proposals with kg review)`);
    return { sourceId, created: false, proposals: await proposalsOfSource(db, sourceId, PROPOSAL_STATUSES) };
  }

  const known = await readKnown(db);
  const extraction = extract(input.text, known, published ? Number(published.value.slice(0, 4)) : undefined);
  const now = new Date().toISOString();
  const proposals: StoredProposal[] = proposalDrafts(extraction, known, sourceId, published).map((d) => ({
    id: proposalId(sourceId, d.section, d.id),
    sourceId,
    section: d.section,
    recordId: d.id,
    name: d.name,
    confidence: d.confidence,
    known: d.known,
    status: 'pending',
    quotes: located(input.text, d.quotes),
    record: d.record,
    written: null,
    createdAt: now,
    createdBy: principal.subject,
    decidedAt: null,
    decidedBy: null,
  }));

  // The source and its proposals together: an article is never in the graph without its queue.
  const created = await db.write(
    'ingestArticle',
    async (tx) => {
      // Another ingestion of this very text may have stored it since the check above: then it is that one's.
      if ((await storedRecords(tx, [sourceId])).has(sourceId)) return false;
      await writeSources(tx, [source]).catch((error: unknown) => {
        // Another text took the id since it was chosen: nothing is stored, and ingesting again picks another.
        throw error instanceof LoadError
          ? new BadUserInputError(`${options.argumentPrefix ?? ''}text`, error.reason)
          : error;
      });
      await saveProposals(tx, proposals);
      const summary = { proposals: proposals.length, ...(marker ? { factsEndAt: marker } : {}) };
      await recordRevision(tx, {
        id: randomUUID(),
        entityId: sourceId,
        operation: 'ingestArticle',
        changes: JSON.stringify([{ field: 'ingestion', before: null, after: JSON.stringify(summary) }]),
        changedBy: principal.subject,
        via: principal.via,
        changedAt: now,
        reason: null,
      });
      return true;
    },
    BOUNDED,
  );
  log(`source: ${sourceId}${marker ? ` (facts end at "${marker}")` : ''}`);

  if (created && options.auto) {
    const pending = await proposalsOfSource(db, sourceId, ['pending']);
    const ids = pending.filter((p) => p.confidence >= options.minConfidence).map((p) => p.id);
    if (ids.length > 0) {
      const accepted = await acceptProposals(
        db,
        principal,
        { ids, reason: `kg ingest --auto: confidence at least ${options.minConfidence}` },
        { auto: true },
      );
      log(`accepted ${accepted.length} proposal(s) at confidence >= ${options.minConfidence}`);
    }
  }
  const stored = await proposalsOfSource(db, sourceId, PROPOSAL_STATUSES);
  log(`proposals: ${stored.length} (${stored.filter((p) => p.known).length} about records the graph knows)`);
  return { sourceId, created, proposals: stored };
}
