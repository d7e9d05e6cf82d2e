import type { ProjectResolvers } from '../__generated__/resolvers-types';
import { relatedNodes } from '../context';

export const Project: ProjectResolvers = {
  owners: (p, _, ctx) => relatedNodes(ctx, 'owners', p.id, 'Company'),
  partOf: (p, _, ctx) => relatedNodes(ctx, 'partOf', p.id, 'Project'),
  parts: (p, _, ctx) => relatedNodes(ctx, 'parts', p.id, 'Project'),
  partnerships: (p, _, ctx) => relatedNodes(ctx, 'partnershipsOfProject', p.id, 'Partnership'),
  milestones: (p, _, ctx) => relatedNodes(ctx, 'milestones', p.id, 'Milestone'),
  evidence: (p, _, ctx) => relatedNodes(ctx, 'evidence', p.id, 'Evidence'),
};
