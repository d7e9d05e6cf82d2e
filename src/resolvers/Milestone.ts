import type { MilestoneResolvers, TimelineEntryResolvers } from '../__generated__/resolvers-types';
import { loadNodes, loadTyped, relatedNodes } from '../context';

export const Milestone: MilestoneResolvers = {
  partnerships: (m, _, ctx) => relatedNodes(ctx, 'milestonePartnerships', m.id, 'Partnership'),
  companies: (m, _, ctx) => relatedNodes(ctx, 'milestoneCompanies', m.id, 'Company'),
  sites: (m, _, ctx) => relatedNodes(ctx, 'sites', m.id, 'Site'),
  projects: (m, _, ctx) => relatedNodes(ctx, 'milestoneProjects', m.id, 'Project'),
  evidence: (m, _, ctx) => relatedNodes(ctx, 'evidence', m.id, 'Evidence'),
};

export const TimelineEntry: TimelineEntryResolvers = {
  milestone: (e, _, ctx) =>
    e.milestone !== undefined ? e.milestone : e.milestoneId ? loadTyped(ctx, e.milestoneId, 'Milestone') : null,
  partnership: (e, _, ctx) =>
    e.partnership !== undefined
      ? e.partnership
      : e.partnershipId
        ? loadTyped(ctx, e.partnershipId, 'Partnership')
        : null,
  stage: (e, _, ctx) => (e.stageId ? loadTyped(ctx, e.stageId, 'Stage') : null),
  evidence: (e, _, ctx) => loadNodes(ctx, e.evidenceIds, 'Evidence'),
};
