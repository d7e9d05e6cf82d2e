/** The resolver map, assembled from one module per GraphQL type. */
import type { Resolvers } from '../__generated__/resolvers-types';
import { Company, Partner } from './Company';
import { connectionFields } from './connection';
import { CellMaker, Dashboard } from './Dashboard';
import { Claim, ClaimGroup, CompanyLifecycle, DealHistory, LifecycleQuery, Stage } from './Lifecycle';
import { Milestone, TimelineEntry } from './Milestone';
import { Mutation } from './Mutation';
import { Node } from './Node';
import { Partnership, Party } from './Partnership';
import { Person, Position } from './Person';
import {
  CapacityFigure,
  CapacityReport,
  CompanyPlants,
  Ownership,
  Plant,
  PlantQuery,
  SitePlant,
  StagePlant,
} from './Plant';
import { Project } from './Project';
import { DateValue, Evidence, Source } from './Provenance';
import { Query } from './Query';
import { Revision } from './Revision';
import { IngestReport, Proposal, ReviewMutation, ReviewQuery, ReviewQueueEntry } from './Review';
import { Site } from './Site';

export const resolvers: Resolvers = {
  Query: { ...Query, ...LifecycleQuery, ...PlantQuery, ...ReviewQuery },
  Mutation: { ...Mutation, ...ReviewMutation },
  Revision,
  IngestReport,
  Proposal,
  ReviewQueueEntry,
  Node,
  Company: { ...Company, ...CompanyLifecycle, ...CompanyPlants },
  Partner,
  Person,
  Position,
  Site: { ...Site, ...SitePlant },
  Plant,
  Ownership,
  CapacityReport,
  CapacityFigure,
  Dashboard,
  CellMaker,
  Project,
  Partnership,
  Party,
  Milestone,
  TimelineEntry,
  Source,
  Evidence,
  DateValue,
  Stage: { ...Stage, ...StagePlant },
  Claim,
  ClaimGroup,
  DealHistory,
  CompanyConnection: connectionFields,
  PartnershipConnection: connectionFields,
  PlantConnection: connectionFields,
  SiteConnection: connectionFields,
  ProjectConnection: connectionFields,
  PersonConnection: connectionFields,
};
