import type { DateValueResolvers, EvidenceResolvers, SourceResolvers } from '../__generated__/resolvers-types';
import { loadNodes, loadTyped, relatedNodes } from '../context';

export const Source: SourceResolvers = {
  evidence: (s, _, ctx) => relatedNodes(ctx, 'quotes', s.id, 'Evidence'),
};

export const Evidence: EvidenceResolvers = {
  source: async (e, _, ctx) => (await loadTyped(ctx, e.sourceId, 'Source'))!,
  speaker: (e, _, ctx) => (e.speakerId ? loadTyped(ctx, e.speakerId, 'Person') : null),
  supports: async (e, _, ctx) => (await ctx.loaders.related('supports').load(e.id)).map((r) => r.node),
};

export const DateValue: DateValueResolvers = {
  evidence: (d, _, ctx) => loadNodes(ctx, d.evidenceIds, 'Evidence'),
};
