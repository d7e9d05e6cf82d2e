/** Ingestion and its review queue: proposals, their decisions, and the queue of articles awaiting review. */
import type {
  IngestReportResolvers,
  MutationResolvers,
  ProposalResolvers,
  ProposalSection,
  ProposalStatus,
  QueryResolvers,
  ReviewQueueEntryResolvers,
} from '../__generated__/resolvers-types';
import { requireEditor } from '../auth';
import { Context, loadTyped } from '../context';
import type * as Ingestion from '../ingest';
import { acceptProposals, proposalsOf, rejectProposals } from '../ingest/review';
import { mergeProposals } from '../ingest/review-merge';
import { checkInt } from '../rules';
import { proposalById, reviewQueue, Section } from '../store/proposals';
import { fromEnum, toEnum } from '../store/rows';

/**
 * The extractor, loaded on first use: its gazetteer and language model cost over 100 MiB, so only a
 * process that ingests holds them. A require, not import(): the product runs its TypeScript through
 * tsx's CommonJS loader, under which import() reaches Node's ESM loader, which cannot load .ts files.
 */
const ingestion = (): typeof Ingestion => require('../ingest') as typeof Ingestion;

const SECTIONS: Record<Section, ProposalSection> = {
  companies: 'COMPANY',
  people: 'PERSON',
  sites: 'SITE',
  projects: 'PROJECT',
  partnerships: 'PARTNERSHIP',
  stages: 'STAGE',
  milestones: 'MILESTONE',
  claims: 'CLAIM',
};

async function sourceOf(ctx: Context, id: string) {
  const source = await loadTyped(ctx, id, 'Source');
  // A proposal is stored with its source, and sources are never deleted.
  if (!source) throw new Error(`source ${id} of a proposal is missing`);
  return source;
}

/** Checks the caller may write, runs the decision, then drops the request's cache: records changed. */
async function decide<T>(ctx: Context, work: () => Promise<T>): Promise<T> {
  requireEditor(ctx.principal);
  const result = await work();
  ctx.loaders.forgetAll();
  return result;
}

export const ReviewQuery: QueryResolvers = {
  proposals: (_, { sourceId, status }, ctx) =>
    proposalsOf(
      ctx.db,
      sourceId,
      (status ?? ['PENDING']).map((s) => fromEnum(s) as Lowercase<ProposalStatus>),
    ),
  proposal: (_, { id }, ctx) => proposalById(ctx.db, id),
  reviewQueue: (_, { first }, ctx) => reviewQueue(ctx.db, checkInt('first', first ?? 20, 1, 100)),
};

export const ReviewMutation: MutationResolvers = {
  ingestArticle: (_, { input }, ctx) =>
    decide(ctx, () =>
      ingestion().ingestArticle(ctx.db, ctx.principal, input, {
        auto: input.auto ?? false,
        minConfidence: input.minConfidence ?? 0.8,
        argumentPrefix: 'input.',
      }),
    ),
  acceptProposals: (_, { input }, ctx) => decide(ctx, () => acceptProposals(ctx.db, ctx.principal, input)),
  rejectProposals: (_, { input }, ctx) => decide(ctx, () => rejectProposals(ctx.db, ctx.principal, input)),
  mergeProposals: (_, { input }, ctx) => decide(ctx, () => mergeProposals(ctx.db, ctx.principal, input)),
};

export const Proposal: ProposalResolvers = {
  source: (proposal, _, ctx) => sourceOf(ctx, proposal.sourceId),
  section: (proposal) => SECTIONS[proposal.section],
  status: (proposal) => toEnum<ProposalStatus>(proposal.status),
  record: (proposal) => JSON.stringify(proposal.record),
  written: (proposal) => (proposal.written === null ? null : JSON.stringify(proposal.written)),
  entity: (proposal, _, ctx) => ctx.loaders.node.load(proposal.recordId),
  mergedInto: (proposal, _, ctx) => (proposal.mergedInto ? loadTyped(ctx, proposal.mergedInto, 'Company') : null),
};

export const ReviewQueueEntry: ReviewQueueEntryResolvers = {
  source: (entry, _, ctx) => sourceOf(ctx, entry.sourceId),
};

export const IngestReport: IngestReportResolvers = {
  source: (report, _, ctx) => sourceOf(ctx, report.sourceId),
};
