import type { IngestReportResolvers } from '../__generated__/resolvers-types';
import { loadTyped } from '../context';

export const IngestReport: IngestReportResolvers = {
  async source(report, _, ctx) {
    const source = await loadTyped(ctx, report.sourceId, 'Source');
    // The ingestion stored the source before it reported, so it is there.
    if (!source) throw new Error(`ingested source ${report.sourceId} is missing`);
    return source;
  },
};
